"""Help (?): every key of every screen, generated from the bindings and the [keys] overrides."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from brief.tui import keys


def help_table(app: App[object], keymap: Mapping[str, str]) -> Group:
    """One table per group of bindings: keys, what they do, and the name for [keys]."""
    parts: list[RenderableType] = []
    for title, bindings in keys.GROUPS:
        # Cells are Text, never str: a str cell would be parsed as Rich markup ("[keys]" too).
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column(style="bold cyan", no_wrap=True, width=14)
        table.add_column(ratio=1)
        table.add_column(style="dim", no_wrap=True, width=16)
        for binding in keys.effective(bindings, keymap):
            table.add_row(
                Text(_keys(app, binding)), Text(binding.description), Text(binding.id or "")
            )
        parts.extend([Text(title, style="bold underline"), table, Text("")])
    parts.append(
        Text(
            "Mouse: click a feed, an article or a footer key; the wheel scrolls.\n"
            'Change a key in the config file by its name, e.g. [keys] refresh_all = "ctrl+r".',
            style="dim",
        )
    )
    return Group(*parts)


def _keys(app: App[object], binding: Binding) -> str:
    """ "j / down" for a binding with several keys, each shown the way the footer does."""
    shown = []
    for key in binding.key.split(","):
        key = key.strip()
        if binding.key_display and "," not in binding.key:
            shown.append(binding.key_display)
        else:
            shown.append(app.get_key_display(Binding(key, binding.action)))
    return " / ".join(shown)


class HelpScreen(ModalScreen[None]):
    """The key table in a scrollable box; escape, ? or q closes it."""

    BINDINGS = keys.HELP

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = dict(keymap)

    def compose(self) -> ComposeResult:
        """The table, generated when the screen opens (so it shows the keys in force)."""
        with VerticalScroll(id="help-box"):
            yield Static(Text("brief — keys", style="bold"), id="help-title")
            yield Static(help_table(self.app, self.keymap), id="help-table")

    def action_close(self) -> None:
        """Back to where help was opened."""
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        """j: scroll the table."""
        self.query_one("#help-box", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        """k: scroll back."""
        self.query_one("#help-box", VerticalScroll).scroll_up()
