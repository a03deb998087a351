"""Which panes of the main screen fit the terminal: three when wide, two, or one at 80 columns.

    shown(200, "articles") == ("feeds", "articles", "brief")
    shown(120, "articles") == ("articles", "brief")
    shown(120, "feeds")    == ("feeds", "articles")
    shown(80, "brief")     == ("brief",)

The focused pane is always shown; tab moves the focus (and so the view) from pane to pane.
"""

from __future__ import annotations

PANES = ("feeds", "articles", "brief")
THREE_PANES = 140  # columns from which feeds, articles and the brief are all shown
TWO_PANES = 100  # ...the article list and the brief (or the feeds and the list)


def capacity(width: int) -> int:
    """How many panes a terminal this wide shows side by side."""
    if width >= THREE_PANES:
        return 3
    return 2 if width >= TWO_PANES else 1


def shown(width: int, focused: str) -> tuple[str, ...]:
    """The panes shown at ``width`` columns while ``focused`` (a name in PANES) has the focus."""
    fits = capacity(width)
    if fits == 3:
        return PANES
    if fits == 2:
        return ("feeds", "articles") if focused == "feeds" else ("articles", "brief")
    return (focused,)


def step(focused: str, forward: bool) -> str:
    """The pane tab (or shift+tab) moves to from ``focused``."""
    index = PANES.index(focused) + (1 if forward else -1)
    return PANES[index % len(PANES)]
