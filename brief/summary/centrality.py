"""What each candidate sentence is worth to a summary: centrality, position, length, names.

Pure Python over stemmed content words. ``textrank`` is TextRank's graph (Mihalcea & Tarau
2004: edges weighted by shared words over the log of the sentences' lengths, PageRank with
damping 0.85); ``tfidf`` vectors measure the mean similarity to the other sentences and,
when choosing, whether a sentence repeats one already chosen.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from brief.summary.candidates import Candidate
from brief.summary.stemming import stemmer, stop_words

DAMPING = 0.85
ITERATIONS = 30


@dataclass(frozen=True, slots=True)
class Features:
    """The per-candidate numbers brief's default ranking blends (one entry per candidate)."""

    textrank: tuple[float, ...]  # PageRank score x number of candidates (mean 1)
    similarity: tuple[float, ...]  # mean tf-idf cosine to the other candidates
    words: tuple[int, ...]
    names: tuple[float, ...]  # share of words that are capitalized or figures
    vectors: tuple[dict[str, float], ...]  # unit tf-idf vectors


def terms(cands: Sequence[Candidate], language: str) -> list[list[str]]:
    """Stemmed content words of each candidate."""
    stem = stemmer(language)
    stop = stop_words(language)
    stems: dict[str, str] = {}  # stemming is the slow part: each distinct word once
    return [
        [stems.get(w) or stems.setdefault(w, stem(w)) for w in c.words if w not in stop]
        for c in cands
    ]


def tfidf(terms: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length tf-idf vectors, one per sentence, idf taken over these sentences."""
    df = Counter(t for ts in terms for t in set(ts))
    n = len(terms)
    idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
    vectors = []
    for ts in terms:
        weights = {t: f * idf[t] for t, f in Counter(ts).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def textrank(sets: Sequence[frozenset[str]]) -> list[float]:
    """TextRank scores of sentences given as word sets, scaled to a mean of 1."""
    n = len(sets)
    if n < 2:
        return [1.0] * n
    logs = [math.log(len(s) + 1) for s in sets]
    edges: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            shared = len(sets[i] & sets[j])
            if shared:
                weight = shared / (logs[i] + logs[j])
                edges[i].append((j, weight))
                edges[j].append((i, weight))
    out = [sum(w for _, w in e) for e in edges]
    rank = [1.0 / n] * n
    for _ in range(ITERATIONS):
        nxt = [(1 - DAMPING) / n] * n
        for j, e in enumerate(edges):
            if out[j]:
                share = DAMPING * rank[j] / out[j]
                for i, w in e:
                    nxt[i] += share * w
        rank = nxt
    total = sum(rank) or 1.0
    return [r * n / total for r in rank]


def names_density(text: str) -> float:
    """Share of the words after the first that are capitalized or figures: who, where, how much."""
    tokens = text.split()[1:]
    named = sum(1 for t in tokens if t[0].isupper() or t[0].isdigit() or t[0] in "£$€¥")
    return named / len(tokens) if tokens else 0.0


def features(cands: Sequence[Candidate], language: str) -> Features:
    """The features of every candidate, measured against all of them."""
    stemmed = terms(cands, language)
    vectors = tfidf(stemmed)
    n = len(cands)
    similarity = []
    for k in range(n):
        others = sum(cosine(vectors[k], v) for j, v in enumerate(vectors) if j != k)
        similarity.append(others / (n - 1) if n > 1 else 1.0)
    return Features(
        textrank=tuple(textrank([frozenset(t) for t in stemmed])),
        similarity=tuple(similarity),
        words=tuple(len(c.words) for c in cands),
        names=tuple(names_density(c.text) for c in cands),
        vectors=tuple(vectors),
    )
