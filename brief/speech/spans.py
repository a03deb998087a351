"""Find direct quotations: spans between quote marks, across paragraphs when news style says so.

One linear pass per paragraph over its quote marks, no regular expressions on the text, so
unbalanced or nested marks cost nothing extra. Straight and curly double marks may pair with
each other, as they do in hand-typed pages ("…” or “…"). A quotation left open at the end of a
paragraph continues when the next paragraph opens with a quote mark (the news convention); an
opening mark met while a quotation is open starts a new part of the same quotation (the same
convention in texts whose paragraph breaks were lost).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

# Opening mark -> the marks that close it.
_DOUBLE_PAIRS = {"“": "”", "„": "“”", "«": "»", '"': '"'}
_SINGLE_PAIRS = {"‘": "’", "‚": "‘’"}
_DOUBLE_MARKS = frozenset('“”„«»"')
_SINGLE_MARKS = frozenset("‘’‚")
# Characters after which a straight or single mark opens rather than closes.
_OPEN_AFTER = frozenset(' \t\n([{—–-/:“‘«„"')


@dataclass(frozen=True, slots=True)
class Part:
    """The words between one opening mark and its closing mark (or the paragraph's end)."""

    paragraph: int
    start: int  # offset in Article.text of the first quoted character
    end: int  # offset just after the last quoted character
    closed: bool  # False when the paragraph ended before a closing mark


@dataclass(frozen=True, slots=True)
class Span:
    """One quotation: its parts in order (one, or several when it runs on)."""

    parts: tuple[Part, ...]

    @property
    def start(self) -> int:
        """Offset of the first quoted character."""
        return self.parts[0].start

    @property
    def end(self) -> int:
        """Offset just after the last quoted character."""
        return self.parts[-1].end

    def text(self, article_text: str) -> str:
        """The quoted words, parts joined by a blank line (new paragraph) or a space."""
        out = article_text[self.parts[0].start : self.parts[0].end].strip()
        for before, part in zip(self.parts, self.parts[1:], strict=False):
            joiner = "\n\n" if part.paragraph != before.paragraph else " "
            out += joiner + article_text[part.start : part.end].strip()
        return out

    def word_count(self, article_text: str) -> int:
        """Whitespace-separated words over all parts."""
        return sum(len(article_text[p.start : p.end].split()) for p in self.parts)


@dataclass(slots=True)
class _Open:
    mark: str
    content_start: int  # paragraph-relative
    chain: list[tuple[int, int, bool]]  # earlier parts of the same quotation, paragraph-relative
    nested: str = ""  # the opening mark of a quotation of the other style nested inside


def _opens(text: str, i: int, mark: str) -> bool:
    if mark in "“„«‚":
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if mark == "‘":
        # "‘90s" is an elided year, not a quotation.
        return before in _OPEN_AFTER and not after.isdigit()
    return before in _OPEN_AFTER


def _closes(text: str, i: int, opening: str) -> bool:
    mark = text[i]
    if mark not in (_DOUBLE_PAIRS.get(opening) or _SINGLE_PAIRS.get(opening, "")):
        return False
    if mark != "’":
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isalnum() or before.isspace():
        return False  # "it’s", "’90s"
    # "the players’ efforts" is a plural possessive; a closing mark after an s is followed by
    # punctuation or an attribution, rarely by a lowercase word.
    rest = text[i + 1 : i + 3]
    return not (before == "s" and len(rest) == 2 and rest[0] == " " and rest[1].islower())


def _nests(text: str, i: int, opening: str) -> bool:
    """A mark that opens a quotation of the other style inside an open one: a straight mark
    in opening position inside curly marks, a curly opening mark inside straight ones."""
    mark = text[i]
    if opening == '"':
        return mark == "“"
    return opening in "“„" and mark == '"' and _opens(text, i, mark)


def _mixed_close(text: str, i: int, opening: str) -> bool:
    """Mismatched marks ("…” or “…"), common in pages typed by hand: a straight mark closes
    a curly quotation, and a curly closing mark a straight one."""
    mark = text[i]
    if opening == '"':
        return mark == "”"
    return opening in "“„" and mark == '"'


def _scan(
    text: str, marks: frozenset[str], pairs: dict[str, str]
) -> list[list[tuple[int, int, bool]]]:
    """Quotations in one paragraph as chains of (start, end, closed), paragraph-relative.

    The last chain may be left open (its last part has closed=False).
    """
    chains: list[list[tuple[int, int, bool]]] = []
    state: _Open | None = None
    for i, ch in enumerate(text):
        if ch not in marks:
            continue
        if state is None:
            if ch in pairs and _opens(text, i, ch):
                state = _Open(ch, i + 1, [])
            continue
        if state.nested or _nests(text, i, state.mark):
            # A straight quotation inside a curly one, or the reverse: its closing mark must
            # not close the outer quotation (see _mixed_close).
            state.nested = "" if state.nested else ch
            continue
        if _closes(text, i, state.mark) or _mixed_close(text, i, state.mark):
            chains.append([*state.chain, (state.content_start, i, True)])
            state = None
        elif ch == state.mark and ch not in '"’' and _opens(text, i, ch):
            # A new opening mark inside an open quotation: the quotation went on in a new
            # paragraph whose break the text lost. Keep both as parts of one quotation.
            state.chain.append((state.content_start, i, False))
            state.content_start = i + 1
    if state is not None:
        chains.append([*state.chain, (state.content_start, len(text), False)])
    return chains


def _starts_with_mark(text: str, marks: frozenset[str]) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in marks and stripped[0] not in "”»’"


def _family_spans(
    paragraphs: tuple[str, ...], offsets: list[int], marks: frozenset[str], pairs: dict[str, str]
) -> list[Span]:
    spans: list[Span] = []
    carried: list[Part] = []  # parts of a quotation still open at the end of the last paragraph
    for index, paragraph in enumerate(paragraphs):
        base = offsets[index]
        lead = len(paragraph) - len(paragraph.lstrip())
        for n, chain in enumerate(_scan(paragraph, marks, pairs)):
            parts = [Part(index, base + s, base + e, closed) for s, e, closed in chain]
            if n == 0 and carried:
                if chain[0][0] == lead + 1:
                    parts = carried + parts
                else:
                    spans.extend(_unfinished(carried, offsets, paragraphs))
                carried = []
            if parts[-1].closed:
                spans.append(Span(tuple(parts)))
            else:
                carried = parts
        if carried and carried[-1].paragraph != index:
            spans.extend(_unfinished(carried, offsets, paragraphs))  # nothing opened here
            carried = []
        if carried and (
            index + 1 >= len(paragraphs) or not _starts_with_mark(paragraphs[index + 1], marks)
        ):
            spans.extend(_unfinished(carried, offsets, paragraphs))
            carried = []
    return spans


def _unfinished(parts: list[Part], offsets: list[int], paragraphs: tuple[str, ...]) -> list[Span]:
    """A quotation whose closing mark never came: kept when it ran over several paragraphs or
    opened its paragraph (a stray mark mid-paragraph would otherwise swallow the rest of it)."""
    first = parts[0]
    text = paragraphs[first.paragraph]
    lead = len(text) - len(text.lstrip())
    if len(parts) > 1 or first.start - 1 == offsets[first.paragraph] + lead:
        return [Span(tuple(parts))]
    return []


def find_spans(paragraphs: tuple[str, ...]) -> list[Span]:
    """Every quotation in the paragraphs (any length), sorted by start.

    Double marks (straight, curly, guillemets, German low-high) are primary; single curly marks
    count only outside double-quoted text, so nested quotations are not reported twice.
    """
    offsets: list[int] = []
    position = 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + 2
    doubles = _family_spans(paragraphs, offsets, _DOUBLE_MARKS, _DOUBLE_PAIRS)
    singles = _family_spans(paragraphs, offsets, _SINGLE_MARKS, _SINGLE_PAIRS)
    inside_doubles = _Ranges(doubles)
    kept_singles = [s for s in singles if not inside_doubles.contain(s)]
    inside_singles = _Ranges(kept_singles)
    kept_doubles = [d for d in doubles if not inside_singles.contain(d)]
    return sorted([*kept_doubles, *kept_singles], key=lambda s: s.start)


class _Ranges:
    """The parts of some spans (disjoint, as one family of marks makes them), for lookups."""

    def __init__(self, spans: list[Span]) -> None:
        self._ranges = sorted((p.start, p.end) for span in spans for p in span.parts)
        self._starts = [r[0] for r in self._ranges]

    def contain(self, span: Span) -> bool:
        """Whether any part of ``span`` lies within one of the ranges."""
        for part in span.parts:
            i = bisect.bisect_right(self._starts, part.start) - 1
            if i >= 0 and self._ranges[i][1] >= part.end:
                return True
        return False
