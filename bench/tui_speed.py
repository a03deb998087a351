"""TUI speed: first paint and memory of brief's app on 10,000 articles, next to a bare Textual app.

Fills a store with N articles (default 10,000): synthetic briefs derived from the seed article
(analyzed once by brief), each under its own title, date, feed and speakers. Then, each in a
fresh subprocess (so imports count, as they do for a user):

  bare Textual app   an App with one Static; time until Textual's Ready event (first frame)
  brief              create_app on the store; time until Ready, and until the first brief is
                     on screen; peak memory (ru_maxrss) of each process

and in one more subprocess, the app headless at 160x50, the time from a key event (sent as the
terminal driver sends it) until its result is on screen and the next frame is drawn; median and
worst of several presses, each once the previous one's background work has ended: j (the next
brief), m (read state), a feed chosen on the left (the list re-read), end (the next page of
rows), p (the speakers screen filled), / (the search screen), the last letter of a query.

Usage:
    .venv/bin/python bench/tui_speed.py [--articles 10000] [--presses 30]

The app runs headless (Textual renders every frame but writes no bytes to a terminal).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZE = (160, 50)
FEEDS = 40
SPEAKERS = 600
TAGS = ("world", "europe", "africa", "politics", "business", "science")


def build_store(path: Path, count: int) -> float:
    """Fill a new store with ``count`` seed-derived articles; returns the seconds it took."""
    from brief.analyze import analyze
    from brief.extract import load_source
    from brief.models import FeedEntry
    from brief.store import Store

    started = time.perf_counter()
    seed = analyze(load_source(str(ROOT / "brief" / "samples" / "seed.txt")))
    rng = random.Random(20250501)
    words = seed.article.text.split()
    with Store.open(path) as store:
        feeds = [
            store.add_feed(
                f"https://feed{i}.bench.invalid/rss",
                f"Bench feed {i}",
                rng.sample(TAGS, 2),
            )[0]
            for i in range(FEEDS)
        ]
        for i in range(count):
            names = {q.speaker: f"Speaker {rng.randrange(SPEAKERS)}" for q in seed.quotes}
            quotes = tuple(replace(q, speaker=names.get(q.speaker, q.speaker)) for q in seed.quotes)
            title = " ".join(rng.sample(words, 9)).capitalize()
            article = replace(
                seed.article,
                title=f"{title} ({i})",
                paragraphs=(f"Bench article {i}.", *seed.article.paragraphs),
            )
            brief = replace(seed, article=article, quotes=quotes)
            minute = rng.randrange(60 * 24 * 30)
            published = (
                f"2025-04-{1 + minute // 1440:02d}T{minute // 60 % 24:02d}:{minute % 60:02d}:00Z"
            )
            entry = FeedEntry(
                f"bench-{i}", f"https://bench.invalid/{i}", article.title, None, published, "",
                article.text,
            )  # fmt: skip
            article_id = store.add_article_with_brief(rng.choice(feeds), entry, brief, "full")
            if rng.random() < 0.6:
                store.set_read(article_id)
    return time.perf_counter() - started


def child_bare() -> None:
    """A bare Textual app: report the time to its first frame."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_ready(self) -> None:
            report("first_paint", since_start())
            self.exit()

    Bare().run(headless=True, size=SIZE)
    report("peak_kib", peak_kib())


def child_brief(db: Path) -> None:
    """brief's app on the store: first frame, then first brief on screen."""
    from brief.config import Config
    from brief.store import Store
    from brief.tui.app import BriefApp, create_app
    from brief.tui.widgets.article_list import ArticleList

    class Timed(BriefApp):
        # A relative CSS_PATH is read beside the module of the class: point at brief's own.
        CSS_PATH = str(Path(sys.modules[BriefApp.__module__].__file__ or "").with_name("app.tcss"))

        def on_ready(self) -> None:
            report("first_paint", since_start())

        def on_article_list_loaded(self, message: ArticleList.Loaded) -> None:
            # The first page brings the highlighted article's brief along (one frame).
            if message.article is not None:
                self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            report("first_brief", since_start())
            self.exit()

    with Store.open(db) as store:
        app = create_app(store, Config())
        Timed(app.ctx, app.brief_keymap).run(headless=True, size=SIZE)
    report("peak_kib", peak_kib())


def child_keys(db: Path, presses: int) -> None:
    """Key press to result, through Pilot."""
    asyncio.run(_keys(db, presses))


async def _keys(db: Path, presses: int) -> None:
    from brief.config import Config
    from brief.store import Store
    from brief.tui.app import create_app
    from brief.tui.screens.main import MainScreen
    from brief.tui.screens.search import SearchScreen
    from brief.tui.screens.speakers import SpeakersScreen
    from brief.tui.widgets.article_list import PAGE
    from brief.tui.widgets.feed_list import filter_for

    with Store.open(db) as store:
        app = create_app(store, Config())
        async with app.run_test(size=SIZE):
            main = app.screen
            assert isinstance(main, MainScreen)
            await until(app, lambda: main.brief.article is not None)
            await idle(app)

            def brief_shown() -> bool:
                shown = main.brief.article
                return shown is not None and shown.id == main.articles.highlighted_id

            async def nothing() -> None:
                send(app, "x")  # bound to nothing: the cost of a key and a frame
                await until(app, lambda: True)

            await timed(app, "(a key bound to nothing, for scale)", presses, nothing)

            async def next_brief() -> None:
                before = main.articles.highlighted
                send(app, "j")
                await until(app, lambda: main.articles.highlighted != before and brief_shown())

            await timed(app, "j: next brief shown", presses, next_brief)

            async def toggle_read() -> None:
                before = main.articles.highlighted_summary
                assert before is not None
                send(app, "m")
                await until(app, lambda: _read(main) != before.read)

            await timed(app, "m: read state written and shown", presses, toggle_read)

            feeds = [f"feed:{f.id}" for f in store.list_feeds()]

            async def show(option: str) -> None:
                main.feeds.select_id(option)
                wanted = filter_for(option)
                await until(
                    app,
                    lambda: (
                        main.articles.flt == wanted
                        and not main.articles._fetching
                        and brief_shown()
                    ),
                )

            async def choose_feed() -> None:
                await show(random.choice(feeds))

            # A feed is chosen in the feeds pane: only the user's moves there set the filter.
            main.feeds.focus()
            await until(app, lambda: main.feeds.has_focus)
            await timed(app, "feed chosen: list re-read, brief shown", presses, choose_feed)
            await show("all")
            main.articles.focus()
            await until(app, lambda: main.articles.has_focus)

            async def next_page() -> None:
                rows = main.articles.option_count
                send(app, "end")
                await until(app, lambda: main.articles.option_count > rows)

            pages = -(-(main.articles.total - main.articles.option_count) // PAGE)
            await timed(app, f"end: next {PAGE} rows paged in", min(5, pages), next_page)

            async def speakers() -> None:
                send(app, "p")
                await until(
                    app, lambda: isinstance(app.screen, SpeakersScreen) and bool(app.screen.rows)
                )

            async def back() -> None:
                send(app, "escape")
                await until(app, lambda: isinstance(app.screen, MainScreen))

            await timed(app, "p: speakers ranked, quotes shown", 5, speakers, back)

            async def open_search() -> None:
                send(app, "slash")
                await until(app, lambda: isinstance(app.screen, SearchScreen))

            await timed(app, "/: search screen opened", 5, open_search, back)

            async def last_key() -> None:
                screen = app.screen
                assert isinstance(screen, SearchScreen)
                for char in "laessin":
                    send(app, char)
                await until(app, lambda: _query(screen) == "laessin" and not screen.hits)
                started = time.perf_counter()
                send(app, "g")
                await until(app, lambda: _query(screen) == "laessing" and bool(screen.hits))
                return_figure(time.perf_counter() - started)

            async def clear_query() -> None:
                screen = app.screen
                assert isinstance(screen, SearchScreen)
                send(app, "ctrl+u")
                await until(app, lambda: _query(screen) == "")

            send(app, "slash")
            await until(app, lambda: isinstance(app.screen, SearchScreen))
            await timed(app, "search: last letter typed, results shown", 5, last_key, clear_query)


def _query(screen: object) -> str:
    return str(screen.query_one("Input").value)  # type: ignore[attr-defined]


def send(app: object, key: str) -> None:
    """A key press as the terminal driver delivers it (Pilot's press also waits for idle)."""
    from textual import events
    from textual.app import App

    assert isinstance(app, App)
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)  # type: ignore[union-attr]


async def until(app: object, done: Callable[[], bool]) -> None:
    """Let the app run until ``done()``, then until the next frame is on screen."""
    from textual.app import App

    assert isinstance(app, App)
    deadline = time.monotonic() + 30
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("the app never got there")
        await asyncio.sleep(0.0002)
    painted = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: painted.done() or painted.set_result(None))
    await painted


async def idle(app: object) -> None:
    """Wait until no worker runs and the screen is painted."""
    from textual.app import App
    from textual.worker import WorkerCancelled

    assert isinstance(app, App)
    with contextlib.suppress(WorkerCancelled):
        await app.workers.wait_for_complete()
    await until(app, lambda: True)


def _read(main: object) -> bool | None:
    summary = main.articles.highlighted_summary  # type: ignore[attr-defined]
    return None if summary is None else bool(summary.read)


_figures: list[float] = []


def return_figure(seconds: float) -> None:
    """An action that times only its last step reports that step here."""
    _figures.append(seconds)


async def timed(
    app: object,
    label: str,
    times: int,
    action: Callable[[], Awaitable[None]],
    after: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Run the action ``times`` times (``after`` each, untimed); report median and worst, ms."""
    took = []
    for _ in range(times):
        await idle(app)  # each press comes when the last one's background work is done
        started = time.perf_counter()
        await action()
        took.append((_figures.pop() if _figures else time.perf_counter() - started) * 1000)
        if after is not None:
            await after()
    report(f"action:{label}", [statistics.median(took), max(took), times])


def peak_kib() -> int:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss, not inherited from
    the parent across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def since_start() -> float:
    return time.time() - float(os.environ["BENCH_T0"])


def report(key: str, value: object) -> None:
    """One figure for the parent, as a JSON line on stdout."""
    print(json.dumps([key, value]), flush=True)


def run_child(*args: str) -> dict[str, Any]:
    env = {**os.environ, "BENCH_T0": repr(time.time())}
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=ROOT,
    )
    out: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        if line.startswith("["):
            key, value = json.loads(line)
            out[key] = value
    if "first_paint" not in out and "action" not in "".join(out):
        raise RuntimeError(f"{args}: {done.stderr[-3000:]}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3, help="start-up runs of each app")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "bare":
            child_bare()
        elif kind == "brief":
            child_brief(Path(rest[0]))
        else:
            child_keys(Path(rest[0]), int(rest[1]))
        return

    import textual

    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"textual {textual.__version__}, terminal size {SIZE[0]}x{SIZE[1]} (headless)")
    with tempfile.TemporaryDirectory(prefix="brief-tui-bench-") as folder:
        db = Path(folder) / "bench.sqlite3"
        took = build_store(db, args.articles)
        size = db.stat().st_size + sum(p.stat().st_size for p in db.parent.glob("*-wal"))
        print(
            f"store: {args.articles} articles, {FEEDS} feeds, built in {took:.1f} s, "
            f"{size / 2**20:.0f} MiB"
        )
        print()
        print(f"start-up (best of {args.runs} fresh processes; imports included)")
        print(f"  {'app':<22}{'first paint':>14}{'first brief':>14}{'peak memory':>14}")
        for name, child in (("bare Textual app", ["bare"]), ("brief", ["brief", str(db)])):
            runs = [run_child(*child) for _ in range(args.runs)]
            paint = min(float(r["first_paint"]) for r in runs) * 1000
            brief = [float(r["first_brief"]) * 1000 for r in runs if "first_brief" in r]
            peak = min(int(r["peak_kib"]) for r in runs) / 1024
            shown = f"{min(brief):.0f} ms" if brief else "-"
            print(f"  {name:<22}{paint:>11.0f} ms{shown:>14}{peak:>11.0f} MiB")
        print()
        print(
            f"key press to result on screen, {args.articles} articles "
            "(a key event as the terminal driver sends it; until the next frame is drawn)"
        )
        print(f"  {'action':<46}{'median':>10}{'worst':>10}{'n':>5}")
        figures = run_child("keys", str(db), str(args.presses))
        for key, (median, worst, count) in figures.items():
            label = key.removeprefix("action:")
            print(f"  {label:<46}{median:>7.1f} ms{worst:>7.1f} ms{count:>5}")


if __name__ == "__main__":
    main()
