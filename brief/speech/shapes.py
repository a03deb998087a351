"""Who said each quotation: the attribution shapes of news writing.

Tried in order for each quotation:

1. after it, in its sentence: `“…,” X said.`, `“…,” said X.`, `“…” — X`, `…, according to X.`
2. before it, in its sentence: `X said: “…”`, `X told Reuters that “…”`, `X said it was “…”`
3. the attribution of the quotation just before it, when only punctuation lies between:
   `“A,” he said. “B.”`
4. the next paragraph, when the quotation ends its own and the next opens with an attribution
   that ends its sentence: `“…,”` / `Ulf Laessing, director of …, said.`
5. the previous paragraph, when it ends with a colon: `Tottenham said in a statement:` / `“…”`

What is left unattributed may inherit a speaker later (brief/speech/coreference.py).
"""

from __future__ import annotations

from dataclasses import replace

from brief.speech.cues import WINDOW, Attribution, is_verb, parse_after, parse_before
from brief.speech.doc import QUOTE_MARKS, Doc
from brief.speech.spans import Part, Span
from brief.speech.subjects import MentionIndex


def _open_token(doc: Doc, part: Part) -> int:
    return max(doc.first_token_at(part.start - 1), 0)


def _close_token(doc: Doc, part: Part) -> int:
    return doc.first_token_at(part.end)


def _after_window(doc: Doc, part: Part) -> tuple[int, int]:
    close = _close_token(doc, part)
    lo = close + 1
    stop = (
        min(doc.sentences[doc.sentence_of[close]].stop, lo + WINDOW)
        if close < len(doc.tokens)
        else lo
    )
    hi = lo
    while hi < stop and not doc.quoted[hi] and doc.tokens[hi].text not in QUOTE_MARKS:
        hi += 1
    return lo, hi


def _before_window(doc: Doc, part: Part) -> tuple[int, int, bool]:
    hi = _open_token(doc, part)
    if hi >= len(doc.tokens):
        return hi, hi, False
    lo = doc.sentences[doc.sentence_of[hi]].start
    lo = max(lo, hi - WINDOW)
    for i in range(hi - 1, lo - 1, -1):
        if doc.quoted[i] or doc.tokens[i].text in QUOTE_MARKS:
            lo = i + 1
            break
    # Inside a sentence ("said it was “…”") or after a colon, the verb may stand further off.
    loose = hi > lo and (doc.tokens[hi - 1].is_word or doc.tokens[hi - 1].text == ":")
    return lo, hi, loose


def _ends_sentence(doc: Doc, part: Part) -> bool:
    """Whether the quoted words end with their own full stop (“… today.”)."""
    text = doc.article.text[part.start : part.end].rstrip()
    return bool(text) and text[-1] in ".!?"


def _paragraph_rest_empty(doc: Doc, part: Part) -> bool:
    lo, _ = _after_window(doc, part)
    para = doc.paragraph_tokens[part.paragraph]
    return all(not doc.tokens[i].is_word for i in range(lo, para.stop))


def attribute(doc: Doc, index: MentionIndex, spans: list[Span]) -> list[Attribution | None]:
    """The attribution of every quotation (None where none is written near it)."""
    out: list[Attribution | None] = []
    for n, span in enumerate(spans):
        first, last = span.parts[0], span.parts[-1]
        found: Attribution | None = None
        if last.closed:
            lo, hi = _after_window(doc, last)
            found = parse_after(doc, index, lo, hi, strict=_ends_sentence(doc, last))
        if found is None:
            lo, hi, partial = _before_window(doc, first)
            found = parse_before(doc, index, lo, hi, partial=partial)
        if found is None and n > 0:
            found = _split(doc, spans[n - 1], out[-1], first)
        if found is None and last.closed and _paragraph_rest_empty(doc, last):
            found = _next_paragraph(doc, index, last.paragraph + 1)
        if found is None:
            found = _colon_paragraph(doc, index, first)
        out.append(found)
    return out


def _split(
    doc: Doc, previous: Span, attribution: Attribution | None, first: Part
) -> Attribution | None:
    """ "“A,” he said. “B.”": B shares the attribution that ends the sentence before it."""
    if attribution is None:
        return None
    opening = _open_token(doc, first)
    if previous.parts[-1].paragraph != first.paragraph or opening == 0:
        return None
    adding = _participle_between(doc, _close_token(doc, previous.parts[-1]), opening)
    if adding is not None:
        return replace(attribution, verb=adding, how="split")  # “…,” adding “…”
    if attribution.how not in ("after", "split"):
        return None
    if doc.sentence_of[attribution.end - 1] != doc.sentence_of[opening - 1]:
        return None
    between = range(attribution.end, opening)
    if any(doc.quoted[i] or doc.tokens[i].text in QUOTE_MARKS for i in between):
        return None
    return replace(attribution, how="split")


def _participle_between(doc: Doc, close: int, opening: int) -> str | None:
    """The participle in “…,” adding “…” (nothing but punctuation around it)."""
    words = [i for i in range(close + 1, opening) if doc.tokens[i].is_word]
    if len(words) == 1 and is_verb(doc, words[0]) and doc.tokens[words[0]].text.endswith("ing"):
        return doc.tokens[words[0]].text
    return None


def _next_paragraph(doc: Doc, index: MentionIndex, paragraph: int) -> Attribution | None:
    if paragraph >= len(doc.paragraph_tokens):
        return None
    para = doc.paragraph_tokens[paragraph]
    if not para or doc.quoted[para.start] or doc.tokens[para.start].text in QUOTE_MARKS:
        return None
    stop = doc.sentences[doc.sentence_of[para.start]].stop
    found = parse_after(doc, index, para.start, min(stop, para.start + WINDOW), strict=True)
    return replace(found, how="next") if found else None


def _colon_paragraph(doc: Doc, index: MentionIndex, first: Part) -> Attribution | None:
    if first.paragraph == 0:
        return None
    text = doc.article.paragraphs[first.paragraph]
    if doc.article.text[first.start - 1 : first.start] and text.lstrip()[:1] not in QUOTE_MARKS:
        return None
    if _open_token(doc, first) != doc.paragraph_tokens[first.paragraph].start:
        return None
    previous = doc.paragraph_tokens[first.paragraph - 1]
    if not previous or doc.tokens[previous.stop - 1].text != ":":
        return None
    lo = doc.sentences[doc.sentence_of[previous.stop - 1]].start
    found = parse_before(doc, index, lo, previous.stop, partial=False)
    return replace(found, how="colon") if found else None
