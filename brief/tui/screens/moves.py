"""The main screen's moving keys: j/k, g/G, page up/down, n/N next and previous unread (across
feeds), S the list's order, l unread only, I the ignored articles, P the article in $PAGER."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import OptionList

from brief.choices import SORT_ORDERS
from brief.store import ArticleFilter
from brief.tui.pager import page
from brief.tui.screens.marks import Marks
from brief.tui.widgets.brief_view import BriefView
from brief.tui.widgets.rows import Rows


class Moves(Marks):
    """Keys that move the highlight, reorder or narrow the list, or page the brief."""

    def action_cursor_down(self) -> None:
        """Next row of the focused list, or scroll the brief."""
        focused = self.focused
        if isinstance(focused, BriefView):
            focused.scroll_down()
        elif isinstance(focused, OptionList):
            focused.action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row of the focused list, or scroll the brief back."""
        focused = self.focused
        if isinstance(focused, BriefView):
            focused.scroll_up()
        elif isinstance(focused, OptionList):
            focused.action_cursor_up()

    def action_first(self) -> None:
        """g: the first row, or the top of the brief."""
        focused = self.focused
        if isinstance(focused, BriefView):
            focused.scroll_home(animate=False)
        elif isinstance(focused, OptionList):
            focused.action_first()

    def action_last(self) -> None:
        """G: the last row (every row is loaded first), or the end of the brief."""
        focused = self.focused
        if isinstance(focused, BriefView):
            focused.scroll_end(animate=False)
        elif focused is self.articles:
            self.articles.load_rest(then=self.articles.action_last)
        elif isinstance(focused, OptionList):
            focused.action_last()

    def action_page_down(self) -> None:
        """page down: a screenful further in the list or the brief."""
        focused = self.focused
        if isinstance(focused, BriefView):
            focused.scroll_page_down(animate=False)
        elif isinstance(focused, Rows):
            focused.page(down=True)

    def action_page_up(self) -> None:
        """page up: a screenful back."""
        focused = self.focused
        if isinstance(focused, BriefView):
            focused.scroll_page_up(animate=False)
        elif isinstance(focused, Rows):
            focused.page(down=False)

    def action_next_unread(self) -> None:
        """n: the next unread article, in the next feed with unread ones after the last
        (opened, when the brief pane has the focus)."""
        self._unread(1)

    def action_previous_unread(self) -> None:
        """N: the previous unread article, in the previous feed before the first."""
        self._unread(-1)

    def _unread(self, direction: int) -> None:
        rows = self.articles
        if rows.highlighted is None:
            start = 0 if direction > 0 else rows.option_count - 1
        else:
            start = rows.highlighted + direction
        found = rows.unread_from(start, direction)
        if found is not None:
            self._reach(found)
        elif direction > 0 and len(rows.summaries) < rows.total:
            rows.load_rest(then=lambda: self._unread_loaded(start))
        else:
            self._unread_in_another_feed(direction)

    def _reach(self, index: int) -> None:
        """Highlight the unread row; while reading a brief, open it (it is read now), as
        newsboat's n does in its article view."""
        reading = isinstance(self.focused, BriefView)
        self.articles.highlighted = index
        if reading:
            self.open_article()

    def _unread_loaded(self, start: int) -> None:
        found = self.articles.unread_from(start, 1)
        if found is not None:
            self._reach(found)
        else:
            self._unread_in_another_feed(1)

    def _unread_in_another_feed(self, direction: int) -> None:
        """Past the last unread article of a feed: the next feed (in the left pane's order)
        that has unread articles, on its first (n) or last (N) unread one."""
        counts = self.feeds.counts
        feed_id = self.articles.flt.feed_id
        if counts is None or feed_id is None:
            self.notify("No more unread articles here.", markup=False)
            return
        ids = [f.id for f in counts.feeds]
        at = ids.index(feed_id) if feed_id in ids else -1
        others = counts.feeds[at + 1 :] if direction > 0 else counts.feeds[:at][::-1]
        target = next((f for f in others if f.unread_count), None)
        if target is None:
            self.notify("No unread articles in the other feeds.", markup=False)
            return
        self.set_filter(ArticleFilter(feed_id=target.id), then=lambda: self._land(direction))

    def _land(self, direction: int) -> None:
        rows = self.articles
        if direction > 0:
            found = rows.unread_from(0, 1)
            if found is not None:
                self._reach(found)
            return

        def last_unread() -> None:
            found = rows.unread_from(rows.option_count - 1, -1)
            if found is not None:
                self._reach(found)

        rows.load_rest(then=last_unread)

    def action_cycle_sort(self) -> None:
        """S: the next order of the list: date, feed, quotes, title."""
        rows = self.articles
        rows.order = SORT_ORDERS[(SORT_ORDERS.index(rows.order) + 1) % len(SORT_ORDERS)]
        rows.reload(keep=rows.highlighted_id)
        self.update_status()

    def action_toggle_unread_only(self) -> None:
        """l: show only unread articles, or every article again."""
        flt = self.articles.flt
        self.set_filter(replace(flt, unread=not flt.unread), keep=self.articles.highlighted_id)

    def action_toggle_hidden(self) -> None:
        """I: show the articles the ignore rules hide, or hide them again."""
        rows = self.articles
        if not rows.hide:
            self.notify("No ignore rules: the config file has no [[ignore]].", markup=False)
            return
        rows.show_hidden = not rows.show_hidden
        self.feeds.hide = () if rows.show_hidden else rows.hide
        self.feeds.recount()
        rows.reload(keep=rows.highlighted_id, then=self.update_status)

    def action_pager(self) -> None:
        """P: the article's brief and full text in $PAGER."""
        article = self.brief.article
        if article is None or article.id != self.articles.highlighted_id:
            self.notify("No article to show.", markup=False)
            return
        page(self.app, article)
