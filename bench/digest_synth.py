"""Synthetic but realistic days of news for bench/digest_speed.py.

Base briefs come from real texts (the CNN/DailyMail and XSum articles of ../shared/corpus, run
through brief's own analysis). A day of N articles from F feeds is made of *events*: most are
carried by one feed, some by 2-8 feeds, as on a real day. Each outlet's copy of an event is a
permutation of the base: a sentence of the summary dropped or moved, the title trimmed, a
quote left out. Beyond the first pass over the bases, an event is a base whose rare words
(names, places, unusual nouns; everything outside the corpus's most common words) are renamed
with made-up words, so that two events drawn from one base share only common vocabulary, like
two different stories on the same kind of subject.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from brief.models import Actor, Brief, Quote

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ven",
    "tor",
    "sa",
    "li",
    "un",
    "bel",
    "dor",
    "fi",
    "ga",
    "ne",
    "ru",
    "sho",
    "tam",
    "vi",
    "zel",
    "qua",
    "ost",
    "pen",
]
# Words this frequent in the corpus are kept as they are in every event.
COMMON_WORDS = 300
# How many feeds carry one event, and how often (a day is mostly single-source news).
COPIES = (1, 2, 3, 5, 8)
COPY_WEIGHTS = (62, 20, 10, 6, 2)


@dataclass(frozen=True, slots=True)
class SynthArticle:
    """One stored article of the synthetic day: its feed, event label and brief."""

    feed: int
    event: int
    brief: Brief


def load_texts(corpus: Path, limit: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of up to ``limit`` real articles (title: the reference summary)."""
    out = []
    path = corpus / "summaries-cnndm-xsum" / "frank_articles_references.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        row = json.loads(line)
        paragraphs = [p.strip() for p in re.split(r"\n+", row["article"]) if p.strip()]
        if len(paragraphs) == 1:
            sentences = re.split(r"(?<=[.!?])\s+", paragraphs[0])
            paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        title = re.split(r"(?<=[.!?])\s+", row["reference"].strip())[0][:140]
        out.append((title, paragraphs))
    return out


def common_words(briefs: list[Brief]) -> frozenset[str]:
    """The corpus's most frequent words (kept verbatim in every synthetic event)."""
    counts: Counter[str] = Counter()
    for b in briefs:
        counts.update(w.lower() for w in _WORD.findall(" ".join(b.article.paragraphs)))
    return frozenset(w for w, _ in counts.most_common(COMMON_WORDS))


class _Renamer:
    """Consistent made-up replacements for rare words, one table per event."""

    def __init__(self, rng: random.Random, keep: frozenset[str]) -> None:
        self.rng = rng
        self.keep = keep
        self.table: dict[str, str] = {}

    def word(self, w: str) -> str:
        low = w.lower()
        if low in self.keep:
            return w
        if low not in self.table:
            n = self.rng.randint(2, 4)
            self.table[low] = "".join(self.rng.choice(_SYLLABLES) for _ in range(n))
        new = self.table[low]
        return new.capitalize() if w[:1].isupper() else new

    def text(self, s: str) -> str:
        return _WORD.sub(lambda m: self.word(m.group(0)), s)

    def opt(self, s: str | None) -> str | None:
        return None if s is None else self.text(s)


def _renamed(brief: Brief, r: _Renamer) -> Brief:
    from brief.models import Article

    a = brief.article
    article = Article(
        paragraphs=tuple(r.text(p) for p in a.paragraphs),
        title=r.opt(a.title),
        site=a.site,
        language=a.language,
        published=a.published,
    )

    def q(x: Quote) -> Quote:
        return Quote(
            r.text(x.text),
            r.opt(x.speaker),
            x.speaker_kind,
            r.opt(x.role),
            x.verb,
            x.paragraph,
            x.start,
            x.end,
        )

    return Brief(
        article=article,
        summary=tuple(r.text(s) for s in brief.summary),
        quotes=tuple(q(x) for x in brief.quotes),
        statements=tuple(q(x) for x in brief.statements),
        actors=tuple(
            Actor(r.text(x.name), x.kind, r.opt(x.role), x.mentions, x.quotes) for x in brief.actors
        ),
    )


def _outlet_copy(brief: Brief, copy: int, rng: random.Random, feed_name: str) -> Brief:
    """One outlet's version of an event: the first copy as is, others permuted."""
    from brief.models import Article

    if copy == 0:
        return brief
    summary = list(brief.summary)
    if len(summary) > 2:
        summary.pop(rng.randrange(1, len(summary)))
    if len(summary) > 2 and rng.random() < 0.5:
        i, j = rng.sample(range(1, len(summary)), 2)
        summary[i], summary[j] = summary[j], summary[i]
    title_words = (brief.article.title or "").split()
    cut = max(4, len(title_words) - rng.randint(0, 3))
    title = " ".join(title_words[:cut]) + f" | {feed_name}"
    quotes = [x for x in brief.quotes if rng.random() > 0.3]
    a = brief.article
    # Outlets trim and sign a wire story differently: the store keeps each copy as an article.
    paragraphs = list(a.paragraphs)
    if len(paragraphs) > 3:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
    paragraphs.append(f"Reporting by the {feed_name} desk (version {copy}).")
    article = Article(tuple(paragraphs), title, feed_name, None, a.published, a.language)
    return Brief(article, tuple(summary), tuple(quotes), brief.statements, brief.actors)


def day(bases: list[Brief], n: int, feeds: int, seed: int = 1) -> Iterator[SynthArticle]:
    """N articles from ``feeds`` feeds, grouped in events as described in the module doc."""
    rng = random.Random(seed)
    keep = common_words(bases)
    made = 0
    event = 0
    while made < n:
        base = bases[event % len(bases)]
        if event >= len(bases):
            base = _renamed(base, _Renamer(random.Random(seed * 1_000_003 + event), keep))
        copies = min(rng.choices(COPIES, COPY_WEIGHTS)[0], n - made)
        for copy, feed in enumerate(rng.sample(range(feeds), copies)):
            brief = _outlet_copy(base, copy, rng, f"Feed {feed:02d}")
            yield SynthArticle(feed=feed, event=event, brief=brief)
            made += 1
        event += 1
