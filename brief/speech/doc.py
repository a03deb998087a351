"""Words with their offsets, sentences that treat quotations as units, and headings.

Speech analysis works on this view of an article: every token knows its paragraph, its sentence
and whether it lies inside quote marks, so attribution can read the words around a quotation
without the quotation's own words getting in the way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from brief.models import Article
from brief.speech.credits import credit_line
from brief.speech.spans import Span
from brief.text import sentence_spans

# Initialisms ("U.S.", "D.A."), words with inner apostrophes or hyphens, or one other character.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[’'\-]\w+)*|[^\w\s]")
_CLOSERS = frozenset('”’"»)]')
QUOTE_MARKS = frozenset('“”„«»"‘’‚')
_HEADING_MARKS = '"”’»'
_OPENING_MARKS = frozenset('“„«"‘‚')


class Token:
    """One word or punctuation mark, with what attribution asks of it computed once.

    A plain class with slots rather than a frozen dataclass: an article makes thousands of
    tokens, and their construction and these lookups are the speech pass's hottest code.
    """

    __slots__ = ("base", "end", "is_cap", "is_word", "paragraph", "possessive", "start", "text")

    def __init__(self, text: str, start: int, end: int, paragraph: int) -> None:
        self.text = text
        self.start = start  # offset in Article.text
        self.end = end
        self.paragraph = paragraph
        first = text[0]
        self.is_word = first.isalnum()  # a word (letters or digits), not punctuation
        self.is_cap = first.isupper()  # a word starting with an uppercase letter
        # The word without a possessive ending ("Algeria’s" -> "Algeria").
        possessive = len(text) > 2 and text[-2] in "’'" and text[-1] in "sS"
        self.base = text[:-2] if possessive else text
        self.possessive = possessive

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.paragraph})"


@dataclass(slots=True)
class Doc:
    """An article as tokens, sentences and quotations."""

    article: Article
    tokens: list[Token]
    paragraph_tokens: list[range]  # token indices of each paragraph
    sentences: list[range]  # token indices of each sentence, in order
    sentence_of: list[int]  # token index -> sentence index
    quoted: list[bool]  # token index -> inside quote marks
    spans: list[Span]
    headings: frozenset[int]  # paragraph indices that read as headings
    credits: frozenset[int]  # paragraph indices of credit lines ("By Jeffrey Gettleman")
    lowercase_words: frozenset[str]  # words the article writes in lowercase somewhere

    def first_token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset`` (len(tokens) if none)."""
        return bisect.bisect_left(self.tokens, offset, key=_start)

    def sentence_start(self, index: int) -> bool:
        """Whether token ``index`` opens its sentence (ignoring opening quote marks and dashes)."""
        if index > 0 and self.quoted[index] and self.tokens[index - 1].text in _OPENING_MARKS:
            return True  # a quotation opens its own sentence
        sentence = self.sentences[self.sentence_of[index]]
        i = sentence.start
        while i < index and not self.tokens[i].is_word:
            i += 1
        return i == index


def in_capitals(word: str) -> bool:
    """ "WHO", "US": a word in capitals, an acronym rather than the function word it spells."""
    return len(word) > 1 and word.isupper()


def _start(token: Token) -> int:
    return token.start


def _is_heading(text: str) -> bool:
    """Short, and no sentence punctuation at the end (inside closing quote marks included)."""
    words = text.split()
    stripped = text.strip().rstrip(_HEADING_MARKS)
    return 0 < len(words) <= 14 and bool(stripped) and stripped[-1] not in ".!?:;,)…"


def _quoted_flags(tokens: list[Token], spans: list[Span]) -> list[bool]:
    flags = [False] * len(tokens)
    ranges = sorted((p.start, p.end) for s in spans for p in s.parts)
    r = 0
    for i, token in enumerate(tokens):
        while r < len(ranges) and ranges[r][1] <= token.start:
            r += 1
        flags[i] = r < len(ranges) and ranges[r][0] <= token.start < ranges[r][1]
    return flags


def _paragraph_sentences(
    tokens: list[Token], quoted: list[bool], para: range, text: str, offset: int
) -> list[range]:
    """One paragraph's sentences as token ranges: brief.text's sentences, quotations kept whole.

    A break that falls inside a quotation, or right after one that ends on its own terminal
    mark ("… too big to fail?” Vitter demanded."), is dropped: attribution reads a quotation
    and the words that attribute it as one sentence.
    """
    out: list[range] = []
    begin = i = para.start
    for start, _ in sentence_spans(text)[1:]:
        while i < para.stop and tokens[i].start < offset + start:
            i += 1
        if i >= para.stop:
            break
        last = i - 1  # the sentence's last token before its closing marks
        while last > begin and not quoted[last] and tokens[last].text in _CLOSERS:
            last -= 1
        if i > begin and not quoted[last]:
            out.append(range(begin, i))
            begin = i
    if begin < para.stop:
        out.append(range(begin, para.stop))
    return out


def build_doc(article: Article, spans: list[Span]) -> Doc:
    """Tokenize the article and split it into sentences around its quotations."""
    tokens: list[Token] = []
    paragraph_tokens: list[range] = []
    starts: list[int] = []  # offset of each paragraph in Article.text
    offset = 0
    for index, paragraph in enumerate(article.paragraphs):
        starts.append(offset)
        first = len(tokens)
        tokens.extend(
            Token(m.group(), offset + m.start(), offset + m.end(), index)
            for m in _TOKEN.finditer(paragraph)
        )
        paragraph_tokens.append(range(first, len(tokens)))
        offset += len(paragraph) + 2
    quoted = _quoted_flags(tokens, spans)
    sentences: list[range] = []
    for index, para in enumerate(paragraph_tokens):
        text = article.paragraphs[index]
        sentences.extend(_paragraph_sentences(tokens, quoted, para, text, starts[index]))
    sentence_of = [0] * len(tokens)
    for n, sentence in enumerate(sentences):
        for i in sentence:
            sentence_of[i] = n
    headings = frozenset(i for i, p in enumerate(article.paragraphs) if _is_heading(p))
    last = len(article.paragraphs) - 1
    credits = frozenset(i for i, p in enumerate(article.paragraphs) if credit_line(p, last - i))
    lowercase = frozenset(t.text for t in tokens if t.text[0].islower())
    return Doc(
        article=article,
        tokens=tokens,
        paragraph_tokens=paragraph_tokens,
        sentences=sentences,
        sentence_of=sentence_of,
        quoted=quoted,
        spans=spans,
        headings=headings,
        credits=credits,
        lowercase_words=lowercase,
    )
