"""Quote finding and speaker attribution on the hand-annotated pages: brief vs a naive baseline.

Run from the repository root: ``.venv/bin/python bench/pages_attribution.py``. For every page in
tests/fixtures/pages it prints quotes expected, found, matched, precision, recall, speaker
accuracy on matched quotes (exact canonical name) and role accuracy (on matched quotes whose
article states a role), for brief and, in the same run, for a baseline that gives each quote the
nearest capitalized name in its paragraph (what a shallow, textacy-style extractor does).
Then, per attribution shape (the `how` of brief's quotes, in the order brief tries them), the
matched quotes it attributed and the share with the exact speaker.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from page_expectations import (  # noqa: E402
    ExpectedQuote,
    Matching,
    PageCase,
    Predicted,
    load_pages,
    match_quotes,
    normalize_name,
)

from brief.errors import BriefError  # noqa: E402
from brief.extract import extract_html  # noqa: E402
from brief.models import CONFIDENT, Article  # noqa: E402
from brief.speech import analyze_speech  # noqa: E402
from brief.speech.pipeline import SHAPE_NAMES  # noqa: E402

# Quoted spans within one paragraph: curly, straight, French/Russian and German marks.
_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"|«([^»]+)»|„([^“”]+)[“”]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Capitalized words that start sentences or quotes rather than names.
_NOT_NAMES = frozenset(
    {
        "A",
        "An",
        "The",
        "But",
        "And",
        "Or",
        "So",
        "If",
        "In",
        "On",
        "At",
        "As",
        "Of",
        "For",
        "To",
        "By",
        "From",
        "With",
        "After",
        "Before",
        "When",
        "While",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "My",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "However",
        "Meanwhile",
        "Now",
        "Then",
        "Also",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    }
)


def _names(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalized words (start, end, name), sentence openers dropped."""
    runs: list[list[re.Match[str]]] = []
    for word in _WORD.finditer(text):
        if not word.group()[0].isupper():
            continue
        if runs and text[runs[-1][-1].end() : word.start()] == " ":
            runs[-1].append(word)
        else:
            runs.append([word])
    names = []
    for run in runs:
        while run and run[0].group().rstrip(".") in _NOT_NAMES:
            run = run[1:]
        if run:
            name = " ".join(w.group() for w in run).rstrip(".")
            names.append((run[0].start(), run[-1].end(), name))
    return names


def baseline_quotes(article: Article) -> list[Predicted]:
    """Each quoted span, attributed to the capitalized name nearest to it in its paragraph."""
    found = []
    for para in article.paragraphs:
        spans = [
            (m.start(), m.end(), next(g for g in m.groups() if g)) for m in _QUOTE.finditer(para)
        ]
        outside = list(para)
        for start, end, _ in spans:
            outside[start:end] = " " * (end - start)
        names = _names("".join(outside))
        for start, end, text in spans:

            def distance(name: tuple[int, int, str], s: int = start, e: int = end) -> int:
                return s - name[1] if name[1] <= s else name[0] - e

            best = min(names, key=distance, default=None)
            speaker = best[2] if best else None
            found.append(Predicted(text.strip(), speaker, "person" if speaker else None, None))
    return found


def brief_quotes(article: Article) -> list[Predicted]:
    """brief's direct quotes."""
    return [
        Predicted(q.text, q.speaker, q.speaker_kind, q.role, q.how, q.confidence)
        for q in analyze_speech(article).quotes
    ]


@dataclass
class Score:
    """Counts over one page or the whole set."""

    expected: int = 0
    found: int = 0
    matched: int = 0
    true_pos: int = 0
    speaker_right: int = 0
    surname_right: int = 0
    role_right: int = 0
    role_total: int = 0

    def add(self, m: Matching) -> None:
        """Add one page's matching."""
        self.expected += len(m.expected)
        self.found += len(m.found)
        self.matched += len(m.pairs)
        self.true_pos += len(m.true_positives)
        self.speaker_right += len(m.pairs) - len(m.speaker_errors())
        self.surname_right += sum(
            _same_last_word(m.expected[e], m.predicted[p]) for e, p in m.pairs.items()
        )
        right, total = m.role_scores()
        self.role_right += right
        self.role_total += total

    def cells(self) -> list[str]:
        """found, matched, P, R, speaker accuracy (exact, last word), role accuracy."""
        return [
            str(self.found),
            str(self.matched),
            _pct(self.true_pos, self.found),
            _pct(self.matched, self.expected),
            _pct(self.speaker_right, self.matched),
            _pct(self.surname_right, self.matched),
            _pct(self.role_right, self.role_total),
        ]


@dataclass
class ShapeScore:
    """Matched quotes per attribution shape, and how many of them have the exact speaker."""

    matched: Counter[str | None]
    right: Counter[str | None]
    # Matched quotes with a speaker, at or above CONFIDENT ("sure") or below it, and right.
    sure: Counter[bool] = field(default_factory=Counter)
    sure_right: Counter[bool] = field(default_factory=Counter)

    def add(self, m: Matching) -> None:
        """Add one page's matching."""
        for e, p in m.pairs.items():
            got = m.predicted[p]
            right = m.expected[e].speaker_matches(got.speaker, got.speaker_kind)
            self.matched[got.how] += 1
            self.right[got.how] += right
            if got.speaker is not None:
                sure = got.confidence is None or got.confidence >= CONFIDENT
                self.sure[sure] += 1
                self.sure_right[sure] += right

    def print(self) -> None:
        """One row per shape that attributed a matched quote, in the order brief tries them."""
        print("\nbrief per attribution shape (matched quotes; spk = exact canonical speaker)\n")
        widths = [30, 7, 5]
        print(_row(["how", "matched", "spk"], widths))
        for how in (*SHAPE_NAMES, None):
            if self.matched[how]:
                cells = [how or "(unattributed)", str(self.matched[how])]
                print(_row([*cells, _pct(self.right[how], self.matched[how])], widths))
        given = self.sure[True] + self.sure[False]
        above = _pct(self.sure_right[True], self.sure[True])
        below = _pct(self.sure_right[False], self.sure[False])
        print(
            f"\nconfidence: of {given} matched quotes with a speaker, "
            f"{_pct(self.sure[True], given)} at or above {CONFIDENT} (speaker right {above}),"
            f" below it right {below}"
        )


def _same_last_word(expected: ExpectedQuote, got: Predicted) -> bool:
    """The right speaker up to the full name: "Obama" for "Barack Obama" counts here."""
    if expected.speaker_kind == "anonymous" or not got.speaker:
        return expected.speaker_matches(got.speaker, got.speaker_kind)
    last = normalize_name(got.speaker).split()[-1:]
    return any(
        normalize_name(n).split()[-1:] == last for n in (expected.speaker, *expected.aliases)
    )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [
        c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    ]
    return "  ".join(padded)


def main() -> int:
    """Score both systems on every page and print the table."""
    pages = load_pages()
    systems: dict[str, Callable[[Article], list[Predicted]]] = {
        "brief": brief_quotes,
        "baseline": baseline_quotes,
    }
    totals = {name: Score() for name in systems}
    shapes = ShapeScore(Counter(), Counter())
    head = ["page", "exp"]
    for name in systems:
        head += [f"{name}:found", "match", "P", "R", "spk", "spk~", "role"]
    widths = [22, 4] + [14, 5, 5, 5, 5, 5, 5] * len(systems)
    print(f"Quote attribution on {len(pages)} hand-annotated pages (tests/fixtures/pages)")
    print("P = precision over quotes of 4+ words, R = recall, spk = exact canonical speaker among")
    print("matched quotes, spk~ = same last word of the name (right person, name maybe partial),")
    print("role = right role among matched quotes whose article states one\n")
    print(_row(head, widths))
    errors: list[str] = []
    for page in pages:
        cells = [page.name, str(len(page.quotes))]
        for name, system in systems.items():
            matching = match_quotes(page, _run(page, system, errors))
            score = Score()
            score.add(matching)
            totals[name].add(matching)
            if name == "brief":
                shapes.add(matching)
            cells += score.cells()
        print(_row(cells, widths))
    total_cells = ["TOTAL", str(totals["brief"].expected)]
    for name in systems:
        total_cells += totals[name].cells()
    print(_row(total_cells, widths))
    shapes.print()
    for error in errors:
        print(f"error: {error}")
    return 0


_ARTICLES: dict[str, Article] = {}


def _run(
    page: PageCase, system: Callable[[Article], list[Predicted]], errors: list[str]
) -> list[Predicted]:
    """Extract the page once and run a system on it; a brief error scores as no quotes."""
    try:
        if page.name not in _ARTICLES:
            _ARTICLES[page.name] = extract_html(page.html(), url=page.url)
        return system(_ARTICLES[page.name])
    except BriefError as err:
        errors.append(f"{page.name}: {type(err).__name__}: {err}")
        return []


if __name__ == "__main__":
    sys.exit(main())
