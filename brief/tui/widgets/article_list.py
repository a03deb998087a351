"""The article list: two lines per article, loaded from the store page by page.

    ● ★ Headline of the article, wrapped at the width of the pane
        onto as many lines as it needs
        Feed name · 3h · ❝ 7 · ✓ Abdoulaye Diop     (a followed speaker is quoted)

An OptionList (not a ListView of widgets) so that long lists stay cheap; rows come from the
store 100 at a time, the next page when the highlight or the scroll nears the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from rich.text import Text
from textual import work
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from brief.choices import SortOrder
from brief.config import FollowRule, IgnoreRule
from brief.store import ArticleFilter, ArticleSummary, Store, StoredArticle
from brief.tui.format import FOLLOWED_MARK, age, plain
from brief.tui.widgets.rows import Rows

PAGE = 100  # a page fills four screens; laying out more at once makes a reload slower
NEAR_END = 15  # options from the end at which the next page is fetched


class ArticleList(Rows):
    """Articles of the current filter in the current order (newest first unless sorted
    otherwise); an option's id is the article id."""

    @dataclass
    class Loaded(Message):
        """A page read by the worker; ``offset`` 0 replaces the list."""

        flt: ArticleFilter
        offset: int
        rows: list[ArticleSummary]
        total: int
        keep: int | None  # the article to keep highlighted after a reload
        article: StoredArticle | None = None  # the one highlighted after a reload, in full
        order: SortOrder = "date"
        then: list[Callable[[], None]] = field(default_factory=list)  # to run once shown
        hidden: int = 0  # articles of the filter the ignore rules hide
        followed: dict[int, tuple[str, ...]] = field(default_factory=dict)  # id: who, quoted

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        order: SortOrder = "date",
        hide: tuple[IgnoreRule, ...] = (),
        follow: tuple[FollowRule, ...] = (),
        *,
        id: str | None = None,
    ):
        super().__init__(id=id)
        self._store = store
        self._follow = follow  # the config's [[follow]] rules
        self._clock = clock
        self.flt = ArticleFilter()
        self.order: SortOrder = order
        self.hide = hide  # the config's ignore rules
        self.show_hidden = False
        self.hidden = 0
        self.summaries: dict[int, ArticleSummary] = {}
        self.followed: dict[int, tuple[str, ...]] = {}  # loaded articles quoting the followed
        self.total = 0
        self._fetching = False

    def reload(
        self,
        flt: ArticleFilter | None = None,
        keep: int | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Read the first page of the filter (default: the current one) in a worker;
        ``then`` runs once the page is in the list."""
        if flt is not None:
            self.flt = flt
        self._fetching = True
        self._fetch(self.flt, self.order, 0, keep, [then] if then else [])

    def for_store(self, flt: ArticleFilter) -> ArticleFilter:
        """The filter as the store is asked: without what the ignore rules hide, unless the
        hidden articles are shown."""
        return flt if self.show_hidden or not self.hide else replace(flt, hide=self.hide)

    def load_rest(self, then: Callable[[], None]) -> None:
        """Read every row not loaded yet (for G and for n past the loaded rows), then ``then``."""
        if len(self.summaries) >= self.total:
            then()
            return
        self._fetching = True
        self._fetch_rest(self.flt, self.order, len(self.summaries), [then])

    def unread_from(self, start: int, direction: int) -> int | None:
        """The index of the first unread row from ``start`` (included) in ``direction``."""
        index = start
        while 0 <= index < self.option_count:
            option_id = self.get_option_at_index(index).id
            summary = self.summaries.get(int(option_id)) if option_id else None
            if summary is not None and not summary.read:
                return index
            index += direction
        return None

    @property
    def highlighted_id(self) -> int | None:
        """The article under the highlight, if any."""
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id is not None else None

    @property
    def highlighted_summary(self) -> ArticleSummary | None:
        """The row under the highlight, if any."""
        article_id = self.highlighted_id
        return self.summaries.get(article_id) if article_id is not None else None

    @work(thread=True, exclusive=True, group="articles")
    def _fetch(
        self,
        flt: ArticleFilter,
        order: SortOrder,
        offset: int,
        keep: int | None,
        then: list[Callable[[], None]],
    ) -> None:
        asked = self.for_store(flt)
        rows = self._store.list_articles(asked, limit=PAGE, offset=offset, order=order)
        total = self._store.count_articles(asked)
        hidden = self._store.count_articles(flt) - total if asked != flt else 0
        # The article that will be highlighted comes along, so that the list and its brief
        # are drawn in one frame.
        shown = keep if keep in {r.id for r in rows} else (rows[0].id if rows else None)
        article = self._store.get_article(shown) if shown is not None else None
        followed = self._followed_in(rows)
        if not get_current_worker().is_cancelled:
            loaded = self.Loaded(
                flt, offset, rows, total, keep, article, order, then, hidden, followed
            )
            self.post_message(loaded)

    def _followed_in(self, rows: list[ArticleSummary]) -> dict[int, tuple[str, ...]]:
        """Which of these articles quote a followed speaker, and whom (in a worker)."""
        followed = self._store.followed_speakers(self._follow)
        return self._store.followed_in(followed, (r.id for r in rows)) if followed else {}

    def apply(self, message: Loaded) -> None:
        """Put a page in the list (a page of another filter, now stale, is dropped).

        The screen calls this when the Loaded message reaches it, so that it can draw the
        brief of the highlighted article in the same frame.
        """
        self._fetching = False
        if message.flt != self.flt or message.order != self.order:
            return
        now = self._clock()
        if message.offset == 0:
            self.summaries = {}
            self.followed = {}
            self.hidden = message.hidden
        self.total = message.total
        fresh = [s for s in message.rows if s.id not in self.summaries]
        self.summaries.update((s.id, s) for s in fresh)
        self.followed.update(message.followed)
        options = [
            Option(_prompt(s, now, self.followed.get(s.id, ())), id=str(s.id)) for s in fresh
        ]
        if message.offset == 0:
            self.set_options(options)
            keep = message.keep
            self.highlighted = (
                (self.get_option_index(str(keep)) if keep in self.summaries else 0)
                if options
                else None
            )
        else:
            self.add_options(options)
        for then in message.then:
            then()

    def update_summary(self, summary: ArticleSummary) -> None:
        """Redraw one article after its read or starred state changed."""
        if summary.id in self.summaries:
            self.summaries[summary.id] = summary
            prompt = _prompt(summary, self._clock(), self.followed.get(summary.id, ()))
            self.replace_option_prompt(str(summary.id), prompt)

    def _more(self) -> None:
        """Fetch the next page when the end of the loaded rows is near."""
        if self._fetching or len(self.summaries) >= self.total:
            return
        self._fetching = True
        self._fetch_more(self.flt, self.order, len(self.summaries))

    @work(thread=True, exclusive=True, group="more")
    def _fetch_more(self, flt: ArticleFilter, order: SortOrder, offset: int) -> None:
        asked = self.for_store(flt)
        rows = self._store.list_articles(asked, limit=PAGE, offset=offset, order=order)
        total = self._store.count_articles(asked)
        followed = self._followed_in(rows)
        self.post_message(
            self.Loaded(flt, offset, rows, total, None, order=order, followed=followed)
        )

    @work(thread=True, exclusive=True, group="more")
    def _fetch_rest(
        self, flt: ArticleFilter, order: SortOrder, offset: int, then: list[Callable[[], None]]
    ) -> None:
        asked = self.for_store(flt)
        total = self._store.count_articles(asked)
        rows = self._store.list_articles(
            asked, limit=max(total - offset, 0), offset=offset, order=order
        )
        followed = self._followed_in(rows)
        loaded = self.Loaded(flt, offset, rows, total, None, order=order, then=then,
                             followed=followed)  # fmt: skip
        self.post_message(loaded)

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Textual's behaviour, and the next page when the highlight nears the end."""
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= self.option_count - NEAR_END:
            self._more()

    def watch_scroll_y(self, old: float, new: float) -> None:
        """Mouse-wheel scrolling near the end fetches the next page too."""
        super().watch_scroll_y(old, new)
        if new >= self.max_scroll_y - 2 * NEAR_END:
            self._more()


def _prompt(summary: ArticleSummary, now: datetime, followed: tuple[str, ...] = ()) -> Content:
    """Marks and title (wrapped, never cut); feed, age, quote count and the followed speakers
    quoted (✓ Abdoulaye Diop +1). Feed text is made literal. Textual Content, not Rich Text:
    the list measures every row's wrapped height after each change of a row, and Content does
    that without a Rich render."""
    out = Text(end="", overflow="fold")
    out.append("●" if not summary.read else " ", style="bold #3b9cff")
    out.append("★" if summary.starred else " ", style="yellow")
    out.append(" ")
    title = plain(summary.title, "bold" if not summary.read else "", default="(untitled)")
    out.append(title.plain, style=title.style)
    out.append("\n    ")
    out.append_text(plain(summary.feeds[0] if summary.feeds else "", "cyan"))
    when = age(summary.published or summary.fetched_at, now)
    out.append(f" · {when}" if when else "", style="dim")
    if summary.quote_count:
        out.append(f" · ❝ {summary.quote_count}", style="dim")
    if followed:
        out.append(f" · {FOLLOWED_MARK} ", style="bold green")
        out.append(plain(followed[0]).plain, style="bold green")
        if len(followed) > 1:
            out.append(f" +{len(followed) - 1}", style="green")
    return Content.from_rich_text(out)
