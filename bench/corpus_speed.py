"""Speed and memory of brief on the 181 real pages of the scrapinghub article corpus.

Run from the repository root: ``.venv/bin/python bench/corpus_speed.py``. It compares, side by
side, (a) trafilatura's extraction alone, with the options brief uses, and (b) brief's whole
analysis (extract_html + analyze: summary, quotes, actors). Each runs in a fresh worker process;
peak memory is that process's peak resident set size (ru_maxrss from os.wait4), and a worker that
only warms up (imports, one page) gives the floor. Time counts only the per-page calls, not
reading the files; the warm-up (imports and a first page) is reported apart. The corpus lives
outside the project (../shared); without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles-scrapinghub" / "html"
MODES = ("trafilatura", "brief")
PACKAGES = ("trafilatura", "lxml", "htmldate", "justext", "sumy", "numpy")


def _trafilatura_call() -> Callable[[str, str | None], Any]:
    """trafilatura's extraction alone, called as brief.extract.page.extract_html calls it."""
    import trafilatura

    from brief.extract.page import trafilatura_document

    def run(html: str, url: str | None) -> Any:
        return trafilatura_document(trafilatura.load_html(html), url)

    return run


def _brief_call() -> Callable[[str, str | None], Any]:
    """brief's whole pipeline on one page."""
    from brief.analyze import analyze
    from brief.extract import extract_html

    def run(html: str, url: str | None) -> Any:
        return analyze(extract_html(html, url=url))

    return run


def _urls() -> dict[str, str]:
    """Page id -> original URL, from the corpus's ground truth (brief reads dates from URLs)."""
    truth = CORPUS.parent / "ground-truth.json"
    if not truth.exists():
        return {}
    return {k: v["url"] for k, v in json.loads(truth.read_text(encoding="utf-8")).items()}


def _read(page: Path) -> str:
    return gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")


def worker(mode: str, pages: list[Path], warm_up_only: bool) -> dict[str, Any]:
    """Process every page with one mode in this process; return timings and error counts.

    A first call on one page (imports included, since brief imports trafilatura and sumy
    lazily) is timed apart as the warm-up; then every page is timed, the first one again.
    """
    from brief.errors import BriefError

    urls = _urls()
    started = time.perf_counter()
    call = _trafilatura_call() if mode == "trafilatura" else _brief_call()
    errors: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    # What brief found, so the figures show the analysis really ran (0 for trafilatura).
    found: Counter[str] = Counter()

    def process(page: Path) -> float:
        html = _read(page)
        t0 = time.perf_counter()
        try:
            result = call(html, urls.get(page.name.removesuffix(".html.gz")))
            if mode == "brief":
                found["quotes"] += len(result.quotes)
                found["actors"] += len(result.actors)
        except BriefError as err:
            errors[type(err).__name__] += 1
        except Exception as err:  # a bug, not a page brief rejects: counted and named apart
            crashes[f"{type(err).__name__}: {err}"[:120]] += 1
        return time.perf_counter() - t0

    process(pages[0])
    warm_up = time.perf_counter() - started
    errors.clear()
    crashes.clear()
    found.clear()
    seconds = 0.0 if warm_up_only else sum(process(page) for page in pages)
    return {
        "mode": mode,
        "pages": 0 if warm_up_only else len(pages),
        "seconds": seconds,
        "warm_up_seconds": warm_up,
        "errors": dict(errors),
        "crashes": dict(crashes),
        "found": dict(found),
    }


def _spawn(mode: str, warm_up_only: bool) -> tuple[dict[str, Any], float]:
    """Run a worker in a fresh interpreter; return its report and its peak RSS in MiB."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", mode]
    if warm_up_only:
        cmd.append("--warm-up-only")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    # wait4 gives this child's own rusage, unlike getrusage(RUSAGE_CHILDREN), a max over all.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"worker {mode} failed with exit code {proc.returncode}")
    # Linux reports ru_maxrss in KiB.
    return json.loads(out), usage.ru_maxrss / 1024


def _machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return [
        f"machine: {cpu}, {os.cpu_count()} logical cores, {platform.system()} {platform.release()}",
        f"python:  {platform.python_implementation()} {platform.python_version()}",
        f"packages: {', '.join(versions)}",
    ]


def main() -> int:
    """Parse arguments; run as the comparing parent or as one worker."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--warm-up-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: nothing to measure (it lives in ../shared).")
        return 0
    pages = sorted(CORPUS.glob("*.html.gz"))
    if args.worker:
        print(json.dumps(worker(args.worker, pages, args.warm_up_only)))
        return 0

    print(f"brief corpus speed: {len(pages)} pages from {CORPUS}")
    for line in _machine():
        print(line)
    print("each column is a fresh process; memory = peak RSS of that process (ru_maxrss)\n")
    reports = {mode: _spawn(mode, warm_up_only=False) for mode in MODES}
    floors = {mode: _spawn(mode, warm_up_only=True)[1] for mode in MODES}
    rows = [
        ("", "trafilatura alone", "brief (extract+analyze)"),
        ("pages", *(str(reports[m][0]["pages"]) for m in MODES)),
        ("total seconds", *(f"{reports[m][0]['seconds']:.2f}" for m in MODES)),
        (
            "pages/second",
            *(f"{reports[m][0]['pages'] / reports[m][0]['seconds']:.1f}" for m in MODES),
        ),
        (
            "ms/page",
            *(f"{1000 * reports[m][0]['seconds'] / reports[m][0]['pages']:.1f}" for m in MODES),
        ),
        ("warm-up seconds", *(f"{reports[m][0]['warm_up_seconds']:.2f}" for m in MODES)),
        ("peak RSS MiB", *(f"{reports[m][1]:.0f}" for m in MODES)),
        ("peak RSS, warm-up only", *(f"{floors[m]:.0f}" for m in MODES)),
        ("quotes, actors found", *(_found(reports[m][0]["found"]) for m in MODES)),
        ("pages raising BriefError", *(_errors(reports[m][0]["errors"]) for m in MODES)),
        ("pages crashing (bugs)", *(str(sum(reports[m][0]["crashes"].values())) for m in MODES)),
    ]
    for label, *cells in rows:
        print(f"{label:<26}{cells[0]:>20}{cells[1]:>26}")
    for mode in MODES:
        for crash, count in reports[mode][0]["crashes"].items():
            print(f"crash in {mode} on {count} page(s): {crash}")
    return 0


def _found(found: dict[str, int]) -> str:
    return f"{found.get('quotes', 0)}, {found.get('actors', 0)}" if found else "-"


def _errors(errors: dict[str, int]) -> str:
    total = sum(errors.values())
    if not total:
        return "0"
    return f"{total} (" + ", ".join(f"{k} {v}" for k, v in sorted(errors.items())) + ")"


if __name__ == "__main__":
    sys.exit(main())
