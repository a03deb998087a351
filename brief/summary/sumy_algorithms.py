"""sumy's summarizers, configured with brief's tokenizer, Snowball stemmers and stop words.

The only module that imports sumy's summarizers. Every algorithm sees the same sentences,
split by brief.text (so sumy never needs NLTK's punkt models).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from brief.summary.stemming import stemmer, stop_words

# The algorithms sumy offers. Edmundson runs its key, title and location methods (the cue
# method needs hand-made lists of bonus and stigma words): the headline's content words are
# its bonus words, the stop words its null words.
SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson")


def _summarizer(algorithm: str, language: str, title_words: Sequence[str]) -> Any:
    """A configured sumy summarizer: the language's stemmer and stop words."""
    # sumy (with numpy) loads only when a sumy algorithm runs.
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    stem = stemmer(language)
    stop = stop_words(language) or frozenset({"the"})
    if algorithm == "edmundson":
        edmundson = EdmundsonSummarizer(
            stem, cue_weight=0.0, key_weight=1.0, title_weight=1.0, location_weight=1.0
        )
        content = [w for w in title_words if w.lower() not in stop]
        edmundson.bonus_words = content or ["news"]
        edmundson.null_words = stop
        return edmundson
    classes = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "sumbasic": SumBasicSummarizer,
        "kl": KLSummarizer,
    }
    summarizer = classes[algorithm](stem)
    summarizer.stop_words = stop
    return summarizer


def sumy_pick(
    texts: Sequence[str],
    count: int,
    algorithm: str,
    language: str,
    title: str | None = None,
) -> list[int]:
    """Indices (ascending) of the ``count`` sentences a sumy algorithm picks from ``texts``.

    ``algorithm`` is one of SUMY_ALGORITHMS; ``title`` (the headline) is what Edmundson's
    title and key methods read. As many sentences as asked (or as ``texts`` has distinct
    ones), even when some of ``texts`` repeat each other.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    from brief.text import SumyTokenizer, words

    tokenizer = SumyTokenizer(language)
    sentences = [Sentence(t, tokenizer) for t in texts]
    if title:
        sentences.insert(0, Sentence(title, tokenizer, is_heading=True))
    document = ObjectDocumentModel([Paragraph(sentences)])
    summarizer = _summarizer(algorithm, language, words(title or ""))
    first: dict[str, int] = {}
    for i, t in enumerate(texts):
        first.setdefault(t.strip(), i)
    wanted = min(count, len(first))
    asked = count
    while True:
        with warnings.catch_warnings():
            # LSA warns when a short text has fewer distinct words than sentences, and LexRank's
            # power method divides by zero when no two sentences share a weighted word (idf is 0
            # for every word of a two-sentence text): the ranking is flat, the pick still valid.
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("ignore", RuntimeWarning)
            chosen = summarizer(document, asked)
        picks = sorted({first[str(s)] for s in chosen if str(s) in first})
        # The headline (Edmundson's title method favours it) or a repeated sentence took a
        # place: ask for one more, until ``count`` of the article's sentences are chosen.
        if len(picks) >= wanted or asked >= len(sentences):
            return picks[:wanted]
        asked += wanted - len(picks)
