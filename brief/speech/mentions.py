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

from brief.models import ActorKind
from brief.speech.capitals import is_acronym, name_runs
from brief.speech.doc import Doc
from brief.speech.lexicon.nouns import (
    COUNTRY_ABBREVIATIONS,
    DIRECTIONS,
    GROUP_KEYWORDS,
    GROUP_NOUNS,
    HONORIFICS,
    INSTITUTIONS,
    NAME_CONNECTORS,
    NON_ACTOR_KEYWORDS,
    ORG_BEFORE_NAME,
    ORG_KEYWORDS,
    PARTICLES,
    PEERAGE,
    PLACE_KEYWORDS,
    PLACE_NOUNS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLES,
)
from brief.speech.lexicon.places import demonym_place, first_name_gender, place
from brief.speech.lexicon.words import (
    ARTICLES,
    QUOTE_VERBS,
    THING_BEFORE,
)
from brief.speech.roles import appositive, pre_appositive, role_before, title_split


@dataclass(slots=True)
class Mention:
    """A name in the text: tokens [start, end) of the name itself, without title or role."""

    start: int
    end: int
    run_start: int  # first token of the title before the name, or ``start``
    name: str
    kind: ActorKind | None  # None: a name, but of no kind the words or context tell
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

    @property
    def phrase_end(self) -> int:
        """Token just after the name as a speaker's phrase: its appositive's closing comma or
        stop when it has one ("Laessing, director of …,"), else the token after the name."""
        return self.appositive_end if self.appositive_end is not None else self.end


# How a run of capitalized words reads: (kind, where the name starts). A kind of None is a
# name whose kind nothing tells; a reading of None (no tuple) means the words name no one.
_Reading = tuple[ActorKind | None, int]


def _kind(doc: Doc, i: int, j: int) -> _Reading | None:
    """How the words in tokens [i, j) read: kind and possibly narrowed start, or None."""
    tokens = doc.tokens
    words = [t.base for t in tokens[i:j] if t.text != "."]
    text = " ".join(words)
    before = tokens[i - 1] if i > 0 else None
    if before is not None and before.text in ORG_BEFORE_NAME and len(words) <= 4:
        return "organization", i  # "oil firm Sonatrach", "rescue group Project Jonah"
    given = len(words) > 1 and bool(first_name_gender(words[0]))  # "Bill de Blasio", not "Bill"
    keyword = any(w in NON_ACTOR_KEYWORDS for w in (words[1:] if given else words))
    # A keyword makes a thing ("Memorial Day"), but "said Kristen Day", "Stephen Hall said"
    # name a person: a given name and a surname beside a verb of saying.
    if keyword and not (given and len(words) == 2 and _speaks_here(doc, i, j)):
        return None
    if len(words) > 1 and words[0].lower() in TITLES and words[1] in ("of", "for"):
        return None  # "CEO of Take-Two": a role, not a name
    if place(text) or text in COUNTRY_ABBREVIATIONS:
        return "place", i
    if len(words) > 1 and words[0] in DIRECTIONS and place(" ".join(words[1:])):
        return "place", i + 1
    if all(w.lower().rstrip(".") in TITLES or w.lower() in TITLE_MODIFIERS for w in words):
        return None  # "President", "Prime Minister": a title alone names no one here
    if any(w in GROUP_KEYWORDS for w in words):
        return "group", i
    last_org = max((n for n, w in enumerate(words) if w in ORG_KEYWORDS), default=-1)
    last_place = max((n for n, w in enumerate(words) if w in PLACE_KEYWORDS and n), default=-1)
    if last_place > last_org or (len(words) > 1 and words[0] in DIRECTIONS and last_org < 0):
        return "place", i  # "Stewart Island", "Bering Sea"; not "Berrien County Health Department"
    if any(w in ORG_KEYWORDS for w in words):
        if len(words) == 1 and words[0] not in INSTITUTIONS:
            return None  # "the Club", "Fund our schools": a keyword alone is a word
        return "organization", _drop_demonym(doc, i, j)
    if "of" in words[1:-1]:
        return "organization", i  # "Joint Chiefs of Staff"
    if len(words) > 1 and place(words[0]) and not any(first_name_gender(w) for w in words):
        return "organization", i  # "Manchester United", "Seattle Times"
    if len(words) == 1 and is_acronym(words[0]):
        return None if _dateline(doc, i) else ("organization", i)
    if len(words) > 1 and demonym_place(words[0]):
        return _kind(doc, i + 1, j)
    if len(words) == 1 and demonym_place(words[0]):
        return None
    return _kind_from_context(doc, i, j, words)


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


def _dateline(doc: Doc, i: int) -> bool:
    """Whether an all-capitals word opens a dateline ("BUFFALO, N.Y. —"), not an organization."""
    token = doc.tokens[i]
    para = doc.paragraph_tokens[token.paragraph]
    return i == para.start and len(token.text) > 4


def _kind_from_context(doc: Doc, i: int, j: int, words: list[str]) -> _Reading | None:
    """The kind the words around the run tell, else what the words allow (see _Reading)."""
    tokens = doc.tokens
    after = tokens[j] if j < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    if after is not None and after.text in GROUP_NOUNS:
        return "group", i
    if after is not None and after.text in PLACE_NOUNS:
        return "place", i
    if (
        after is not None
        and after.text == ","
        and j + 1 < len(tokens)
        and tokens[j + 1].text == "which"
    ):
        return "organization", i  # "Big Machine, which was bought out"
    if (
        after is not None
        and after.text == ","
        and j + 1 < len(tokens)
        and tokens[j + 1].text == "who"
        and not any(demonym_place(w) or place(w) for w in words)
    ):
        return "person", i  # "Meanwhile Rihanna, who was honored"
    if (
        before is not None
        and before.text in ("in", "near", "outside")
        and j < len(tokens)
        and not tokens[j].is_word
        and not first_name_gender(words[0])
    ):
        return "place", i  # "in Tin Zaouatine, a desert area"
    particles = [n for n, w in enumerate(words) if 0 < n < len(words) - 1 and w in PARTICLES]
    if any(demonym_place(w) for n, w in enumerate(words) if n not in particles):
        return None, i  # "Arab Israeli": names do not hold demonyms
    if 2 <= len(words) <= 4 and all(_person_word(w) or n in particles for n, w in enumerate(words)):
        # A pair whose first word the article also writes in lowercase is a phrase in title
        # case ("Big Machine", "Whole Foods", "Less Money"), unless that word is a first name.
        first = words[0].lower()
        if first in doc.lowercase_words and not first_name_gender(words[0]):
            return None, i
        if before is not None and (
            before.text.lower() in THING_BEFORE
            or (before.text.lower() in ARTICLES and not first_name_gender(words[0]))
        ):
            return None, i  # "the new Mac Pro", "a Model Y": a thing; but "a Mike Ford novel"
        return "person", i
    if len(words) == 1:
        return None, i
    return None  # several words, not a person's name, and nothing around them tells


def _person_word(word: str) -> bool:
    if len(word) == 2 and word[1] == ".":
        return True  # the initial of "Robert M. Danin"
    if len(word) > 1 and word[1].isupper():
        return False  # "MPs", "AP": acronyms are not parts of a name
    return all(part.isalpha() for part in word.replace("’", "-").replace("'", "-").split("-"))


def _title_word(doc: Doc, k: int) -> bool:
    text = doc.tokens[k].text
    lower = text.lower()
    return lower in ROLE_NOUNS or lower in TITLE_MODIFIERS or text in NAME_CONNECTORS or text == "."


def _role_mentions(doc: Doc, i: int, name_start: int) -> list[tuple[int, int]]:
    """Organizations and places inside a title ("Indiana State Teachers Association President",
    "Foreign Minister of Mali", "Kentucky GOP Gov."): the title words stripped from both ends."""
    a, b = i, name_start
    while a < b and _title_word(doc, a):
        a += 1
    while b > a and _title_word(doc, b - 1):
        b -= 1
    return [(a, b)] if a < b else []


def _speaks_here(doc: Doc, i: int, j: int) -> bool:
    """Whether a verb of saying stands right before or after tokens [i, j)."""
    tokens = doc.tokens
    before = tokens[i - 1].text if i > 0 else ""
    after = tokens[j].text if j < len(tokens) else ""
    return before in QUOTE_VERBS or after in QUOTE_VERBS


def _address_only(role: str | None) -> bool:
    """No role, or only forms of address and peerage before the name ("Sir", "Dr")."""
    return role is None or all(w.lower().rstrip(".") in HONORIFICS | PEERAGE for w in role.split())


def _personal_role(role: str) -> bool:
    """Whether a role before a name says the name is a person's: an age, or a title."""
    words = role.lower().split()
    return any(w.endswith("-year-old") for w in words) or words[-1].rstrip(".") in TITLES


def _mention(doc: Doc, i: int, j: int, *, allow_title: bool = True) -> list[Mention]:
    """The mention of a run [i, j) (plus any inside its title), or none if it names nothing."""
    tokens = doc.tokens
    name_start = title_split(doc, i, j) if allow_title else i
    extra: list[Mention] = []
    if name_start > i:
        for a, b in _role_mentions(doc, i, name_start):
            extra.extend(_mention(doc, a, b, allow_title=False))
    reading = _kind(doc, name_start, j)
    if reading is None:
        return extra
    kind, name_start = reading
    if kind == "person" and not allow_title:
        kind = "organization"  # "SciSpacE Team" in "SciSpacE Team Leader Jennifer Ngo-Anh"
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
    if kind is None and role is not None and _personal_role(role):
        kind = "person"  # "the 23-year-old striker Jack Green", "coach Bruce Boudreau"
    apposition, apposition_end = (
        appositive(doc, j) if kind in ("person", "organization", None) else (None, None)
    )
    if kind in ("person", None) and _address_only(role) and apposition is None:
        set_off = pre_appositive(doc, run_start, j)
        if set_off is not None:
            # "The prime minister, Theresa May, said": the role before the name is hers, and
            # the comma after the name closes the apposition, as one after a role would.
            office, run_start, closing = set_off
            role = f"{office} {role}" if role else office  # "The chairman, Sir Alan Budd,"
            kind = "person"
            if closing < len(tokens) and tokens[closing].text == ",":
                apposition_end = closing
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
    for i, j in name_runs(doc):
        if doc.tokens[i].paragraph not in doc.credits:  # authors are not actors
            out.extend(_mention(doc, i, j))
    return out
