"""Article filters in words, and the choices the filter screen offers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from rich.text import Text

from brief.store import ArticleFilter
from brief.tui.format import plain


def describe(flt: ArticleFilter, feed_names: Mapping[int, str]) -> Text:
    """The filter as a short line: "Unread · feed BBC World · said by Ulf Laessing"."""
    parts: list[Text] = []
    if flt.unread:
        parts.append(Text("Unread"))
    if flt.starred:
        parts.append(Text("Starred"))
    if flt.feed_id is not None:
        parts.append(Text("feed ") + plain(feed_names.get(flt.feed_id, f"#{flt.feed_id}")))
    if flt.tag is not None:
        parts.append(Text("tag #") + plain(flt.tag))
    if flt.speaker is not None:
        parts.append(Text("said by ") + plain(flt.speaker))
    if flt.followed is not None:
        parts.append(Text("quoting followed speakers"))
    if flt.since is not None:
        parts.append(Text(f"since {flt.since:%Y-%m-%d %H:%M}"))
    if not parts:
        return Text("All articles", style="bold", end="")
    out = Text(style="bold", end="")
    for i, part in enumerate(parts):
        if i:
            out.append(" · ")
        out.append_text(part)
    return out


def apply(choice_id: str, flt: ArticleFilter, now: datetime) -> ArticleFilter:
    """The filter after choosing ``choice_id`` on top of ``flt``.

    Unread and starred toggle; a feed or a tag replaces the other; a speaker or a period
    replaces the previous one; "all" clears everything.
    """
    kind, _, value = choice_id.partition(":")
    if kind == "unread":
        return replace(flt, unread=not flt.unread)
    if kind == "starred":
        return replace(flt, starred=not flt.starred)
    if kind == "feed":
        return replace(flt, feed_id=int(value), tag=None)
    if kind == "tag":
        return replace(flt, tag=value, feed_id=None)
    if kind == "speaker":
        return replace(flt, speaker=value)
    if kind == "since":
        return replace(flt, since=now - timedelta(days=int(value)))
    if kind == "anytime":
        return replace(flt, since=None)
    if kind == "anyone":
        return replace(flt, speaker=None)
    return ArticleFilter()
