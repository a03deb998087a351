"""Speaker attribution on breadth: brief vs a nearest-name baseline on the PolNeAR corpus.

Run from the repository root::

    .venv/bin/python bench/attribution.py                 # dev split, 84 articles, ~5 s
    .venv/bin/python bench/attribution.py --split train   # 840 articles; tune on train, report dev
    .venv/bin/python bench/attribution.py --limit 10 --sample 30 --dump /tmp/polnear-dev.jsonl
    .venv/bin/python bench/attribution.py --headline-apart  # the first line as the title

The corpus is read from ../shared/corpus/attribution-polnear (``--corpus`` to change; without it
the script says so and exits 0); loading, offsets and the classification of source mentions are
in bench/polnear_gold.py. One annotator file per article (the first by name). Each article goes
through brief's real pipeline, ``brief.speech.analyze_speech``, as an Article whose paragraphs
are the file's non-empty lines, stripped; the headline line is paragraph 0 (it carries 2 % of
the relations) unless ``--headline-apart`` makes it the title and leaves its relations out.

Gold. A relation is a *quotation* when its Content opens with a quote mark, straight or curly,
double or single (the NYT texts write ``''`` for a double mark), else a *statement*. Its source
mention is *named* when its head (the last word before a comma, "who" or a preposition that
does not join capitalized words, as in "Secretary of State John Kerry") is a capitalized word
that is not a title, an honorific or a common word opening the sentence ("Robby Mook", "The
Post", "Republicans"), or when a name stands in apposition ("Another critic, Laurence H.
Tribe"); its name is the run of name words ending at the head (an organization keeps its whole
capitalized run, "Citizenship and Immigration Services"); "Mr. Obama and Hillary Clinton" has
two names. Else it is a *pronoun* ("he", "they", "who") or *nominal* ("a campaign aide", "the
president", "The Trump campaign"). A Source span that is the cue itself ("said"), an
annotation slip, counts as no source.

Matching. A prediction matches a gold relation of its kind when the characters they share are at
least half of the shorter of the two (the gold content includes its marks and may have several
pieces; brief's span runs from the first to the last quoted character, a statement's over its
sentence). Each prediction takes its best gold (ties: the one closer in length, so "Police said
…" is not given to the "according to attorneys" relation it is nested in); several predictions
may share a gold (a quotation brief splits). A gold is *found* when a prediction matches it. A
prediction that matches only a relation of the other kind (a quote inside a mixed statement,
'Trump was "absolutely right" when …') is unmatched for the span figures, and its speaker is
judged against that relation ("match only a gold statement"; it counts so in end-to-end
precision).

Speaker rule, the same for brief and the baseline:

- Names are compared word by word, case-insensitively, after dropping possessives and leading
  honorifics and titles ("Sen.", "Mr.", "President"): right when the last words agree, and
  either one name ends the other ("Van Voorhis", "Chandler Van Voorhis") or the first words
  agree ("Hillary Rodham Clinton"; "J." fits "John"; "Bill Clinton" is not "Hillary Clinton");
  a "Jr."/"II" must be on both or neither when both have a first name. So "Trump campaign" is
  wrong for "Donald Trump" (its last word is "campaign") and "Trump" wrong for "Trump
  Foundation". An organization brief names may be shortened to its first word ("Peabody" for
  "Peabody Energy") unless its last word is an organization word ("Trump campaign").
- Named source: the speaker must match one of its names; an anonymous speaker is wrong.
- Pronoun source: judged as the nearest preceding gold source mention in the article that is
  named and compatible (a proxy for coreference): "he"/"she" a single person, not of the other
  sex where "Mr."/"Mrs."/"Ms." in the article tells it, or else a common given name
  ("Hillary", "Bill"); "I"/"you" a single person; "it"/"which"
  an organization or a one-word name; "they"/"we" an organization, a group or several names;
  "who"/"that" the name written just before them (", who said") when there is one. With no
  such antecedent the relation is *unscorable*. ("I"/"we" inside a quote are never sources: the
  Source span is outside the Content.)
- Nominal source: right when the speaker is anonymous, or has the same head noun ("Trump
  campaign" for "The Trump campaign"), or is an organization whose last word is in the mention
  ("Obama administration" for "Obama administration officials"); a definite singular one ("the
  president", "The newspaper") is also right for its antecedent, found as for a pronoun. Any
  other name is wrong: "Barack Obama" for "Obama administration officials", "Donald Trump" for
  "The Trump campaign" (a group or an organization is not its leader).
- No source (Attribution-no-source): unscorable.

Figures, quotations and statements apart, both systems: gold and predicted counts; span
precision / recall / F1; on matched predictions (unscorable ones left out) the share with the
right speaker ("spk ok"), a wrong one, none ("unatt"); end to end, precision = right / the
predictions that name a speaker (an unmatched one naming someone counts as wrong, one naming
nobody is left out, as is one matched to an unscorable gold; "unattributed matched" gives their
number) and recall = scorable golds found
with the right speaker / scorable golds. The same by kind of source mention, per publisher
(metadata.tsv) and, for brief, per ``how`` (the shape that attributed it; "-" when brief gives
none). Role: among matched quotations with the right speaker whose named source mention states a
role besides the name ("Hillary Clinton's campaign manager Robby Mook", "Flynn, a top Trump
surrogate"), brief's role is right when its head word is among the mention's role words or the
mention's role head is among brief's, "missing" when brief gives none. Titles count as roles
("Sen. Ted Cruz" states one, "Sen." read as "senator"); honorifics do not ("Mr. Obama").

Baseline: the same predicted spans; a quote gets the nearest run of capitalized words outside it
in its paragraph, a statement the first such run inside its sentence span, else the nearest
outside (a sentence's first word only when it is not a common word; no month, weekday or lone
honorific). Never anonymous, never a role.

Last come brief's wrong speakers by kind of failure and an evenly spread sample (``--sample``)
with their sentence; ``--dump PATH`` writes one JSON line per gold quotation: article,
publisher, paragraph index and text, the quote's pieces and offsets (in Article.text, in the
paragraph, in the file), cue, source mention (text, offsets, kind, names, role, antecedent) and
brief's best-matching prediction (speaker, kind, role, verb, how, span, overlap, verdict).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import polnear_gold as gold
from polnear_gold import Doc, Mention, Relation, Vocabulary, bare, clean, org_like

from brief.speech import analyze_speech
from brief.speech.confidence import Evidence

MATCH = 0.5
NAN = float("nan")
SAMPLE = 15
TIMING_RUNS = 3
SYSTEMS = ("brief", "baseline")
KINDS = ("quotation", "statement")
CATEGORIES = ("named", "pronoun", "nominal", "none")
_MONTHS_DAYS = gold.word_set(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep"
    " sept oct nov dec"
)
_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
    "adm": "admiral",
    "rev": "reverend",
    "pres": "president",
    "sec": "secretary",
    "atty": "attorney",
}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class Pred:
    """One quote or statement brief found, with the speaker a system gave it."""

    kind: str  # "quotation" | "statement"
    start: int
    end: int
    paragraph: int
    text: str
    speaker: str | None
    speaker_kind: str | None
    role: str | None
    verb: str | None
    how: str | None
    confidence: float | None = None
    evidence: Evidence | None = None  # what brief's speaker rests on (bench/train_confidence.py)


# -- names ------------------------------------------------------------------------------------


def name_words(name: str) -> tuple[list[str], list[str]]:
    """Comparable words of a name, and its suffixes: "Sen. Ted Cruz Jr." -> [ted, cruz], [jr]."""
    words = [bare(t) for t in name.split() if bare(t)]
    drop = gold.FUNCTION if org_like(name) else gold.FUNCTION | gold.HONORIFICS | gold.TITLES
    while len(words) > 1 and words[0] in drop:
        words = words[1:]
    return [w for w in words if w not in gold.SUFFIXES], [w for w in words if w in gold.SUFFIXES]


def same_name(predicted: str, names: Iterable[str], company: bool = False) -> bool:
    """Whether a predicted speaker names the entity of one of the gold names (docstring rule);
    ``company``: the prediction is an organization, which a mention may shorten to its first
    word ("Peabody" for "Peabody Energy", not "Trump" for "Trump campaign")."""
    p, p_suffix = name_words(predicted)
    short_form = company and p and p[-1] not in gold.ORG_WORDS
    for name in names:
        g, g_suffix = name_words(name)
        if short_form and len(g) == 1 and len(p) > 1 and p[0] == g[0]:
            return True
        if not p or not g or p[-1] != g[-1]:
            continue
        if p_suffix != g_suffix and len(p) > 1 and len(g) > 1:
            continue  # "Donald Trump Jr." is not "Donald Trump"; "Roberts" may be "Roberts Jr."
        short, long = sorted((p, g), key=len)
        if long[len(long) - len(short) :] == short:
            return True  # "Van Voorhis" in "Chandler Van Voorhis"
        initial = min(len(p[0]), len(g[0])) == 1 and p[0][0] == g[0][0]
        if p[0] == g[0] or initial:
            return True  # "Hillary Rodham Clinton", "J. Smith"; not "Bill Clinton"
    return False


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _compatible(m: Mention, c: Mention) -> bool:
    single = c.person and len(c.names) == 1
    h = m.head
    if m.category == "nominal":
        return (not c.person) if h in gold.ORG_WORDS else single
    if h in {"he", "him", "his", "himself"}:
        return single and c.female is not True
    if h in {"she", "her", "hers", "herself"}:
        return single and c.female is not False
    if h in {"i", "me", "my", "you", "your"}:
        return single
    if h in {"it", "its", "itself", "which", "this"}:
        return not c.person or (len(c.names) == 1 and len(c.names[0].split()) == 1)
    if h in {"they", "them", "their", "theirs", "themselves", "we", "us", "our", "these", "those"}:
        return not c.person or len(c.names) > 1
    return True


def antecedent(doc: Doc, m: Mention, named: Sequence[Mention], vocab: Vocabulary) -> Mention | None:
    """The named mention a pronoun or a definite singular nominal stands for (docstring rule)."""
    if m.category == "named" or (m.category == "nominal" and not _definite_singular(m)):
        return None
    if m.head in gold.RELATIVES:
        text = doc.article.text
        p = doc.offsets.paragraph(m.start)
        lo = doc.article.paragraph_start(p)
        before = text[lo : m.start]
        runs = names_in(before, vocab)
        if runs and not before[runs[-1][1] :].strip(" ,"):
            name = runs[-1][2]
            return replace(m, category="named", names=(name,), person=not org_like(name))
    for c in reversed(named):
        if c.start < m.start and _compatible(m, c):
            return c
    return None


def _definite_singular(m: Mention) -> bool:
    return m.definite and _singular(m.head) == m.head


def judge(speaker: str | None, kind: str | None, m: Mention | None, ante: Mention | None) -> str:
    """right | wrong | unattributed | unscorable, for a prediction matched to a gold source."""
    if m is None or (m.category == "pronoun" and ante is None):
        return "unscorable"
    if speaker is None:
        return "unattributed"
    anonymous = kind == "anonymous"
    company = kind == "organization"
    if m.category == "named":
        return "right" if not anonymous and same_name(speaker, m.names, company) else "wrong"
    if m.category == "pronoun":
        assert ante is not None
        right = not anonymous and same_name(speaker, ante.names, company)
        return "right" if right else "wrong"
    if anonymous:
        return "right"
    words, _ = name_words(speaker)
    head = words[-1] if words else ""
    if _singular(head) == _singular(m.head):
        return "right"
    if ante is not None and same_name(speaker, ante.names):
        return "right"
    organization = kind == "organization" or org_like(speaker)
    in_mention = head in {bare(t) for t in m.text.split()}
    return "right" if organization and in_mention else "wrong"


def _role_words(text: str) -> list[str]:
    return [_ABBREVIATIONS.get(w, w) for w in (bare(t) for t in re.split(r"[\s;,]+", text)) if w]


def _role_head(text: str) -> str:
    words = []
    for w in _role_words(text):
        if w in {"of", "for", "at", "from", "with", "in", "on", "to", "who", "and"}:
            break
        words.append(w)
    return words[-1] if words else ""


def role_right(predicted: str | None, role: str) -> str:
    """right | wrong | missing: brief's role against the role a gold mention states."""
    if not predicted:
        return "missing"
    pred_words = set(_role_words(predicted))
    gold_words = set(_role_words(role))
    heads = {_role_head(part) for part in role.split("; ")}
    return "right" if _role_head(predicted) in gold_words or heads & pred_words else "wrong"


# -- the baseline -----------------------------------------------------------------------------


def names_in(text: str, vocab: Vocabulary) -> list[tuple[int, int, str]]:
    """Runs of capitalized words (start, end, name): no common sentence opener, month, weekday."""
    runs: list[list[re.Match[str]]] = []
    for word in _WORD.finditer(text):
        w = word.group()
        lower = clean(w).lower()
        if not w[0].isupper() or lower in _MONTHS_DAYS or lower in gold.PRONOUNS:
            runs.append([])
            continue
        if gold.sentence_initial(text, word.start()) and (
            vocab.common(w) or lower in gold.FUNCTION
        ):
            runs.append([])
            continue
        previous = runs[-1][-1] if runs and runs[-1] else None
        joined = previous is not None and text[previous.end() : word.start()] == " "
        if joined and previous is not None and previous.group().endswith((".", "!", "?")):
            joined = len(clean(previous.group())) <= 3  # "D. Ryan", "Mr. Obama", not "Iowa. He"
        if joined:
            runs[-1].append(word)
        else:
            runs.append([word])
    found = []
    for run in runs:
        if run and not (len(run) == 1 and bare(run[0].group()) in gold.HONORIFICS):
            name = " ".join(w.group() for w in run).rstrip(".,’'")
            found.append((run[0].start(), run[-1].end(), name))
    return found


def nearest_name(doc: Doc, starts: Sequence[int], p: Pred, vocab: Vocabulary) -> str | None:
    """The baseline's speaker: the capitalized name nearest to a quote outside it in its
    paragraph; for a statement (brief's span is its whole sentence, "Figueroa said the …") the
    first name inside the span, else the nearest outside."""
    para = doc.article.paragraphs[p.paragraph]
    lo = max(0, p.start - starts[p.paragraph] - 1)
    hi = min(len(para), p.end - starts[p.paragraph] + 1)
    if p.kind == "statement":
        names = names_in(para, vocab)
        inside = [n for n in names if lo <= n[0] and n[1] <= hi]
        if inside:
            return inside[0][2]
    outside = para[:lo] + " " * (hi - lo) + para[hi:]

    def distance(n: tuple[int, int, str]) -> int:
        return lo - n[1] if n[1] <= lo else n[0] - hi

    best = min(names_in(outside, vocab), key=distance, default=None)
    return best[2] if best else None


# -- scoring ----------------------------------------------------------------------------------


def overlap(start: int, end: int, pieces: Sequence[tuple[int, int]]) -> tuple[float, float]:
    """Shared characters over the shorter span, and over the longer (the tie-breaker)."""
    shared = sum(max(0, min(end, b) - max(start, a)) for a, b in pieces)
    lengths = (end - start, sum(b - a for a, b in pieces))
    if min(lengths) <= 0:
        return 0.0, 0.0
    return shared / min(lengths), shared / max(lengths)


def best_match(p: Pred, relations: Sequence[Relation]) -> tuple[int | None, float]:
    """Index of the relation a prediction matches best (None under MATCH), and its overlap.

    Of a content and the larger content it is nested in ("Police have said …, according to
    attorneys for the family"), the one closer in length wins."""
    best: tuple[float, float, int] | None = None
    for i, r in enumerate(relations):
        ratio, tie = overlap(p.start, p.end, r.pieces)
        if ratio >= MATCH and (best is None or (ratio, tie) > best[:2]):
            best = (ratio, tie, i)
    return (best[2], best[0]) if best else (None, 0.0)


@dataclass
class Tally:
    """Counts for one system and kind over a set of articles."""

    gold: int = 0
    scorable: int = 0
    predicted: int = 0
    matched: int = 0
    found: int = 0
    found_right: int = 0
    cross: Counter[str] = field(default_factory=Counter)  # verdicts on other-kind matches
    attributed: int = 0  # predictions naming a speaker, not matched to an unscorable gold
    judged: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)

    def lenient(self) -> float:
        """Span precision counting the other kind's matches as matches."""
        return (self.matched + self.cross.total()) / self.predicted if self.predicted else NAN

    def span(self) -> tuple[float, float, float]:
        """Span precision, recall, F1."""
        return _prf(self.matched, self.predicted, self.found, self.gold)

    def end_to_end(self) -> tuple[float, float, float]:
        """Precision, recall, F1 of (matched and right speaker); for precision a prediction
        matching only the other kind's relation is judged by that relation."""
        right = self.judged["right"] + self.cross["right"]
        return _prf(right, self.attributed, self.found_right, self.scorable)

    def on_matched(self, what: str) -> float:
        """Share of scorable matched predictions judged ``what``."""
        n = self.judged["right"] + self.judged["wrong"] + self.judged["unattributed"]
        return self.judged[what] / n if n else NAN


def _prf(right_p: int, n_p: int, right_r: int, n_r: int) -> tuple[float, float, float]:
    p = right_p / n_p if n_p else NAN
    r = right_r / n_r if n_r else NAN
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


@dataclass
class Case:
    """A prediction judged against its gold, kept for the sample and the dump."""

    doc: Doc
    pred: Pred
    relation: Relation
    ante: Mention | None
    verdict: str
    ratio: float


@dataclass
class Run:
    """Every tally of one run."""

    totals: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_category: dict[tuple[str, str, str], Tally] = field(
        default_factory=lambda: defaultdict(Tally)
    )
    by_publisher: dict[tuple[str, str, str], Tally] = field(
        default_factory=lambda: defaultdict(Tally)
    )
    by_how: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    wrong: list[Case] = field(default_factory=list)
    best: dict[tuple[str, int], Case] = field(default_factory=dict)  # (doc id, relation) -> Case
    failures: Counter[str] = field(default_factory=Counter)


def _failure(case: Case) -> str:
    m, ante, p = case.relation.source, case.ante, case.pred
    assert m is not None and p.speaker is not None
    target = ante if m.category == "pronoun" else m
    predicted_org = p.speaker_kind == "organization" or org_like(p.speaker)
    if p.speaker_kind == "anonymous":
        return "anonymous for a named source"
    if m.category == "nominal" and not (ante and same_name(p.speaker, ante.names)):
        return "a name for a nominal source (group, unnamed person)"
    if target is not None and target.person and predicted_org:
        return "an organization for a person"
    if target is not None and not target.person and not predicted_org:
        return "a person for an organization or group"
    return "another name"


def score(docs: Sequence[Doc], preds: dict[str, list[Pred]], vocab: Vocabulary) -> Run:
    """Match and judge every prediction of both systems."""
    run = Run()
    for doc in docs:
        named = [m for m in doc.mentions() if m.category == "named"]
        antes = {
            id(r): antecedent(doc, r.source, named, vocab) if r.source else None
            for r in doc.relations
        }
        starts = [doc.article.paragraph_start(i) for i in range(len(doc.article.paragraphs))]
        base = {
            id(p): nearest_name(doc, starts, p, vocab) for p in preds[doc.id]
        }  # the baseline's speaker for each of brief's spans
        for kind in KINDS:
            rels = [r for r in doc.relations if r.quotation == (kind == "quotation")]
            others = [r for r in doc.relations if r.quotation != (kind == "quotation")]
            mine = [p for p in preds[doc.id] if p.kind == kind]
            _score_kind(run, doc, kind, rels, others, mine, antes, base)
    return run


def verdicts(
    docs: Sequence[Doc], preds: dict[str, list[Pred]], vocab: Vocabulary
) -> list[tuple[Pred, str]]:
    """Every prediction, in article then prediction order, with its speaker's verdict against
    the gold relation it matches best (of its kind, else of the other kind, as for end-to-end
    precision): right | wrong | unattributed | unscorable, or "unmatched"."""
    out: list[tuple[Pred, str]] = []
    for doc in docs:
        named = [m for m in doc.mentions() if m.category == "named"]
        for p in preds[doc.id]:
            rels = [r for r in doc.relations if r.quotation == (p.kind == "quotation")]
            others = [r for r in doc.relations if r.quotation != (p.kind == "quotation")]
            i = best_match(p, rels)[0]
            r = rels[i] if i is not None else None
            if r is None:
                j = best_match(p, others)[0]
                r = others[j] if j is not None else None
            if r is None:
                out.append((p, "unmatched"))
                continue
            ante = antecedent(doc, r.source, named, vocab) if r.source else None
            out.append((p, judge(p.speaker, p.speaker_kind, r.source, ante)))
    return out


def _score_kind(
    run: Run,
    doc: Doc,
    kind: str,
    rels: list[Relation],
    others: list[Relation],
    mine: list[Pred],
    antes: dict[int, Mention | None],
    base: dict[int, str | None],
) -> None:
    matches = [best_match(p, rels) for p in mine]
    for system in SYSTEMS:
        tallies = [
            run.totals[system, kind],
            run.by_publisher[system, kind, doc.publisher],
        ]
        found: dict[int, set[str]] = defaultdict(set)
        for p, (i, ratio) in zip(mine, matches, strict=True):
            if system == "baseline":
                p = replace(p, speaker=base[id(p)], speaker_kind=None, role=None)
            how = [run.by_how[kind, p.how or "-"]] if system == "brief" else []
            if i is None:
                j = best_match(p, others)[0]
                # A quote inside a mixed statement has a gold speaker even so: judged by it.
                cross = None
                if j is not None:
                    src = others[j].source
                    cross = judge(p.speaker, p.speaker_kind, src, antes[id(others[j])])
                for t in (*tallies, *how):
                    t.predicted += 1
                    t.attributed += p.speaker is not None and cross != "unscorable"
                    if cross is not None:
                        t.cross[cross] += 1
                continue
            r = rels[i]
            ante = antes[id(r)]
            verdict = judge(p.speaker, p.speaker_kind, r.source, ante)
            found[i].add(verdict)
            category = r.source.category if r.source else "none"
            for t in (*tallies, *how, run.by_category[system, kind, category]):
                t.predicted += 1
                t.matched += 1
                t.judged[verdict] += 1
                t.attributed += p.speaker is not None and verdict != "unscorable"
            case = Case(doc, p, r, ante, verdict, ratio)
            if system == "brief":
                key = (doc.id, doc.relations.index(r))
                if key not in run.best or ratio > run.best[key].ratio:
                    run.best[key] = case
                if verdict == "wrong":
                    run.wrong.append(case)
                    run.failures[f"{kind}: {_failure(case)}"] += 1
            source = r.source
            if kind == "quotation" and verdict == "right" and source and source.role:
                run.totals[system, kind].roles[role_right(p.role, source.role)] += 1
        for i, r in enumerate(rels):
            category = r.source.category if r.source else "none"
            scorable = r.source is not None and not (
                r.source.category == "pronoun" and antes[id(r)] is None
            )
            verdicts = found.get(i)
            for t in (*tallies, run.by_category[system, kind, category]):
                t.gold += 1
                t.scorable += scorable
                t.found += verdicts is not None
                t.found_right += verdicts is not None and "right" in verdicts


# -- printing ---------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return "-" if x != x else f"{100 * x:.1f}"


def _row(cells: Sequence[object], widths: Sequence[int]) -> str:
    out = [
        str(c).ljust(w) if i == 0 else str(c).rjust(w)
        for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    ]
    return "  ".join(out)


def print_totals(run: Run, kind: str) -> None:
    """The main table for one kind, both systems, and its footnotes."""
    widths = [9, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6]
    print(f"\n{kind}s")
    head = ["system", "gold", "pred", "span P", "R", "F1", "spk ok", "wrong", "unatt"]
    print(_row([*head, "e2e P", "R", "F1"], widths))
    for system in SYSTEMS:
        t = run.totals[system, kind]
        cells = [system, t.gold, t.predicted, *map(_pct, t.span())]
        cells += [_pct(t.on_matched(w)) for w in ("right", "wrong", "unattributed")]
        cells += [*map(_pct, t.end_to_end())]
        print(_row(cells, widths))
    other = KINDS[1 - KINDS.index(kind)]
    for system in SYSTEMS:
        t = run.totals[system, kind]
        c = t.cross
        print(
            f"  {system}: unattributed matched {t.judged['unattributed']}, matched to an "
            f"unscorable gold {t.judged['unscorable']}; {c.total()} match only a gold {other} "
            f"(right {c['right']}, wrong {c['wrong']}, unattributed {c['unattributed']}); "
            f"span P counting those {_pct(t.lenient())}"
        )
    r = run.totals["brief", kind].roles
    if r:
        print(
            f"  brief role, on {r.total()} matched quotes with the right speaker whose source "
            f"states a role: right {_pct(r['right'] / r.total())} ({r['right']}), wrong "
            f"{r['wrong']}, missing {r['missing']}"
        )


def print_categories(run: Run, kind: str) -> None:
    """Speaker figures by the kind of gold source mention."""
    widths = [9, 5, 6, 6, 6, 6, 6, 6, 6, 6]
    print(f"\n{kind}s by source mention (scor. = scorable; base = baseline)")
    head = ["source", "gold", "scor.", "found", "spk ok", "wrong", "unatt", "e2e R"]
    print(_row([*head, "base", "b e2eR"], widths))
    for category in CATEGORIES:
        t = run.by_category["brief", kind, category]
        b = run.by_category["baseline", kind, category]
        if not t.gold:
            continue
        e2e_r = t.found_right / t.scorable if t.scorable else NAN
        b_r = b.found_right / b.scorable if b.scorable else NAN
        cells = [category, t.gold, t.scorable, _pct(t.found / t.gold)]
        cells += [_pct(t.on_matched(w)) for w in ("right", "wrong", "unattributed")]
        cells += [_pct(e2e_r), _pct(b.on_matched("right")), _pct(b_r)]
        print(_row(cells, widths))


def print_publishers(run: Run) -> None:
    """Per publisher: span F1, speaker accuracy, end-to-end F1 (brief and baseline)."""
    publishers = sorted({k[2] for k in run.by_publisher})
    widths = [12] + [5, 6, 6, 6, 6] * 2
    print(
        "\nper publisher (quotations | statements): gold, span F1, spk ok, e2e F1, baseline e2e F1"
    )
    head = ["publisher"] + ["gold", "spanF1", "spk ok", "e2eF1", "base"] * 2
    print(_row(head, widths))
    for pub in publishers:
        cells: list[object] = [pub]
        for kind in KINDS:
            t = run.by_publisher["brief", kind, pub]
            b = run.by_publisher["baseline", kind, pub]
            cells += [t.gold, _pct(t.span()[2]), _pct(t.on_matched("right"))]
            cells += [_pct(t.end_to_end()[2]), _pct(b.end_to_end()[2])]
        print(_row(cells, widths))


def print_hows(run: Run) -> None:
    """brief's predictions by the shape that attributed them."""
    widths = [38, 6, 7, 6, 6, 6, 6]
    print("\nbrief by `how` (the attribution shape; '-' when brief gives none)")
    print(_row(["kind / how", "pred", "matched", "spk ok", "wrong", "unatt", "e2e P"], widths))
    for (kind, how), t in sorted(run.by_how.items(), key=lambda kv: (kv[0][0], -kv[1].predicted)):
        share = t.matched / t.predicted if t.predicted else NAN
        cells = [f"{kind} {how}", t.predicted, _pct(share)]
        cells += [_pct(t.on_matched(w)) for w in ("right", "wrong", "unattributed")]
        cells += [_pct(t.end_to_end()[0])]
        print(_row(cells, widths))


def _context(case: Case) -> str:
    text = case.doc.article.text
    src = case.relation.source
    assert src is not None
    lo = min(src.start, case.pred.start)
    hi = max(src.end, min(case.pred.end, case.pred.start + 80))
    lo = max(lo, text.rfind("\n", 0, src.start) + 1 if lo < src.start else lo)
    snippet = text[lo:hi]
    if len(snippet) > 300:
        snippet = snippet[:150] + " … " + snippet[-150:]
    return snippet.replace("\n\n", " ¶ ")


def print_failures(run: Run, sample: int) -> None:
    """Failure kinds and an evenly spread sample of brief's wrong speakers."""
    print("\nbrief's wrong speakers by kind")
    for what, n in run.failures.most_common():
        print(f"  {n:5}  {what}")
    cases = run.wrong
    if not cases or sample <= 0:
        return
    step = max(1, len(cases) // sample)
    print(f"\n{min(sample, len(cases))} of {len(cases)} wrong speakers (every {step}th):")
    for case in cases[::step][:sample]:
        src = case.relation.source
        assert src is not None
        ante = f" -> {case.ante.names[0]}" if case.ante and case.ante.names else ""
        print(
            f"- {case.doc.id[:40]} [{case.pred.kind}, how={case.pred.how or '-'}] brief: "
            f"{case.pred.speaker!r} ({case.pred.speaker_kind}) | gold: {src.text!r} "
            f"({src.category}{ante})"
        )
        print(f"    {_context(case)}")


# -- running ----------------------------------------------------------------------------------


def analysis_times(docs: Sequence[Doc]) -> list[float]:
    """CPU milliseconds of brief's speech analysis per article, the best of TIMING_RUNS (the
    least disturbed by other work on the machine)."""
    best = [float("inf")] * len(docs)
    for _ in range(TIMING_RUNS):
        for n, doc in enumerate(docs):
            start = time.process_time()
            analyze_speech(doc.article)
            best[n] = min(best[n], (time.process_time() - start) * 1000)
    return best


def run_brief(docs: Sequence[Doc], drop_doubtful: bool = True) -> dict[str, list[Pred]]:
    """brief's quotes and statements for every article (``drop_doubtful``: as brief gives
    them; False keeps the speakers whose confidence is under the drop cut)."""
    out: dict[str, list[Pred]] = {}
    for doc in docs:
        speech = analyze_speech(doc.article, drop_doubtful=drop_doubtful)
        preds = []
        for kind, found, evidence in (
            ("quotation", speech.quotes, speech.quote_evidence),
            ("statement", speech.statements, speech.statement_evidence),
        ):
            for q, ev in zip(found, evidence, strict=True):
                preds.append(
                    Pred(
                        kind,
                        q.start,
                        q.end,
                        q.paragraph,
                        q.text,
                        q.speaker,
                        q.speaker_kind,
                        q.role,
                        q.verb,
                        q.how,
                        q.confidence,
                        ev,
                    )
                )
        out[doc.id] = preds
    return out


def _offsets(doc: Doc, start: int, end: int) -> dict[str, int]:
    p = doc.offsets.paragraph(start)
    ps = doc.article.paragraph_start(p)
    return {
        "start": start,
        "end": end,
        "paragraph_start": start - ps,
        "paragraph_end": end - ps,
        "file_start": doc.offsets.to_file(start),
        "file_end": doc.offsets.to_file(end, end=True),
    }


def dump(path: Path, docs: Sequence[Doc], run: Run, vocab: Vocabulary) -> int:
    """One JSON line per gold quotation; returns the number written."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            named = [m for m in doc.mentions() if m.category == "named"]
            for index, r in enumerate(doc.relations):
                if not r.quotation:
                    continue
                start, end = r.pieces[0][0], r.pieces[-1][1]
                p = doc.offsets.paragraph(start)
                m = r.source
                ante = antecedent(doc, m, named, vocab) if m else None
                case = run.best.get((doc.id, index))
                row = {
                    "article": doc.id,
                    "publisher": doc.publisher,
                    "paragraph": p,
                    "paragraph_text": doc.article.paragraphs[p],
                    "quote": {
                        "text": doc.article.text[start:end],
                        "pieces": [list(x) for x in r.pieces],
                        "file_pieces": [list(x) for x in r.file_pieces],
                        **_offsets(doc, start, end),
                    },
                    "cue": r.cue,
                    "source": None
                    if m is None
                    else {
                        "text": m.text,
                        **_offsets(doc, m.start, m.end),
                        "category": m.category,
                        "names": list(m.names),
                        "person": m.person,
                        "role": m.role,
                        "antecedent": list(ante.names) if ante else None,
                    },
                    "predicted": None
                    if case is None
                    else {
                        "speaker": case.pred.speaker,
                        "speaker_kind": case.pred.speaker_kind,
                        "role": case.pred.role,
                        "verb": case.pred.verb,
                        "how": case.pred.how,
                        "start": case.pred.start,
                        "end": case.pred.end,
                        "overlap": round(case.ratio, 3),
                        "verdict": case.verdict,
                    },
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    return n


def main(argv: Sequence[str] | None = None) -> int:
    """Load, run brief, score both systems, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--corpus", type=Path, default=gold.CORPUS)
    parser.add_argument("--dump", type=Path, default=None, help="JSONL of every gold quotation")
    parser.add_argument("--sample", type=int, default=SAMPLE, help="wrong speakers to show")
    parser.add_argument(
        "--headline-apart",
        action="store_true",
        help="give brief the first line as the title, not a paragraph (its relations left out)",
    )
    args = parser.parse_args(argv)
    if not (args.corpus / args.split).is_dir():
        print(f"no PolNeAR corpus at {args.corpus}; nothing to measure")
        return 0
    t0 = time.perf_counter()
    vocab = gold.vocabulary(args.corpus)
    docs = gold.load(args.corpus, args.split, args.limit, vocab, not args.headline_apart)
    t1 = time.perf_counter()
    preds = run_brief(docs)
    t2 = time.perf_counter()
    per_article = analysis_times(docs)
    run = score(docs, preds, vocab)
    t3 = time.perf_counter()
    n_rel = sum(len(d.relations) for d in docs)
    headline = "headline apart" if args.headline_apart else "headline as paragraph 0"
    print(
        f"PolNeAR {args.split} ({headline}): {len(docs)} articles, {n_rel} gold relations; "
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()} ({os.cpu_count()} CPUs), {platform.platform()}"
    )
    print(
        f"time: load {t1 - t0:.1f}s, brief {t2 - t1:.1f}s ({len(docs) / (t2 - t1):.0f} articles/s),"
        f" scoring {t3 - t2:.1f}s, total {t3 - t0:.1f}s"
    )
    print(
        f"analysis per article (CPU, best of {TIMING_RUNS}): median "
        f"{statistics.median(per_article):.1f} ms, 90th percentile "
        f"{sorted(per_article)[int(0.9 * (len(per_article) - 1))]:.1f} ms, "
        f"max {max(per_article):.1f} ms"
    )
    print("match: shared characters >= 50% of the shorter span; figures in %; spk ok / wrong /")
    print("unatt: speaker right, wrong, none on matched predictions; e2e: matched with the right")
    print("speaker (precision over predictions naming a speaker); rules in the module docstring")
    for kind in KINDS:
        print_totals(run, kind)
    for kind in KINDS:
        print_categories(run, kind)
    print_publishers(run)
    print_hows(run)
    print_failures(run, args.sample)
    if args.dump:
        n = dump(args.dump, docs, run, vocab)
        print(f"\nwrote {n} gold quotations to {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
