"""Chinese and Japanese text: words are counted per character in scripts written without
spaces, so a real Chinese article is not "no article text" (exit 8), and it is summarized in
sentences split on 。！？. `brief summarize` runs as a subprocess."""

from __future__ import annotations

import json

from cli_support import run_brief
from conftest import FIXTURES

from brief.text import count_words

ARTICLE = FIXTURES / "extract" / "gmw-astronauts.txt"


def test_chinese_article_is_summarized_in_whole_sentences() -> None:
    done = run_brief("summarize", str(ARTICLE), "-f", "json", "-n", "3")
    assert done.returncode == 0, done.stderr
    brief = json.loads(done.stdout)
    text = ARTICLE.read_text(encoding="utf-8")
    assert brief["word_count"] == count_words(text)
    assert brief["word_count"] > 300  # characters of Han script, not five "words"
    assert len(brief["summary"]) == 3
    for sentence in brief["summary"]:
        assert sentence in text
        assert sentence.endswith(("。", "！", "？", "”"))
    # The summary is sentences, not the article's first paragraph whole.
    assert len(brief["summary"][0]) < len(text.split("\n\n")[0])


def test_words_are_counted_per_character_in_unspaced_scripts() -> None:
    assert count_words("The minister spoke.") == 3
    assert count_words("宇航员在太空中") == 7
    assert count_words("東京で会見した。") == 7  # the full stop is no word
    assert count_words("NASA的宇航员 said") == 6  # "NASA", four Han characters, "said"
    assert count_words("กรุงเทพ") == 7
