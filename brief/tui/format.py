"""Untrusted strings as Rich Text for the TUI's lists, and short ages.

Titles, feed names, speakers and snippets come from the web: they are sanitized (brief.text)
and put into ``Text`` as plain strings, so neither an escape sequence nor Rich/Textual markup
such as ``[@click=app.quit]`` can act. Widgets that would parse a ``str`` as markup
(DataTable cells, OptionList prompts, notifications) only ever get these Text objects.
"""

from __future__ import annotations

import re
from datetime import datetime

from rich.text import Text

from brief.models import Enclosure
from brief.store import MATCH_END, MATCH_START
from brief.text import sanitize

FOLLOWED_MARK = "✓"  # a followed speaker, in the speakers list, the article list, the feeds
_MARKS = re.compile(f"({MATCH_START}|{MATCH_END})")


def plain(value: str | None, style: str = "", *, default: str = "") -> Text:
    """A sanitized, literal Text of one untrusted value on one line."""
    text = sanitize(value or default).replace("\n", " ").replace("\t", " ")
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


def said_text(text: str, is_statement: bool, indent: str = "") -> Text:
    """A quotation in green marks, or a statement after a yellow ↳, wrapping, as data."""
    out = Text()
    if is_statement:
        out.append(f"{indent}↳ ", style="yellow")
        out.append_text(plain(text, "dim"))
    else:
        out.append(f"{indent}“", style="green")
        out.append_text(plain(text))
        out.append("”", style="green")
    out.no_wrap = False
    return out


def age(moment: datetime | None, now: datetime) -> str:
    """How long ago, in at most six cells: "now", "12m", "5h", "3d", "Nov 20", "2019"."""
    if moment is None:
        return ""
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if seconds < 7 * 86400:
        return f"{int(seconds // 86400)}d"
    if moment.year == now.year:
        return moment.strftime("%b %d")
    return str(moment.year)


def day(moment: datetime | None) -> str:
    """A date for the speakers and search lists ("2019-11-20"), empty when unknown."""
    return moment.date().isoformat() if moment else ""


def snippet(value: str) -> Text:
    """A search snippet with the matched words highlighted (the store marks them)."""
    out = Text(no_wrap=True, overflow="ellipsis", end="")
    highlighted = False
    for part in _MARKS.split(sanitize(value).replace("\n", " ")):
        if part in (MATCH_START, MATCH_END):
            highlighted = part == MATCH_START
        elif part:
            out.append(part, style="bold reverse" if highlighted else "")
    return out


def size(length: int | None) -> str:
    """A file size for people: "24.3 MB", "820 kB", "" when unknown."""
    if length is None:
        return ""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if length >= scale:
            return f"{length / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{length} B"


def enclosure_text(enclosure: Enclosure) -> Text:
    """Type and size, then the link, literally (the type comes from the feed)."""
    out = plain(enclosure.type or "file", "bold")
    shown = size(enclosure.length)
    if shown:
        out.append(f" · {shown}")
    out.append("  ")
    out.append_text(plain(enclosure.url, "dim"))
    return out
