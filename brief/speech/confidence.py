"""How far to trust a speaker: the evidence behind an attribution, scored by a learned model.

The pipeline (brief/speech/pipeline.py) records, for every quotation and statement it gives a
speaker, the cheap facts it had at hand (Evidence): the shape that attributed it, the form of
the source ("Laessing", "he", "one of the protesters", or none when inherited), how far the
source stands from the words, how many people the paragraph names, and so on. ``features``
turns them into named numbers; ``score`` is a logistic regression over those numbers whose
weights bench/train_confidence.py learns on the PolNeAR train split and writes to
confidence.json beside this module. Scoring is a dot product and a sigmoid in pure Python.

Two cuts come with the weights: ``threshold`` (brief.models.CONFIDENT), above which a speaker
is asserted, and ``drop``, below which the pipeline leaves the quotation unattributed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from brief.models import SpeakerKind
from brief.speech.shapes import INHERITANCE, SHAPES
from brief.speech.statements import STATEMENT_SHAPES

WEIGHTS_FILE = "confidence.json"
SourceKind = Literal["name", "pronoun", "phrase", "inherited"]
_HOWS = tuple(name for name, _ in (*SHAPES, *INHERITANCE, *STATEMENT_SHAPES))
_SOURCES: tuple[SourceKind, ...] = ("name", "pronoun", "phrase", "inherited")
_KINDS: tuple[SpeakerKind, ...] = ("person", "organization", "anonymous")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the pipeline knew when it gave a quotation or a statement its speaker."""

    statement: bool  # a reported statement, not a direct quotation
    how: str  # the shape that attributed it (brief.speech.pipeline.SHAPE_NAMES)
    source: SourceKind  # how the text names the speaker; "inherited" when it does not here
    speaker_kind: SpeakerKind
    name_words: int  # words in the speaker's name ("Ulf Laessing": 2)
    registered: bool  # the speaker is an actor of the article, not a bare phrase
    mentions: int  # times the article names the speaker's actor
    role: bool  # the speaker has a role
    distance: int  # tokens between the words and the source (or the last quotation inherited)
    other_paragraph: bool  # the source stands in another paragraph than the words
    paragraph: int  # paragraph of the words (0: the headline or the lede)
    words: int  # words quoted
    parts: int  # pieces of the quotation (several when it runs over paragraphs)
    people: int  # distinct people the paragraph names: more of them, more room for error
    says: bool  # the verb is the plain "said" / "says", not "added", "told", "according to"
    verb: bool  # there is a verb at all
    plural: bool  # the source is a plural noun phrase ("the protesters", "officials")


def feature_names() -> tuple[str, ...]:
    """Every feature name ``features`` may give, in a fixed order (the training's columns)."""
    return (
        *(f"how={h}" for h in _HOWS),
        *(f"source={s}" for s in _SOURCES),
        *(f"kind={k}" for k in _KINDS),
        "statement",
        "full_name",
        "one_word",
        "registered",
        "log_mentions",
        "role",
        "log_distance",
        "other_paragraph",
        "paragraph0",
        "log_words",
        "parts",
        "people",
        "people_many",
        "says",
        "verb",
        "plural",
        "organization_named",
        "organization_phrase",
        "pronoun_people",
        "inherited_other_paragraph",
    )


def features(e: Evidence) -> dict[str, float]:
    """The evidence as named numbers; one-hot names absent from the result are 0."""
    out = {
        f"how={e.how}": 1.0,
        f"source={e.source}": 1.0,
        f"kind={e.speaker_kind}": 1.0,
        "statement": float(e.statement),
        "full_name": float(e.name_words >= 2),
        "one_word": float(e.name_words == 1),
        "registered": float(e.registered),
        "log_mentions": math.log1p(e.mentions),
        "role": float(e.role),
        "log_distance": math.log1p(e.distance),
        "other_paragraph": float(e.other_paragraph),
        "paragraph0": float(e.paragraph == 0),
        "log_words": math.log1p(e.words),
        "parts": float(e.parts > 1),
        # Capped: past four people a paragraph is a crowd either way.
        "people": min(e.people, 4) / 4,
        "people_many": float(e.people >= 2),
        "says": float(e.says),
        "verb": float(e.verb),
        "plural": float(e.plural),
        # A body the text names ("Peabody said") is read less surely than one a phrase
        # describes ("Algeria's foreign ministry said"); a pronoun among several people, or a
        # speaker carried over a paragraph break, is a guess among more candidates.
        "organization_named": float(e.speaker_kind == "organization" and e.source == "name"),
        "organization_phrase": float(e.speaker_kind == "organization" and e.source == "phrase"),
        "pronoun_people": float(e.source == "pronoun") * min(e.people, 4) / 4,
        "inherited_other_paragraph": float(e.source == "inherited" and e.other_paragraph),
    }
    return {k: v for k, v in out.items() if v}


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of the logistic regression and the two cuts learnt with them."""

    weights: dict[str, float]
    bias: float
    threshold: float  # at or above: the speaker is asserted
    drop: float  # below: the speaker is dropped (0: never)

    def score(self, e: Evidence) -> float:
        """Probability, rounded to 2 decimals as the JSON writes it, that the speaker is right."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features(e).items())
        # The sigmoid, written for both signs so that a large |z| cannot overflow exp.
        p = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
        return round(p, 2)


@cache
def model() -> Model:
    """The model shipped beside this module, read once."""
    raw = resources.files("brief.speech").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    return Model(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        drop=float(data["drop"]),
    )


def score(e: Evidence) -> float:
    """Confidence in [0, 1] that the speaker of this evidence is right."""
    return model().score(e)
