"""The left pane: all / unread / starred / followed, every feed and every tag, with unread counts.

"Followed" (shown while someone is followed) lists the articles quoting a followed speaker; its
count is of the unread ones.

A feed whose last fetches failed carries a ``!`` badge (brief.tui.widgets.feed_info says why);
choosing an entry sets the article filter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets.option_list import Option, OptionDoesNotExist

from brief.config import FollowRule, IgnoreRule
from brief.store import ArticleFilter, FeedStatus, Store
from brief.tui.format import FOLLOWED_MARK, plain
from brief.tui.widgets.feed_info import FAILING_MARK
from brief.tui.widgets.rows import Rows


@dataclass(frozen=True, slots=True)
class Counts:
    """What the pane shows, read from the store in one go."""

    feeds: list[FeedStatus]
    tags: list[tuple[str, int]]  # tag, unread articles
    total_unread: int
    starred: int
    followed_ids: frozenset[int] = frozenset()  # followed speakers (reader and config rules)
    followed_unread: int = 0  # unread articles quoting one of them


def filter_for(option_id: str, followed: frozenset[int] = frozenset()) -> ArticleFilter:
    """The article filter an entry of the pane stands for (``followed``: the ids the Followed
    entry stands for)."""
    kind, _, value = option_id.partition(":")
    if kind == "followed":
        return ArticleFilter(followed=followed)
    if kind == "feed":
        return ArticleFilter(feed_id=int(value))
    if kind == "tag":
        return ArticleFilter(tag=value)
    if kind == "unread":
        return ArticleFilter(unread=True)
    if kind == "starred":
        return ArticleFilter(starred=True)
    return ArticleFilter()


def option_for(flt: ArticleFilter) -> str | None:
    """The entry of the pane that shows exactly this filter, if there is one."""
    for option_id in ("all", "unread", "starred"):
        if filter_for(option_id) == flt:
            return option_id
    if flt.followed is not None and flt == ArticleFilter(followed=flt.followed):
        return "followed"
    if flt == ArticleFilter(feed_id=flt.feed_id) and flt.feed_id is not None:
        return f"feed:{flt.feed_id}"
    if flt == ArticleFilter(tag=flt.tag) and flt.tag is not None:
        return f"tag:{flt.tag}"
    return None


def read_counts(
    store: Store, hide: tuple[IgnoreRule, ...] = (), follow: tuple[FollowRule, ...] = ()
) -> Counts:
    """Feeds with their counts, tags with their unread counts, totals (without the articles
    the ignore rules ``hide``); the speakers followed (stored, or named by ``follow``)."""
    feeds = store.list_feeds()
    followed = store.followed_speakers(follow)
    if hide:
        feeds = [
            replace(
                f, unread_count=store.count_articles(ArticleFilter(f.id, unread=True, hide=hide))
            )
            for f in feeds
        ]
    tags = sorted({tag for feed in feeds for tag in feed.tags}, key=str.lower)
    return Counts(
        feeds=feeds,
        tags=[
            (tag, store.count_articles(ArticleFilter(tag=tag, unread=True, hide=hide)))
            for tag in tags
        ],
        total_unread=store.count_articles(ArticleFilter(unread=True, hide=hide)),
        starred=store.count_articles(ArticleFilter(starred=True, hide=hide)),
        followed_ids=followed,
        followed_unread=store.count_articles(
            ArticleFilter(unread=True, hide=hide, followed=followed)
        )
        if followed
        else 0,
    )


class FeedList(Rows):
    """Feeds and tags; the highlighted entry is the filter of the article list."""

    @dataclass
    class Counted(Message):
        """Fresh counts from the store."""

        counts: Counts

    def __init__(
        self,
        store: Store,
        hide: tuple[IgnoreRule, ...] = (),
        follow: tuple[FollowRule, ...] = (),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._store = store
        self._follow = follow  # the config's [[follow]] rules
        self.hide = hide  # the ignore rules, left out of the counts (unless shown: ())
        self.counts: Counts | None = None

    @work(thread=True, exclusive=True, group="feeds")
    def recount(self) -> None:
        """Read feeds and counts in a worker; posts Counted."""
        self.post_message(self.Counted(read_counts(self._store, self.hide, self._follow)))

    def on_feed_list_counted(self, message: Counted) -> None:
        """Rebuild the entries, keeping the highlighted one."""
        self.counts = message.counts
        current = self.highlighted_option.id if self.highlighted_option else None
        counts = message.counts
        options: list[Option | None] = [
            Option(_entry(Text("All articles"), counts.total_unread), id="all"),
            Option(_entry(Text("Unread"), counts.total_unread), id="unread"),
            Option(_entry(Text("Starred"), counts.starred), id="starred"),
        ]
        if counts.followed_ids:
            followed = Text(f"{FOLLOWED_MARK} Followed", end="")
            options.append(Option(_entry(followed, counts.followed_unread), id="followed"))
        if counts.feeds:
            options.append(None)
            options.extend(Option(_feed_entry(feed), id=f"feed:{feed.id}") for feed in counts.feeds)
        if counts.tags:
            options.append(None)
            options.extend(
                Option(_entry(Text("#") + plain(tag), unread), id=f"tag:{tag}")
                for tag, unread in counts.tags
            )
        self.set_options(options)
        self.select_id(current or "all")

    def select_id(self, option_id: str | None) -> None:
        """Highlight an entry by id (no-op for an id that is not there)."""
        if option_id is None:
            return
        try:
            self.highlighted = self.get_option_index(option_id)
        except OptionDoesNotExist:
            return


def _entry(name: Text, unread: int) -> Text:
    """The unread count (right-aligned, so the names line up), then the name."""
    out = Text(f"{unread:>4} " if unread else "     ", style="bold #3b9cff", end="")
    out.append_text(name)
    return out


def _feed_entry(feed: FeedStatus) -> Text:
    """A feed: its unread count, ! when its last fetches failed, its name."""
    name = plain(feed.display_name)
    if feed.error_count:
        name = Text(f"{FAILING_MARK} ", style="bold red", end="") + name
    return _entry(name, feed.unread_count)
