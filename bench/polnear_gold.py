"""PolNeAR gold for bench/attribution.py: articles as brief Articles, relations, source mentions.

Reads ``{split}/text/<id>.txt`` and one ``{split}/attributions/<id>_<annotator>.ann`` per article
(the alphabetically first annotator when there are two). The paragraphs handed to brief are the
file's non-empty lines, stripped; ``OffsetMap`` converts between file offsets and offsets in
``Article.text`` (paragraphs joined by a blank line) in both directions. Each source mention is
classified once here (named / pronoun / nominal, its names, its head, its role); the speaker
rules that use the classification live in bench/attribution.py's docstring.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from brief.models import PARAGRAPH_SEPARATOR, Article
from brief.speech.lexicon.places import first_name_gender

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "attribution-polnear"
# Straight or curly, double or single: the NYT texts write '' for a double mark.
QUOTE_MARKS = "\"“”‘’'«„"


def pairwise(
    system: Mapping[Hashable, int], gold: Mapping[Hashable, Hashable]
) -> tuple[float, float]:
    """Pairwise precision and recall of the speakers ``system`` gives each mention against
    the ``gold`` groups: of the pairs of mentions linked to one speaker, how many share a gold
    group, and of the pairs sharing a gold group, how many are linked to one speaker."""

    def pairs(counts: Counter[Hashable]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    both = pairs(Counter((gold[m], s) for m, s in system.items()))
    by_system = pairs(Counter(system.values()))
    by_gold = pairs(Counter(gold[m] for m in system))
    return both / max(1, by_system), both / max(1, by_gold)


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(words.split())


PRONOUNS = word_set(
    "he she it they i we you him her them us me his hers its their theirs our my your who whom"
    " which that this these those himself herself themselves itself"
)
RELATIVES = frozenset({"who", "whom", "which", "that"})
FUNCTION = word_set(
    "the a an this that these those some many several other another both all most few more no"
    " any each every such"
)
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "messrs"})
# Capitalized words that are titles, not names: kept out of a person's name, counted as a role.
TITLES = word_set(
    "sen senator rep representative del delegate gov governor gen general lt col sgt adm maj capt"
    " cpl rev"
    " president vice secretary speaker chairman chairwoman chair director judge justice mayor"
    " attorney leader minister prime chief former retired commissioner ambassador professor prof"
    " sheriff officer agent pastor father bishop pope king queen prince sir candidate nominee"
    " spokesman spokeswoman spokesperson deputy acting assistant executive ceo coach detective"
    " superintendent chancellor dean councilman councilwoman congressman congresswoman lawmaker"
    " state house senate majority minority gop republican democratic democrat independent"
    " presidential nominee first lady"
)
ORG_WORDS = word_set(
    "post times news journal tribune observer herald gazette review magazine press network"
    " center centre committee campaign party university college institute department foundation"
    " council court association group inc corp company agency bureau office house senate"
    " congress administration commission service union fund bank organization society project"
    " coalition poll polls fbi cia nato un gop pac board team club church ministry government"
    " army navy police league alliance caucus states nations"
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PREPOSITIONS = word_set("for of at from with in on by to about")
_CUE_SLIPS = frozenset({"said", "says", "say", "told", "added", "according to"})
_CONNECTORS = frozenset({"of", "for", "and", "&", "at", "on", "de"})
_LOWER = re.compile(r"\b[a-z][a-z’'-]+\b")
_MID_CAP = re.compile(r"(?<=[a-z0-9,;] )[A-Z][\w’'-]*")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.? ([A-Z][\w’'-]+)")


def clean(token: str) -> str:
    """A token without surrounding punctuation and possessive: "Clinton’s," -> "Clinton"."""
    token = token.strip(",;:()[]\"“”‘'’!?")
    for tail in ("’s", "'s", "’", "'"):
        if token.endswith(tail):
            token = token[: -len(tail)]
    return token.rstrip(".") if token.count(".") == 1 and len(token) > 4 else token


def bare(token: str) -> str:
    """Lowercase, no dots: "Sen." -> "sen"."""
    return clean(token).lower().replace(".", "")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Whether a capitalized word opening a sentence is a common word ("Protesters said")."""

    lower: Counter[str]
    capital: Counter[str]

    @classmethod
    def of(cls, texts: list[str]) -> Vocabulary:
        """Lowercase vs mid-sentence capitalized counts over the texts."""
        lower: Counter[str] = Counter()
        capital: Counter[str] = Counter()
        for text in texts:
            lower.update(_LOWER.findall(text))
            capital.update(w.lower() for w in _MID_CAP.findall(text))
        return cls(lower, capital)

    def common(self, word: str) -> bool:
        """Written lowercase more often than capitalized mid-sentence."""
        w = clean(word).lower()
        return self.lower[w] > self.capital[w]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """File offsets <-> Article.text offsets, one (file start, text start, length) per paragraph."""

    file_starts: tuple[int, ...]
    text_starts: tuple[int, ...]
    lengths: tuple[int, ...]

    def _map(self, at: int, src: tuple[int, ...], dst: tuple[int, ...], end: bool) -> int:
        i = bisect.bisect_right(src, at) - 1
        if i < 0:
            return dst[0] if dst else 0
        if at <= src[i] + self.lengths[i]:
            return dst[i] + at - src[i]
        # In a gap between paragraphs: a start moves to the next paragraph, an end to this one's.
        if end or i + 1 == len(src):
            return dst[i] + self.lengths[i]
        return dst[i + 1]

    def to_text(self, at: int, end: bool = False) -> int:
        """Offset in Article.text of file offset ``at``."""
        return self._map(at, self.file_starts, self.text_starts, end)

    def to_file(self, at: int, end: bool = False) -> int:
        """Offset in the file of Article.text offset ``at``."""
        return self._map(at, self.text_starts, self.file_starts, end)

    def paragraph(self, text_offset: int) -> int:
        """Index of the paragraph holding a text offset."""
        return max(0, bisect.bisect_right(self.text_starts, text_offset) - 1)


@dataclass(frozen=True, slots=True)
class Mention:
    """A gold Source mention, classified."""

    text: str
    start: int  # Article.text offsets of the first and past the last piece
    end: int
    category: str  # "named" | "pronoun" | "nominal"
    names: tuple[str, ...]  # named: the name(s) it holds ("Robby Mook"); conjuncts give several
    person: bool  # named: a person's name, not an organization's or a group's
    head: str  # lowercase head word ("mook", "he", "officials")
    definite: bool  # nominal: "the senator" (may stand for a name), not "a senator"
    role: str | None  # named person: the role the mention states, else None
    female: bool | None  # from "Mrs."/"Ms."/"Mr." in the mention or the article, else None


@dataclass(frozen=True, slots=True)
class Relation:
    """A gold attribution relation: content pieces, its source mention (if any) and cue."""

    quotation: bool  # the Content opens with a quote mark
    pieces: tuple[tuple[int, int], ...]  # Article.text offsets
    file_pieces: tuple[tuple[int, int], ...]
    source: Mention | None
    cue: str


@dataclass(frozen=True, slots=True)
class Doc:
    """One article: its brief Article, the offset map and the gold relations in text order."""

    id: str
    publisher: str
    article: Article
    offsets: OffsetMap
    relations: tuple[Relation, ...]

    def mentions(self) -> list[Mention]:
        """Distinct source mentions, by start."""
        seen = {(r.source.start, r.source.end): r.source for r in self.relations if r.source}
        return [seen[k] for k in sorted(seen)]


def _paragraphs(text: str, skip: int) -> tuple[tuple[str, ...], OffsetMap]:
    """The non-empty lines from file offset ``skip`` on, stripped, and their offset map."""
    paras: list[str] = []
    file_starts: list[int] = []
    text_starts: list[int] = []
    at = pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and at >= skip:
            if paras:
                pos += len(PARAGRAPH_SEPARATOR)
            paras.append(stripped)
            file_starts.append(at + len(line) - len(line.lstrip()))
            text_starts.append(pos)
            pos += len(stripped)
        at += len(line) + 1
    lengths = tuple(len(p) for p in paras)
    return tuple(paras), OffsetMap(tuple(file_starts), tuple(text_starts), lengths)


def sentence_initial(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence, a paragraph or a quotation: not after '," '
    ('," Read said' goes on), but after '." ', '.) ' or an opening mark."""
    before = text[:at].rstrip(" \t\xa0")
    if not before or before[-1] in ".!?:\n":
        return True
    if before[-1] in QUOTE_MARKS + ")":
        return len(before) < 2 or before[-2] in ".!?\n \t" or before[-1] in "“‘«„"
    return False


def _person_run(tokens: list[str], head: int, initial: int, vocab: Vocabulary) -> list[str]:
    """The name words ending at ``head``, leftwards until a title, honorific or common word."""
    run: list[str] = []
    for i in range(head, -1, -1):
        t = tokens[i]
        b = bare(t)
        if not t[:1].isupper() or b in TITLES or b in HONORIFICS or b in FUNCTION:
            break
        if i == initial and vocab.common(t):
            break
        if i < head and t.endswith(("’s", "'s")):
            break  # "Clinton’s campaign manager Robby Mook": "Clinton’s" is not Mook's
        run.insert(0, clean(t))
    return run


def _org_run(tokens: list[str], head: int) -> list[str]:
    """Capitalized words and the connectors between them ending at ``head``: "Bank of America"."""
    start = head
    for i in range(head - 1, -1, -1):
        t = tokens[i]
        if t[:1].isupper() and bare(t) not in FUNCTION:
            start = i
        elif i == 0 or t.lower() not in _CONNECTORS or not tokens[i - 1][:1].isupper():
            break
    return [clean(t) for t in tokens[start : head + 1]]


def org_like(name: str) -> bool:
    """An organization's or a group's name: "Trump campaign", "Bank of America", "FBI",
    "Republicans" (its last word, or its first before "of", is an organization word)."""
    words = [clean(w) for w in name.split()] or [""]
    last = words[-1]
    if last.lower() in ORG_WORDS or last.lower().removesuffix("s") in ORG_WORDS:
        return True
    # "Department of Justice", "the Roper Center for Public Opinion Research"
    if any(a.lower() in ORG_WORDS and b in _CONNECTORS for a, b in itertools.pairwise(words)):
        return True
    acronym = last.isupper() and 1 < len(last) <= 4
    group = len(words) == 1 and last.endswith(("cans", "eans", "crats", "ists", "ians", "ites"))
    return acronym or group


def _chunk(text: str) -> tuple[str, str]:
    """The mention's first noun phrase (before a comma, "who", a preposition) and its appositive."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    head, _, rest = text.partition(",")
    head = re.split(r"\s+(?:who|whose|which|that)\s+", head)[0]
    tokens = head.split()
    for i, t in enumerate(tokens[1:-1], 1):
        # "Secretary of State John Kerry", "the Center for Public Opinion Research": one phrase.
        joined = bare(tokens[i - 1]) in TITLES | ORG_WORDS and tokens[i + 1][:1].isupper()
        if t.lower() in _PREPOSITIONS and not joined:
            head = " ".join(tokens[:i])
            break
    appositive = rest.split(",")[0].strip()
    first = appositive.split()[:1]
    if not first or first[0].lower() in RELATIVES or not re.search(r"[A-Za-z]{2}", appositive):
        appositive = ""
    return head, appositive


def _role(tokens: list[str], upto: int, appositive: str) -> str | None:
    words = [t for t in tokens[:upto] if bare(t) not in FUNCTION | HONORIFICS]
    parts = [" ".join(words)] if any(re.search(r"[A-Za-z]", w) for w in words) else []
    if appositive and not re.fullmatch(r"[\d\s-]+", appositive):
        parts.append(appositive)
    return "; ".join(parts) or None


def _names(
    chunk: str, initial: int, appositive: str, vocab: Vocabulary
) -> tuple[list[str], bool, str | None]:
    """The names of a named mention ("Mr. Obama and Hillary Clinton" gives two), whether they
    are people's, and the role a single person's mention states."""
    names: list[str] = []
    person = True
    role = None
    whole = chunk.split()
    # "Citizenship and Immigration Services" is one organization, "China and Russia" two names.
    one = bool(whole) and org_like(" ".join(_org_run(whole, len(whole) - 1)))
    groups = [chunk] if one else re.split(r"\s+(?:and|&)\s+", chunk)
    for group in groups:
        tokens = group.split()
        last = len(tokens) - 1
        while last > 0 and bare(tokens[last]) in SUFFIXES:
            last -= 1  # "Vann R. Newkirk II"
        if last < 0:
            continue
        org = " ".join(_org_run(tokens, last))
        if org_like(org):
            names.append(org)
            person = False
            continue
        first = initial if len(groups) == 1 else -1
        run = _person_run(tokens, last, first, vocab) or [clean(tokens[last])]
        names.append(" ".join(run + [clean(t) for t in tokens[last + 1 :]]))
        if len(groups) == 1:
            role = _role(tokens, last + 1 - len(run), appositive)
    return names, person, role


def _is_title(tokens: list[str]) -> bool:
    """ "the President", "Former Vice President": a title standing alone, not "Mr. King"."""
    head = bare(tokens[-1])
    if head not in TITLES or head in ORG_WORDS:
        return False
    if len(tokens) < 2:
        return True
    before = bare(tokens[-2])
    named = tokens[-2][:1].isupper() and before not in TITLES | FUNCTION
    return not (before in HONORIFICS or named)


_NAME_ONLY = re.compile(r"(?:[A-Z][\w.’'-]*\s?){1,4}")


def classify(
    text: str, start: int, end: int, raw: str, file_start: int, vocab: Vocabulary
) -> Mention:
    """Classify a Source mention (``raw`` is its text in the file, from ``file_start``)."""
    chunk, appositive = _chunk(raw)
    tokens = chunk.split() or [raw.strip() or "?"]
    initial = 0 if sentence_initial(text, file_start + raw.find(tokens[0])) else -1
    head_tok = tokens[-1]
    head = bare(head_tok)
    base = Mention(raw, start, end, "pronoun", (), False, head, False, None, None)
    if head in PRONOUNS and len(tokens) <= 2:
        return base
    capital = head_tok[:1].isupper() and head not in FUNCTION | HONORIFICS
    demoted = len(tokens) - 1 == initial and vocab.common(head_tok) and head not in ORG_WORDS
    if capital and not demoted and not _is_title(tokens):
        names, person, role = _names(chunk, initial, appositive, vocab)
        return replace(base, category="named", names=tuple(names), person=person, role=role)
    if _NAME_ONLY.fullmatch(appositive) and not _is_title(appositive.split()):
        # "Another critic, Laurence H. Tribe,": the name is in apposition, the phrase its role.
        role = " ".join(t for t in tokens if bare(t) not in FUNCTION) or None
        name = " ".join(clean(t) for t in appositive.split())
        return replace(base, category="named", names=(name,), person=not org_like(name), role=role)
    definite = bare(tokens[0]) in {"the", "this", "that"}
    mods = tuple(clean(t) for t in tokens[:-1] if t[:1].isupper() and bare(t) not in FUNCTION)
    return replace(base, category="nominal", names=mods, definite=definite)


def _genders(text: str) -> dict[str, bool]:
    found: dict[str, bool] = {}
    for m in _HONORIFIC.finditer(text):
        found.setdefault(clean(m.group(2)).lower(), m.group(1) != "Mr")
    return found


_Entities = dict[str, tuple[str, list[tuple[int, int]]]]


def _parse_ann(path: Path) -> tuple[_Entities, list[dict[str, str]]]:
    """The text-bound annotations (T: kind and pieces) and the events (E: role -> T id)."""
    entities: _Entities = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # the continuation of a span text that holds a newline
        if re.fullmatch(r"T\d+", fields[0]):
            kind, _, spans = fields[1].partition(" ")
            pieces = [(int(a), int(b)) for a, b in (p.split() for p in spans.split(";"))]
            entities[fields[0]] = (kind, pieces)
        elif re.fullmatch(r"E\d+", fields[0]):
            events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    return entities, events


def publishers(corpus: Path) -> dict[str, str]:
    """Article id -> publisher, from metadata.tsv."""
    rows = (corpus / "metadata.tsv").read_text(encoding="utf-8").split("\n")[1:]
    return {f[1]: f[4] for f in (r.split("\t") for r in rows) if len(f) > 4}


def vocabulary(corpus: Path) -> Vocabulary:
    """Word capitalization over the text of both splits (so a --limit run classifies alike)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/text/*.txt"))]
    return Vocabulary.of(texts)


def _female(name: str, genders: dict[str, bool]) -> bool | None:
    """Whether a named source is a woman: from "Mrs."/"Ms."/"Mr." before the surname in the
    article, else from the first name when it is a common given name of one sex ("Hillary
    Clinton", "Bill Clinton"), else None."""
    words = name.split()
    found = genders.get(words[-1].lower())
    if found is not None or len(words) < 2:
        return found
    sex = first_name_gender(words[0])
    return True if sex == "female" else False if sex == "male" else None


def load(
    corpus: Path, split: str, limit: int | None, vocab: Vocabulary, headline: bool = True
) -> list[Doc]:
    """The articles of a split with their gold relations, in file-name order.

    ``headline=False``: the first line becomes Article.title instead of a paragraph, as brief's
    extractor would give it, and the relations whose content lies in it are left out."""
    by_id: dict[str, Path] = {}
    for ann in sorted((corpus / split / "attributions").glob("*.ann")):
        by_id.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    pubs = publishers(corpus)
    docs = []
    for doc_id in sorted(by_id)[:limit]:
        text = (corpus / split / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
        first = text.lstrip().split("\n", 1)[0]
        skip = 0 if headline else text.index(first) + len(first)
        paras, offsets = _paragraphs(text, skip)
        genders = _genders(text)
        entities, events = _parse_ann(by_id[doc_id])
        relations = []
        for event in events:
            contents = [entities[event[k]][1] for k in ("Content", "Content2") if k in event]
            if not contents:
                continue
            file_pieces = tuple(p for c in contents for p in c)
            if file_pieces[0][0] < skip:
                continue
            pieces = tuple(
                (offsets.to_text(s), offsets.to_text(e, end=True)) for s, e in file_pieces
            )
            opening = text[file_pieces[0][0] : file_pieces[0][1]].lstrip()[:1]
            cue = (
                " ".join(text[s:e] for s, e in entities[event["Cue"]][1]) if "Cue" in event else ""
            )
            source = None
            if "Source" in event:
                spans = entities[event["Source"]][1]
                raw = " ".join(text[s:e] for s, e in spans)
                s0, e0 = spans[0][0], spans[-1][1]
                m = classify(text, offsets.to_text(s0), offsets.to_text(e0, True), raw, s0, vocab)
                female = _female(m.names[0], genders) if m.names else None
                # A Source span that is the cue itself ("said") is an annotation slip: no source.
                slip = raw.strip().lower() in {cue.strip().lower(), *_CUE_SLIPS}
                source = None if slip else replace(m, female=female)
            relations.append(Relation(opening in QUOTE_MARKS, pieces, file_pieces, source, cue))
        relations.sort(key=lambda r: r.pieces[0])
        path = str(corpus / split / "text" / f"{doc_id}.txt")
        article = Article(paragraphs=paras, title=None if headline else first.strip(), path=path)
        docs.append(Doc(doc_id, pubs.get(doc_id, "?"), article, offsets, tuple(relations)))
    return docs
