"""Capitalized word sequences read as names of people, organizations, places and groups.

A sequence loses the words that only open its sentence ("However", "Between"), month and day
names, and a title before the name, which becomes the role ("Algerian President Abdelmadjid
Tebboune"). What is left is classified by its words (organization keywords, acronyms), by the
gazetteer (places) and by the words around it ("in Tin Zaouatine", "the Tomboctou region",
"oil firm Sonatrach", "Tuareg rebels"). A name after a comma may carry an appositive role
("Ulf Laessing, director of the Sahel program ...,").
"""

from __future__ import annotations

from dataclasses import dataclass

from brief.gazetteer import demonym_place, first_name_gender, gazetteer, place
from brief.lexicon import (
    ABBREVIATIONS,
    COUNTRY_ABBREVIATIONS,
    DAYS,
    DIRECTIONS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    INSTITUTIONS,
    MONTHS,
    NAME_CONNECTORS,
    NON_ACTOR_KEYWORDS,
    ORG_BEFORE_NAME,
    ORG_CONNECTORS,
    ORG_KEYWORDS,
    PLACE_KEYWORDS,
    PLACE_NOUNS,
    TITLE_MODIFIERS,
    TITLES,
)
from brief.roles import appositive, role_before, title_split
from brief.tokens import Doc, Token

_MAX_NAME_TOKENS = 9


@dataclass(slots=True)
class Mention:
    """A name in the text: tokens [start, end) of the name itself, without title or role."""

    start: int
    end: int
    run_start: int  # first token of the title before the name, or ``start``
    name: str
    kind: str | None  # person | organization | place | group | None (a lone unknown word)
    role: str | None
    appositive: str | None  # role from ", director of ...," after the name
    appositive_end: int | None  # token index of the comma or stop after the appositive
    quoted: bool
    heading: bool
    sentence_initial: bool
    possessive: bool

    @property
    def words(self) -> list[str]:
        """The name's words."""
        return self.name.split()


def _name_token(token: Token) -> bool:
    text = token.text
    if not text[0].isupper() or any(c.isdigit() for c in text):
        return False
    # Every part of a hyphenated name is capitalized ("Ocasio-Cortez", not "Turkish-made").
    return all(part[:1].isupper() for part in text.split("-"))


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _sequences(doc: Doc) -> list[tuple[int, int]]:
    """Runs of name tokens (with inner connectors and initials) inside each paragraph."""
    tokens = doc.tokens
    runs: list[tuple[int, int]] = []
    for para in doc.paragraph_tokens:
        i = para.start
        while i < para.stop:
            if not _name_token(tokens[i]):
                i += 1
                continue
            j = i + 1
            while j < para.stop and j - i < _MAX_NAME_TOKENS and doc.quoted[j] == doc.quoted[i]:
                if tokens[j - 1].possessive:
                    break
                t = tokens[j]
                if _name_token(t):
                    j += 1
                elif (
                    t.text == "."
                    and len(tokens[j - 1].text) == 1
                    and tokens[j - 1].end == t.start
                    and j + 1 < para.stop
                    and _name_token(tokens[j + 1])
                ):
                    j += 1  # the initial in "Robert M. Danin"
                elif (
                    t.text == "."
                    and tokens[j - 1].text in ABBREVIATIONS
                    and tokens[j - 1].end == t.start
                    and j + 1 < para.stop
                    and _name_token(tokens[j + 1])
                ):
                    j += 1  # "Gov. Matt Bevin"
                elif t.text in NAME_CONNECTORS and j + 1 < para.stop and _name_token(tokens[j + 1]):
                    j += 1
                elif t.text == "the" and tokens[j - 1].text in ORG_CONNECTORS and j + 1 < para.stop:
                    j += 1  # "Group for the Support of Islam"
                else:
                    break
            while j > i and not _name_token(tokens[j - 1]):
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
    return len(words) == 1 and _is_acronym(words[0])


def _opener(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a run without being part of a name."""
    token = doc.tokens[i]
    text = token.base
    lower = text.lower()
    if text in MONTHS or text in DAYS:
        return True
    if lower in FUNCTION_WORDS and not (
        i + 1 < len(doc.tokens) and place(f"{text} {doc.tokens[i + 1].base}")
    ):
        return True
    if token.text in NAME_CONNECTORS or token.text == ".":
        return True
    # A capitalized word opening a sentence is a name only if the article never writes it in
    # lowercase (or the lexicons know it as a first name, a place, a title).
    if i + 1 < len(doc.tokens) and place(f"{text} {doc.tokens[i + 1].base}"):
        return False  # "New Zealand"
    if (
        doc.sentence_start(i)
        and lower.endswith(("ing", "ly"))
        and i + 1 < len(doc.tokens)
        and _name_token(doc.tokens[i + 1])
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
        doc.tokens[j - 1].text in MONTHS
        or doc.tokens[j - 1].text in DAYS
        or doc.tokens[j - 1].text.lower() in FUNCTION_WORDS
    ):
        j -= 1
    while j > i and not _name_token(doc.tokens[j - 1]):
        j -= 1
    return j


def _kind(doc: Doc, i: int, j: int) -> tuple[str | None, int]:
    """Kind of the name in tokens [i, j) and its possibly narrowed start ("none": not a name)."""
    tokens = doc.tokens
    words = [t.base for t in tokens[i:j] if t.text != "."]
    text = " ".join(words)
    before = tokens[i - 1] if i > 0 else None
    if before is not None and before.text in ORG_BEFORE_NAME and len(words) <= 4:
        return "organization", i  # "oil firm Sonatrach", "rescue group Project Jonah"
    if any(w in NON_ACTOR_KEYWORDS for w in words):
        return "none", i
    if place(text) or text in COUNTRY_ABBREVIATIONS:
        return "place", i
    if len(words) > 1 and words[0] in DIRECTIONS and place(" ".join(words[1:])):
        return "place", i + 1
    if all(w.lower().rstrip(".") in TITLES or w.lower() in TITLE_MODIFIERS for w in words):
        return "none", i  # "President", "Prime Minister": a title alone names no one here
    if any(w in PLACE_KEYWORDS for w in words[1:]) or (len(words) > 1 and words[0] in DIRECTIONS):
        return "place", i  # "Stewart Island", "Bering Sea"
    if any(w in ORG_KEYWORDS for w in words):
        if len(words) == 1 and words[0] not in INSTITUTIONS:
            return "none", i  # "the Club", "Fund our schools": a keyword alone is a word
        return "organization", _drop_demonym(doc, i, j)
    if "of" in words[1:-1]:
        return "organization", i  # "Joint Chiefs of Staff"
    if len(words) > 1 and place(words[0]) and not first_name_gender(words[0]):
        return "organization", i  # "Manchester United", "Seattle Times"
    if len(words) == 1 and _is_acronym(words[0]):
        return _acronym_kind(doc, i), i
    if len(words) > 1 and demonym_place(words[0]):
        return _kind(doc, i + 1, j)
    if len(words) == 1 and demonym_place(words[0]):
        return "none", i
    return _kind_from_context(doc, i, j, words), i


def _drop_demonym(doc: Doc, i: int, j: int) -> int:
    """ "German Konrad Adenauer Foundation" is the Konrad Adenauer Foundation; but "British
    Foreign Office" keeps its demonym, since "Foreign Office" alone says less."""
    tokens = doc.tokens
    if i + 1 < j and demonym_place(tokens[i].text):
        rest = tokens[i + 1 : j]
        generic = all(
            t.base in ORG_KEYWORDS or t.base.lower() in TITLE_MODIFIERS or t.text in NAME_CONNECTORS
            for t in rest
        )
        if not generic:
            return i + 1
    return i


def _acronym_kind(doc: Doc, i: int) -> str:
    """An all-capitals word: an organization, unless it is a dateline ("BUFFALO, N.Y. —")."""
    token = doc.tokens[i]
    para = doc.paragraph_tokens[token.paragraph]
    if i == para.start and len(token.text) > 4:
        return "none"
    return "organization"


def _kind_from_context(doc: Doc, i: int, j: int, words: list[str]) -> str | None:
    tokens = doc.tokens
    after = tokens[j] if j < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    if after is not None and after.text in GROUP_NOUNS:
        return "group"
    if after is not None and after.text in PLACE_NOUNS:
        return "place"
    if (
        after is not None
        and after.text == ","
        and j + 1 < len(tokens)
        and tokens[j + 1].text == "which"
    ):
        return "organization"  # "Big Machine, which was bought out"
    if (
        before is not None
        and before.text in ("in", "near", "outside")
        and j < len(tokens)
        and not tokens[j].is_word
        and not first_name_gender(words[0])
    ):
        return "place"  # "in Tin Zaouatine, a desert area"
    if any(demonym_place(w) for w in words):
        return None  # "Arab Israeli": names do not hold demonyms
    if 2 <= len(words) <= 4 and all(_person_word(w) for w in words):
        # A pair whose first word the article also writes in lowercase is a phrase in title
        # case ("Big Machine", "Whole Foods", "Less Money"), unless that word is a first name.
        first = words[0].lower()
        if first in doc.lowercase_words and not first_name_gender(words[0]):
            return None
        return "person"
    if len(words) == 1:
        return None
    return "none"


def _person_word(word: str) -> bool:
    if len(word) == 2 and word[1] == ".":
        return True  # the initial of "Robert M. Danin"
    if len(word) > 1 and word[1].isupper():
        return False  # "MPs", "AP": acronyms are not parts of a name
    return all(part.isalpha() for part in word.replace("’", "-").replace("'", "-").split("-"))


def _role_mentions(doc: Doc, i: int, name_start: int) -> list[tuple[int, int]]:
    """Organizations and places inside a title ("Indiana State Teachers Association President",
    "Foreign Minister of Mali"): the title words stripped from both ends."""
    tokens = doc.tokens
    a, b = i, name_start
    while a < b and (
        tokens[a].text.lower() in TITLES
        or tokens[a].text.lower() in TITLE_MODIFIERS
        or tokens[a].text in NAME_CONNECTORS
    ):
        a += 1
    while b > a and (
        tokens[b - 1].text.lower() in TITLES
        or tokens[b - 1].text.lower() in TITLE_MODIFIERS
        or tokens[b - 1].text in NAME_CONNECTORS
    ):
        b -= 1
    return [(a, b)] if a < b else []


def _mention(doc: Doc, i: int, j: int, *, allow_title: bool = True) -> list[Mention]:
    """The mention of a run [i, j) (plus any inside its title), or none if it names nothing."""
    tokens = doc.tokens
    name_start = title_split(doc, i, j) if allow_title else i
    extra: list[Mention] = []
    if name_start > i:
        for a, b in _role_mentions(doc, i, name_start):
            extra.extend(_mention(doc, a, b, allow_title=False))
    kind, name_start = _kind(doc, name_start, j)
    if kind == "none":
        return extra
    role = None
    run_start = name_start
    if kind == "person" or kind is None:
        if name_start > i:
            role = doc.article.text[tokens[i].start : tokens[name_start - 1].end]
            run_start = i
        else:
            run_start = role_before(doc, name_start)
            if run_start < name_start:
                role = doc.article.text[tokens[run_start].start : tokens[name_start - 1].end]
    elif name_start > i:
        run_start = i
    apposition, apposition_end = appositive(doc, j) if kind in ("person", None) else (None, None)
    name = " ".join([*(t.text for t in tokens[name_start : j - 1]), tokens[j - 1].base])
    mention = Mention(
        start=name_start,
        end=j,
        run_start=run_start,
        name=name.replace(" .", "."),
        kind=kind,
        role=role,
        appositive=apposition,
        appositive_end=apposition_end,
        quoted=doc.quoted[name_start],
        heading=tokens[name_start].paragraph in doc.headings,
        sentence_initial=doc.sentence_start(run_start),
        possessive=tokens[j - 1].possessive,
    )
    return [*extra, mention]


def find_mentions(doc: Doc) -> list[Mention]:
    """Every name in the article, in text order."""
    out: list[Mention] = []
    for run_start, run_end in _sequences(doc):
        i = _drop_openers(doc, run_start, run_end)
        j = _drop_tail(doc, i, run_end)
        if i < j:
            out.extend(_mention(doc, i, j))
    return out
