"""Near-duplicate articles grouped into stories, in near-linear time.

Two articles tell the same story when their fingerprints (content words of the title and
summary, plus the names of the actors their briefs found) overlap enough: an IDF-weighted
Jaccard similarity above a threshold. Comparing every pair is quadratic, so candidates come from
an inverted index probed only with each article's *rarest* tokens (its signature): articles
about the same event share rare words (names, places, unusual nouns), while articles that share
only common words are never compared. Each article costs a bounded number of probes, so a day
of 10,000 articles groups in seconds, not hours.

Clusters are merged single-link in decreasing order of similarity, but a merge also needs the
two clusters' central articles to be similar, so a chain of loosely related articles does not
snowball into one giant "story".
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from brief.summary import language_name

# Weighted Jaccard at or above which two articles are one story. Tuned on the 181 pages of
# the scrapinghub corpus (19-20 Nov 2019), which holds a dozen events covered by 2-4 outlets
# each; see bench/digest_speed.py --grouping-check.
THRESHOLD = 0.13
# Two clusters merge only when their centres are at least this similar (anti-chaining guard).
CENTRE_THRESHOLD = 0.09
# Signature: how many of an article's rarest tokens probe the index.
SIGNATURE_SIZE = 16
# A probe token present in more articles than this is too common to point at one story.
MAX_POSTINGS = 300
# Candidates must share at least this many signature tokens before a full comparison.
MIN_SHARED = 2
# Title words and actor names say more about the event than words of the summary.
TITLE_WEIGHT = 1.5
NAME_WEIGHT = 2.0

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class StoryText:
    """What the grouping reads of one article: title, summary, actor names, language, site.

    ``site`` (a name or a host) is left out of the fingerprint: two unrelated articles of one
    outlet often share its name in their titles ("… | Example News").
    """

    title: str
    body: str
    names: tuple[str, ...] = ()
    language: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Cluster:
    """One story: indices into the input, the most central article first.

    ``centrality`` holds, for each member in the same order, its mean similarity to the other
    members (1.0 for a story of one article).
    """

    members: tuple[int, ...]
    centrality: tuple[float, ...]

    @property
    def centre(self) -> int:
        """Index of the article most similar to the rest of its story."""
        return self.members[0]


def group_stories(texts: Iterable[StoryText], threshold: float = THRESHOLD) -> list[Cluster]:
    """Group articles telling the same story; clusters ordered by their first member's index.

    Every input index appears in exactly one cluster. Deterministic for a given input.
    ``texts`` is read once: only the fingerprints are kept, so a stream of texts read in
    batches is never held whole.
    """
    weighted = [_fingerprint(t) for t in texts]
    idf = _idf(weighted)
    for vec in weighted:
        # Weighted in place: a second dict per article doubled the grouping's memory.
        for tok, w in vec.items():
            vec[tok] = w * idf[tok]
    count = len(weighted)
    edges = _candidate_edges(weighted, idf, threshold)
    parent = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    centre = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, a, b in edges:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        ca, cb = centre[ra], centre[rb]
        if (ca, cb) != (a, b) and _similarity(weighted[ca], weighted[cb]) < CENTRE_THRESHOLD:
            continue
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        # The larger side keeps its centre: recomputing it on every merge would cost
        # O(size) similarities per merge; the true centre is ranked once, at the end.
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
    clusters = [_cluster(group, weighted) for group in members.values()]
    clusters.sort(key=lambda c: min(c.members))
    return clusters


def _cluster(group: list[int], weighted: list[dict[str, float]]) -> Cluster:
    ranked = _most_central(group, weighted)
    return Cluster(members=tuple(i for i, _ in ranked), centrality=tuple(s for _, s in ranked))


def _most_central(group: list[int], weighted: list[dict[str, float]]) -> list[tuple[int, float]]:
    """Members ranked by mean similarity to the others (ties: input order)."""
    if len(group) == 1:
        return [(group[0], 1.0)]
    # Stories are small (a handful of outlets), so the all-pairs cost here is bounded; a huge
    # cluster is sampled to keep this linear in its size.
    sample = sorted(group)[:24]
    scored = []
    for i in group:
        sims = [_similarity(weighted[i], weighted[j]) for j in sample if j != i]
        scored.append((i, sum(sims) / len(sims)))
    scored.sort(key=lambda pair: (-pair[1], pair[0]))
    return scored


def _candidate_edges(
    weighted: list[dict[str, float]], idf: dict[str, float], threshold: float
) -> list[tuple[float, int, int]]:
    """Pairs at or above the threshold, most similar first, found through rare-token probes."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(weighted):
        for tok in vec:
            postings[tok].append(i)
    edges: list[tuple[float, int, int]] = []
    for i, vec in enumerate(weighted):
        shared: Counter[int] = Counter()
        for tok in _signature(vec, idf, postings):
            for j in postings[tok]:
                if j > i:
                    shared[j] += 1
        for j, count in shared.items():
            if count < MIN_SHARED:
                continue
            sim = _similarity(vec, weighted[j])
            if sim >= threshold:
                edges.append((sim, i, j))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    return edges


def _signature(
    vec: dict[str, float], idf: dict[str, float], postings: dict[str, list[int]]
) -> list[str]:
    """The article's rarest tokens that another article also has (a singleton matches nothing)."""
    usable = [t for t in vec if 1 < len(postings[t]) <= MAX_POSTINGS]
    usable.sort(key=lambda t: (-idf[t], t))
    return usable[:SIGNATURE_SIZE]


def _similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted Jaccard: shared weight over combined weight."""
    if len(a) > len(b):
        a, b = b, a
    inter = 0.0
    for tok, wa in a.items():
        wb = b.get(tok)
        if wb is not None:
            inter += min(wa, wb)
    total = sum(a.values()) + sum(b.values())
    union = total - inter
    return inter / union if union > 0 else 0.0


def _idf(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    """Smoothed inverse document frequency; small days are treated as at least 20 articles."""
    df: Counter[str] = Counter()
    count = 0
    for vec in vectors:
        df.update(vec.keys())
        count += 1
    n = max(count, 20)
    return {tok: math.log(1.0 + n / d) for tok, d in df.items()}


def _fingerprint(text: StoryText) -> dict[str, float]:
    """Token -> weight before IDF: content words of the body, title words, actor names."""
    stop = stopwords(text.language) | _site_words(text.site)
    vec: dict[str, float] = {}
    for tok in _tokens(text.body, stop):
        vec[tok] = 1.0
    for tok in _tokens(text.title, stop):
        vec[tok] = TITLE_WEIGHT
    for name in text.names:
        key = " ".join(_WORD.findall(name.casefold()))
        if key:
            # A name is one token of its own (prefixed so "mali" the word and "Mali" the
            # actor count separately: the actor says the article is *about* Mali).
            vec[sys.intern("@" + key)] = NAME_WEIGHT
    return vec


def _site_words(site: str | None) -> frozenset[str]:
    """Words of an outlet's name or host ("www.example-news.com" -> example, news)."""
    if not site:
        return frozenset()
    return frozenset(w for w in _WORD.findall(site.casefold()) if w not in _HOST_PARTS)


_HOST_PARTS = frozenset({"www", "com", "org", "net", "co", "uk", "news"})


def _tokens(text: str, stop: frozenset[str]) -> list[str]:
    out = []
    for word in _WORD.findall(text.casefold()):
        if len(word) < 3 or word in stop:
            continue
        # Interned: a window of articles shares a vocabulary, each token stored once.
        out.append(sys.intern(_normalize(word)))
    return out


def _normalize(word: str) -> str:
    """A crude, language-neutral plural fold ("hunters" ~ "hunter"); digits kept as they are."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and not _DIGITS.match(word):
        return word[:-1]
    return word


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """Stopwords of the language (English when unknown), plus English ones: feeds mix them.

    The lists are the data files sumy ships; only the files are read, sumy's code (and numpy
    behind it) is not imported.
    """
    names = {"english", language_name(language)}
    words: set[str] = set()
    folder = resources.files("sumy") / "data" / "stopwords"
    for name in sorted(names):
        source = folder / f"{name}.txt"
        if not source.is_file():
            continue  # sumy has a stemmer but no stop-word list for a few languages
        text = source.read_text(encoding="utf-8")
        words.update(w.strip().casefold() for w in text.splitlines() if w.strip())
    return frozenset(words)
