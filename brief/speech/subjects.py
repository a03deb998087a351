"""The speaker of a verb of saying: the noun phrase before it ("Laessing said", "one of the
protesters explained", "Algeria's foreign ministry stated") or after it ("said Diop").

Every search walks a bounded number of tokens, so the cost per verb is constant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from brief.speech.doc import Doc
from brief.speech.lexicon.nouns import (
    DELEGATES,
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SPEAKING_DOCUMENTS,
    TITLES,
)
from brief.speech.lexicon.places import demonym_place, place
from brief.speech.lexicon.words import (
    DEFINITE_ARTICLES,
    FUNCTION_WORDS,
    NOUN_PHRASE_WORDS,
    OF_WORDS,
    POSSESSIVES,
    PRONOUNS,
    QUOTE_VERBS,
    ROLE_PREFIXES,
    VERB_ADVERBS,
)
from brief.speech.mentions import Mention

_MAX_NP = 8
_MAX_COMPLEMENT = 6
_MAX_APPOSITION = 40
_AGE = re.compile(r"\d+-year-old")
_SPEAKS_FOR = DELEGATES | SPEAKING_DOCUMENTS

# How the text writes a speaker: a name, a pronoun, or a noun phrase ("one of the protesters").
SourceForm = Literal["name", "pronoun", "phrase"]


@dataclass(frozen=True, slots=True)
class Source:
    """Who a verb of saying names, as the text writes it, before any resolution."""

    form: SourceForm
    text: str  # "Laessing", "he", "one of the protesters"
    start: int  # first token of the phrase (title included)
    end: int  # token after the phrase (appositive included)
    mention: Mention | None = None
    role: str | None = None
    head: str | None = None  # head noun of a phrase ("protesters", "ministry")
    definite: bool = False  # "the ministry", "the 56-year-old"
    partner: Mention | None = None  # the first of two names that speak together


@dataclass(slots=True)
class MentionIndex:
    """Mentions by the token where they end, start, and where their appositive ends."""

    by_end: dict[int, Mention]
    by_start: dict[int, Mention]
    by_appositive_end: dict[int, Mention]

    @classmethod
    def of(cls, mentions: list[Mention]) -> MentionIndex:
        """Index the mentions."""
        return cls(
            by_end={m.end: m for m in mentions},
            # A name whose title starts here wins over a body named inside that title
            # ("SciSpacE Team" in "SciSpacE Team Leader Jennifer Ngo-Anh").
            by_start={m.start: m for m in mentions} | {m.run_start: m for m in mentions},
            by_appositive_end={m.appositive_end: m for m in mentions if m.appositive_end},
        )


def _adverb(word: str) -> bool:
    """ "also", "later", "tearfully": words between a subject and its verb."""
    return word.lower() in VERB_ADVERBS or (
        word.islower() and word.endswith("ly") and len(word) > 4
    )


def singular(word: str) -> str:
    """ "companies" -> "company", "ministries" -> "ministry", "firms" -> "firm"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _phrase_head_ok(word: str) -> bool:
    return (
        word in PERSON_NOUNS
        or word in ORG_NOUNS
        or word in ROLE_NOUNS
        or singular(word) in ROLE_NOUNS  # "the physicians"
        or singular(word) in ORG_NOUNS  # "the companies"
        or word in DOCUMENT_NOUNS  # "the memo"
        or bool(_AGE.fullmatch(word))
    )


def _delegate(doc: Doc, index: MentionIndex, mention: Mention) -> bool:
    """Whether the name follows "a spokesperson for (the)" or "officials at"."""
    k = mention.run_start - 1
    if k >= 0 and doc.tokens[k].text == "the":
        k -= 1
    if k < 1 or doc.tokens[k].text not in ("for", "of", "at", "from"):
        return False
    return doc.tokens[k - 1].text.lower() in DELEGATES


def before(doc: Doc, index: MentionIndex, verb: int, lo: int) -> Source | None:
    """The subject ending just before token ``verb`` (not before token ``lo``)."""
    tokens = doc.tokens
    e = verb - 1
    skipped = 0
    while e >= lo and skipped < 3 and _adverb(tokens[e].text):
        e -= 1
        skipped += 1
    if e < lo or doc.quoted[e]:
        return None
    word = tokens[e].text
    if word in PRONOUNS:
        return Source("pronoun", word, e, e + 1)
    if word == ",":
        m = index.by_appositive_end.get(e) or _long_appositive_owner(doc, index, e, lo)
        if m is not None and m.run_start >= lo:
            return Source("name", m.name, m.run_start, e, m, m.appositive)
        return None
    m = index.by_end.get(e + 1)
    if m is not None and m.start >= lo and not m.quoted:
        m = _affiliated(doc, index, m, lo)
        k = m.run_start - 1
        first = index.by_end.get(k) if k > lo and tokens[k].text in ("and", "&") else None
        if first is not None and first.run_start >= lo and not first.quoted:
            # "Volker and Morrison said": both speak.
            text = f"{first.name} and {m.name}"
            return Source("name", text, first.run_start, e + 1, m, None, partner=first)
        return Source("name", m.name, m.run_start, e + 1, m, None)
    return _phrase_before(doc, index, e, lo)


def _affiliated(doc: Doc, index: MentionIndex, m: Mention, lo: int) -> Mention:
    """ "Prof Tim Spector of King's College London said", "Sen. John Kennedy of Louisiana
    said": the person before "of"/"from" speaks, not the body or place after it."""
    tokens = doc.tokens
    if m.kind not in ("organization", "place"):
        return m
    k = m.run_start - 1
    if k > lo and tokens[k].possessive and tokens[k].is_cap:
        k -= 1  # "of King's College London"
    if k <= lo or tokens[k].text not in ("of", "from"):
        return m
    person = index.by_end.get(k)
    if person is None or person.kind != "person" or person.quoted or person.run_start < lo:
        return m
    return person


def _long_appositive_owner(doc: Doc, index: MentionIndex, e: int, lo: int) -> Mention | None:
    """The name before an appositive that runs on past its first comma ("Dylan Nelson, a
    fellow at the Max Planck Institute in Munich, Germany, and co-author of the study, said")."""
    for k in range(e - 1, max(lo, e - _MAX_APPOSITION) - 1, -1):
        token = doc.tokens[k]
        if doc.quoted[k] or token.text in QUOTE_VERBS or token.text in (".", ";", ":"):
            return None
        m = index.by_appositive_end.get(k)
        if m is not None:
            return m
    return None


def _phrase_before(doc: Doc, index: MentionIndex, e: int, lo: int) -> Source | None:
    tokens = doc.tokens
    head = tokens[e].text.lower()
    # "the President", "the Prince": a capitalized title is a description too.
    titled = tokens[e].is_cap and head in TITLES and e > lo and tokens[e - 1].text.lower() == "the"
    opening = tokens[e].is_cap and doc.sentence_start(e)  # "Officials said"
    if not (tokens[e].text.islower() or titled or opening) or not _phrase_head_ok(head):
        return None
    s = e
    while s - 1 >= lo and e - s < _MAX_NP:
        t = tokens[s - 1]
        lower = t.text.lower()
        if doc.quoted[s - 1] or not t.is_word:
            break
        modifier = (
            t.text.islower()
            and (lower not in FUNCTION_WORDS or lower in NOUN_PHRASE_WORDS)
            and lower not in QUOTE_VERBS
        )
        owner = t.is_cap and (t.possessive or demonym_place(t.text) or place(t.base))
        if modifier or owner:
            s -= 1
        elif t.is_cap and index.by_end.get(s) is not None and head in _SPEAKS_FOR:
            m = index.by_end[s]  # "a WeWork spokesperson", "the latest WHO report"
            if any(tokens[n].text in ORG_NOUNS for n in range(s, e)):
                # "Obama administration officials", "Trump campaign aides": they speak for a
                # body named after its leader, not for the leader; the phrase is the source.
                s = m.run_start
                break
            return Source("name", m.name, m.run_start, e + 1, m, None, head)
        elif t.is_cap and lower in NOUN_PHRASE_WORDS:
            s -= 1
        else:
            break
    if s - 2 >= lo and tokens[s - 1].text == "and" and tokens[s].text.lower() in POSSESSIVES:
        first = index.by_end.get(s - 1)
        if first is not None and not first.quoted:  # "Paganini and his team wrote"
            return Source("name", first.name, first.run_start, e + 1, first, None)
    possessor = next((index.by_end.get(k + 1) for k in range(s, e) if tokens[k].possessive), None)
    words = [t.text.lower() for t in tokens[s : e + 1]]
    # Sentence-initial capitals are lowered above; a phrase must not start inside "of the".
    while words and words[0] == "of":
        s += 1
        words = words[1:]
    text = doc.article.text[tokens[s].start : tokens[e].end]
    definite = words[0] in ("the", "his", "her", "their")
    return Source("phrase", text, s, e + 1, possessor, None, head, definite)


def after(doc: Doc, index: MentionIndex, k: int, hi: int) -> Source | None:
    """The subject starting at token ``k`` after an inverted verb ("said Diop")."""
    tokens = doc.tokens
    if k >= hi or doc.quoted[k]:
        return None
    word = tokens[k].text
    if word in PRONOUNS:
        return Source("pronoun", word, k, k + 1)
    m = index.by_start.get(k)
    if m is None and word.lower() in DEFINITE_ARTICLES and k + 1 < hi:
        m = index.by_start.get(k + 1)  # "according to the New Zealand Department of ..."
    if m is None and word.lower() in ROLE_PREFIXES and k + 1 < hi:
        m = index.by_start.get(k + 1)  # "said former South Carolina Gov. Jim Hodges"
        if m is not None and m.kind != "person":
            m = None
    if m is None and word.lower() in POSSESSIVES and k + 1 < hi:
        m = index.by_start.get(k + 1)  # "said its chief executive, Jane Roe"
        if m is not None and m.run_start == m.start:
            m = None  # "said his Labour colleagues": no role before a name
    if m is not None and not m.quoted:
        return Source("name", m.name, k, m.phrase_end, m, m.appositive)
    e = k
    inner: Mention | None = None
    while e < hi and e - k < _MAX_NP and tokens[e].is_word and not doc.quoted[e]:
        lower = tokens[e].text.lower()
        inner = inner or index.by_start.get(e)
        if _phrase_head_ok(lower) and tokens[e].text.islower():
            if inner is not None and lower in DELEGATES:
                return Source("name", inner.name, k, e + 1, inner, None, lower)
            nxt = e + 1
            if nxt + 1 < hi and tokens[nxt].text in ("for", "at", "of"):
                j = nxt + 1 + (tokens[nxt + 1].text == "the")
                m = index.by_start.get(j)
                if m is not None and lower in DELEGATES and m.kind == "organization":
                    return Source("name", m.name, k, m.end, m, None, lower)
            last = _complement_end(doc, e, hi)
            first = k + 1 if tokens[k].text.lower() in DEFINITE_ARTICLES - {"the"} else k
            text = doc.article.text[tokens[first].start : tokens[last].end]
            definite = tokens[k].text.lower() in ("the", "his", "her", "their", *DEFINITE_ARTICLES)
            return Source("phrase", text, k, last + 1, None, None, lower, definite)
        if lower in FUNCTION_WORDS and lower not in NOUN_PHRASE_WORDS:
            return None
        e += 1
    return None


def _complement_end(doc: Doc, e: int, hi: int) -> int:
    """Last token of a head and its named complement: "ministry of Defence", "ministère des
    Affaires étrangères" (a lowercase word only right after a capitalized one)."""
    tokens = doc.tokens
    if not (e + 2 < hi and tokens[e + 1].text in OF_WORDS and tokens[e + 2].is_cap):
        return e
    k = e + 2
    while k + 1 < hi and k - e < _MAX_COMPLEMENT:
        t = tokens[k + 1]
        if not t.is_word or doc.quoted[k + 1] or t.text.lower() in QUOTE_VERBS:
            break
        if t.text.lower() in FUNCTION_WORDS or not (t.is_cap or tokens[k].is_cap):
            break
        k += 1
    return k


def delegated(doc: Doc, index: MentionIndex, source: Source) -> Source:
    """ "a spokesperson for the British Foreign Office" speaks for the office."""
    m = source.mention
    if m is not None and source.form == "name" and _delegate(doc, index, m):
        return Source("name", m.name, source.start, source.end, m, None, "spokesperson")
    return source
