"""A year of news in one store: size, ingest, search, digest and purge at 10k and 100k articles.

Run from the repository root: ``.venv/bin/python bench/store_scale.py [--sizes 10000,100000]
[--root DIR] [--no-digest]``. For each size it fills a fresh store in bulk: the analysed briefs
of the pages in tests/fixtures/pages (brief's own analysis, done once), each stored copy made
unique by a closing paragraph of its own (so that no two are one story), 1,000 per transaction
through brief.store's own insert and completion functions, 50 feeds, one day per 10,000. Then:

- file size, bytes per article beside the article text itself (the baseline: what a store
  that kept nothing but the text would need), and the year for 500 feeds at 10,000 articles a
  day (3.65 million) extrapolated from bytes per article;
- ingest of 1,000 more, one transaction each (as `brief fetch` stores them);
- `brief search WORD` as a fresh process, a common word and a rare one;
- `brief digest --no-fetch --since 31d` over the whole store (everything is new and inside
  the window) to a file: wall time and peak memory (ru_maxrss from os.wait4);
- a purge of the oldest tenth (`Store.purge`), and the file size after it.

``--root`` runs another checkout's brief (``git archive REV brief | tar -x -C DIR``) with the
same interpreter, for a before/after comparison in one sitting.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "pages"
YEAR = 3_650_000
BATCH = 1000
FEEDS = 50


def _pool() -> list[object]:
    from brief.analyze import analyze
    from brief.extract import article_from_bytes

    return [
        analyze(article_from_bytes(gzip.decompress(p.read_bytes()), path=p.name))
        for p in sorted(PAGES.glob("*.html.gz"))
    ]


def _copy(brief: object, n: int) -> object:
    article = brief.article  # type: ignore[attr-defined]
    closing = f"Filed {n} by desk {n % 97}: report number {n} of the series."
    paragraphs = (*article.paragraphs, closing)
    return dataclasses.replace(brief, article=dataclasses.replace(article, paragraphs=paragraphs))


def _entry(n: int, title: str | None) -> object:
    from brief.models import FeedEntry

    return FeedEntry(
        guid=f"g{n}", url=f"https://news{n % FEEDS}.example/a/{n}", title=title, author=None,
        published=None, summary_text="", content_text="",
    )  # fmt: skip


def fill(path: Path, pool: list[object], count: int, start: datetime) -> tuple[float, int]:
    """Store ``count`` articles in bulk; seconds taken and bytes of article text."""
    from brief.store import Store
    from brief.store import articles as store_write

    began = time.perf_counter()
    text_bytes = 0
    with Store.open(path) as store:
        feeds = [
            store.add_feed(f"https://news{i}.example/feed", f"News {i}")[0] for i in range(FEEDS)
        ]
        for first in range(0, count, BATCH):
            with store._write() as conn:  # the bench's bulk path
                for n in range(first, min(count, first + BATCH)):
                    brief = _copy(pool[n % len(pool)], n)
                    text_bytes += len(brief.article.text.encode())  # type: ignore[attr-defined]
                    when = start + timedelta(seconds=n * 86400 / 10_000)
                    entry = _entry(n, brief.article.title)  # type: ignore[attr-defined]
                    article_id = store_write.insert_pending(conn, feeds[n % FEEDS], entry, when)
                    store_write.complete_article(conn, article_id, brief, "full", None)
    return time.perf_counter() - began, text_bytes


def ingest(path: Path, pool: list[object], first: int, count: int, now: datetime) -> float:
    """Seconds to store ``count`` more, one transaction each."""
    from brief.store import Store

    began = time.perf_counter()
    with Store.open(path) as store:
        for n in range(first, first + count):
            brief = _copy(pool[n % len(pool)], n)
            entry = _entry(n, brief.article.title)  # type: ignore[attr-defined]
            feed_id, _ = store.add_feed(f"https://news{n % FEEDS}.example/feed", None)
            store.add_article_with_brief(feed_id, entry, brief, "full", now=now)  # type: ignore[arg-type]
    return time.perf_counter() - began


def _process(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one command."""
    began = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    if code not in (0,):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(argv)}: exit {code}: {err}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--no-digest", action="store_true", help="leave out the digest")
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    for name in [m for m in sys.modules if m == "brief" or m.startswith("brief.")]:
        del sys.modules[name]
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} "
          f"cores; checkout {root}; pages {PAGES.relative_to(ROOT)}")  # fmt: skip
    pool = _pool()
    print(f"pool: {len(pool)} analysed pages, mean text "
          f"{sum(len(b.article.text.encode()) for b in pool) / len(pool):,.0f} bytes")  # type: ignore[attr-defined]  # fmt: skip
    start = datetime.now(UTC) - timedelta(days=30)
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="brief-scale-") as home:
            env = {**os.environ, "BRIEF_HOME": home, "PYTHONPATH": str(root)}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            path = Path(home) / "data" / "brief.sqlite3"
            path.parent.mkdir(parents=True, exist_ok=True)
            probe = subprocess.run([sys.executable, "-c", "from brief.paths import database_file;"
                                    "print(database_file())"], env=env, cwd=root,
                                   capture_output=True, text=True, check=True)  # fmt: skip
            path = Path(probe.stdout.strip())
            path.parent.mkdir(parents=True, exist_ok=True)
            seconds, text_bytes = fill(path, pool, size, start)
            stored = path.stat().st_size + _wal(path)
            parts = _parts(path)
            print(f"\n{size:,} articles: built in {seconds:.1f} s")
            print(f"  file {stored / 2**20:,.1f} MiB = {stored / size:,.0f} B/article; the text "
                  f"itself {text_bytes / size:,.0f} B/article (baseline): "
                  f"{stored / text_bytes:.2f}x")  # fmt: skip
            floor = parts["text"] + parts["brief"] + parts["index"]
            print(f"  of which per article: text {parts['text'] / size:,.0f} B, brief JSON "
                  f"{parts['brief'] / size:,.0f} B, full-text index {parts['index'] / size:,.0f} B;"
                  f" file / (text + brief JSON + index) = {stored / floor:.2f}x")  # fmt: skip
            year, text_year = stored / size * YEAR / 2**30, text_bytes / size * YEAR / 2**30
            print(f"  a year for 500 feeds (3.65 M articles): {year:,.1f} GiB"
                  f" (the text alone: {text_year:,.1f} GiB)")  # fmt: skip
            more = ingest(path, pool, size, 1000, start + timedelta(days=29))
            print(
                f"  ingest of 1,000 more, one transaction each: {more:.2f} s ({more:.2f} ms each)"
            )
            py = [sys.executable, "-m", "brief"]
            for word in ("minister", "zebrawood"):
                wall, _ = _process([*py, "search", word], env, root)
                print(f"  brief search {word}: {wall:.2f} s")
            if not args.no_digest:
                out = Path(home) / "digest.md"
                argv = [*py, "digest", "--no-fetch", "--since", "31d", "-o", str(out)]
                wall, peak = _process(argv, env, root)
                over = size + 1000
                print(
                    f"  brief digest --no-fetch over {over:,}: {wall:.1f} s, peak {peak:,.0f} MiB"
                )
            from brief.store import Store

            with Store.open(path) as store:
                began = time.perf_counter()
                span = timedelta(seconds=size * 86400 / 10_000)
                gone = store.purge(1, now=start + span / 10 + timedelta(days=1))
                purge = time.perf_counter() - began
            after = path.stat().st_size + _wal(path)
            print(f"  purge of {gone:,} oldest: {purge:.2f} s; file after {after / 2**20:,.1f} MiB")


def _parts(path: Path) -> dict[str, int]:
    """Bytes of the article text, of the brief JSON and of the FTS index's own data, read
    with plain SQL (dbstat) beside the store."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        text, brief = conn.execute(
            "SELECT sum(length(CAST(text AS BLOB))), sum(length(CAST(brief AS BLOB))) FROM articles"
        ).fetchone()
        index = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts_data'"
        ).fetchone()[0]
    finally:
        conn.close()
    return {"text": int(text or 0), "brief": int(brief or 0), "index": int(index or 0)}


def _wal(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


if __name__ == "__main__":
    main()
