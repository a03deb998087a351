"""Extractive summaries: brief's default ranking (brief.summary.blend), LEAD, sumy's algorithms.

Every algorithm picks whole sentences from the same candidates (brief.summary.candidates);
summaries keep the article's order.
"""

from __future__ import annotations

from collections import Counter

from brief.choices import ALGORITHMS
from brief.models import Article
from brief.summary.blend import blend_for, choose
from brief.summary.candidates import Candidate, anchored, candidates, leans_on_previous
from brief.summary.centrality import features
from brief.summary.stemming import stop_words
from brief.summary.sumy_algorithms import sumy_pick

__all__ = ["candidates", "summarize", "sumy_pick"]

# Every ranking but LEAD compares pairs of sentences (LSA factors a words x sentences matrix):
# past this many candidates they only see the lead plus the best by a cheap score.
MAX_CANDIDATES = 120
LEAD_KEPT = 40


def _bounded(cands: list[Candidate], language: str) -> list[Candidate]:
    """At most MAX_CANDIDATES: the lead, then the sentences richest in the article's words."""
    if len(cands) <= MAX_CANDIDATES:
        return cands
    stop = stop_words(language)
    frequency = Counter(w for c in cands for w in c.words if w not in stop)

    def richness(c: Candidate) -> float:
        content = [frequency[w] for w in c.words if w not in stop]
        return sum(content) / len(content) if content else 0.0

    rest = sorted(cands[LEAD_KEPT:], key=richness, reverse=True)[: MAX_CANDIDATES - LEAD_KEPT]
    return cands[:LEAD_KEPT] + sorted(rest, key=lambda c: c.order)


def summarize(
    article: Article, sentences: int = 5, algorithm: str = "default", language: str = "english"
) -> tuple[str, ...]:
    """The ``sentences`` best sentences of the article, in article order.

    ``algorithm`` is one of ALGORITHMS; ``language`` a sumy language name ("english",
    "german"…). A language sumy has no stemmer or stop words for still works, unstemmed.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {algorithm!r}; one of {', '.join(ALGORITHMS)}")
    if sentences < 1:
        raise ValueError(f"a summary needs at least one sentence, not {sentences}")
    cands = candidates(article)
    if len(cands) <= sentences:
        return tuple(c.text for c in cands)
    if algorithm == "lead":
        return tuple(c.text for c in cands[:sentences])
    pool = _bounded(cands, language)
    if algorithm == "default":
        feats = features(pool, language)
        ranked = choose(feats, sentences, blend_for(feats, sentences))
    else:
        # In article order: sumy's summarizers return no order of merit (see anchored()).
        ranked = sumy_pick([c.text for c in pool], sentences, algorithm, language, article.title)
    leans = [leans_on_previous(c.text) for c in pool]
    return tuple(pool[i].text for i in anchored(ranked, sentences, leans))
