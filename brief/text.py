"""Offline text tools: sanitizing untrusted text, sentence and word splitting, page debris.

No third-party imports and no downloaded data (no NLTK punkt): any module may import this one.
The sentence splitter is rule-based and tuned on news: it knows abbreviations and initials,
ends sentences inside closing quotes and brackets, and never cuts inside a quotation.
"""

from __future__ import annotations

import re

# Vertical separators become newlines so that deleting them never glues two lines together.
_NEWLINES = {0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n\n"}

# C0 and C1 controls (tab and newline are kept), DEL, bidi embeddings/overrides/isolates and
# marks, and invisible format characters that can hide or reorder text on a terminal: soft
# hyphen, zero-width space, word joiner, invisible operators, deprecated format characters,
# BOM, interlinear annotation, Mongolian vowel separator and the tag block ("ASCII smuggling").
# ZWJ/ZWNJ (U+200C/D) stay: scripts and emoji need them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_CARRIAGE = re.compile("\r\n?")
# Whole terminal escape sequences (OSC with its payload, CSI with its parameters, two-byte
# ESC forms, and their 8-bit C1 spellings), so no residue such as "]8;;http://…" is left.
_ESCAPES = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,2048}(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,16}[@-~]?"
    r"|\x1b[P^_X][^\x1b\x9c]{0,2048}(?:\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)


def sanitize(s: str) -> str:
    """Untrusted text made safe to show: no control, bidi or invisible format characters.

    Keeps ``\\n`` and ``\\t``; turns ``\\r\\n`` and lone ``\\r`` (and other line separators)
    into ``\\n``.
    """
    if s.isascii() and s.isprintable():
        return s  # the common case costs one pass in C
    s = _ESCAPES.sub("", s)
    s = _CARRIAGE.sub("\n", s).translate(_NEWLINES)
    return _INVISIBLE.sub("", s)


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
    adm brig capt cmdr col cpl det dott dr fr gen gov hon insp lt maj messrs mlle mme mr mrs ms
    pres prof rep rev sen sgt sr sra srta supt
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
            return m.group("end")[-1] in "。！？" and not self.quoted(after)
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
        initial = len(word) == 1 and word.isalpha() and word.isupper()
        if initial or low in ABBREVIATIONS or ("." in word and word.replace(".", "").isalpha()):
            # J. R. R. Tolkien, Apple Inc. shares, the U.S. Senate, at 9 a.m. Monday
            return self._next_word(nxt_at).lower() in _STARTERS or nxt in _OPENERS + '"'
        return True

    def _next_word(self, i: int) -> str:
        j = i
        while j < self.n and j - i < 12 and (self.text[j].isalnum() or self.text[j] == "'"):
            j += 1
        return self.text[i:j]

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


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def words(sentence: str) -> list[str]:
    """Word tokens: runs of letters and digits, keeping inner apostrophes and hyphens."""
    return _WORD.findall(sentence)


class SumyTokenizer:
    """The tokenizer interface sumy's documents need, built on brief's offline splitters.

    sumy's own Tokenizer needs NLTK's downloaded punkt models; this one needs nothing.
    """

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """The sentences of a paragraph."""
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """The words of a sentence."""
        return tuple(words(sentence))


# Page debris: the lines and sentences of a page that are not the article.
#
# The one set of rules, read by the two stages that meet debris. Extraction drops a whole line
# (or paragraph) that is debris and cuts the page at a line heading other stories; these rules
# only ever match short whole lines, so an article sentence that mentions a photo or sharing
# stays in the text. The summarizer never picks a sentence that starts like debris, since a
# flattened page glues a label to the words after it, and stops at the same "Related" heading.
# The sentence rules stay the summarizer's to apply: taking such sentences out of the text
# itself would move the offsets of every quotation after them.

_AGENCY = (
    r"(?:getty(?: images)?|afp|reuters|ap(?: photo)?|the associated press|associated press|"
    r"epa(?:-efe)?|efe|shutterstock|alamy|imago|depositphotos|pa(?: media| wire| images)?|"
    r"dpa|xinhua|anadolu(?: agency)?|bloomberg|istock(?:photo)?|nurphoto|sopa images|"
    r"zuma(?: press| wire)?|wireimage|filmmagic|corbis|picture alliance|rex features|"
    r"afp via getty images|pool|handout|file photo)"
)
_CREDIT_LINE = re.compile(
    r"""^(?:
        (?:(?:image|photo|picture|video|header|top|main|lead|cover|feature)\s+)?
            (?:credits?|courtesy)\s*(?:[:：]|of\b)
      | (?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|video)\s*[:：]
      | sources?\s*[:：]
      | ©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}|by\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "Photo by Jane Doe/AP": short, or it is a sentence ("Photos by the dozen were posted...").
_CREDIT_BY_LINE = re.compile(
    r"^(?:photo(?:graph)?s?|images?|pictures?|illustrations?|video)\s+by\b", re.IGNORECASE
)
# "(Getty Images)", "Evan Vucci/AP", "AFP via Getty Images", "[Reuters]": a whole line that is
# an agency name, alone or after a photographer's name.
_AGENCY_LINE = re.compile(
    rf"^[(\[]?(?:[^()\[\]]{{0,60}}(?:/|\bvia\s|\|\s*|[-–—]\s|:\s*))?\s*{_AGENCY}[)\]]?$",
    re.IGNORECASE,
)
_PROMPT_LINE = re.compile(
    r"""^(?:
        share(?:\ this)?(?:\ (?:page|article|story|post|video|link))?
            (?:\ (?:on|via|with)\ [\w.+-]+(?:\ [\w.+-]+){0,2})?
      | (?:tweet|e-?mail|print|save|copy\ link|link\ copied)(?:\ this(?:\ \w+)?)?
      | follow\ us\b.*
      | follow\ [\w@.&' -]{1,40}\ on\ .*\b(?:twitter|facebook|instagram|youtube|tiktok|linkedin
            |threads|bluesky|mastodon)\b.*
      | (?:\d[\d,.]*\ )?comments?|(?:view|show|read|leave\ a)\ comments?
      | (?:sign\ up|subscribe|register)\b.*\bnewsletters?\b.*
      | get\ (?:our|the)\b.*\bnewsletters?\b.*
      | (?:skip\ )?advertisement|advert|sponsored(?:\ content)?
      | (?:story|article)\ continues\ below(?:\ (?:this\ )?advertisement)?
    )[\s:.!…]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "24 July 2015", "Tuesday, November 19, 2019, 9:02 AM": a byline's date on a line of its own.
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted)(?:\ on)?:?\ )?(?:[a-z]+day,?\ )?"
    rf"(?:\d{{1,2}}\ {_MONTH}|{_MONTH}\ \d{{1,2}},?)\ \d{{4}}"
    r"(?:,?\ (?:at\ )?\d{1,2}[:.]\d{2}(?:\ ?[ap]\.?m\.?)?(?:\ [a-z]{2,5})?)?$",
    re.IGNORECASE | re.VERBOSE,
)
# A line that announces the page's other stories: everything after it is teasers.
_TRAILER_LINE = re.compile(
    r"""^(?:
        related(?:\ (?:content|articles?|stories|news|posts|coverage|topics|links|reading))?
      | more
      | read\ (?:more|also|next)|also\ read|see\ also|further\ reading|what\ to\ read\ next
      | more\ (?:on|about)\ this(?:\ (?:story|topic|subject))?
      | you\ (?:may|might)\ also\ (?:like|be\ interested\ in|enjoy)
      | recommended(?:\ (?:for\ you|stories|articles|reading))?
      | more\ (?:from\b.{1,40}|stories|news)
      | most\ (?:read|popular|viewed)|trending(?:\ now)?|top\ stories|latest\ news
      | editor'?s\ picks?
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_CREDIT_WORDS = 20
_MAX_PROMPT_WORDS = 15
_MAX_AGENCY_WORDS = 8
_MAX_TRAILER_WORDS = 8

# The start of a sentence that is furniture, not prose: labels ("Photo:", "Credit:"),
# timestamps, calls to action, copyright, reporting credits. A label needs its colon:
# "Video footage showed…" is prose.
_DEBRIS_SENTENCE = re.compile(
    r"^(?:(?:credits?|photos?|images?|pictures?|video|source|watch|listen|related|see also|"
    r"advertisement|published|updated|last updated|posted)\s*[:|]"
    r"|(?:published|updated|last updated|posted)(?: on| at)?\s+\d"
    r"|copyright\b|©|share (?:this|on|via)\b|follow (?:us|@)|subscribe\b|sign up\b"
    r"|click here\b|read more\b|(?:additional )?(?:reporting|writing|editing) by\b)",
    re.I,
)
# "By John Smith." / "By . Daily Mail Reporter ." - a byline is a handful of capitalized words.
_BYLINE_SENTENCE = re.compile(
    r"^By\s+(?:[.|]\s*)*[A-Z][\w'’-]*(?:[\s,.|]+(?:and\s+)?[A-Z][\w'’-]*){0,5}\W*$"
)
# Page furniture glued in front of a sentence by flattened extraction.
_DEBRIS_PREFIX = re.compile(
    r"^(?:scroll down for (?:video|more)|advertisement|read more|click here)\b[:.]?\s*", re.I
)


def is_debris_line(line: str) -> bool:
    """Whether a line is an image credit, a share/follow/newsletter prompt, an ad or a date."""
    line = line.strip()
    count = len(line.split())
    if not line:
        return False
    if count <= _MAX_CREDIT_WORDS and _CREDIT_LINE.match(line):
        return True
    if count <= _MAX_AGENCY_WORDS and (_AGENCY_LINE.match(line) or _CREDIT_BY_LINE.match(line)):
        return True
    if count <= _MAX_AGENCY_WORDS and _DATE_LINE.match(line):
        return True
    return count <= _MAX_PROMPT_WORDS and bool(_PROMPT_LINE.match(line))


def is_trailer_line(line: str) -> bool:
    """Whether a line (or paragraph) heads other stories: "Related content", "Read more"."""
    line = line.strip()
    return len(line.split()) <= _MAX_TRAILER_WORDS and bool(_TRAILER_LINE.match(line))


def is_debris_sentence(sentence: str) -> bool:
    """Whether a sentence is a label, a timestamp, a call to action, a credit or a byline."""
    return bool(_DEBRIS_SENTENCE.match(sentence) or _BYLINE_SENTENCE.match(sentence))


def strip_debris_prefix(sentence: str) -> str:
    """The sentence without furniture glued in front of it ("Read more: ", "Advertisement")."""
    return _DEBRIS_PREFIX.sub("", sentence, count=1)
