"""Attribution clauses: the words beside a quotation that say who spoke.

AFTER_CLAUSES are the forms of a clause that starts after a closing mark ("…,” said Diop."),
BEFORE_CLAUSES those of one that ends at an opening mark ("Diop said: “…”"): named readers,
tried in order, that brief/speech/shapes.py makes shapes of. Every reader walks a bounded
number of tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brief.speech.doc import Doc, Token
from brief.speech.lexicon.nouns import TITLES
from brief.speech.lexicon.words import (
    ACCORDING_WORDS,
    AUXILIARIES,
    COMMAND_VERBS,
    NAMING_VERBS,
    NON_INVERTING_VERBS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    QUOTE_VERBS,
    SETTING_WORDS,
)
from brief.speech.subjects import MentionIndex, Source, after, before, delegated

WINDOW = 40  # tokens an attribution may reach from its quotation
_VERB_REACH = 35  # tokens from a subject to its verb (room for a long appositive)
_TITLES_REACH = 8
_TAIL = 6  # words allowed after an attribution that must end its sentence
_PARENTHESIS = 8  # tokens of a parenthesis after a name ("(R-S.C.)")
_DASHES = frozenset("—–―-")  # em, en, horizontal bar (U+2015), hyphen
_LEADING = frozenset({",", ";", ":", "(", *_DASHES})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A verb of saying and the phrase naming who said it."""

    verb: str | None
    source: Source
    end: int  # token after the attribution
    how: str = ""  # the name of the shape that found it, set by brief/speech/shapes.py


@dataclass(frozen=True, slots=True)
class Clause:
    """Tokens ``lo``..``hi`` beside a quotation, where a reader looks for its attribution.

    ``strict`` (after a quotation that ends its own sentence): the attribution must end its
    sentence too. ``partial`` (before a quotation inside a sentence, "said it was “…”", or
    after a colon): the verb may stand further off than before a comma ("X said, “…”").
    """

    doc: Doc
    index: MentionIndex
    lo: int
    hi: int
    strict: bool = False
    partial: bool = False


ClauseReader = Callable[[Clause], Attribution | None]


def read_clause(forms: Sequence[tuple[str, ClauseReader]], clause: Clause) -> Attribution | None:
    """The attribution the first of ``forms`` reads in ``clause``, if any."""
    for _, read in forms:
        found = read(clause)
        if found is not None:
            return found
    return None


def is_verb(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a verb of saying outside quotation marks (not a command: "The
    judge told him not to swear" says nothing the quotation holds)."""
    token = doc.tokens[i]
    if doc.quoted[i] or not token.text.islower() or token.text not in QUOTE_VERBS:
        return False
    if token.text in COMMAND_VERBS:
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


def _opening(c: Clause) -> tuple[int, str, bool] | None:
    """The first word of a clause after a closing mark (past punctuation and an auxiliary, "a
    ajouté Laurent Fabius"), what it opens with (a verb, "according to", else a subject) and
    whether a dash led to it; None when the clause is empty or quoted."""
    doc, tokens = c.doc, c.doc.tokens
    k, dash = c.lo, False
    while k < c.hi and tokens[k].text in _LEADING:
        dash = dash or tokens[k].text in _DASHES
        k += 1
    if k + 1 < c.hi and tokens[k].text in AUXILIARIES and is_verb(doc, k + 1):
        k += 1
    if k >= c.hi or doc.quoted[k]:
        return None
    capitalized = k == c.lo and tokens[k].is_cap and tokens[k].text.lower() in QUOTE_VERBS
    if _inverts(doc, k) or capitalized:  # "said Diop." or, opening a paragraph, "Said Diop."
        return k, "verb", dash
    return k, "according" if _according(doc, k, c.hi) else "subject", dash


def _opens(c: Clause, kind: str) -> int | None:
    """The clause's first word, if the clause opens with ``kind`` (verb, according, subject)."""
    opening = _opening(c)
    return opening[0] if opening is not None and opening[1] == kind else None


def _fits(c: Clause, found: Attribution | None) -> Attribution | None:
    """``found``, unless it must end its sentence and more than a few words follow it."""
    if found is not None and c.strict and _tail_words(c.doc, found.end) > _TAIL:
        return None
    return found


def _inverted_said(c: Clause) -> Attribution | None:
    """ "“…,” said Diop." (an inverting verb first; "Said Diop." when it opens a paragraph)."""
    k = _opens(c, "verb")
    source = after(c.doc, c.index, k + 1, c.hi) if k is not None else None
    if k is None or source is None:
        return None
    return _fits(c, Attribution(c.doc.tokens[k].text.lower(), source, max(source.end, k + 1)))


def _according_to_after(c: Clause) -> Attribution | None:
    """ "“…,” according to the ministry." (or "selon", "laut")."""
    k = _opens(c, "according")
    if k is None:
        return None
    source = after(c.doc, c.index, k + _according(c.doc, k, c.hi), c.hi)
    return _fits(c, Attribution(_according_verb(c.doc, k), source, source.end)) if source else None


def _subject_verb(c: Clause, k: int) -> Attribution | None:
    """A subject opening the clause at ``k``, and its verb of saying ("Laessing said")."""
    doc, index = c.doc, c.index
    verb = next((v for v in range(k, min(c.hi, k + _VERB_REACH)) if is_verb(doc, v)), None)
    source = before(doc, index, verb, k) if verb is not None else None
    if verb is None or source is None or not _starts_near(doc, source, k):
        return None
    return _relayed(doc, index, verb, c.hi) or Attribution(
        doc.tokens[verb].text, delegated(doc, index, source), verb + 1
    )


def _said_after(c: Clause) -> Attribution | None:
    """ "“…,” Laessing said." (and "“…,” the office said Carlineo told the agents.")."""
    k = _opens(c, "subject")
    return _fits(c, _subject_verb(c, k)) if k is not None else None


def _trailing_said(c: Clause) -> Attribution | None:
    """ "“…” to hold up on their plans, Indyk said." or "… are all thought to contribute,
    according to the department.": more words, then an attribution closing the sentence (not
    after a quotation that ends its own sentence)."""
    k = _opens(c, "subject")
    if c.strict or k is None:
        return None
    doc, index, tokens = c.doc, c.index, c.doc.tokens
    for v in range(k, c.hi):
        if _according(doc, v, c.hi) and tokens[v - 1].text == ",":
            source = after(doc, index, v + _according(doc, v, c.hi), c.hi)
            if source is not None:
                return Attribution(_according_verb(doc, v), source, source.end)
        elif is_verb(doc, v) and _tail_words(doc, v + 1) <= 2:
            source = before(doc, index, v, k)
            if source is not None and source.start > k and tokens[source.start - 1].text == ",":
                return Attribution(tokens[v].text, delegated(doc, index, source), v + 1)
    return None


def _dash_sign_off(c: Clause) -> Attribution | None:
    """ "“…” — Maria Gonzalez": a name alone after a dash."""
    opening = _opening(c)
    if opening is None or opening[1] != "subject" or not opening[2]:
        return None
    k = opening[0]
    m = c.index.by_start.get(k)
    # "— Gonzalez said, …" is said_after's, even where it runs on too long to count.
    if m is None or _subject_verb(c, k) is not None:
        return None
    return _fits(c, Attribution(None, Source("name", m.name, k, m.end, m, m.appositive), m.end))


# The forms of a clause after a closing mark, in the order tried. What the clause opens with
# picks the form (a verb, "according to", or a subject: then said_after, trailing_said, and a
# dash sign-off only where no verb clause is).
AFTER_CLAUSES: tuple[tuple[str, ClauseReader], ...] = (
    ("inverted_said", _inverted_said),
    ("according_to_after", _according_to_after),
    ("said_after", _said_after),
    ("trailing_said", _trailing_said),
    ("dash_sign_off", _dash_sign_off),
)


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
    return Attribution(doc.tokens[m.end].text, source, m.end + 1)


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


def _cue_before(c: Clause) -> int | None:
    """The cue nearest before the opening mark at ``hi`` (a verb of saying, "according to", "as
    X put it"), or None when there is none or it stands too far from the quotation."""
    doc, hi = c.doc, c.hi
    participle = False  # a participle cue right before the quotation was passed
    for v in range(hi - 1, c.lo - 1, -1):
        according = _according(doc, v, hi)
        put_it = _put_it(doc, v, hi)  # "As Gaiman put it, “…”"
        if not (according or put_it or is_verb(doc, v)):
            continue
        if v > c.lo and doc.tokens[v - 1].text.lower() in ("a", "an", "the"):
            continue  # "in a written statement": a word of the setting, not the cue
        gap = sum(
            1 for t in doc.tokens[v + 1 : hi] if t.is_word and t.text != "that" and not _setting(t)
        )
        if gap > (WINDOW if c.partial else _TAIL) and not (participle and _subject_of(c, v)):
            return None
        # "Liu said that …, warning: “…”": a participle without a subject of its own is passed;
        # the verb whose subject it shares then speaks, however far ("Starr said …,
        # explaining, “…”").
        if according or put_it or _subject_of(c, v):
            return v
        if not (participle or doc.tokens[v].text.endswith("ing")):
            return v
        participle = participle or gap <= 1
    return None


def _setting(token: Token) -> bool:
    """Words that say where or to whom, not what: "told the Washington Post in a written
    statement", "told his supporters" (a name or one of these words)."""
    return token.is_cap or token.text.lower() in SETTING_WORDS


def _cue(c: Clause, kind: str) -> int | None:
    """The nearest cue before the quotation, if it is of ``kind`` (according, put_it, verb)."""
    v = _cue_before(c)
    if v is None:
        return None
    according, put_it = _according(c.doc, v, c.hi), _put_it(c.doc, v, c.hi)
    return v if kind == ("according" if according else "put_it" if put_it else "verb") else None


def _subject_of(c: Clause, v: int) -> Source | None:
    """The subject of the verb of saying at ``v``: before it, or after it when it inverts, or
    for a second verb ("… and said", "but told his supporters") the sentence's opening name."""
    source = before(c.doc, c.index, v, c.lo)
    if source is None and _inverts(c.doc, v):
        source = after(c.doc, c.index, v + 1, c.hi)  # "said Diop: “…”"
    if source is None and v > c.lo and c.doc.tokens[v - 1].text in ("and", "but"):
        source = _opening_subject(c, v)
    if source is None and _trailing_participle(c, v):
        source = _main_subject(c, v)
    return source


def _trailing_participle(c: Clause, v: int) -> bool:
    """ "…, saying, “…”": a participle after a comma, right before the quotation."""
    doc = c.doc
    if not doc.tokens[v].text.endswith("ing") or v == c.lo or doc.tokens[v - 1].text != ",":
        return False
    return sum(1 for t in doc.tokens[v + 1 : c.hi] if t.is_word) == 0


def _main_subject(c: Clause, v: int) -> Source | None:
    """ "After a long silence, Warren endorsed Clinton, saying, “…”": the first name in the
    sentence that opens it or its main clause (after a comma) and is followed by its verb."""
    doc, tokens = c.doc, c.doc.tokens
    for k in range(c.lo, v):
        m = c.index.by_start.get(k)
        if m is None or m.quoted or m.run_start != k or m.kind not in ("person", None):
            continue
        if not (doc.sentence_start(k) or (k > c.lo and tokens[k - 1].text == ",")):
            continue
        if m.possessive:
            return None  # "Clinton’s right-hand woman rallied …, saying": not Clinton
        # The word after the name (past an appositive's closing comma) must be its verb.
        verb = m.phrase_end + (m.appositive_end is not None)
        if verb < v and tokens[verb].text.islower() and tokens[verb].is_word:
            return Source("name", m.name, m.run_start, m.phrase_end, m, m.appositive)
        return None
    return None


def _opening_subject(c: Clause, v: int) -> Source | None:
    """ "De Blasio said the move was Bratton's and said, “…”": the name (or "he", "she")
    opening the sentence, followed by its verb, is the subject of a later verb it shares."""
    doc = c.doc
    k = c.lo
    while k < v and not doc.tokens[k].is_word:
        k += 1
    if k >= v or not doc.sentence_start(k):
        return None
    word = doc.tokens[k].text
    if word in PRONOUNS_MALE | PRONOUNS_FEMALE:
        return Source("pronoun", word, k, k + 1)
    m = c.index.by_start.get(k)
    if m is None or m.quoted or m.kind not in ("person", None):
        return None
    return Source("name", m.name, m.run_start, m.phrase_end, m, m.appositive)


def _according_to_before(c: Clause) -> Attribution | None:
    """ "According to the ministry, “…”" (or "selon", "laut")."""
    v = _cue(c, "according")
    if v is None:
        return None
    source = after(c.doc, c.index, v + _according(c.doc, v, c.hi), c.hi)
    return Attribution(_according_verb(c.doc, v), source, c.hi) if source else None


def _as_put_it(c: Clause) -> Attribution | None:
    """ "As Gaiman put it, “…”"."""
    v = _cue(c, "put_it")
    source = before(c.doc, c.index, v, c.lo) if v is not None else None
    return Attribution("put it", source, c.hi) if source else None


def _said_before(c: Clause) -> Attribution | None:
    """ "X said: “…”", "X told Reuters that “…”", "X said it was “…”", "said X: “…”"."""
    v = _cue(c, "verb")
    source = _subject_of(c, v) if v is not None else None
    if v is None or source is None:
        return None
    if c.doc.tokens[v].text in NAMING_VERBS and source.form == "phrase":
        return None
    return Attribution(c.doc.tokens[v].text, delegated(c.doc, c.index, source), c.hi)


def _name_colon(c: Clause) -> Attribution | None:
    """ "Carl Bialik: “…”", "Rep. Trey Gowdy (R-S.C.): “…”": a name and a colon, alone
    before the quotation at the start of its sentence (or after a dash), as transcripts,
    live blogs and round-ups write a speaker."""
    doc, tokens = c.doc, c.doc.tokens
    colon = c.hi - 1
    if colon <= c.lo or tokens[colon].text != ":":
        return None
    end = colon  # the token after the name
    if tokens[colon - 1].text == ")":  # "(R-S.C.)": a party and state after the name
        end = colon - 1
        while end > c.lo and tokens[end].text != "(" and colon - end < _PARENTHESIS:
            end -= 1
        if tokens[end].text != "(":
            return None
    m = c.index.by_end.get(end)
    if m is None or m.quoted or m.kind not in ("person", None):
        return None
    start = m.run_start
    opens = doc.sentence_start(start) or (start > c.lo and tokens[start - 1].text in _DASHES)
    if not opens or start < c.lo:
        return None
    return Attribution(None, Source("name", m.name, start, colon, m, m.appositive), c.hi)


# The forms of a clause before an opening mark, in the order tried: the cue nearest the
# quotation picks the form, so at most one of them applies (a name and a colon has no cue).
BEFORE_CLAUSES: tuple[tuple[str, ClauseReader], ...] = (
    ("according_to_before", _according_to_before),
    ("as_put_it", _as_put_it),
    ("said_before", _said_before),
    ("name_colon", _name_colon),
)
