"""ROUGE of brief's summarizers against human references, and their speed on a long article.

Run from the repository root: ``.venv/bin/python bench/summary_rouge.py``. It reads the 250
CNN/DailyMail rows of ``../shared/corpus/summaries-cnndm-xsum/frank_articles_references.jsonl``
(beside the checkout; without it the script says so and exits 0) and compares, all at three
sentences and side by side: LEAD-3 (the first three sentences, as brief.text splits them),
sumy's LexRank, TextRank, LSA and Luhn (plain: brief's offline tokenizer, English stemmer and
stop words, no candidate filtering), and brief's algorithms as ``summarize()`` runs them.

ROUGE is computed here, the way Google's rouge-score package does it with ``use_stemmer=True``:
lowercase, every run of non-[a-z0-9] characters is a separator, tokens longer than three letters
go through nltk's Porter stemmer (no NLTK data needed); ROUGE-1/2 on clipped n-gram counts,
ROUGE-L on the longest common subsequence of the whole texts (rouge-score's "rougeL"). Figures
are means of per-article F1 (and recall) x 100.

The default algorithm's few weights were tuned on the even rows only: the table shows all rows,
the even (tuning) rows and the odd (held-out) rows. Last, each algorithm summarizes a synthetic
2,000-sentence article (the corpus's own sentences in order, five to a paragraph) and the time
is printed.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from importlib import metadata
from pathlib import Path

from nltk.stem import PorterStemmer

from brief.models import Article
from brief.summary.rank import ALGORITHMS, summarize, sumy_pick
from brief.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (
    ROOT.parent / "shared" / "corpus" / "summaries-cnndm-xsum" / "frank_articles_references.jsonl"
)
SENTENCES = 3
SYNTHETIC_SENTENCES = 2000
_PORTER = PorterStemmer()
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@cache
def _stem(token: str) -> str:
    return _PORTER.stem(token)


def rouge_tokens(text: str) -> list[str]:
    """rouge-score's tokenizer with stemming: lowercase alphanumeric runs, Porter-stemmed."""
    tokens = _NON_ALNUM.sub(" ", text.lower()).split()
    return [_stem(t) if len(t) > 3 else t for t in tokens]


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _prf(overlap: int, predicted: int, reference: int) -> tuple[float, float, float]:
    precision = overlap / predicted if predicted else 0.0
    recall = overlap / reference if reference else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge(summary: str, reference: str) -> dict[str, tuple[float, float, float]]:
    """ROUGE-1, ROUGE-2 and ROUGE-L (precision, recall, F1) of a summary against a reference."""
    pred, ref = rouge_tokens(summary), rouge_tokens(reference)
    scores = {}
    for n in (1, 2):
        p, r = _ngrams(pred, n), _ngrams(ref, n)
        overlap = sum((p & r).values())
        scores[f"R{n}"] = _prf(overlap, sum(p.values()), sum(r.values()))
    scores["RL"] = _prf(_lcs(pred, ref), len(pred), len(ref))
    return scores


Summarizer = Callable[[str], Sequence[str]]


def _lead3(text: str) -> Sequence[str]:
    return split_sentences(text)[:SENTENCES]


def _plain_sumy(algorithm: str) -> Summarizer:
    """sumy as it comes: every sentence of the text is a candidate, no cap."""

    def run(text: str) -> Sequence[str]:
        sentences = split_sentences(text)
        return [sentences[i] for i in sumy_pick(sentences, SENTENCES, algorithm, "english")]

    return run


def _brief(algorithm: str) -> Summarizer:
    def run(text: str) -> Sequence[str]:
        return summarize(Article(paragraphs=(text,)), SENTENCES, algorithm)

    return run


SYSTEMS: dict[str, Summarizer] = {
    "LEAD-3": _lead3,
    **{f"sumy {a} (plain)": _plain_sumy(a) for a in ("lexrank", "textrank", "lsa", "luhn")},
    **{f"brief {a}": _brief(a) for a in ALGORITHMS},
}
METRICS = ("R1", "R2", "RL")


def score(system: Summarizer, rows: Sequence[dict[str, str]]) -> list[dict[str, tuple[float, ...]]]:
    """Per-row ROUGE of one system."""
    return [rouge(" ".join(system(r["article"])), r["reference"]) for r in rows]


def _mean(scores: Sequence[dict[str, tuple[float, ...]]], metric: str, part: int) -> float:
    return 100 * sum(s[metric][part] for s in scores) / len(scores) if scores else 0.0


def _synthetic(rows: Sequence[dict[str, str]]) -> Article:
    """A 2,000-sentence article made of the corpus's real sentences, five to a paragraph."""
    sentences = [s for r in rows for s in split_sentences(r["article"])]
    sentences = [sentences[i % len(sentences)] for i in range(SYNTHETIC_SENTENCES)]
    return Article(
        paragraphs=tuple(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))
    )


def main() -> int:
    """Print the ROUGE tables and the timings; 0 even when the corpus is absent."""
    if not CORPUS.is_file():
        print(
            f"corpus not found: {CORPUS} (it lives in ../shared beside the checkout); nothing to do"
        )
        return 0
    with CORPUS.open(encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["dataset"] == "cnndm"]
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("sumy", "nltk", "numpy"))
    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}; {versions}"
    )
    print(
        f"corpus: {len(rows)} CNN/DailyMail articles with human references ({CORPUS.name}); "
        f"{SENTENCES} sentences per summary; ROUGE computed in this script (rouge-score's "
        "recipe, Porter stemming)\n"
    )
    results = {name: score(system, rows) for name, system in SYSTEMS.items()}
    header = f"{'system':24}" + "".join(f"{m + ' F1':>8}{m + ' R':>8}" for m in METRICS)
    print("all 250 rows")
    print(header)
    for name, scores in results.items():
        print(
            f"{name:24}"
            + "".join(f"{_mean(scores, m, 2):8.2f}{_mean(scores, m, 1):8.2f}" for m in METRICS)
        )
    print(
        "\nF1 on the even rows (the default's weights were tuned on these)"
        " and on the odd rows (held out)"
    )
    print(
        f"{'system':24}"
        + "".join(f"{m + ' even':>9}" for m in METRICS)
        + "".join(f"{m + ' odd':>9}" for m in METRICS)
    )
    for name, scores in results.items():
        even, odd = scores[0::2], scores[1::2]
        print(
            f"{name:24}"
            + "".join(f"{_mean(even, m, 2):9.2f}" for m in METRICS)
            + "".join(f"{_mean(odd, m, 2):9.2f}" for m in METRICS)
        )
    default = results["brief default"]
    for rival in ("LEAD-3", "sumy lexrank (plain)"):
        beats = all(_mean(default, m, 2) > _mean(results[rival], m, 2) for m in METRICS)
        print(f"brief default beats {rival} on ROUGE-1, -2 and -L F1: {'yes' if beats else 'NO'}")
    article = _synthetic(rows)
    print(
        f"\ntime for one synthetic article of {SYNTHETIC_SENTENCES} sentences "
        f"({len(article.text):,} characters), 5-sentence summary, best of 3:"
    )
    for algorithm in ALGORITHMS:
        best = min(_timed(article, algorithm) for _ in range(3))
        print(f"  brief {algorithm:9} {best:6.3f} s")
    return 0


def _timed(article: Article, algorithm: str) -> float:
    started = time.perf_counter()
    summarize(article, 5, algorithm)
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
