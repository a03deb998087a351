"""Attribution clauses: the words beside a quotation that say who spoke.

`parse_after` reads a clause that starts after a closing mark ("…,” Laessing said.", "…,”
said Diop.", "…” — Maria Gonzalez", "…, according to X."); `parse_before` one that ends at an
opening mark ("X said: “…”", "X said it was “…”"). Both walk a bounded number of tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief.speech.doc import Doc
from brief.speech.lexicon.nouns import TITLES
from brief.speech.lexicon.words import (
    ACCORDING_WORDS,
    AUXILIARIES,
    NAMING_VERBS,
    NON_INVERTING_VERBS,
    QUOTE_VERBS,
)
from brief.speech.subjects import MentionIndex, Source, after, before, delegated

WINDOW = 40  # tokens an attribution may reach from its quotation
_VERB_REACH = 35  # tokens from a subject to its verb (room for a long appositive)
_TITLES_REACH = 8
_COMMANDS = frozenset({"told", "tells", "tell", "asked", "asks", "urged", "urges"})
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


def is_verb(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a verb of saying outside quotation marks (not a command: "The
    judge told him not to swear" says nothing the quotation holds)."""
    token = doc.tokens[i]
    if doc.quoted[i] or not token.text.islower() or token.text not in QUOTE_VERBS:
        return False
    if token.text in _COMMANDS:
        following = [t.text for t in doc.tokens[i + 2 : i + 4]]
        return following[:1] != ["to"] and following != ["not", "to"]
    return True


def _inverts(doc: Doc, i: int) -> bool:
    """A verb that may come before its subject ("said Diop", "asked one protester")."""
    word = doc.tokens[i].text
    return is_verb(doc, i) and (word not in NON_INVERTING_VERBS or word in ("asked", "asks"))


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
    if k + 1 < hi and tokens[k].text in AUXILIARIES and is_verb(doc, k + 1):
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
        verb = next((v for v in range(k, min(hi, k + _VERB_REACH)) if is_verb(doc, v)), None)
        if verb is not None:
            source = before(doc, index, verb, k)
            if source is not None and _starts_near(doc, source, k):
                found = _relayed(doc, index, verb, hi) or Attribution(
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


def _relayed(doc: Doc, index: MentionIndex, verb: int, hi: int) -> Attribution | None:
    """ "“…,” the U.S. attorney's office said Carlineo told the agents.": a body relaying a
    person's words; the speaker is the subject of the second verb of saying."""
    k = verb + 1
    if k < hi and doc.tokens[k].text == "that":
        k += 1
    m = index.by_start.get(k)
    if m is None or m.quoted or m.end >= hi or not is_verb(doc, m.end):
        return None
    source = Source("name", m.name, k, m.end, m, m.appositive)
    return Attribution(doc.tokens[m.end].text, source, m.end + 1, "after")


def _put_it(doc: Doc, v: int, hi: int) -> bool:
    """ "As Gaiman put it," / "as she puts it:" right before the quotation."""
    tokens = doc.tokens
    return (
        v + 2 <= hi
        and tokens[v].text in ("put", "puts")
        and tokens[v + 1].text == "it"
        and v >= 2
        and tokens[v - 2].text.lower() == "as"
    )


def _trailing(doc: Doc, index: MentionIndex, k: int, hi: int) -> Attribution | None:
    """An attribution closing the sentence after more words: "“…” to hold up on their plans,
    Indyk said." or "… are all thought to contribute, according to the department." """
    tokens = doc.tokens
    for v in range(k, hi):
        if _according(doc, v, hi) and tokens[v - 1].text == ",":
            source = after(doc, index, v + _according(doc, v, hi), hi)
            if source is not None:
                return Attribution(_according_verb(doc, v), source, source.end, "after")
        elif is_verb(doc, v) and _tail_words(doc, v + 1) <= 2:
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
    if 0 < len(between) <= 4 and all(t.is_word and t.text.islower() for t in between):
        return True
    # "chairman, CEO and president Craig Menear said": a list of titles before the name.
    return 0 < len(between) <= _TITLES_REACH and all(
        t.text in (",", "and", "&") or t.text.lower().rstrip(".") in TITLES for t in between
    )


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
        put_it = _put_it(doc, v, hi)  # "As Gaiman put it, “…”"
        if not (according or put_it or is_verb(doc, v)):
            continue
        gap = sum(1 for t in tokens[v + 1 : hi] if t.is_word and t.text != "that")
        if gap > (WINDOW if partial else _TAIL):
            return None
        if according:
            source = after(doc, index, v + according, hi)
            verb = _according_verb(doc, v)
            return Attribution(verb, source, hi, "before") if source else None
        source = before(doc, index, v, lo)
        if put_it:
            return Attribution("put it", source, hi, "before") if source else None
        if source is None and _inverts(doc, v):
            source = after(doc, index, v + 1, hi)
        if source is None and tokens[v].text.endswith("ing"):
            continue  # "Liu said that …, warning: “…”": the subject is the main verb's
        if source is None or (tokens[v].text in NAMING_VERBS and source.form == "phrase"):
            return None
        return Attribution(tokens[v].text, delegated(doc, index, source), hi, "before")
    return None
