"""Sentence and word splitting, offline and tuned on news: the one splitter of brief.

Rule-based (no NLTK punkt, no downloaded data): it knows abbreviations and initials, ends
sentences inside closing quotes and brackets, and never cuts inside a quotation. The
summarizer and the speech stage both split with it.
"""

from __future__ import annotations

import re

# Sentence splitting.
#
# One left-to-right pass over "events" (terminal punctuation with the closing marks after it,
# quote marks, line breaks) keeps the state of the open quotations; every look-ahead and
# look-back is bounded, so the whole split is linear in the length of the text.

# A double quotation left open longer than this stops protecting its periods: an unbalanced
# mark must not swallow the rest of the article. Single quotes are less reliable (apostrophes
# look the same), so they get a shorter leash.
MAX_QUOTE = 600
MAX_SINGLE_QUOTE = 300

_EVENT = re.compile(
    r"(?P<nl>\n\s*)"
    r"|(?P<end>[.!?…。！？]+)(?P<close>[\"'”’»)\]」』]*)"
    r"|(?P<quote>[\"“”„«»‘’'「『」』])"
)
_SPACE = re.compile(r"\s*")
_TOKEN_BEFORE = re.compile(r"[^\s(\[\"“”„«»‘']{1,40}$")  # marks are not part of a word


def _wordset(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# The one list of abbreviations, lowercase, without their period; the speech stage reads it
# too ("Gov. Matt Bevin" is one name). Titles always precede a name: a period after them never
# ends a sentence.
TITLE_ABBREVIATIONS = _wordset(
    """
    adm atty brig capt cmdr col cpl det dott dr drs fr gen gens gov govs hon insp lt maj messrs
    mlle mme mr mrs ms pres prof rep reps rev rt sen sens sgt sr sra srta supt
    """
)
# After these a period never ends a sentence either ("e.g. Paris").
_NEVER_END = _wordset("ca cf e.g i.e viz")
# After the others it ends one only when a typical sentence opener follows.
ABBREVIATIONS = (
    TITLE_ABBREVIATIONS
    | _NEVER_END
    | _wordset(
        """
        approx apr art assn aug ave blvd bros co corp dec dept est feb fig fri ft inc jan jr jul
        jun llc ltd mar mon mt no nos nov oct plc pp rd sat sep sept st sun thu thur thurs tue
        tues univ vol vs wed
        """
    )
)
# Words that open sentences far more often than they follow "Inc." or "U.S." inside one.
_STARTERS = _wordset(
    """
    a after also an and as at before but for he her his how however i if in it it's its many
    meanwhile most no not now on one or our she so some still that that's the their then there
    these they this those two we what when while who why yet you
    """
)
_OPENERS = "“„«‘"
# Abbreviations that are also words: "No. 10", "art. 5", but "The EU said no. Brussels agreed."
_BEFORE_FIGURES = _wordset("art fig no nos pp vol")


class _Splitter:
    """State of one pass of the sentence splitter over ``text``."""

    __slots__ = ("dq", "dq_kind", "n", "sq", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.dq = -1  # offset of the open double quote, -1 when none is open
        self.dq_kind = ""
        self.sq = -1  # offset of the open single quote

    def _char(self, i: int) -> str:
        return self.text[i] if 0 <= i < self.n else " "

    def _opens_here(self, i: int) -> bool:
        """Whether the quote mark at ``i`` stands where an opening mark stands."""
        before, after = self._char(i - 1), self._char(i + 1)
        return (before.isspace() or before in "([{—–-/") and (after.isalnum() or after in "‘'…")

    def quote(self, i: int, *, after_terminal: bool = False) -> None:
        """Update the open quotations for the mark at offset ``i``."""
        ch = self.text[i]
        if ch in "‘’'":
            self._single(i, ch, after_terminal)
            return
        if ch == '"':
            if self.dq >= 0 and not (self._opens_here(i) and not after_terminal):
                self._close_double()
            elif not after_terminal and self._opens_here(i):
                self._open_double(i, ch)  # also a reopening: a flattened multi-paragraph quote
        elif ch == "”":
            if self.dq >= 0:
                self._close_double()
        elif ch == "“":
            if self.dq_kind == "„":
                self._close_double()  # German „…“
            elif not after_terminal:
                self._open_double(i, ch)
        elif ch in "„「『":
            self._open_double(i, ch)
        elif ch in "」』":
            if self.dq >= 0:
                self._close_double()
        elif ch == "«":
            if self.dq_kind == "»":
                self._close_double()  # German »…«
            else:
                self._open_double(i, ch)
        elif ch == "»":
            if self.dq >= 0:
                self._close_double()
            elif not after_terminal:
                self._open_double(i, ch)

    def _open_double(self, i: int, kind: str) -> None:
        self.dq, self.dq_kind, self.sq = i, kind, -1

    def _close_double(self) -> None:
        if self.sq > self.dq:
            self.sq = -1  # a single quote nested in the double one ends with it
        self.dq, self.dq_kind = -1, ""

    def _single(self, i: int, ch: str, after_terminal: bool) -> None:
        before, after = self._char(i - 1), self._char(i + 1)
        if before.isalnum() and after.isalnum():
            return  # an apostrophe: don't, O’Neill
        if ch == "‘" or (ch == "'" and not after_terminal and self._opens_here(i)):
            if not after.isdigit():  # ‘90s is an apostrophe
                self.sq = i
            return
        if self.sq < 0 or before.isspace():
            return
        if before == "s" and after.isspace() and self._char(i + 2).islower():
            return  # a plural possessive: the players’ efforts
        self.sq = -1

    def quoted(self, end: int) -> bool:
        """Whether offset ``end`` lies inside a quotation that still protects its periods."""
        if self.dq >= 0 and end - self.dq <= MAX_QUOTE:
            return True
        return self.sq >= 0 and end - self.sq <= MAX_SINGLE_QUOTE

    def reopens(self, i: int) -> bool:
        """Whether the mark at ``i`` opens a new quote while one is open.

        News style leaves a quote open at the end of a paragraph and opens it again in the
        next; in flattened text that reopening is where the previous sentence ended.
        """
        ch = self._char(i)
        if ch in "“„«":
            return self.dq >= 0 and self.dq_kind != "„"
        if ch == '"':
            return self.dq >= 0 and self._opens_here(i)
        if ch in "‘'":
            return self.sq >= 0 and self._opens_here(i)
        return False

    def ends_sentence(self, m: re.Match[str], after: int) -> bool:
        """Whether the terminal punctuation ``m`` (closing marks included) ends a sentence."""
        text = self.text
        if after < self.n and not text[after].isspace():
            # 3.5, U.S.-led, example.com, "wait...what"; but CJK full stops need no space.
            if m.group("end")[-1] in "。！？":
                return not self.quoted(after)
            return self.glued(m, after)
        space = _SPACE.match(text, after)
        nxt_at = space.end() if space else after
        if nxt_at >= self.n:
            return True
        nxt = text[nxt_at]
        if self.quoted(after) and not self.reopens(nxt_at):
            return False
        if nxt.islower() or nxt in ",;:)]}":
            return False
        punct = m.group("end")
        if punct != "." or m.group("close"):
            # "!", "?", an ellipsis, or a period inside closing marks: the writer meant it.
            return not (punct in ("...", "…") and nxt.isdigit())
        token = _TOKEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if token is None:
            return True
        word = token.group()
        low = word.lower()
        if low in TITLE_ABBREVIATIONS or low in _NEVER_END:
            return False
        if low in _BEFORE_FIGURES:
            return not nxt.isdigit()
        initial = len(word) == 1 and word.isalpha() and word.isupper()
        if initial or low in ABBREVIATIONS or ("." in word and word.replace(".", "").isalpha()):
            # J. R. R. Tolkien, Apple Inc. shares, the U.S. Senate, at 9 a.m. Monday
            return self._next_word(nxt_at).lower() in _STARTERS or nxt in _OPENERS + '"'
        return True

    def glued(self, m: re.Match[str], after: int) -> bool:
        """Whether ``m``, with no space after it, ends a sentence glued to the next one.

        Text copied from a page, or paragraphs run together when a corpus was made, lose the
        space: "...for the BBC Sport website.He will be...", "...red carpet."It's...". A
        lowercase word of two letters or more, then "." "!" or "?", then a capital and a
        lowercase letter is such a seam; "U.S.Army", "St.Louis", "bbc.co.uk" and "3.5" are
        not (an abbreviation, an initial or a lowercase word after the period, or figures).
        """
        if m.group("end") not in (".", "!", "?") or self.quoted(m.start()):
            return False
        if not (self._char(after).isupper() and self._char(after + 1).islower()):
            return False
        token = _TOKEN_BEFORE.search(self.text, max(0, m.start() - 40), m.start())
        if token is None:
            return False
        word = token.group()
        return (
            len(word) >= 2
            and word.isalpha()
            and word[-2:].islower()
            and word.lower() not in ABBREVIATIONS
        )

    def _next_word(self, i: int) -> str:
        j = i
        while j < self.n and j - i < 12 and (self.text[j].isalnum() or self.text[j] == "'"):
            j += 1
        return self.text[i:j]

    def _opens_glued(self, m: re.Match[str]) -> bool:
        """Whether the one closing mark of ``m`` is a double quote that closes nothing, glued
        to the next sentence: it opens that sentence's quotation."""
        close = m.group("close")
        return (
            close in ('"', "“")
            and self.dq < 0
            and self._char(m.end()).isupper()
            and self.glued(m, m.end())
        )

    def hard_break(self, m: re.Match[str]) -> bool:
        """Whether the line break ``m`` ends a sentence: a paragraph break always does."""
        run = m.group()
        if run.count("\n") > 1:
            return True
        # A single newline before a lowercase word is a hard-wrapped line, not a break.
        return not self._char(m.end()).islower()

    def spans(self) -> list[tuple[int, int]]:
        """Offsets of the sentences of the text, in order."""
        out: list[tuple[int, int]] = []
        start = 0
        for m in _EVENT.finditer(self.text):
            kind = m.lastgroup
            if kind == "quote":
                self.quote(m.start())
                continue
            if kind == "nl":
                if self.hard_break(m):
                    _emit(self.text, start, m.start(), out)
                    start = m.end()
                    self.dq, self.dq_kind, self.sq = -1, "", -1
                continue
            close_at = m.start("close")
            if self._opens_glued(m):
                # '...red carpet."It's unlike...': the mark opens the next sentence's quote.
                _emit(self.text, start, close_at, out)
                start = close_at
                self._open_double(close_at, self.text[close_at])
                continue
            for i in range(close_at, m.end()):
                if self.text[i] not in ")]":
                    self.quote(i, after_terminal=True)
            if self.ends_sentence(m, m.end()):
                _emit(self.text, start, m.end(), out)
                start = m.end()
                # A sentence boundary ends any quotation that reopens after it.
                if self.dq >= 0 or self.sq >= 0:
                    self.dq, self.dq_kind, self.sq = -1, "", -1
        _emit(self.text, start, self.n, out)
        return out


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append the span text[start:end] without its surrounding whitespace, if not empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each sentence of ``text``, in order, whitespace trimmed.

    Rule-based and offline: knows abbreviations, initials, decimals and ellipses; a sentence
    may end inside closing quotes or brackets; a period inside an open quotation never ends
    a sentence (unless the quotation runs over MAX_QUOTE characters); a paragraph break
    always does. Linear in the length of the text; never raises.
    """
    return _Splitter(text).spans()


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see sentence_spans)."""
    return [text[a:b] for a, b in sentence_spans(text)]
