"""An OptionList whose cursor stops at the first and the last row instead of wrapping around.

Every list of the TUI is one: k on the first article stays there (Textual's own OptionList
jumps from the first row to the last, e.g. from "All articles" to the last tag).
"""

from __future__ import annotations

from textual.widgets import OptionList


class Rows(OptionList):
    """OptionList with up/down (and j/k) that stop at the ends."""

    def action_cursor_up(self) -> None:
        """The previous enabled row, if there is one above."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """The next enabled row, if there is one below."""
        self._step(1)

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            if self.option_count:
                super().action_first() if direction > 0 else super().action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction
