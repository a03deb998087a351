"""Article-text quality of brief's extraction beside trafilatura's three settings, same run.

Run from the repository root: ``.venv/bin/python bench/extract_quality.py``. Pages, read from
``../shared/corpus`` beside the checkout (a missing corpus is said and skipped):

- the 181 pages of the scrapinghub article-extraction-benchmark (``articles-scrapinghub``),
  against their ground-truth ``articleBody``;
- the 130 cases of Mozilla Readability's test suite (``articles-readability``), against the
  text of their ``expected.html`` (one paragraph per block element).

Systems: brief (``brief.extract.extract_html``: the paragraphs after brief's debris rules,
without the headline), and trafilatura's ``extract()`` as it comes, with
``favor_recall=True`` and with ``favor_precision=True`` (tables and comments left out as
brief leaves them). A page a system finds no text in counts as an empty answer.

Score: the benchmark's own (its evaluate.py): per page, the matches of the multisets of
4-token shingles (tokens are ``\\w+`` runs) normalized to sum to 1; precision and recall are
means over the pages, F1 is their harmonic mean. "lead lost" counts the pages whose first
paragraph of the truth (its first of at least 12 words) a system left out (less than half
of its shingles found). "debris" counts the system's paragraphs that brief's debris rules
call a line of debris.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from brief.errors import ExtractionError
from brief.extract import extract_html
from brief.text import is_debris_line, is_trailer_line

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SCRAPINGHUB = SHARED / "articles-scrapinghub"
READABILITY = SHARED / "articles-readability" / "test-pages"
SHINGLE = 4
LEAD_WORDS = 12
_TOKEN = re.compile(r"\w+")
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd", "dt")


@dataclass(frozen=True, slots=True)
class Page:
    """One page and the text its article holds, as paragraphs."""

    name: str
    html: str
    url: str | None
    truth: tuple[str, ...]


def scrapinghub_pages() -> Iterator[Page]:
    """The benchmark's pages with their ground truth (none when the corpus is absent)."""
    truth_file = SCRAPINGHUB / "ground-truth.json"
    if not truth_file.is_file():
        return
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    for key in sorted(truth):
        html = gzip.decompress((SCRAPINGHUB / "html" / f"{key}.html.gz").read_bytes())
        paragraphs = [p.strip() for p in truth[key].get("articleBody", "").split("\n")]
        yield Page(
            f"scrapinghub/{key[:10]}",
            html.decode("utf-8", errors="replace"),
            truth[key].get("url"),
            tuple(p for p in paragraphs if p),
        )


def readability_pages() -> Iterator[Page]:
    """Readability's test cases with the text of their expected output."""
    if not READABILITY.is_dir():
        return
    import lxml.html

    for case in sorted(READABILITY.iterdir()):
        source, expected = case / "source.html.gz", case / "expected.html.gz"
        if not (source.is_file() and expected.is_file()):
            continue
        expected_html = gzip.decompress(expected.read_bytes()).decode("utf-8", errors="replace")
        tree = lxml.html.fromstring(expected_html)
        paragraphs = []
        for elem in tree.iter(*_BLOCKS):
            if any(a.tag in _BLOCKS for a in elem.iterancestors()):
                continue  # a block inside a block is read with its parent
            text = " ".join(elem.text_content().split())
            if text:
                paragraphs.append(text)
        html = gzip.decompress(source.read_bytes()).decode("utf-8", errors="replace")
        yield Page(f"readability/{case.name}", html, None, tuple(paragraphs))


def _brief(page: Page) -> list[str]:
    try:
        return list(extract_html(page.html, url=page.url).paragraphs)
    except ExtractionError:
        return []


def _trafilatura(**options: bool) -> Callable[[Page], list[str]]:
    def run(page: Page) -> list[str]:
        import trafilatura

        text = trafilatura.extract(
            page.html, url=page.url, include_comments=False, include_tables=False, **options
        )
        return [p for p in (text or "").split("\n") if p.strip()]

    return run


SYSTEMS: dict[str, Callable[[Page], list[str]]] = {
    "brief": _brief,
    "trafilatura default": _trafilatura(),
    "trafilatura favor_recall": _trafilatura(favor_recall=True),
    "trafilatura favor_precision": _trafilatura(favor_precision=True),
}


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token shingles (a text shorter than 4 tokens is one shingle)."""
    tokens = _TOKEN.findall(text)
    return Counter(
        tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))
    ) - Counter({(): 1})


def match(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalized (tp, fp, fn) of the shingles, as the benchmark's evaluate.py counts them."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass
class Score:
    """What one system got on a set of pages."""

    matches: list[tuple[float, float, float]] = field(default_factory=list)
    lead_lost: list[str] = field(default_factory=list)
    debris: int = 0
    seconds: float = 0.0

    def prf(self) -> tuple[float, float, float]:
        """Mean precision, mean recall and their harmonic mean, as the benchmark reports."""
        ps = [_precision(*m) for m in self.matches if m[0] + m[1] > 0]
        rs = [_recall(*m) for m in self.matches if m[0] + m[2] > 0]
        p = sum(ps) / len(ps) if ps else 0.0
        r = sum(rs) / len(rs) if rs else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def lead(truth: Sequence[str]) -> str | None:
    """The truth's first paragraph of at least LEAD_WORDS words."""
    return next((p for p in truth if len(p.split()) >= LEAD_WORDS), None)


def lost(paragraph: str, predicted: str) -> bool:
    """Whether less than half of the paragraph's shingles are in the predicted text."""
    want, have = shingles(paragraph), shingles(predicted)
    return sum((want & have).values()) * 2 < sum(want.values())


def evaluate(pages: Sequence[Page]) -> dict[str, Score]:
    """Every system on every page."""
    scores = {name: Score() for name in SYSTEMS}
    for page in pages:
        truth = "\n".join(page.truth)
        first = lead(page.truth)
        for name, system in SYSTEMS.items():
            started = time.perf_counter()
            paragraphs = system(page)
            scores[name].seconds += time.perf_counter() - started
            predicted = "\n".join(paragraphs)
            scores[name].matches.append(match(truth, predicted))
            if first and lost(first, predicted):
                scores[name].lead_lost.append(page.name)
            scores[name].debris += sum(1 for p in paragraphs if is_debris_line(p))
    return scores


def rule_check(pages: Sequence[Page]) -> None:
    """brief's debris rules on every paragraph trafilatura (default) gives, against the truth.

    A paragraph is article text when at least half of its shingles are in the truth. The rules
    are right on a paragraph they flag that is not article text, wrong on one that is.
    """
    run = SYSTEMS["trafilatura default"]
    caught = wrong = missed = kept = 0
    examples: list[str] = []
    for page in pages:
        truth = "\n".join(page.truth)
        for paragraph in run(page):
            flagged = is_debris_line(paragraph) or is_trailer_line(paragraph)
            article = not lost(paragraph, truth)
            caught += flagged and not article
            wrong += flagged and article
            missed += not flagged and not article
            kept += not flagged and article
            if flagged and article and len(examples) < 5:
                examples.append(f"{page.name}: {paragraph[:70]!r}")
    print(
        f"\nbrief's debris rules on trafilatura's {caught + wrong + missed + kept} paragraphs"
        f" of all {len(pages)} pages: {caught} flagged and not in the truth, {wrong} flagged but"
        f" article text, {missed} not flagged and not in the truth (any other text: captions,"
        f" teasers, boilerplate), {kept} article paragraphs kept"
    )
    for example in examples:
        print(f"  flagged article text: {example}")


def _table(title: str, scores: dict[str, Score], pages: int) -> None:
    print(f"\n{title} ({pages} pages)")
    print(f"{'system':28}{'F1':>7}{'P':>7}{'R':>7}{'lead lost':>11}{'debris':>8}{'s/page':>8}")
    for name, s in scores.items():
        p, r, f1 = s.prf()
        print(
            f"{name:28}{f1:7.3f}{p:7.3f}{r:7.3f}{len(s.lead_lost):11d}{s.debris:8d}"
            f"{s.seconds / max(1, pages):8.3f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tables; 0 even when the corpora are absent."""
    verbose = "--verbose" in (argv if argv is not None else sys.argv[1:])
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("trafilatura", "lxml"))
    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}; {versions}"
    )
    corpora = {
        "scrapinghub article-extraction-benchmark": list(scrapinghub_pages()),
        "Readability test pages": list(readability_pages()),
    }
    everything: list[Page] = []
    results = {}
    for title, pages in corpora.items():
        if not pages:
            print(f"\n{title}: not found under {SHARED}; skipped")
            continue
        everything += pages
        results[title] = evaluate(pages)
        _table(title, results[title], len(pages))
    if len(results) > 1:
        merged = {
            name: Score(
                [m for r in results.values() for m in r[name].matches],
                [n for r in results.values() for n in r[name].lead_lost],
                sum(r[name].debris for r in results.values()),
                sum(r[name].seconds for r in results.values()),
            )
            for name in SYSTEMS
        }
        _table("all pages", merged, len(everything))
        rule_check(everything)
        if verbose:
            for name, s in merged.items():
                print(f"{name}: lead lost on {', '.join(s.lead_lost) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
