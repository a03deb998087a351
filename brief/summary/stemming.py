"""Stemmers and stop words for the summarizers: Snowball stemmers (snowballstemmer), never NLTK's.

sumy's own Stemmer wraps NLTK's Snowball port; brief hands sumy the snowballstemmer package's
stemmers instead (PyStemmer's C build when it is installed, the pure-Python one otherwise),
and sumy's own stemmers for the few languages Snowball lacks. The stop-word lists are the data
files sumy ships.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

# Languages Snowball has no algorithm for, but sumy has a stemmer of its own (not NLTK's).
_SUMY_STEMMERS = ("slovak", "ukrainian")


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """A stemmer for the language: word -> lowercased stem; plain lowercasing when none exists."""
    import snowballstemmer

    if language in snowballstemmer.algorithms():
        snowball = snowballstemmer.stemmer(language)

        def stem(word: str) -> str:
            return str(snowball.stemWord(word.lower()))

        return stem
    if language in _SUMY_STEMMERS:
        from sumy.nlp.stemmers import Stemmer

        return Stemmer(language)  # type: ignore[no-any-return]
    return str.lower


@cache
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for the language (the data files sumy ships), or none."""
    # Read directly: sumy.utils.get_stop_words imports requests (~0.1 s) to parse a text file.
    import importlib.resources

    if not language.isalpha():
        return frozenset()
    data = importlib.resources.files("sumy").joinpath("data", "stopwords", f"{language}.txt")
    try:
        text = data.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(w.rstrip() for w in text.splitlines() if w)
