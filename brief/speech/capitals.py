"""Runs of capitalized words that may be names, cut where they join two names.

"Mali and Algeria" is two runs, "Bank of America" one; a sentence opener ("However",
"Between March") and a tail a lost full stop left ("Ronald Reagan The") are dropped.
"""

from __future__ import annotations

from brief.speech.doc import Doc, Token, in_capitals
from brief.speech.lexicon.nouns import (
    HYPHEN_SUFFIXES,
    IRREGULAR_PLURALS,
    NAME_CONNECTORS,
    ORG_CONNECTORS,
    ORG_KEYWORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    TITLE_MODIFIERS,
    TITLES,
)
from brief.speech.lexicon.places import first_name_gender, gazetteer, place
from brief.speech.lexicon.words import (
    DAYS,
    FUNCTION_WORDS,
    MONTHS,
)
from brief.speech.roles import title_split
from brief.text import ABBREVIATIONS

_MAX_NAME_TOKENS = 9


def name_token(token: Token) -> bool:
    """Whether a token can be part of a name (capitalized, no digits)."""
    if not token.is_cap:
        return False
    text = token.text
    if text.isalpha():
        return True  # the common case: no digit, no hyphen
    if any(c.isdigit() for c in text):
        return False
    # A hyphenated name has capitals ("Ocasio-Cortez") or a given name's syllable ("Hau-yip"),
    # not a compound adjective ("Turkish-made", "Mercer Island-based").
    parts = text.split("-")
    return all(p[:1].isupper() or (n > 0 and p not in HYPHEN_SUFFIXES) for n, p in enumerate(parts))


def is_acronym(text: str) -> bool:
    """Whether a word is an acronym ("AES", "U.N.", "AT&T")."""
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _sequences(doc: Doc) -> list[tuple[int, int]]:
    """Runs of name tokens (with inner connectors and initials) inside each paragraph."""
    tokens = doc.tokens
    runs: list[tuple[int, int]] = []
    for para in doc.paragraph_tokens:
        i = para.start
        while i < para.stop:
            if not name_token(tokens[i]):
                i += 1
                continue
            j = i + 1
            while j < para.stop and j - i < _MAX_NAME_TOKENS and doc.quoted[j] == doc.quoted[i]:
                if tokens[j - 1].possessive and tokens[j - 1].base.lower() not in IRREGULAR_PLURALS:
                    break  # "China’s Liu", but "People’s Daily", "Women’s March"
                t = tokens[j]
                if name_token(t):
                    j += 1
                elif (
                    t.text == "."
                    and len(tokens[j - 1].text) == 1
                    and tokens[j - 1].end == t.start
                    and j + 1 < para.stop
                    and name_token(tokens[j + 1])
                ):
                    j += 1  # the initial in "Robert M. Danin"
                elif (
                    t.text == "."
                    and tokens[j - 1].text.lower() in ABBREVIATIONS
                    and tokens[j - 1].end == t.start
                    and j + 1 < para.stop
                    and name_token(tokens[j + 1])
                ):
                    j += 1  # "Gov. Matt Bevin"
                elif t.text in NAME_CONNECTORS and j + 1 < para.stop and name_token(tokens[j + 1]):
                    j += 1
                elif (
                    t.text == "of"
                    and j + 2 < para.stop
                    and tokens[j + 1].text == "the"
                    and name_token(tokens[j + 2])
                ):
                    j += 2  # "Chancellor of the Exchequer", "Secretary of the Treasury"
                elif t.text == "the" and tokens[j - 1].text in ORG_CONNECTORS and j + 1 < para.stop:
                    j += 1  # "Group for the Support of Islam"
                else:
                    break
            while j > i and not name_token(tokens[j - 1]):
                j -= 1
            runs.extend(_split_run(doc, i, j))
            i = j
    return runs


def _split_run(doc: Doc, i: int, j: int) -> list[tuple[int, int]]:
    """Split a run where its connectors join two names rather than make one.

    "Mali and Algeria" and "Manchester United and Real Madrid" are two names each; "Procter &
    Gamble" and "Department of Health and Human Services" one. "of", "for", "on" and "the" stay
    inside a run that names an organization or a title ("Bank of America", "Joint Chiefs of
    Staff", "Foreign Minister of Mali Abdoulaye Diop").
    """
    tokens = doc.tokens
    out: list[tuple[int, int]] = []
    for a, b in _split_at_and(doc, i, j):
        a, b = _org_then_person(doc, a, b, out)
        a = _place_then_person(doc, a, b, out)
        b = _person_of_place(doc, a, b, out)
        words = [t.text for t in tokens[a:b]]
        titled = any(w in ORG_KEYWORDS or w.lower().rstrip(".") in TITLES for w in words)
        # "Joint Chiefs of Staff" is one name; "Jamie Werner of Ngātiwai" is a person from a place.
        of_name = "of" in words[1:-1] and "and" not in words and not first_name_gender(words[0])
        if titled or (of_name and b - a >= 3):
            out.append((a, b))
            continue
        begin = a
        for k in range(a, b):
            if tokens[k].text in ORG_CONNECTORS:
                if begin < k:
                    out.append((begin, k))
                begin = k + 1
        if begin < b:
            out.append((begin, b))
    return out


def _org_then_person(doc: Doc, a: int, b: int, out: list[tuple[int, int]]) -> tuple[int, int]:
    """ "Executive Council of Australian Jewry Robert Goot": the body and then its person.

    Appends the body to ``out`` and returns the person's run, when a known first name follows
    the last organization keyword; else returns the run unchanged."""
    tokens = doc.tokens
    keyword = max((k for k in range(a, b) if tokens[k].text in ORG_KEYWORDS), default=-1)
    if keyword < 0:
        return a, b  # tested first: slicing from -1 + 1 = 0 made long articles quadratic
    words = sum(1 for t in tokens[keyword + 1 : b] if t.text != ".")  # "Gordon D. Sondland"
    if not 2 <= words <= 3:
        return a, b
    if not first_name_gender(tokens[keyword + 1].text):
        return a, b
    out.append((a, keyword + 1))
    return keyword + 1, b


def _plain_name(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens [a, b) could be a person's name: two to four words, none a title, a
    body's keyword, a connector or a place."""
    words = [t.text for t in doc.tokens[a:b] if t.text != "."]
    return (
        2 <= len(words) <= 4
        and not any(
            w in ORG_KEYWORDS or w in NAME_CONNECTORS or w.lower().rstrip(".") in TITLES
            for w in words
        )
        and not place(words[0])
    )


def _place_then_person(doc: Doc, a: int, b: int, out: list[tuple[int, int]]) -> int:
    """ "envoy to Ukraine Kurt Volker", "ambassador to Britain Liu Xiaoming": a place after a
    preposition, then a name. Appends the place to ``out`` and returns where the name starts."""
    tokens = doc.tokens
    if a == 0 or tokens[a - 1].text not in ("to", "in", "for", "from", "of", "at"):
        return a
    for k in range(min(b - 2, a + 3), a, -1):
        if place(" ".join(t.base for t in tokens[a:k])) and _plain_name(doc, k, b):
            out.append((a, k))
            return k
    return a


def _person_of_place(doc: Doc, a: int, b: int, out: list[tuple[int, int]]) -> int:
    """ "Sen. John Kennedy of Louisiana", "Prof Tim Spector of King's College": a person (known
    first name) from a place, or a titled person of a body. Appends the place or body to
    ``out`` and returns the end of the person's run."""
    tokens = doc.tokens
    k = next((k for k in range(a + 2, b - 1) if tokens[k].text == "of"), -1)
    if k < 0:
        return b
    first = next((n for n in range(a, k) if first_name_gender(tokens[n].text)), -1)
    if first < 0 or not _plain_name(doc, first, k):
        return b
    titled = first > a and all(
        tokens[n].text.lower().rstrip(".") in TITLES for n in range(a, first)
    )
    if not titled and not place(" ".join(t.base for t in tokens[k + 1 : b])):
        return b  # "Prof Tim Spector of King's College": a titled person of any body
    out.append((k + 1, b))
    return k


def _split_at_and(doc: Doc, i: int, j: int) -> list[tuple[int, int]]:
    tokens = doc.tokens
    out: list[tuple[int, int]] = []
    begin = i
    for k in range(i, j):
        if tokens[k].text in ("of", "for"):
            break
        if tokens[k].text in ("and", "&") and begin < k and _complete(doc, begin, k):
            out.append((begin, k))
            begin = k + 1
    out.append((begin, j))
    return out


def _complete(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) already name something (a place, an organization, a titled
    person: "Prime Minister David Cameron and US President Barack Obama")."""
    words = [t.base for t in doc.tokens[i:j]]
    if title_split(doc, i, j) > i:
        return True
    if place(" ".join(words)) or place(words[0]) or any(w in ORG_KEYWORDS for w in words):
        return True
    return len(words) == 1 and is_acronym(words[0])


def _opener(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a run without being part of a name."""
    token = doc.tokens[i]
    text = token.base
    lower = text.lower()
    if text in MONTHS or text in DAYS:
        return True
    if (
        lower in FUNCTION_WORDS
        and not (i + 1 < len(doc.tokens) and place(f"{text} {doc.tokens[i + 1].base}"))
        and not in_capitals(doc.tokens[i].text)
    ):
        return True
    if token.text in NAME_CONNECTORS or token.text == ".":
        return True
    if doc.sentence_start(i) and (lower in PERSON_NOUNS or lower in ORG_NOUNS):
        return True  # "Officials said", "Police say"
    # A capitalized word opening a sentence is a name only if the article never writes it in
    # lowercase (or the lexicons know it as a first name, a place, a title).
    if i + 1 < len(doc.tokens) and place(f"{text} {doc.tokens[i + 1].base}"):
        return False  # "New Zealand"
    if doc.sentence_start(i) and lower.endswith("ly") and not first_name_gender(text):
        return True  # "Typically", "Reportedly"
    if (
        doc.sentence_start(i)
        and lower.endswith("ing")
        and i + 1 < len(doc.tokens)
        and name_token(doc.tokens[i + 1])
        and not first_name_gender(text)
    ):
        return True  # "Laughing Eugenie": a participle before a name opens the sentence
    return (
        doc.sentence_start(i)
        and lower in doc.lowercase_words
        and lower not in TITLES
        and lower not in TITLE_MODIFIERS
        and text not in ORG_KEYWORDS
        and not first_name_gender(text)
        and place(text) not in gazetteer().countries
    )


def _drop_openers(doc: Doc, i: int, j: int) -> int:
    """Skip sentence openers, months and days at the start of a run; return the new start."""
    while i < j and _opener(doc, i):
        i += 1
    return i


def _drop_tail(doc: Doc, i: int, j: int) -> int:
    """Drop months, days and function words ending a run ("Ronald Reagan The" where a text lost
    its full stop)."""
    while j > i and (
        doc.tokens[j - 1].text in DAYS
        or (
            (doc.tokens[j - 1].text in MONTHS or doc.tokens[j - 1].text.lower() in FUNCTION_WORDS)
            and not in_capitals(doc.tokens[j - 1].text)
            and not _surname_month(doc, i, j - 1)
        )
    ):
        j -= 1
    while j > i and not name_token(doc.tokens[j - 1]):
        j -= 1
    return j


def _surname_month(doc: Doc, i: int, k: int) -> bool:
    """ "Theresa May", "Brian May": a month (or "May", a modal verb too) after a first name,
    not before a day number, is a surname."""
    tokens = doc.tokens
    if k - 1 < i or (k + 1 < len(tokens) and tokens[k + 1].text.isdigit()):
        return False
    return tokens[k].text in MONTHS and bool(first_name_gender(tokens[k - 1].text))


def _shouting(doc: Doc, i: int, j: int) -> bool:
    """ "KAZAKHSTAN WINS AGAIN": a heading in capitals, not a run of acronyms."""
    words = [t.text for t in doc.tokens[i:j] if t.is_word]
    return len(words) > 1 and all(w.isupper() for w in words) and any(len(w) > 4 for w in words)


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalized runs that may name someone, openers and tails dropped."""
    out: list[tuple[int, int]] = []
    for run_start, run_end in _sequences(doc):
        if _shouting(doc, run_start, run_end):
            continue
        i = _drop_openers(doc, run_start, run_end)
        j = _drop_tail(doc, i, run_end)
        if i < j:
            out.append((i, j))
    return out
