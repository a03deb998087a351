"""ROUGE of brief's default summary beside LEAD-N and every sumy algorithm, on two news styles.

Run from the repository root (rouge-score is the ``bench`` extra)::

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/summary_rouge.py               # the held-out rows
    .venv/bin/python bench/summary_rouge.py --split tune  # the rows the default was tuned on

Corpora, read from ``../shared`` beside the checkout (a missing one is said and skipped):

- CNN/DailyMail: the 250 ``cnndm`` rows of ``summaries-cnndm-xsum``, with their human
  highlights (three or four sentences); the even rows are tuning rows, the odd ones held out.
- BBC: ``summaries-bbc``, the development split (1,891 articles, extractive references of about
  40 % of the article). Its README names no other split (the 334 kept out are hidden), so the
  articles, sorted by section and number, are split in two: the even ones are the tuning rows
  (bench/train_summary.py learns the default's blend on them only), the odd ones are held out
  and reported here by default.

A sample of each (``--sample``, ``--seed``, printed) is summarized at 1, 3, 5 and 10 sentences,
at 40 % of the article's sentences and, on BBC, at as many sentences as the reference holds
(how the issue's hidden set is scored). Every system sees the same text: the article's
sentences as brief.text splits them. LEAD-N takes the first N; sumy's LexRank, TextRank, LSA,
Luhn, SumBasic, KL and Edmundson (key + title + location: the headline is its heading) get
brief's tokenizer, the Snowball stemmer and sumy's stop words; brief's default is
``summarize()`` on the article with its headline, as brief runs it. Scores are rouge-score's
own ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (``use_stemmer=True``), means x 100, sentences one a
line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from brief.models import Article
from brief.summary.rank import summarize
from brief.summary.sumy_algorithms import SUMY_ALGORITHMS, sumy_pick
from brief.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
CNNDM = SHARED / "summaries-cnndm-xsum" / "frank_articles_references.jsonl"
BBC = SHARED / "summaries-bbc"
LENGTHS: tuple[int | str, ...] = (1, 3, 5, 10, "40%", "ref")
METRICS = ("rouge1", "rouge2", "rougeLsum")
SHORT = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}
# The BBC references glue their sentences together: "...weeks.The firm..." (its README).
_BBC_REFERENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”]?(?=[A-Z\"“])")


@dataclass(frozen=True, slots=True)
class Row:
    """One article with its reference summary, as sentences."""

    name: str
    article: Article
    sentences: tuple[str, ...]  # the article's, as brief.text splits them
    reference: tuple[str, ...]


def _row(name: str, title: str | None, paragraphs: Sequence[str], reference: Sequence[str]) -> Row:
    article = Article(paragraphs=tuple(paragraphs), title=title)
    sentences = tuple(s for p in paragraphs for s in split_sentences(p))
    return Row(name, article, sentences, tuple(reference))


def cnndm_rows(split: str) -> list[Row]:
    """The CNN/DailyMail rows of one half: "tune" (even rows) or "test" (odd); empty when absent."""
    if not CNNDM.is_file():
        return []
    with CNNDM.open(encoding="utf-8") as f:
        raw = [r for r in map(json.loads, f) if r["dataset"] == "cnndm"]
    raw = raw[0::2] if split == "tune" else raw[1::2]
    return [
        _row(r["hash"][:12], None, [r["article"]], split_sentences(r["reference"])) for r in raw
    ]


def bbc_rows(split: str) -> list[Row]:
    """The BBC rows of one half: "tune" (even positions) or "test" (odd); empty when absent."""
    if not (BBC / "articles").is_dir():
        return []
    paths = sorted((BBC / "articles").glob("*/*.txt"))
    half = paths[0::2] if split == "tune" else paths[1::2]
    rows = []
    for path in half:
        text = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = text.strip().partition("\n")
        paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
        summary_path = BBC / "summaries" / path.parent.name / path.name
        summary = summary_path.read_text(encoding="utf-8", errors="replace")
        reference = [s.strip() for s in _BBC_REFERENCE_SPLIT.split(summary) if s.strip()]
        rows.append(_row(f"{path.parent.name}/{path.stem}", title.strip(), paragraphs, reference))
    return rows


def count_for(length: int | str, row: Row) -> int:
    """How many sentences a length asks for on this row."""
    if length == "40%":
        return max(1, round(0.4 * len(row.sentences)))
    if length == "ref":
        return max(1, len(row.reference))
    assert isinstance(length, int)
    return length


System = Callable[[Row, int], Sequence[str]]


def _lead(row: Row, count: int) -> Sequence[str]:
    return row.sentences[:count]


def _sumy(algorithm: str) -> System:
    def run(row: Row, count: int) -> Sequence[str]:
        picks = sumy_pick(row.sentences, count, algorithm, "english", title=row.article.title)
        return [row.sentences[i] for i in picks]

    return run


def _brief(row: Row, count: int) -> Sequence[str]:
    return summarize(row.article, count, "default", "english")


SYSTEMS: dict[str, System] = {
    "LEAD-N": _lead,
    **{f"sumy {a}": _sumy(a) for a in SUMY_ALGORITHMS},
    "brief default": _brief,
}


def evaluate(
    rows: Sequence[Row], lengths: Sequence[int | str], systems: dict[str, System]
) -> dict[tuple[str, int | str], dict[str, float]]:
    """Mean rouge-score F1 x 100 of each (system, length)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    out = {}
    for name, system in systems.items():
        for length in lengths:
            sums = dict.fromkeys(METRICS, 0.0)
            for row in rows:
                summary = "\n".join(system(row, count_for(length, row)))
                scores = scorer.score("\n".join(row.reference), summary)
                for m in METRICS:
                    sums[m] += scores[m].fmeasure
            out[name, length] = {m: 100 * v / len(rows) for m, v in sums.items()}
    return out


def _print_tables(
    title: str,
    results: dict[tuple[str, int | str], dict[str, float]],
    lengths: Sequence[int | str],
) -> bool:
    """The three tables of one corpus and whether brief's default wins every column."""
    names = list(dict.fromkeys(name for name, _ in results))
    wins = True
    for metric in METRICS:
        print(f"\n{title}: {SHORT[metric]} F1")
        print(f"{'system':16}" + "".join(f"{n!s:>8}" for n in lengths))
        for name in names:
            print(f"{name:16}" + "".join(f"{results[name, n][metric]:8.2f}" for n in lengths))
        margins = []
        for n in lengths:
            rival = max(results[x, n][metric] for x in names if x != "brief default")
            margins.append(results["brief default", n][metric] - rival)
            wins = wins and margins[-1] > 0
        print(f"{'default - best':16}" + "".join(f"{m:+8.2f}" for m in margins))
    return wins


def main(argv: Sequence[str] | None = None) -> int:
    """Print the ROUGE tables of both corpora; 0 even when a corpus is absent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "tune"), default="test")
    parser.add_argument("--sample", type=int, default=150, help="articles per corpus")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    versions = ", ".join(
        f"{p} {metadata.version(p)}" for p in ("sumy", "rouge-score", "snowballstemmer")
    )
    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}; {versions}"
    )
    print(f"sample: {args.sample} articles per corpus, seed {args.seed}, split {args.split}")
    corpora = {
        f"CNN/DailyMail {args.split} half (human highlights)": (
            cnndm_rows(args.split),
            LENGTHS[:-1],
        ),
        f"BBC {args.split} half (extractive, ~40 %)": (bbc_rows(args.split), LENGTHS),
    }
    all_win = True
    for title, (rows, lengths) in corpora.items():
        if not rows:
            print(f"\n{title}: corpus not found under {SHARED}; skipped")
            continue
        rng = random.Random(args.seed)
        sample = rng.sample(rows, min(args.sample, len(rows)))
        mean_sentences = sum(len(r.sentences) for r in sample) / len(sample)
        mean_reference = sum(len(r.reference) for r in sample) / len(sample)
        started = time.perf_counter()
        results = evaluate(sample, lengths, SYSTEMS)
        print(
            f"\n{title}: {len(sample)} of {len(rows)} articles, {mean_sentences:.1f} sentences"
            f" and {mean_reference:.1f} reference sentences on average"
            f" ({time.perf_counter() - started:.0f} s)"
        )
        all_win = _print_tables(title, results, lengths) and all_win
    print(f"\nbrief default beats every other system in every column: {'yes' if all_win else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
