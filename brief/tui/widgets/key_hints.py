"""A one-line list of a screen's keys: a light stand-in for Textual's Footer on the screens
that open often (a Footer builds a widget per key, which makes opening a screen slower)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Static

from brief.tui import keys


class KeyHints(Static):
    """ "esc Back · enter Open · ? Help · q Quit", from the bindings and the [keys] table."""

    def __init__(self, bindings: Iterable[BindingType], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._listed = list(bindings)

    def on_mount(self) -> None:
        """Draw the keys as configured (the keymap is the app's)."""
        keymap = getattr(self.app, "brief_keymap", {})
        shown = [b for b in keys.effective([*self._listed, *keys.APP], keymap) if b.show]
        line = Text(end="")
        for i, binding in enumerate(shown):
            if i:
                line.append(" · ", style="dim")
            line.append(_key(self, binding), style="bold")
            line.append(f" {binding.description}")
        self.update(line)


def _key(widget: Static, binding: Binding) -> str:
    """The first key of the binding, shown as the footer would show it."""
    if binding.key_display:
        return binding.key_display
    first = binding.key.split(",")[0].strip()
    return widget.app.get_key_display(Binding(first, binding.action))
