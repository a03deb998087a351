"""brief.summary.rank: every algorithm on real articles, candidate filtering, offline operation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.choices import ALGORITHMS
from brief.models import Article
from brief.summary.rank import candidates, summarize
from brief.text import is_debris_sentence, split_sentences, strip_debris_prefix

ROWS = [
    json.loads(line)
    for line in (FIXTURES / "summaries" / "cnndm.jsonl").read_text(encoding="utf-8").splitlines()
]


def _article(row: dict[str, str]) -> Article:
    return Article(paragraphs=(row["article"],), url=row["url"])


def _seed() -> Article:
    text = (resources.files("brief") / "samples" / "seed.txt").read_text(encoding="utf-8")
    return Article(paragraphs=tuple(p.strip() for p in text.split("\n\n") if p.strip()))


def _positions(article: Article, summary: tuple[str, ...]) -> list[int]:
    """Where each summary sentence starts in the article text (it must be in it)."""
    positions = []
    for sentence in summary:
        at = article.text.find(sentence)
        assert at >= 0, f"not a sentence of the article: {sentence!r}"
        positions.append(at)
    return positions


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("row", ROWS, ids=[r["hash"][:8] for r in ROWS])
def test_each_algorithm_picks_article_sentences_in_order(
    algorithm: str, row: dict[str, str]
) -> None:
    article = _article(row)
    summary = summarize(article, sentences=3, algorithm=algorithm)
    assert len(summary) == 3
    assert len(set(summary)) == 3
    positions = _positions(article, summary)
    assert positions == sorted(positions)
    # Each picked sentence is one whole sentence of the splitter (a wire prefix aside).
    sentences = split_sentences(article.text)
    assert all(any(s.endswith(pick) for s in sentences) for pick in summary)


@pytest.mark.parametrize("count", [1, 2, 5, 8])
def test_sentence_count_is_respected(count: int) -> None:
    for algorithm in ALGORITHMS:
        assert len(summarize(_seed(), sentences=count, algorithm=algorithm)) == count


def test_a_short_article_gives_all_its_sentences() -> None:
    article = Article(paragraphs=("Only this sentence is here today.", "And one more of them."))
    for algorithm in ALGORITHMS:
        assert summarize(article, 5, algorithm) == (
            "Only this sentence is here today.",
            "And one more of them.",
        )
    assert summarize(Article(paragraphs=()), 3) == ()


def test_an_article_of_headlines_falls_back_to_them() -> None:
    headlines = ("Markets Rally As Rates Hold", "Storm Hits Coast", "Share this page:")
    assert summarize(Article(paragraphs=headlines), 5) == headlines[:2]


def test_lead_takes_the_first_prose_sentences() -> None:
    article = _article(ROWS[1])
    assert summarize(article, 2, "lead") == (
        "Kayahan, one of Turkey's best-loved singers and songwriters, died of cancer Friday "
        "at the age of 66.",
        "He had performed most recently in Istanbul on Valentine's Day.",
    )


def test_bad_arguments_raise_value_error() -> None:
    with pytest.raises(ValueError, match="unknown summary algorithm"):
        summarize(_seed(), 3, "bart")
    with pytest.raises(ValueError, match="at least one sentence"):
        summarize(_seed(), 0)


def test_furniture_is_never_a_candidate() -> None:
    article = Article(
        paragraphs=(
            "Credit: IMAGO/Depositphotos",
            "By John Smith and Jane Doe.",
            "PUBLISHED: 12:01 EST, 3 March 2013 | UPDATED: 12:02 EST, 3 March 2013.",
            "LONDON, ENGLAND — OFFICIALS CONFIRM THE NEWS TODAY.",
            "Drone crisis deepens between the neighbours",
            "Drone Crisis Deepens Between The Two Neighbours.",
            "By . Daily Mail Reporter . PUBLISHED: . 12:01 EST, 3 March 2013 . | . UPDATED: . "
            "12:02 EST, 3 March 2013 .",
            "Last updated at 10:32 AM on 5th March 2013.",
            "(CNN) -- The drone crashed near the border on Monday, officials said. Both "
            "sides traded accusations over the wreckage for days.",
            "Share this page:",
            "Photo: A soldier looks at the wreckage of the drone near the border.",
            "Video footage showed the drone falling from the sky over the desert.",
            "Related content",
            "Another story entirely describes something that happened elsewhere.",
        )
    )
    texts = [c.text for c in candidates(article)]
    assert texts == [
        "The drone crashed near the border on Monday, officials said.",
        "Both sides traded accusations over the wreckage for days.",
        "Video footage showed the drone falling from the sky over the desert.",
    ]
    for algorithm in ALGORITHMS:
        assert summarize(article, 10, algorithm) == tuple(texts)


DEBRIS_SENTENCES = {
    "credit label": "Credit: the city council and the harbour authority, 2019.",
    "photo label": "Photo: A soldier looks at the wreckage of the drone near the border.",
    "image label": "Images | The bridge seen from the river on a winter morning.",
    "video label": "Video: the mayor speaks to reporters outside the town hall.",
    "source label": "Source: the city's own estimate of what the repairs will cost.",
    "watch label": "Watch: engineers explain where the piers have cracked.",
    "related label": "Related: the council's vote on the ferry timetable last year.",
    "published": "Published 3 March 2013, and updated later that same evening.",
    "updated label": "Last updated: 10:32 AM on 5th March 2013, after the vote.",
    "copyright": "Copyright The City Times, all of its rights reserved this year.",
    "copyright sign": "© The City Times, all of its rights reserved this year.",
    "share": "Share this story with your friends and your family today.",
    "follow": "Follow us on Twitter for more news from the harbour every day.",
    "subscribe": "Subscribe now to read the full story and much more besides.",
    "sign up": "Sign up to get the news from the council in your inbox.",
    "reporting by": "Additional reporting by Jane Doe in London and John Roe in Paris.",
    "byline": "By John Smith and Jane Doe.",
}


@pytest.mark.parametrize("sentence", DEBRIS_SENTENCES.values(), ids=DEBRIS_SENTENCES.keys())
def test_each_kind_of_debris_sentence_is_never_a_candidate(sentence: str) -> None:
    prose = "The council voted on Tuesday to close the old harbour bridge to cars."
    assert is_debris_sentence(sentence)
    article = Article(paragraphs=(prose, f"{sentence} {prose.replace('Tuesday', 'Monday')}"))
    texts = [c.text for c in candidates(article)]
    assert texts == [prose, prose.replace("Tuesday", "Monday")]


@pytest.mark.parametrize(
    "prefix", ["Scroll down for video ", "Advertisement ", "Read more: ", "Click here. "]
)
def test_furniture_glued_in_front_of_a_sentence_is_trimmed(prefix: str) -> None:
    prose = "The council voted on Tuesday to close the old harbour bridge to cars."
    assert strip_debris_prefix(prefix + prose) == prose
    assert [c.text for c in candidates(Article(paragraphs=(prefix + prose,)))] == [prose]


def test_the_sample_never_yields_headings_credits_or_teasers() -> None:
    summary = summarize(_seed(), sentences=50)
    joined = "\n".join(summary)
    assert len(summary) > 20
    for debris in ("Credit:", "Share this page", "Related content", "How a drone interception"):
        assert debris not in joined
    assert "Tripoli" not in joined  # a teaser of another story after "Related content"
    assert all(s[-1] in ".!?”’\"')" for s in summary)


def test_a_summary_never_holds_half_a_quotation() -> None:
    article = Article(
        paragraphs=(
            "The minister spoke after the vote on Tuesday in the capital city.",
            '"We lost the vote. We will not lose the country. The people know it," he told '
            "reporters outside the parliament building.",
            "“It was a dark day. Nobody expected this. Tomorrow we start again,” said the "
            "opposition leader, who had campaigned for months.",
            "Analysts said the result would reshape the coalition talks in the coming weeks.",
        )
    )
    for algorithm in ALGORITHMS:
        for sentence in summarize(article, 3, algorithm):
            assert sentence.count('"') % 2 == 0
            assert sentence.count("“") == sentence.count("”")
    for row in ROWS:
        for sentence in summarize(_article(row), 5):
            assert sentence.count('"') % 2 == 0, sentence


@pytest.mark.parametrize("language", ["klingon", "greek", "polish", "german", "chinese"])
def test_any_language_works(language: str) -> None:
    for algorithm in ALGORITHMS:
        assert len(summarize(_seed(), 3, algorithm, language=language)) == 3


def test_chinese_text_is_summarized() -> None:
    text = "今天北京下雨了，很多人带着雨伞上班。" * 1 + "政府宣布了新的交通政策，从下周开始实施。"
    text += "专家认为这项政策会减少城市的交通拥堵。市民对此表示欢迎，但也有人担心执行问题。"
    summary = summarize(Article(paragraphs=(text,)), 2, language="chinese")
    assert len(summary) == 2
    assert all(s in text and s.endswith("。") for s in summary)


def test_a_long_article_is_summarized_by_every_algorithm() -> None:
    sentences = [s for row in ROWS for s in split_sentences(row["article"])]
    long = [f"{sentences[i % len(sentences)]}" for i in range(2000)]
    article = Article(paragraphs=tuple(" ".join(long[i : i + 10]) for i in range(0, 2000, 10)))
    for algorithm in ALGORITHMS:
        summary = summarize(article, 5, algorithm)
        assert len(summary) == 5
        assert all(s in article.text for s in summary)


_PROSE = st.lists(
    st.text(alphabet=st.sampled_from(list("ab cD. ,“”\"'!?\nxyz")), min_size=0, max_size=120),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(_PROSE, st.integers(min_value=1, max_value=6))
def test_summarize_takes_any_text(paragraphs: list[str], count: int) -> None:
    article = Article(paragraphs=tuple(paragraphs))
    for algorithm in ("default", "lead", "lexrank"):
        summary = summarize(article, count, algorithm)
        assert len(summary) <= count
        assert all(s and s in article.text for s in summary)


def test_runs_without_any_nltk_data(tmp_path: Path) -> None:
    """sumy's own tokenizer needs NLTK's punkt; brief must not: prove it with no data at all."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    script = f"""
import nltk
nltk.data.path[:] = [{str(empty)!r}]
try:
    nltk.data.find("tokenizers/punkt_tab/english/")
except LookupError:
    pass
else:
    raise SystemExit("punkt is reachable: the test would prove nothing")
from importlib import resources
from brief.choices import ALGORITHMS
from brief.models import Article
from brief.summary.rank import summarize
text = (resources.files("brief") / "samples" / "seed.txt").read_text(encoding="utf-8")
article = Article(paragraphs=tuple(p for p in text.split("\\n\\n") if p.strip()))
for algorithm in ALGORITHMS:
    assert len(summarize(article, 3, algorithm)) == 3, algorithm
print("ok")
"""
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_default_summary_needs_neither_nltk_nor_sumys_stemmers() -> None:
    """Stemming is Snowball's (snowballstemmer), not NLTK's port: the default loads no NLTK."""
    script = """
import sys
from importlib import resources
from brief.models import Article
from brief.summary.rank import summarize
from brief.summary.stemming import stemmer
text = (resources.files("brief") / "samples" / "seed.txt").read_text(encoding="utf-8")
assert len(summarize(Article(paragraphs=tuple(text.split("\\n\\n"))), 5)) == 5
assert stemmer("english")("Running") == "run" and stemmer("german")("Häuser") == "haus"
print(sorted(m for m in sys.modules if m == "nltk" or m.startswith("nltk.")))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("algorithm", ["sumbasic", "kl", "edmundson", "lexrank"])
def test_every_sumy_algorithm_picks_whole_sentences(algorithm: str) -> None:
    from brief.summary.sumy_algorithms import sumy_pick

    texts = [c.text for c in candidates(_seed())]
    picks = sumy_pick(texts, 4, algorithm, "english", title="Drone crisis between Mali and Algeria")
    assert len(picks) == 4
    assert picks == sorted(set(picks))
    assert all(0 <= i < len(texts) for i in picks)


@pytest.mark.parametrize(
    ("sentence", "too_short"),
    [
        ("我们明天出发了。", "我们走了。"),  # a character of an unspaced script is a word
        ("Officials said it was over.", "It was over."),
    ],
)
def test_a_candidate_has_enough_words_as_brief_text_counts_them(
    sentence: str, too_short: str
) -> None:
    from brief.summary.candidates import MIN_WORDS, is_prose
    from brief.text import count_words

    assert count_words(sentence) >= MIN_WORDS > count_words(too_short)
    assert is_prose(sentence) and not is_prose(too_short)


@pytest.mark.parametrize(
    "algorithm", ["lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson"]
)
@pytest.mark.parametrize("count", [1, 3, 5])
def test_a_sumy_pick_has_as_many_sentences_as_asked_when_the_text_repeats_one(
    algorithm: str, count: int
) -> None:
    # sumy keys its ratings by sentence text: a repeated sentence (a caption shown twice, the
    # headline opening the body) is rated once but fills two places of its pick.
    from brief.summary.sumy_algorithms import sumy_pick

    texts = [c.text for c in candidates(_seed())]
    title = "Drone crisis between Mali and Algeria"
    texts = [title + ".", *texts[:3], title + ".", *texts[3:], texts[0]]
    picks = sumy_pick(texts, count, algorithm, "english", title=title)
    assert len(picks) == count
    assert picks == sorted(set(picks))
    assert len({texts[i] for i in picks}) == count
