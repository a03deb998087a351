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

from brief.gazetteer import demonym_place, first_name_gender, place
from brief.lexicon import (
    COUNTRY_ABBREVIATIONS,
    DAYS,
    DIRECTIONS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    MONTHS,
    NAME_CONNECTORS,
    NON_ACTOR_KEYWORDS,
    ORG_BEFORE_NAME,
    ORG_CONNECTORS,
    ORG_KEYWORDS,
    PLACE_NOUNS,
    QUOTE_VERBS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLES,
)
from brief.tokens import Doc, Token

_MAX_NAME_TOKENS = 9
_MAX_APPOSITIVE_TOKENS = 28
_APPOSITIVE_OPENERS_REJECTED = FUNCTION_WORDS - {"a", "an", "the", "former", "first", "one"}


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
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


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
    """Split a run at connectors that join two names rather than make one ("Mali and Algeria").

    "of", "for", "on", "and", "&" and "the" stay inside the run only when it names an
    organization or a title ("Bank of America", "Foreign Minister of Mali Abdoulaye Diop").
    """
    tokens = doc.tokens
    if any(t.text in ORG_KEYWORDS or t.text.lower().rstrip(".") in TITLES for t in tokens[i:j]):
        return [(i, j)]
    runs: list[tuple[int, int]] = []
    begin = i
    for k in range(i, j):
        if tokens[k].text in ORG_CONNECTORS:
            if begin < k:
                runs.append((begin, k))
            begin = k + 1
    if begin < j:
        runs.append((begin, j))
    return runs


def _opener(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a run without being part of a name."""
    token = doc.tokens[i]
    text = token.base
    lower = text.lower()
    if text in MONTHS or text in DAYS or lower in FUNCTION_WORDS:
        return True
    if token.text in NAME_CONNECTORS or token.text == ".":
        return True
    # A capitalized word opening a sentence is a name only if the article never writes it in
    # lowercase (or the lexicons know it as a first name, a place, a title).
    return (
        doc.sentence_start(i)
        and lower in doc.lowercase_words
        and lower not in TITLES
        and lower not in TITLE_MODIFIERS
        and text not in ORG_KEYWORDS
        and not first_name_gender(text)
        and not place(text)
    )


def _drop_openers(doc: Doc, i: int, j: int) -> int:
    """Skip sentence openers, months and days at the start of a run; return the new start."""
    while i < j and _opener(doc, i):
        i += 1
    return i


def _drop_tail(doc: Doc, i: int, j: int) -> int:
    while j > i and (doc.tokens[j - 1].text in MONTHS or doc.tokens[j - 1].text in DAYS):
        j -= 1
    while j > i and not _name_token(doc.tokens[j - 1]):
        j -= 1
    return j


def _inside_title(doc: Doc, k: int, j: int, seen_title: bool) -> bool:
    """Whether token ``k`` may stand inside a title that ends further on."""
    tokens = doc.tokens
    lower = tokens[k].text.lower()
    if lower in TITLE_MODIFIERS or tokens[k].text in NAME_CONNECTORS:
        return True
    if seen_title:
        return False
    if demonym_place(tokens[k].text) or place(tokens[k].base):
        return True
    # "Taliban Spokesman", "Wild Coach": an organization before the title.
    nxt = tokens[k + 1].text.lower() if k + 1 < j else ""
    return nxt in TITLES or nxt in TITLE_MODIFIERS


def _title_split(doc: Doc, i: int, j: int) -> int:
    """Index where the name starts after a title ("Foreign Minister of Mali | Abdoulaye Diop")."""
    tokens = doc.tokens
    last_title = -1
    for k in range(i, j - 1):
        if tokens[k].text.lower().rstrip(".") in TITLES:
            last_title = k
        elif not _inside_title(doc, k, j, last_title >= 0):
            break
    if last_title < 0:
        return i
    start = last_title + 1
    if start < j and tokens[start].text in ("of", "for"):
        # "Minister of Mali Abdoulaye Diop": the longest place or organization after "of".
        rest = start + 1
        best = rest
        for end in range(rest + 1, j):
            words = " ".join(t.base for t in tokens[rest:end])
            if place(words) or any(t.text in ORG_KEYWORDS for t in tokens[rest:end]):
                best = end
        start = best if best > rest else max(rest, j - 2)
    return start if start < j else i


def _appositive(doc: Doc, end: int) -> tuple[str | None, int | None]:
    """The role in ", director of the Sahel program of ... (KAS)," after token ``end``."""
    tokens = doc.tokens
    para = doc.paragraph_tokens[tokens[end - 1].paragraph]
    if end >= para.stop or tokens[end].text != "," or doc.quoted[end]:
        return None, None
    k = end + 1
    if k < para.stop and tokens[k].text.isdigit():
        k += 1  # "X, 45, a teacher from Ohio,"
        if k < para.stop and tokens[k].text == ",":
            k += 1
    first = k
    depth = 0
    while k < para.stop and k - first < _MAX_APPOSITIVE_TOKENS:
        text = tokens[k].text
        if doc.quoted[k] or text in '“”"«»‘’':
            return None, None
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif depth <= 0 and text in (",", ".", ";", ":", "—", "–"):
            break
        elif text.lower() in QUOTE_VERBS or text.lower() in ("who", "which", "whose", "where"):
            return None, None
        k += 1
    if k == first or (k >= para.stop and k - first >= _MAX_APPOSITIVE_TOKENS):
        return None, None
    words = tokens[first:k]
    if words[0].text.lower() in ("a", "an", "the"):
        words = words[1:]
    if not words or words[0].text.lower() in _APPOSITIVE_OPENERS_REJECTED:
        return None, None
    has_article = tokens[first].text.lower() in ("a", "an", "the")
    if not has_article and not any(t.text.lower() in ROLE_NOUNS for t in words[:4]):
        return None, None  # "Laessing, things then went ...": a clause, not a role
    lead = words[0]
    if lead.is_cap and not any(
        t.text.islower() and len(t.text) > 3 and t.text not in NAME_CONNECTORS for t in words
    ):
        return None, None  # "Paris, France" or a list of names
    if not lead.is_cap and not lead.text[0].isalpha():
        return None, None
    role = doc.article.text[words[0].start : words[-1].end]
    return role, k


def _kind(doc: Doc, i: int, j: int) -> tuple[str | None, int]:
    """Kind of the name in tokens [i, j) and its possibly narrowed start."""
    tokens = doc.tokens
    words = [t.base for t in tokens[i:j]]
    text = " ".join(words)
    if any(w in NON_ACTOR_KEYWORDS for w in words):
        return "none", i
    if place(text) or text in COUNTRY_ABBREVIATIONS:
        return "place", i
    if len(words) > 1 and words[0] in DIRECTIONS and place(" ".join(words[1:])):
        return "place", i + 1
    if any(w in ORG_KEYWORDS for w in words):
        while i + 1 < j and demonym_place(tokens[i].text):
            i += 1  # "German Konrad Adenauer Foundation"
        return "organization", i
    if len(words) == 1 and _is_acronym(words[0]):
        return "organization", i
    after = tokens[j] if j < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    if len(words) > 1 and demonym_place(words[0]):
        return _kind(doc, i + 1, j)
    if len(words) == 1 and demonym_place(words[0]):
        return "none", i
    if after is not None and after.text in GROUP_NOUNS:
        return "group", i
    if after is not None and after.text in PLACE_NOUNS:
        return "place", i
    if before is not None and before.text in ORG_BEFORE_NAME:
        return "organization", i
    if (
        before is not None
        and before.text in ("in", "near", "outside")
        and not first_name_gender(words[0])
    ):
        return "place", i
    if 2 <= len(words) <= 4 and all(
        w.isalpha() or "-" in w or "'" in w or "’" in w or w.endswith(".") or len(w) == 1
        for w in words
    ):
        return "person", i
    if len(words) == 1:
        return None, i
    return "none", i


def find_mentions(doc: Doc) -> list[Mention]:
    """Every name in the article, in text order."""
    tokens = doc.tokens
    out: list[Mention] = []
    for run_start, run_end in _sequences(doc):
        i = _drop_openers(doc, run_start, run_end)
        j = _drop_tail(doc, i, run_end)
        if i >= j:
            continue
        name_start = _title_split(doc, i, j)
        role = None
        if name_start > i:
            role = doc.article.text[tokens[i].start : tokens[name_start - 1].end]
        kind, name_start = _kind(doc, name_start, j)
        if kind == "none":
            continue
        if kind != "person" and role is not None and name_start > i:
            role = None
        appositive, appositive_end = (
            _appositive(doc, j) if kind in ("person", None) else (None, None)
        )
        name = " ".join([*(t.text for t in tokens[name_start : j - 1]), tokens[j - 1].base])
        name = name.replace(" .", ".")
        out.append(
            Mention(
                start=name_start,
                end=j,
                run_start=i if role is not None else name_start,
                name=name,
                kind=kind,
                role=role,
                appositive=appositive,
                appositive_end=appositive_end,
                quoted=doc.quoted[name_start],
                heading=tokens[name_start].paragraph in doc.headings,
                sentence_initial=doc.sentence_start(i),
                possessive=tokens[j - 1].possessive,
            )
        )
    return out
