"""Speaker confidence: the shipped model, the JSON contract, and how every front end shows doubt."""

from __future__ import annotations

import importlib
import io
import json
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
from rich.console import Console
from test_seed import seed_article

from brief.digest.assemble import assemble
from brief.digest.html import to_html
from brief.digest.model import DigestArticle
from brief.digest.render import to_markdown, to_text
from brief.models import CONFIDENT, Article, Brief, Quote
from brief.present import brief_renderable, markdown, plain_text
from brief.present.grouping import UNATTRIBUTED, group_by_speaker, shown_speaker
from brief.speech import analyze_speech
from brief.speech.confidence import Evidence, feature_names, features, model, score

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "brief" / "schema" / "brief.schema.json").read_text("utf-8"))
SURE, UNSURE = 0.99, 0.30


def _evidence(**changes: object) -> Evidence:
    e = Evidence(
        statement=False,
        how="said_after",
        source="name",
        speaker_kind="person",
        name_words=2,
        registered=True,
        mentions=3,
        role=True,
        distance=1,
        other_paragraph=False,
        paragraph=4,
        words=20,
        parts=1,
        people=1,
        says=True,
        verb=True,
        plural=False,
    )
    return replace(e, **changes)  # type: ignore[arg-type]


def test_the_shipped_model_loads_and_scores_between_0_and_1() -> None:
    m = model()
    assert 0 < m.drop < m.threshold < 1
    assert m.threshold == CONFIDENT  # the front ends' constant is the learnt threshold
    for e in (
        _evidence(),
        _evidence(source="pronoun", speaker_kind="organization", people=9, distance=10**6),
        _evidence(source="inherited", how="previous_paragraph_person", other_paragraph=True),
    ):
        assert 0.0 <= score(e) <= 1.0
    # The evidence moves the score: a named person beside the words beats a guess by paragraph.
    weak = _evidence(source="inherited", how="previous_paragraph_person", people=4, verb=False)
    assert score(_evidence()) > score(weak)


def test_the_weights_file_has_exactly_the_runtime_features() -> None:
    data = json.loads((ROOT / "brief" / "speech" / "confidence.json").read_text("utf-8"))
    assert list(data["weights"]) == list(feature_names())
    assert set(features(_evidence())) <= set(feature_names())


def test_the_training_script_uses_the_runtime_features() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        train = importlib.import_module("train_confidence")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert train.feature_names() == feature_names()
    assert train.features is features


def test_the_seed_keeps_its_seven_speakers_each_scored() -> None:
    kept = analyze_speech(seed_article())
    every = analyze_speech(seed_article(), drop_doubtful=False)
    assert [q.speaker for q in kept.quotes] == [q.speaker for q in every.quotes]
    assert len(kept.quotes) == 7
    for q, e in zip(kept.quotes, kept.quote_evidence, strict=True):
        assert q.confidence is not None and 0 <= q.confidence <= 1
        assert e is not None and q.confidence == score(e)
    assert all(s.confidence is not None for s in kept.statements)


def test_a_speaker_under_the_drop_cut_is_left_unattributed() -> None:
    # A quotation standing alone after a paragraph that names one person is guessed to be
    # theirs ("previous_paragraph_person"), the weakest of brief's guesses; far from the last
    # thing that person was quoted saying, beside three other people, it is dropped.
    filler = "The rally went on for two hours in the heat, and the crowd stayed until the end."
    article = Article(
        paragraphs=(
            "“We are going to win this state,” Donald Trump said in Ohio.",
            filler,
            filler,
            filler,
            "Donald Trump then flew to New York on a private jet.",
            "“You work hard. You pay your taxes. So why did he not pay his?” asks the ad, which"
            " shows Hillary Clinton, Tim Kaine and Mike Pence.",
        )
    )
    said, guess = analyze_speech(article, drop_doubtful=False).quotes
    assert guess.speaker == "Donald Trump" and guess.how == "previous_paragraph_person"
    assert guess.confidence is not None and guess.confidence < model().drop
    assert said.confidence is not None and said.confidence >= CONFIDENT
    kept_said, kept = analyze_speech(article).quotes
    assert kept_said == said
    assert (kept.speaker, kept.speaker_kind, kept.how, kept.confidence) == (None,) * 4
    assert kept.text == guess.text


def test_json_writes_confidence_after_how_and_reads_old_json() -> None:
    q = Quote("words said here", "Ulf Laessing", "person", None, "said", 3, 10, 25, "said_after")
    data = replace(q, confidence=0.956).to_json()
    keys = list(data)
    assert keys[keys.index("how") + 1] == "confidence"
    assert data["confidence"] == 0.96
    old = {k: v for k, v in data.items() if k not in ("how", "confidence")}
    assert Quote.from_json(old) == q.__class__(**{**_fields(q), "how": None})
    assert Quote.from_json(data).confidence == 0.96
    brief = Brief(Article(("p",)), (), (replace(q, confidence=0.5),), (), ())
    jsonschema.validate(brief.to_json(), SCHEMA)
    bad = brief.to_json()
    bad["quotes"][0]["confidence"] = 1.5
    try:
        jsonschema.validate(bad, SCHEMA)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("a confidence over 1 passed the schema")


def _fields(q: Quote) -> dict[str, object]:
    return {name: getattr(q, name) for name in Quote.__dataclass_fields__}


# -- front ends ---------------------------------------------------------------------------------


def _q(text: str, speaker: str | None, start: int, confidence: float | None) -> Quote:
    kind = "person" if speaker else None
    how = "said_after" if speaker else None
    return Quote(text, speaker, kind, None, "said", 0, start, start + 20, how, confidence)


def _brief() -> Brief:
    return Brief(
        Article(("A paragraph.",), title="T"),
        ("Summary.",),
        (
            _q("we are sure of this one", "Ulf Laessing", 0, SURE),
            _q("this one is a guess", "Ulf Laessing", 30, UNSURE),
            _q("made before confidence", "Oula", 60, None),
            _q("nobody said this one", None, 90, None),
        ),
        (_q("Abdoulaye Diop blamed Algiers", "Abdoulaye Diop", 120, UNSURE),),
        (),
    )


def test_the_confident_property_and_the_shown_name() -> None:
    sure, unsure, old, nobody = _brief().quotes
    assert sure.confident and old.confident and not unsure.confident
    assert [shown_speaker(q) for q in (sure, unsure, old, nobody)] == [
        "Ulf Laessing",
        "Ulf Laessing?",
        "Oula",
        None,
    ]
    assert replace(sure, confidence=CONFIDENT).confident


def test_grouping_keeps_doubted_words_apart() -> None:
    groups = {g.name: g for g in group_by_speaker(_brief())}
    assert set(groups) == {"Ulf Laessing", "Ulf Laessing?", "Oula", "Abdoulaye Diop?", UNATTRIBUTED}
    assert groups["Ulf Laessing?"].doubted and not groups["Ulf Laessing"].doubted
    assert [q.text for q in groups["Ulf Laessing?"].quotes] == ["this one is a guess"]
    assert not groups["Oula"].doubted and not groups[UNATTRIBUTED].doubted


def _shown(out: str) -> None:
    assert "Ulf Laessing?" in out and "Abdoulaye Diop?" in out
    assert "Oula?" not in out and "Oula" in out  # not scored: asserted as before
    assert "Unattributed?" not in out and "Unattributed" in out


def test_rich_panels_plain_text_and_markdown_show_doubt() -> None:
    buffer = io.StringIO()
    Console(file=buffer, width=100, color_system=None).print(brief_renderable(_brief()))
    _shown(buffer.getvalue())
    _shown(plain_text(_brief()))
    md = markdown(_brief())
    _shown(md)
    assert "### **Ulf Laessing?**" in md


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_digest_keeps_doubt_out_of_key_quotes_and_shows_it_in_who_said_what() -> None:
    article = DigestArticle(1, _brief(), ("Feed",), None)
    digest = assemble([article], [], "2026-12-03", "new")
    [story] = digest.stories
    # A story's key quotes are only those whose speaker is asserted (issue 11): the doubted
    # and the unattributed quotes stay out of them, and show in "Who said what" with the doubt.
    assert {q.speaker for q in story.quotes} == {"Ulf Laessing", "Oula"}
    names = [s.name for s in digest.speakers]
    assert "Ulf Laessing?" in names and "Ulf Laessing" in names and "Abdoulaye Diop?" in names
    md, text = to_markdown(digest), to_text(digest)
    assert "— Ulf Laessing?" not in md and "— unattributed" not in md
    assert "### Ulf Laessing?" in md
    assert "— Ulf Laessing?" not in text and "\nUlf Laessing?\n" in text
    parser = _Text()
    parser.feed(to_html(digest))
    html_text = "".join(parser.parts)
    assert "Ulf Laessing?" in html_text and "Abdoulaye Diop?" in html_text


def test_digest_consensus_prefers_the_outlet_that_is_sure() -> None:
    unsure = Brief(Article(("x",), title="Plague in the north"), (), (_brief().quotes[1],), (), ())
    sure_q = replace(_brief().quotes[1], confidence=SURE)
    sure = Brief(Article(("y",), title="Plague in the north"), (), (sure_q,), (), ())
    digest = assemble(
        [DigestArticle(1, unsure, ("A",), None), DigestArticle(2, sure, ("B",), None)],
        [],
        "d",
        "new",
    )
    # One story, the quote carried twice, attributed as the outlet that is sure of it has it.
    assert [[(q.speaker, q.sources) for q in s.quotes] for s in digest.stories] == [
        [("Ulf Laessing", 2)]
    ]


def test_the_readme_states_the_shipped_cuts_and_the_dev_figures_the_model_file_records() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `confidence` |"))
    shipped = model()
    assert f"At or above {shipped.threshold:.2f}" in row
    assert f"under {shipped.drop:.2f} brief leaves the quote unattributed" in row
    # The prose figures are the training script's own dev measurement, written into the file.
    raw = json.loads(
        (
            Path(__file__).resolve().parent.parent / "brief" / "speech" / "confidence.json"
        ).read_text()
    )
    dev = raw["figures"]["dev"]["above"]
    assert f"{100 * dev['share_above']:.0f} % of" in readme
    assert f"{100 * dev['precision_above']:.1f} % of those are right" in readme
