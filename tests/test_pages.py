"""brief on real news pages: title, date, quotes, speakers and actors against hand annotation.

The expectations (tests/fixtures/pages/*.json, format in that folder's README) were checked by
reading each article. Speakers must all be right except the page's listed ``known_misses``, and
each page has a recall floor, so the test fails when attribution quality drops.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache

import pytest
from page_expectations import (
    MIN_QUOTE_WORDS,
    PAGES,
    PageCase,
    Predicted,
    actor_problems,
    load_pages,
    match_quotes,
    normalize_text,
    word_count,
)

from brief.extract import extract_html
from brief.models import SPEAKER_KINDS, Article
from brief.speech.pipeline import Speech, analyze_speech

CASES = {case.name: case for case in load_pages()}
NAMES = sorted(CASES)


@dataclass(frozen=True, slots=True)
class Result:
    """What brief made of one page."""

    article: Article
    speech: Speech


@cache
def result(name: str) -> Result:
    """Extract and analyze a page once for all the tests that look at it."""
    case = CASES[name]
    article = extract_html(case.html(), url=case.url)
    return Result(article=article, speech=analyze_speech(article))


def predicted(name: str) -> list[Predicted]:
    """brief's direct quotes on a page, in the scoring's terms."""
    return [
        Predicted(text=q.text, speaker=q.speaker, speaker_kind=q.speaker_kind, role=q.role)
        for q in result(name).speech.quotes
    ]


def _field_miss(case: PageCase, field: str) -> None:
    reason = case.known_field_misses().get(field)
    if reason:
        pytest.xfail(f"known miss: {reason}")


# The fixtures themselves: a typo in an annotation must not silently weaken the test.


def test_there_are_twelve_annotated_pages() -> None:
    assert len(CASES) == 12
    assert sorted(p.name.removesuffix(".html.gz") for p in PAGES.glob("*.html.gz")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_annotation_is_well_formed(name: str) -> None:
    case = CASES[name]
    starts = [q.text_start for q in case.quotes]
    assert case.quotes, "a fixture page is chosen for its quotes"
    assert not case.quotes[0].continuation
    assert len(set(starts)) == len(starts)
    for quote in case.quotes:
        assert quote.speaker_kind in SPEAKER_KINDS, quote
        assert quote.speaker.strip(), quote
        assert word_count(quote.text_start) >= MIN_QUOTE_WORDS, quote.text_start
    for miss in case.known_misses:
        assert str(miss.get("reason", "")).strip(), miss
        assert isinstance(miss.get("fixable", False), bool), miss
        if "text_start" in miss:
            assert miss["text_start"] in starts, miss
        if "actor" in miss:
            listed = {a for alts in case.actors_include for a in alts} | set(case.actors_exclude)
            assert miss["actor"] in listed, miss
    assert 0.0 < case.min_recall <= 1.0
    provenance = (PAGES.parent / "PROVENANCE.md").read_text(encoding="utf-8")
    assert f"pages/{name}.html.gz" in provenance


@pytest.mark.parametrize("name", NAMES)
def test_every_expected_quote_is_in_the_extracted_text(name: str) -> None:
    """The annotation is of the text brief extracts: each quote start must be in it."""
    text = normalize_text(result(name).article.text)
    missing = [q.text_start for q in CASES[name].quotes if normalize_text(q.text_start) not in text]
    assert not missing


# brief against the annotation.


@pytest.mark.parametrize("name", NAMES)
def test_title(name: str) -> None:
    case = CASES[name]
    _field_miss(case, "title")
    title = result(name).article.title or ""
    assert normalize_text(title) in {normalize_text(t) for t in case.titles_accepted}, title


@pytest.mark.parametrize("name", NAMES)
def test_published(name: str) -> None:
    case = CASES[name]
    _field_miss(case, "published")
    assert result(name).article.published in case.published_accepted


@pytest.mark.parametrize("name", NAMES)
def test_quote_recall_floor(name: str) -> None:
    case = CASES[name]
    matching = match_quotes(case, predicted(name))
    missed = [q.text_start for i, q in enumerate(case.quotes) if i not in matching.pairs]
    assert matching.recall >= case.min_recall, f"recall {matching.recall:.2f}, missed {missed}"


def _report_known(name: str, case: PageCase, still_wrong: set[str], known: dict[str, str]) -> None:
    """Warn about known misses brief now gets right; xfail while fixable ones remain."""
    fixed = sorted(k for k in known if k not in still_wrong)
    if fixed:
        warnings.warn(f"{name}: known misses now right, drop them: {fixed}", stacklevel=2)
    fixable = sorted(still_wrong & case.fixable())
    if fixable:
        pytest.xfail(f"{len(fixable)} fixable known misses remain: {fixable}")


@pytest.mark.parametrize("name", NAMES)
def test_speakers_of_found_quotes(name: str) -> None:
    case = CASES[name]
    errors = match_quotes(case, predicted(name)).speaker_errors()
    known = case.known_speaker_misses()
    wrong = [
        f"{exp.text_start!r}: expected {exp.speaker!r}, got {got.speaker!r} ({got.speaker_kind})"
        for exp, got in errors
        if exp.text_start not in known
    ]
    assert not wrong
    _report_known(name, case, {exp.text_start for exp, _ in errors}, known)


@pytest.mark.parametrize("name", NAMES)
def test_actors(name: str) -> None:
    case = CASES[name]
    names = [actor.name for actor in result(name).speech.actors]
    missing, unwanted = actor_problems(case, names)
    known = case.known_actor_misses()
    problems = {m.split(" | ")[0] for m in missing} | set(unwanted)
    assert sorted(problems - set(known)) == []
    _report_known(name, case, problems, known)
