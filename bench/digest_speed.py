"""Speed and memory of `brief digest` on 1,000 and 10,000 stored articles from 50 feeds.

Run from the repository root: ``.venv/bin/python bench/digest_speed.py``. For each size it
fills a real store (SQLite, in a temporary BRIEF_HOME) with a synthetic but realistic day (see
bench/digest_synth.py: briefs made by brief's own analysis of the CNN/DailyMail and XSum
articles of ../shared/corpus, carried by 1-8 feeds per event), then runs
``brief digest --no-fetch --format F --output FILE`` as a fresh process on a fresh copy of the
store, for Markdown and HTML, and prints the wall time and the peak resident memory of that
process (ru_maxrss from os.wait4). A process that only imports the same modules gives the
memory floor.

It also times the story grouping alone, in this process, and compares it with the all-pairs
comparison it replaces (measured on a sample, scaled by the number of pairs): grouping must
not be quadratic. The grouping's agreement with the synthetic events (pairs of articles of one
event put in one story: recall; pairs put in one story that are one event: precision) is
printed too. The corpus lives outside the project (../shared); without it the script says so
and exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from digest_synth import SynthArticle, day, load_texts

from brief.models import Article, Brief

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FLOOR = "import brief.commands.digest, brief.digest.delivery, brief.store.database, brief.config"


def build_pool(limit: int) -> list[Brief]:
    """Briefs of real articles, through brief's own analysis."""
    from brief.analyze import analyze

    return [
        analyze(Article(paragraphs=tuple(paragraphs), title=title, language="en"))
        for title, paragraphs in load_texts(CORPUS, limit)
    ]


def fill_store(home: Path, articles: list[SynthArticle], feeds: int) -> float:
    """Store the synthetic day in BRIEF_HOME=home; returns the seconds it took."""
    from brief.models import FeedEntry
    from brief.store import Store

    os.environ["BRIEF_HOME"] = str(home)
    started = time.perf_counter()
    with Store.open() as store:
        ids = [
            store.add_feed(f"https://feed{i:02d}.example/rss", f"Feed {i:02d}")[0]
            for i in range(feeds)
        ]
        for n, item in enumerate(articles):
            url = f"https://feed{item.feed:02d}.example/{item.event}/{n}"
            entry = FeedEntry(url, url, item.brief.article.title, None, None, "", "")
            store.add_article_with_brief(ids[item.feed], entry, item.brief, "full")
        # Two feeds failing, as on most days.
        store.record_failure(ids[0], "HTTP 503 Service Unavailable")
        store.record_failure(ids[1], "timed out after 60s")
    return time.perf_counter() - started


# Peak memory comes from ru_maxrss, which counts the pages a child shares with its parent
# between fork and exec: forked from this (large) process, every child would look as large as
# the bench itself. So commands are run by a small runner process started before the pool.
_RUNNER = """
import json, os, subprocess, sys, time
for line in sys.stdin:
    job = json.loads(line)
    started = time.perf_counter()
    proc = subprocess.Popen(job["cmd"], env=job["env"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    print(json.dumps([time.perf_counter() - started, usage.ru_maxrss,
                      os.waitstatus_to_exitcode(status)]), flush=True)
"""


class Runner:
    """A small process that runs commands and reports (wall seconds, peak KiB, exit code)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _RUNNER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, cmd: list[str], env: dict[str, str]) -> tuple[float, int, int]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"cmd": cmd, "env": env}) + "\n")
        self.proc.stdin.flush()
        seconds, peak, code = json.loads(self.proc.stdout.readline())
        return float(seconds), int(peak), int(code)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def digest_run(runner: Runner, home: Path, fmt: str, scratch: Path) -> tuple[float, int, int]:
    """`brief digest` on a fresh copy of the store; (seconds, peak KiB, output bytes)."""
    copy = scratch / f"home-{fmt}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(home, copy)
    out = scratch / f"digest.{fmt}"
    env = {**os.environ, "BRIEF_HOME": str(copy), "LANG": "C"}
    env.pop("TERM", None)
    cmd = [sys.executable, "-m", "brief", "digest", "--no-fetch", "-f", fmt, "-o", str(out)]
    seconds, peak, code = runner.run(cmd, env)
    if code != 0:
        raise SystemExit(f"brief digest failed with exit code {code}")
    return seconds, peak, out.stat().st_size


def grouping_figures(articles: list[SynthArticle]) -> dict[str, float]:
    """Grouping alone: time, stories, agreement with events, and the all-pairs estimate."""
    from brief.digest.assemble import _story_text
    from brief.digest.model import DigestArticle
    from brief.digest.stories import _fingerprint, _similarity, group_stories

    texts = [
        _story_text(DigestArticle(i, a.brief, (f"Feed {a.feed:02d}",)))
        for i, a in enumerate(articles)
    ]
    started = time.perf_counter()
    clusters = group_stories(texts)
    seconds = time.perf_counter() - started
    events: dict[int, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        events[a.event].append(i)
    truth = {p for members in events.values() for p in itertools.combinations(members, 2)}
    pred = {p for c in clusters for p in itertools.combinations(sorted(c.members), 2)}
    hit = len(truth & pred)
    # The quadratic baseline: every pair compared, timed on 300 articles and scaled.
    sample = [_fingerprint(t) for t in random.Random(0).sample(texts, min(300, len(texts)))]
    started = time.perf_counter()
    for va, vb in itertools.combinations(sample, 2):
        _similarity(va, vb)
    per_pair = (time.perf_counter() - started) / max(1, len(sample) * (len(sample) - 1) // 2)
    n = len(texts)
    return {
        "seconds": seconds,
        "stories": len(clusters),
        "events": len(events),
        "recall": hit / max(1, len(truth)),
        "precision": hit / max(1, len(pred)),
        "all_pairs_seconds": per_pair * n * (n - 1) / 2,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--pool", type=int, default=501, help="corpus articles to analyze")
    parser.add_argument("--formats", nargs="+", default=["markdown", "html"])
    args = parser.parse_args()
    if not (CORPUS / "summaries-cnndm-xsum").is_dir():
        print(f"corpus not found at {CORPUS}: nothing to measure (see ../shared/README.md)")
        return 0
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    runner = Runner()
    started = time.perf_counter()
    pool = build_pool(args.pool)
    print(
        f"pool: {len(pool)} real articles analyzed by brief in {time.perf_counter() - started:.1f}s"
    )
    _, floor_kib, _ = runner.run([sys.executable, "-c", FLOOR], dict(os.environ))
    print(f"memory floor (a process importing the digest's modules): {floor_kib / 1024:.0f} MiB\n")
    print("| articles | feeds | stories | format | wall | peak RSS | output |")
    print("| ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    notes = []
    with tempfile.TemporaryDirectory(prefix="brief-digest-bench-") as tmp:
        scratch = Path(tmp)
        for size in args.sizes:
            articles = list(day(pool, size, args.feeds))
            home = scratch / f"home-{size}"
            fill = fill_store(home, articles, args.feeds)
            g = grouping_figures(articles)
            for fmt in args.formats:
                seconds, peak, size_out = digest_run(runner, home, fmt, scratch)
                print(
                    f"| {size:,} | {args.feeds} | {int(g['stories']):,} | {fmt} | {seconds:.2f}s "
                    f"| {peak / 1024:.0f} MiB | {size_out / 1024:.0f} KiB |"
                )
            notes.append(
                f"{size:,} articles ({int(g['events']):,} events; store filled in {fill:.1f}s): "
                f"grouping alone {g['seconds']:.2f}s, all-pairs would take "
                f"~{g['all_pairs_seconds']:.1f}s; recall {g['recall']:.3f}, "
                f"precision {g['precision']:.3f}"
            )
            shutil.rmtree(home)
    runner.close()
    print()
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
