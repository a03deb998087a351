"""The TUI's key bindings in one table, and the config file's ``[keys]`` overrides.

Every binding has an id; ``[keys]`` in the config maps an id to new keys
(``refresh_all = "ctrl+r"``, several keys comma-separated), and Textual's keymap applies it.
An id brief does not know is a ConfigError naming it, so a typo never silently does nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType

from brief.errors import ConfigError

# App-wide: they work on every screen that does not need the key itself.
APP: list[BindingType] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", id="help", key_display="?"),
    Binding("slash", "search", "Search", id="search", key_display="/"),
    Binding("p", "speakers", "Speakers", id="speakers"),
]

# The main screen: feeds, article list and brief.
MAIN: list[BindingType] = [
    Binding("j,down", "cursor_down", "Next", id="down", show=False),
    Binding("k,up", "cursor_up", "Previous", id="up", show=False),
    Binding("g,home", "first", "First", id="first", show=False),
    Binding("G,end", "last", "Last", id="last", show=False),
    Binding("pagedown,space", "page_down", "Page down", id="page_down", show=False),
    Binding("pageup,b", "page_up", "Page up", id="page_up", show=False),
    Binding("n", "next_unread", "Next unread", id="next_unread"),
    Binding("N", "previous_unread", "Previous unread", id="previous_unread", show=False),
    Binding("enter", "select", "Open", id="select", show=False),
    Binding("tab", "next_pane", "Next pane", id="next_pane", show=False),
    Binding("shift+tab", "previous_pane", "Previous pane", id="previous_pane", show=False),
    Binding("escape", "back_to_list", "Back to the list", id="back_to_list", show=False),
    Binding("r", "refresh", "Refresh feed", id="refresh", show=False),
    Binding("R", "refresh_all", "Refresh all", id="refresh_all"),
    Binding("m", "toggle_read", "Read/unread", id="toggle_read"),
    Binding("A", "mark_all_read", "All read", id="mark_all_read", show=False),
    Binding("u", "undo", "Undo all read", id="undo", show=False),
    Binding("s", "toggle_star", "Star", id="toggle_star"),
    Binding("l", "toggle_unread_only", "Unread only", id="unread_only", show=False),
    Binding("S", "cycle_sort", "Sort", id="sort", show=False),
    Binding("I", "toggle_hidden", "Show ignored", id="show_hidden", show=False),
    Binding("P", "pager", "Pager", id="pager", show=False),
    Binding("o", "open_browser", "Open in browser", id="open_browser"),
    Binding("t", "toggle_text", "Full text", id="toggle_text"),
    Binding("f", "filter", "Filter", id="filter"),
]

# Lists on the other screens (speakers, search results, filter): j/k move, escape goes back.
LIST: list[BindingType] = [
    Binding("j", "cursor_down", "Next", id="list_down", show=False),
    Binding("k", "cursor_up", "Previous", id="list_up", show=False),
    Binding("enter", "select", "Open", id="list_open"),
    Binding("escape", "back", "Back", id="back"),
]

# The search screen: the list's keys, and down from the query box into the results.
SEARCH: list[BindingType] = [
    *LIST,
    Binding("down", "to_results", "To the results", id="search_results", show=False),
]

# The speakers screen: the list's keys, and following the highlighted speaker.
SPEAKERS: list[BindingType] = [
    *LIST,
    Binding("f", "follow", "Follow", id="follow"),
]

# The article screen reached from speakers or search.
ARTICLE: list[BindingType] = [
    Binding("j", "scroll_down", "Scroll down", id="article_down", show=False),
    Binding("k", "scroll_up", "Scroll up", id="article_up", show=False),
    Binding("t", "toggle_text", "Full text", id="article_text"),
    Binding("o", "open_browser", "Open in browser", id="article_browser"),
    Binding("escape", "back", "Back", id="article_back"),
]

# The help screen itself.
HELP: list[BindingType] = [
    Binding("escape,question_mark,q", "close", "Close help", id="help_close"),
    Binding("j", "scroll_down", "Scroll down", show=False, id="help_down"),
    Binding("k", "scroll_up", "Scroll up", show=False, id="help_up"),
]

GROUPS: tuple[tuple[str, list[BindingType]], ...] = (
    ("Everywhere", APP),
    ("Main screen", MAIN),
    ("Speakers, search and filter lists", LIST),
    ("Speakers", SPEAKERS[len(LIST) :]),
    ("Search", SEARCH[len(LIST) :]),
    ("Article", ARTICLE),
    ("Help", HELP),
)


def all_bindings() -> list[BindingType]:
    """Every binding of every screen, in the help screen's order."""
    return [b for _, group in GROUPS for b in group]


def binding_ids() -> frozenset[str]:
    """Every id the ``[keys]`` table may name."""
    return frozenset(b.id for b in all_bindings() if isinstance(b, Binding) and b.id)


def check_keymap(keys: Mapping[str, str]) -> dict[str, str]:
    """The ``[keys]`` table as a Textual keymap; ConfigError names an unknown id or empty key."""
    known = binding_ids()
    for action, key in keys.items():
        if action not in known:
            raise ConfigError(f"keys.{action}: unknown action (known: {', '.join(sorted(known))})")
        if not isinstance(key, str) or not key.strip():
            raise ConfigError(f'keys.{action}: expected a key such as "ctrl+r"')
    return {action: key.replace(" ", "") for action, key in keys.items()}


def effective(bindings: Iterable[BindingType], keymap: Mapping[str, str]) -> list[Binding]:
    """The bindings with the keymap's keys in place of the defaults (for the help screen)."""
    out = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue  # brief declares every binding as a Binding; tuples have no id
        key = keymap.get(binding.id or "")
        out.append(binding.with_key(key, key_display=None) if key else binding)
    return out
