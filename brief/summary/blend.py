"""brief's default ranking: position blended with centrality, the blend chosen per article.

A short summary of hard news is its lede; a long one, or one of a feature, must cover the
article, and the lead bias that wins at three sentences on one kind of news loses on another.
So there are two blends, "lead" and "spread", each a function of the number of sentences
asked for: blend.json beside this module holds each one's weights at a few lengths ("knots";
a length between two knots takes the weights between them, linearly; past the last knot,
the last), and a per-article model (brief.summary.style) says which of the two fits the
article, from its own shape. Both are learned by bench/train_summary.py on the tuning halves
of the BBC and CNN/DailyMail corpora only. A candidate's score is

    textrank^TEXTRANK x similarity^SIMILARITY x words^LENGTH x min(1, MAX_WORDS / words)
        x (1 + NAMES x names) / (position + 1)^POSITION

and the summary takes the best candidates in order of score, skipping any whose tf-idf cosine
to one already chosen is above REDUNDANCY.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from functools import cache
from importlib import resources
from itertools import pairwise

from brief.summary.centrality import Features, cosine
from brief.summary.style import StyleModel, style_features

WEIGHTS_FILE = "blend.json"


@dataclass(frozen=True, slots=True)
class Weights:
    """The blend at one summary length (see the module docstring)."""

    position: float = 1.0
    textrank: float = 0.0
    similarity: float = 0.25
    length: float = 0.0
    max_words: float = 20.0
    names: float = 3.0
    redundancy: float = 0.3

    def to_json(self) -> dict[str, float]:
        """The weights as a JSON object."""
        return asdict(self)


Table = tuple[tuple[int, Weights], ...]
STYLES = ("lead", "spread")


def _table(raw: Sequence[Mapping[str, float]]) -> Table:
    names = {f.name for f in fields(Weights)}
    pairs = [
        (int(k["sentences"]), Weights(**{n: float(v) for n, v in k.items() if n in names}))
        for k in raw
    ]
    return tuple(sorted(pairs, key=lambda p: p[0]))


@cache
def shipped() -> tuple[dict[str, Table], StyleModel]:
    """The learned blends (style -> (length, weights) pairs, shortest first) and style model."""
    raw = json.loads(
        resources.files("brief.summary").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    )
    tables = {style: _table(raw["styles"][style]) for style in STYLES}
    return tables, StyleModel.from_json(raw["style_model"])


def blend_for(
    feats: Features,
    count: int,
    tables: Mapping[str, Sequence[tuple[int, Weights]]] | None = None,
    model: StyleModel | None = None,
) -> Weights:
    """The weights for a summary of ``count`` sentences of this article: the lead blend when
    the style model gives it better odds than the spread one, else the spread blend."""
    if tables is None or model is None:
        tables, model = shipped()
    p = model.lead_probability(style_features(feats, count))
    return weights_for(count, tables["lead" if p > 0.5 else "spread"])


def weights_for(count: int, table: Sequence[tuple[int, Weights]]) -> Weights:
    """The weights of one blend for a summary of ``count`` sentences, between its knots."""
    if count <= table[0][0]:
        return table[0][1]
    for (lo, a), (hi, b) in pairwise(table):
        if count <= hi:
            t = (count - lo) / (hi - lo)
            return Weights(
                **{
                    f.name: (1 - t) * getattr(a, f.name) + t * getattr(b, f.name)
                    for f in fields(Weights)
                }
            )
    return table[-1][1]


def scores(feats: Features, w: Weights) -> list[float]:
    """Each candidate's score under the weights."""
    out = []
    for k, words in enumerate(feats.words):
        words = max(1, words)
        out.append(
            max(feats.textrank[k], 1e-9) ** w.textrank
            * max(feats.similarity[k], 1e-9) ** w.similarity
            * words**w.length
            * min(1.0, w.max_words / words)
            * (1 + w.names * feats.names[k])
            / (k + 1) ** w.position
        )
    return out


def choose(feats: Features, count: int, w: Weights) -> list[int]:
    """Indices of the ``count`` best candidates, best first, no two repeating each other."""
    score = scores(feats, w)
    ranked = sorted(range(len(score)), key=lambda k: -score[k])
    chosen: list[int] = []
    for k in ranked:
        if all(cosine(feats.vectors[k], feats.vectors[j]) <= w.redundancy for j in chosen):
            chosen.append(k)
            if len(chosen) == count:
                return chosen
    # Too few distinct sentences: the user asked for ``count``, so repeats fill the gap.
    return chosen + [k for k in ranked if k not in chosen][: count - len(chosen)]
