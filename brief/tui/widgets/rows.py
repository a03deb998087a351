"""An OptionList whose cursor stops at the first and the last row instead of wrapping around.

Every list of the TUI is one: k on the first article stays there (Textual's own OptionList
jumps from the first row to the last, e.g. from "All articles" to the last tag).
"""

from __future__ import annotations

from textual.widgets import OptionList


class Rows(OptionList):
    """OptionList with up/down (and j/k) that stop at the ends, and typed paging."""

    def action_cursor_up(self) -> None:
        """The previous enabled row, if there is one above."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """The next enabled row, if there is one below."""
        self._step(1)

    def page(self, down: bool) -> None:
        """A screenful down or up (Textual's page actions, which are not typed)."""
        if down:
            self.action_page_down()  # type: ignore[no-untyped-call]
        else:
            self.action_page_up()  # type: ignore[no-untyped-call]

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            if direction > 0:
                self.action_first()
            else:
                self.action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction
