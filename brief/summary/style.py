"""Which kind of news an article is: its lede carries the story, or the story is spread out.

A summary of hard news is its lede; a feature, a column or a results round-up needs its
central sentences wherever they stand. brief's default ranking has a blend for each
(brief.summary.blend: "lead" and "spread"), and this model weighs between them per article
from what the article itself shows: its length in sentences, how long its sentences are, how
central its opening sentences are to the rest, and the share of the article asked for.
Nothing reads how the text is cut into paragraphs: that says where the text came from (an
extracted page has many, a corpus row may have one) more than what kind of story it is. A
logistic regression over those (standardized) features gives the probability that the lead
blend makes the better summary; its weights sit in blend.json beside the blends, learned by
bench/train_summary.py on the tuning halves only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from brief.summary.centrality import Features

FEATURES = (
    "log_sentences",  # log of the number of candidate sentences
    "words_per_sentence",  # mean words per candidate
    "lead_centrality",  # mean TextRank (mean 1) of the first three candidates
    "lead_similarity",  # their mean tf-idf similarity to the rest, over the article's mean
    "share_asked",  # sentences asked for over candidates
    "log_asked",  # log of the sentences asked for
)
LEAD_OPENING = 3


@dataclass(frozen=True, slots=True)
class StyleModel:
    """A logistic regression: P(lead blend is better) from standardized FEATURES."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    @classmethod
    def from_json(cls, raw: Mapping[str, object]) -> StyleModel:
        """The model as blend.json holds it (one number per feature name, and a bias)."""

        def row(key: str) -> tuple[float, ...]:
            values = raw[key]
            assert isinstance(values, Mapping)
            return tuple(float(values[name]) for name in FEATURES)

        bias = raw["bias"]
        assert isinstance(bias, int | float)
        return cls(row("mean"), row("scale"), row("weights"), float(bias))

    def to_json(self) -> dict[str, object]:
        """The model as a JSON object."""
        return {
            "mean": dict(zip(FEATURES, self.mean, strict=True)),
            "scale": dict(zip(FEATURES, self.scale, strict=True)),
            "weights": dict(zip(FEATURES, self.weights, strict=True)),
            "bias": self.bias,
        }

    def lead_probability(self, x: Sequence[float]) -> float:
        """The probability that the lead blend makes the better summary of this article."""
        z = self.bias + sum(
            w * (v - m) / s
            for w, v, m, s in zip(self.weights, x, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def style_features(feats: Features, count: int) -> tuple[float, ...]:
    """FEATURES of an article's candidates (``feats``) and the length asked for, in FEATURES
    order."""
    n = max(1, len(feats.words))
    opening = range(min(LEAD_OPENING, n))
    mean_similarity = sum(feats.similarity) / n if feats.similarity else 0.0
    lead_similarity = sum(feats.similarity[k] for k in opening) / len(opening) if feats.words else 0
    return (
        math.log(n),
        sum(feats.words) / n,
        sum(feats.textrank[k] for k in opening) / len(opening) if feats.words else 1.0,
        lead_similarity / mean_similarity if mean_similarity > 0 else 1.0,
        count / n,
        math.log(max(1, count)),
    )
