"""Analysis time of very long articles (2,000 and 10,000 sentences): it must grow linearly.

Run from the repository root: ``.venv/bin/python bench/long_article.py``. The article is the
bundled seed's paragraphs repeated, each copy ending with its own numbered sentence so that no
sentence repeats. Timed: the speech analysis (quotes, speakers, actors), brief's default summary
(which ranks at most MAX_CANDIDATES sentences, so it stays flat), and as the baseline in the same
run sumy's LexRank over every sentence (quadratic: run on the 2,000-sentence article only).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from brief.models import Article  # noqa: E402
from brief.speech import analyze_speech  # noqa: E402
from brief.summary import summarize  # noqa: E402
from brief.summary.rank import sumy_pick  # noqa: E402
from brief.text import split_sentences  # noqa: E402


def long_article(sentences: int) -> Article:
    """The seed's paragraphs, repeated until the text holds about ``sentences`` sentences."""
    seed = (ROOT / "brief" / "samples" / "seed.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in seed.split("\n\n") if p.strip()]
    out: list[str] = []
    while sum(p.count(". ") + 1 for p in out) < sentences:
        out.extend(f"{p} This is paragraph {len(out) + k}." for k, p in enumerate(paragraphs))
    return Article(paragraphs=tuple(out), language="en")


def timed(what: str, run: object) -> float:
    assert callable(run)
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"  {what:<28} {seconds:7.2f} s")
    return seconds


def main() -> None:
    """Print the timings for each length."""
    analyze_speech(long_article(50))  # lexicons loaded before timing
    for n in (2_000, 10_000):
        article = long_article(n)
        print(f"{n:,} sentences ({len(article.paragraphs):,} paragraphs):")
        timed("brief speech analysis", lambda a=article: analyze_speech(a))
        timed("brief default summary", lambda a=article: summarize(a, sentences=5))
        if n <= 2_000:
            every = [s for p in article.paragraphs for s in split_sentences(p)]
            timed("sumy LexRank (baseline)", lambda t=every: sumy_pick(t, 5, "lexrank", "english"))


if __name__ == "__main__":
    main()
