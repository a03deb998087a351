"""The default summary's two blends and the per-article style model that chooses between them."""

from __future__ import annotations

import math

import pytest

from brief.models import Article
from brief.summary.blend import STYLES, Weights, blend_for, shipped, weights_for
from brief.summary.centrality import features
from brief.summary.rank import candidates, summarize
from brief.summary.style import FEATURES, StyleModel, style_features

PARAGRAPHS = (
    "The council closed the old harbour bridge on Monday after engineers found deep cracks.",
    "Drivers face months of detours, and shops near the bridge fear for their trade.",
    "The repairs will cost about four million pounds, which the council has not set aside.",
    "A ferry will carry foot passengers across the harbour until the bridge reopens.",
    "Engineers said the cracks had grown quickly during the cold weather this winter.",
    "Local businesses asked the council for help while the road stays closed to traffic.",
)


def _model(bias: float) -> StyleModel:
    k = len(FEATURES)
    return StyleModel((0.0,) * k, (1.0,) * k, (0.0,) * k, bias)


def test_the_shipped_blends_and_model_load() -> None:
    tables, model = shipped()
    assert set(tables) == set(STYLES)
    for table in tables.values():
        counts = [n for n, _ in table]
        assert counts == sorted(counts) and counts[0] == 1
        assert all(isinstance(w, Weights) for _, w in table)
    assert len(model.weights) == len(FEATURES) and all(s > 0 for s in model.scale)
    assert model.to_json() == StyleModel.from_json(model.to_json()).to_json()


def test_the_style_features_read_the_articles_shape() -> None:
    article = Article(paragraphs=PARAGRAPHS)
    cands = candidates(article)
    feats = features(cands, "english")
    x = dict(zip(FEATURES, style_features(feats, 2), strict=True))
    assert x["log_sentences"] == pytest.approx(math.log(6))
    assert x["share_asked"] == pytest.approx(2 / 6)
    assert x["log_asked"] == pytest.approx(math.log(2))
    assert x["words_per_sentence"] == pytest.approx(sum(len(c.words) for c in cands) / 6)


def test_the_style_model_does_not_read_paragraphs() -> None:
    # How the text is cut into paragraphs says where it came from (a page, a corpus row),
    # not what kind of story it is: the same sentences as one block or one a line are
    # the same article to the model, and so get the same blend.
    assert not any("paragraph" in name for name in FEATURES)
    one_a_line = candidates(Article(paragraphs=PARAGRAPHS))
    one_block = candidates(Article(paragraphs=(" ".join(PARAGRAPHS),)))
    assert [c.text for c in one_block] == [c.text for c in one_a_line]
    for count in (1, 2, 4):
        assert style_features(features(one_block, "english"), count) == style_features(
            features(one_a_line, "english"), count
        )
    assert summarize(Article(paragraphs=(" ".join(PARAGRAPHS),)), 3) == summarize(
        Article(paragraphs=PARAGRAPHS), 3
    )


def test_the_model_routes_an_article_to_one_blend() -> None:
    feats = features(candidates(Article(paragraphs=PARAGRAPHS)), "english")
    lead = ((1, Weights(position=2.0)), (5, Weights(position=1.0)))
    spread = ((1, Weights(position=0.0, textrank=2.0)), (5, Weights(position=0.1)))
    tables = {"lead": lead, "spread": spread}
    assert blend_for(feats, 3, tables, _model(5.0)) == weights_for(3, lead)
    assert blend_for(feats, 3, tables, _model(-5.0)) == weights_for(3, spread)
    assert _model(0.0).lead_probability([0.0] * len(FEATURES)) == 0.5


@pytest.mark.parametrize("count", [1, 3, 5])
def test_the_default_summary_is_article_sentences_in_order(count: int) -> None:
    article = Article(paragraphs=PARAGRAPHS, title="Council closes the harbour bridge")
    summary = summarize(article, count)
    assert len(summary) == count
    assert sorted(summary, key=PARAGRAPHS.index) == list(summary)
