"""Opening an article's page: http(s) only, through the user's browser, never a shell.

webbrowser runs the browser from an argument list. A graphical browser starts in the
background; a terminal browser (w3m, lynx… what webbrowser picks when there is no display, e.g.
over SSH) needs the terminal, so the app hands the terminal over while it runs.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from typing import Any

from textual.app import App

from brief.tui.context import browsable


def open_page(app: App[Any], opener: Callable[[str], object] | None, url: str | None) -> None:
    """Open ``url`` if it is http(s), with ``opener`` (tests) or the user's browser; a
    notification says when it cannot be opened."""
    safe = browsable(url)
    if safe is None:
        app.notify("This article has no http(s) link to open.", severity="warning")
        return
    if opener is not None:
        app.run_worker(lambda: opener(safe), thread=True, group="browser")
        return
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        app.notify("No browser found: set the BROWSER variable.", severity="warning")
        return
    if type(browser) is webbrowser.GenericBrowser:
        # A terminal browser: it runs in the foreground, in this terminal.
        with app.suspend():
            browser.open(safe)
        return
    # A graphical browser may still take a moment to start: not on the UI's thread.
    app.run_worker(lambda: browser.open(safe, new=2), thread=True, group="browser")
