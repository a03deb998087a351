"""j/k/enter on the screens built around OptionLists (filter, search, speakers)."""

from __future__ import annotations

from typing import Any, cast

from textual.screen import Screen
from textual.widgets import OptionList


class ListKeys:
    """Mixin for a Screen: j/k move and enter chooses in the focused OptionList, else the first.

    In a query box j and k are letters, so the keys reach the results list from here.
    """

    def _target(self) -> OptionList | None:
        screen = cast(Screen[Any], self)
        if isinstance(screen.focused, OptionList):
            return screen.focused
        lists = screen.query(OptionList)
        return lists.first() if lists else None

    def action_cursor_down(self) -> None:
        """j: next row."""
        if (target := self._target()) is not None:
            target.action_cursor_down()

    def action_cursor_up(self) -> None:
        """k: previous row."""
        if (target := self._target()) is not None:
            target.action_cursor_up()

    def action_select(self) -> None:
        """Enter (when the focused list leaves it to the screen): choose the highlighted row."""
        screen = cast(Screen[Any], self)
        if isinstance(screen.focused, OptionList):
            screen.focused.action_select()
