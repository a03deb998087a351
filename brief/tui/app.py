"""The Textual app: ``create_app`` builds it for the CLI and the tests alike.

    app = create_app(store, config)
    app.run()

The main screen lists feeds, articles and the highlighted article's brief; p opens the
speakers, / the search, ? the keys. Everything that reads or writes the store runs in a thread
worker that posts one message back, so the interface never waits on the disk or the network.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import work
from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen

from brief.config import Config
from brief.errors import ConfigError
from brief.store import Store, now_utc
from brief.text import sanitize
from brief.tui import jobs, keys
from brief.tui.context import Context
from brief.tui.format import plain
from brief.tui.screens.help import HelpScreen
from brief.tui.screens.main import MainScreen
from brief.tui.screens.search import SearchScreen
from brief.tui.screens.speakers import SpeakersScreen


class BriefApp(App[None]):
    """brief's interface: feeds, articles as briefs, speakers, search, help."""

    CSS_PATH = "app.tcss"
    TITLE = "brief"
    BINDINGS = keys.APP

    def __init__(self, ctx: Context, keymap: dict[str, str]) -> None:
        super().__init__()
        self.ctx = ctx
        self.brief_keymap = keymap
        self.refreshing = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (this app's, its screens' and widgets') shown sanitized: a feed's
        name, URL or error may carry terminal escapes (OSC 52, C1 controls)."""
        super().notify(
            sanitize(message), title=sanitize(title), severity=severity, timeout=timeout,
            markup=markup,
        )  # fmt: skip

    def get_default_screen(self) -> Screen[None]:
        """The main screen is the bottom of the stack."""
        return MainScreen(self.ctx)

    def on_unmount(self) -> None:
        """Close the second connection create_app opened (the caller owns the first)."""
        self.ctx.reader.close()

    def on_mount(self) -> None:
        """Keys from the config file, its theme, and the timed refresh (tui.reload_every)."""
        self.set_keymap(self.brief_keymap)
        theme = self.ctx.config.tui.theme
        if theme:
            self.theme = theme
        minutes = self.ctx.config.tui.reload_every
        if minutes and not self.ctx.demo:
            self.set_interval(minutes * 60, self._reload_on_time)

    def _reload_on_time(self) -> None:
        """tui.reload_every: refresh every feed, unless a refresh is already running."""
        if self.refreshing:
            return
        if not self._main().query("#status"):
            return  # the timer fired while the app was closing: its screens are going
        self.start_refresh(None)

    def on_ready(self) -> None:
        """After the first paint: the demo analyzes its samples."""
        if self.ctx.demo:
            self._main().status.show_activity(
                Text("Analyzing the sample articles…", style="italic")
            )
            self._demo()

    def _main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    # The long jobs (brief.tui.jobs) run here, in thread workers; their messages come back here.

    @work(thread=True, exclusive=True, group="demo")
    def _demo(self) -> None:
        jobs.run_demo(self.ctx, self.post_message)

    def on_demo_progress(self, message: jobs.DemoProgress) -> None:
        """Show each sample as soon as it is stored, and how far the analysis is."""
        main = self._main()
        if message.done == message.total:
            main.status.show_activity(Text(f"Demo: {message.total} sample articles analyzed."))
        else:
            line = f"Analyzing the sample articles… {message.done}/{message.total}"
            main.status.show_activity(Text(line, style="italic"))
        main.reload()

    def on_demo_failed(self, message: jobs.DemoFailed) -> None:
        """Say what went wrong (literally: the message may quote page text)."""
        main = self._main()
        main.status.show_activity(Text())
        main.demo_failed()
        self.notify(message.error, title="Demo", severity="error", markup=False)

    def on_main_screen_refresh_wanted(self, message: MainScreen.RefreshWanted) -> None:
        """r / R on the main screen."""
        self.start_refresh(message.feed_ids)

    def start_refresh(self, feed_ids: list[int] | None) -> bool:
        """Refresh the feeds (all when None) in a worker; False, with a notification, when
        refresh cannot run here (demo, one already running, no feed chosen)."""
        refusal = jobs.refresh_refusal(self.ctx, feed_ids, self.refreshing)
        if refusal is not None:
            self.notify(refusal.text, severity="warning" if refusal.warning else "information")
            return False
        self.refreshing = True
        what = "all feeds" if feed_ids is None else f"{len(feed_ids)} feed(s)"
        self._main().status.show_activity(Text(f"Refreshing {what}…", style="italic"))
        self._refresh(feed_ids)
        return True

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh(self, feed_ids: list[int] | None) -> None:
        jobs.run_refresh(self.ctx, feed_ids, self.post_message)

    def on_refresh_progress(self, message: jobs.RefreshProgress) -> None:
        """Show the step; a failed feed is a notification (its name and error, literally)."""
        event = message.event
        main = self._main()
        line = Text(f"Refreshing {event.phase}: {event.done}/{event.total} ", style="italic")
        line.append_text(plain(event.label, "dim"))
        main.status.show_activity(line)
        main.reload_while_refreshing()
        if event.outcome == "failed" and event.phase == "feeds":
            text = f"{event.label}: {message.error or 'refresh failed'}"
            self.notify(text, title="Feed failed", severity="error", markup=False)

    def on_refresh_done(self, message: jobs.RefreshDone) -> None:
        """Everything the refresh stored, and one line with what it did or why it stopped."""
        self.refreshing = False
        main = self._main()
        main.status.show_activity(Text())
        main.reload()
        if message.report is None:
            self.notify(message.error or "refresh failed", severity="error", markup=False)
        else:
            self.notify(message.report.summary_line(), title="Refresh", markup=False)

    def on_speakers_screen_follow_changed(self, message: SpeakersScreen.FollowChanged) -> None:
        """A speaker was followed or unfollowed: the marks and the Followed count change."""
        self._main().reload()

    def action_help(self) -> None:
        """?: the keys."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.brief_keymap))

    def action_search(self) -> None:
        """/: search everything stored."""
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.ctx))

    def action_speakers(self) -> None:
        """p: who said what, in the main screen's current filter."""
        if isinstance(self.screen, SpeakersScreen):
            return
        main = self._main()
        counts = main.feeds.counts
        names = {f.id: f.display_name for f in counts.feeds} if counts else {}
        self.push_screen(SpeakersScreen(self.ctx, main.flt, names))


def create_app(
    store: Store,
    config: Config,
    *,
    demo: bool = False,
    clock: Callable[[], datetime] = now_utc,
    open_url: Callable[[str], object] | None = None,
) -> BriefApp:
    """The app over an open store. ``demo`` fills the (empty, temporary) store with the
    bundled samples after the first paint. ``clock`` and ``open_url`` are the edges tests fix
    (``open_url`` None: pages open in the user's browser).

    Raises ConfigError for a ``[keys]`` entry naming no action, or an unknown theme.
    """
    keymap = keys.check_keymap(config.keys)
    if not demo:
        # A refresh analyzes pages in spawned processes, and multiprocessing starts its
        # resource tracker with sys.stderr's file descriptor, which Textual replaces by one
        # without a descriptor while the app runs: start the tracker now, before that.
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    reader = Store.open(store.path, check=False)  # ``store`` was checked when it opened
    app = BriefApp(Context(store, reader, config, clock, open_url, demo), keymap)
    theme = config.tui.theme
    if theme and theme not in app.available_themes:
        names = ", ".join(sorted(app.available_themes))
        raise ConfigError(f"tui.theme: unknown theme {theme!r} (known: {names})")
    return app
