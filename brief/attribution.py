"""Who said each quotation: the attribution shapes of news writing.

Tried in order for each quotation:

1. after it, in its sentence: `“…,” X said.`, `“…,” said X.`, `“…” — X`, `…, according to X.`
2. before it, in its sentence: `X said: “…”`, `X told Reuters that “…”`, `X said it was “…”`
3. the attribution of the quotation just before it, when only punctuation lies between:
   `“A,” he said. “B.”`
4. the next paragraph, when the quotation ends its own and the next opens with an attribution
   that ends its sentence: `“…,”` / `Ulf Laessing, director of …, said.`
5. the previous paragraph, when it ends with a colon: `Tottenham said in a statement:` / `“…”`

What is left unattributed may inherit a speaker later (brief/resolve.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from brief.lexicon import (
    ACCORDING_WORDS,
    AUXILIARIES,
    NAMING_VERBS,
    NON_INVERTING_VERBS,
    QUOTE_VERBS,
)
from brief.phrases import MentionIndex, Source, after, before, delegated
from brief.quotes import Part, Span
from brief.tokens import QUOTE_MARKS, Doc

_WINDOW = 40  # tokens an attribution may reach from its quotation
_VERB_REACH = 35  # tokens from a subject to its verb (room for a long appositive)
_TAIL = 6  # words allowed after an attribution that must end its sentence
_DASHES = frozenset("—–-")
_LEADING = frozenset({",", ";", ":", "(", *_DASHES})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A verb of saying and the phrase naming who said it."""

    verb: str | None
    source: Source
    end: int  # token after the attribution
    how: str  # after | before | split | next | colon


def _is_verb(doc: Doc, i: int) -> bool:
    token = doc.tokens[i]
    return not doc.quoted[i] and token.text.islower() and token.text in QUOTE_VERBS


def _inverts(doc: Doc, i: int) -> bool:
    """A verb that may come before its subject ("said Diop", "asked one protester")."""
    word = doc.tokens[i].text
    return _is_verb(doc, i) and (word not in NON_INVERTING_VERBS or word in ("asked", "asks"))


def _according(doc: Doc, i: int, hi: int) -> int:
    """Words of "according to" (or "selon", "laut") starting at token ``i``; 0 if none."""
    if doc.quoted[i] or i >= hi:
        return 0
    word = doc.tokens[i].text.lower()
    if word in ACCORDING_WORDS:
        return 1
    return 2 if word == "according" and i + 1 < hi and doc.tokens[i + 1].text == "to" else 0


def _according_verb(doc: Doc, i: int) -> str:
    word = doc.tokens[i].text.lower()
    return "according to" if word == "according" else word


def _tail_words(doc: Doc, end: int) -> int:
    """Words from token ``end`` to the end of its sentence, counted up to _TAIL + 1 (callers
    only compare with small numbers, and a sentence may be a whole paragraph long)."""
    if end >= len(doc.tokens):
        return 0
    stop = doc.sentences[doc.sentence_of[end - 1]].stop
    count = 0
    for t in doc.tokens[end : min(stop, end + 4 * _TAIL)]:
        count += t.is_word
        if count > _TAIL:
            break
    return count


def parse_after(
    doc: Doc, index: MentionIndex, lo: int, hi: int, *, strict: bool = False
) -> Attribution | None:
    """An attribution that starts at token ``lo`` (after a closing mark or a paragraph start)."""
    tokens = doc.tokens
    k = lo
    dash = False
    while k < hi and tokens[k].text in _LEADING:
        dash = dash or tokens[k].text in _DASHES
        k += 1
    if k + 1 < hi and tokens[k].text in AUXILIARIES and _is_verb(doc, k + 1):
        k += 1  # "a ajouté Laurent Fabius"
    if k >= hi or doc.quoted[k]:
        return None
    found: Attribution | None = None
    capitalized = k == lo and tokens[k].is_cap and tokens[k].text.lower() in QUOTE_VERBS
    if _inverts(doc, k) or capitalized:  # "said Diop." or, opening a paragraph, "Said Diop."
        source = after(doc, index, k + 1, hi)
        if source is not None:
            found = Attribution(tokens[k].text.lower(), source, max(source.end, k + 1), "after")
    elif _according(doc, k, hi):
        source = after(doc, index, k + _according(doc, k, hi), hi)
        if source is not None:
            found = Attribution(_according_verb(doc, k), source, source.end, "after")
    else:
        verb = next((v for v in range(k, min(hi, k + _VERB_REACH)) if _is_verb(doc, v)), None)
        if verb is not None:
            source = before(doc, index, verb, k)
            if source is not None and _starts_near(doc, source, k):
                found = Attribution(
                    tokens[verb].text, delegated(doc, index, source), verb + 1, "after"
                )
        if found is None and not strict:
            found = _trailing(doc, index, k, hi)
        if found is None and dash:
            m = index.by_start.get(k)
            if m is not None:
                source = Source("name", m.name, k, m.end, m, m.appositive)
                found = Attribution(None, source, m.end, "after")
    if found is not None and strict and _tail_words(doc, found.end) > _TAIL:
        return None
    return found


def _trailing(doc: Doc, index: MentionIndex, k: int, hi: int) -> Attribution | None:
    """An attribution closing the sentence after more words: "“…” to hold up on their plans,
    Indyk said." or "… are all thought to contribute, according to the department." """
    tokens = doc.tokens
    for v in range(k, hi):
        if _according(doc, v, hi) and tokens[v - 1].text == ",":
            source = after(doc, index, v + _according(doc, v, hi), hi)
            if source is not None:
                return Attribution(_according_verb(doc, v), source, source.end, "after")
        elif _is_verb(doc, v) and _tail_words(doc, v + 1) <= 2:
            source = before(doc, index, v, k)
            if source is not None and source.start > k and tokens[source.start - 1].text == ",":
                return Attribution(tokens[v].text, delegated(doc, index, source), v + 1, "after")
    return None


def _starts_near(doc: Doc, source: Source, k: int) -> bool:
    """The subject opens the attribution (a few lowercase words before a name are allowed:
    "a spokesperson for the British Foreign Office")."""
    if source.start == k:
        return True
    between = doc.tokens[k : source.start]
    return 0 < len(between) <= 4 and all(t.is_word and t.text.islower() for t in between)


def parse_before(
    doc: Doc, index: MentionIndex, lo: int, hi: int, *, partial: bool
) -> Attribution | None:
    """An attribution ending at token ``hi`` (an opening mark, or the end of a paragraph).

    ``partial`` is for a quotation inside a sentence ("said it was “…”"), which may stand
    further from its verb than one the attribution introduces ("X said: “…”").
    """
    tokens = doc.tokens
    for v in range(hi - 1, lo - 1, -1):
        according = _according(doc, v, hi)
        if not (according or _is_verb(doc, v)):
            continue
        gap = sum(1 for t in tokens[v + 1 : hi] if t.is_word and t.text != "that")
        if gap > (_WINDOW if partial else _TAIL):
            return None
        if according:
            source = after(doc, index, v + according, hi)
            verb = _according_verb(doc, v)
            return Attribution(verb, source, hi, "before") if source else None
        source = before(doc, index, v, lo)
        if source is None and _inverts(doc, v):
            source = after(doc, index, v + 1, hi)
        if source is None and tokens[v].text.endswith("ing"):
            continue  # "Liu said that …, warning: “…”": the subject is the main verb's
        if source is None or (tokens[v].text in NAMING_VERBS and source.form == "phrase"):
            return None
        return Attribution(tokens[v].text, delegated(doc, index, source), hi, "before")
    return None


def _open_token(doc: Doc, part: Part) -> int:
    return max(doc.first_token_at(part.start - 1), 0)


def _close_token(doc: Doc, part: Part) -> int:
    return doc.first_token_at(part.end)


def _after_window(doc: Doc, part: Part) -> tuple[int, int]:
    close = _close_token(doc, part)
    lo = close + 1
    stop = (
        min(doc.sentences[doc.sentence_of[close]].stop, lo + _WINDOW)
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
    lo = max(lo, hi - _WINDOW)
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
    if len(words) == 1 and _is_verb(doc, words[0]) and doc.tokens[words[0]].text.endswith("ing"):
        return doc.tokens[words[0]].text
    return None


def _next_paragraph(doc: Doc, index: MentionIndex, paragraph: int) -> Attribution | None:
    if paragraph >= len(doc.paragraph_tokens):
        return None
    para = doc.paragraph_tokens[paragraph]
    if not para or doc.quoted[para.start] or doc.tokens[para.start].text in QUOTE_MARKS:
        return None
    stop = doc.sentences[doc.sentence_of[para.start]].stop
    found = parse_after(doc, index, para.start, min(stop, para.start + _WINDOW), strict=True)
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
