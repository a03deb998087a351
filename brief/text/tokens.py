"""Word tokens, and the tokenizer sumy's documents need, on brief's own offline splitters."""

from __future__ import annotations

import re

from brief.text.sentences import split_sentences

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
