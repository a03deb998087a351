"""How many words a text has, also in scripts written without spaces between words.

Chinese, Japanese, Thai, Lao, Khmer and Myanmar put no space between words, so counting on
whitespace makes a whole paragraph one word (and a Chinese article "no article text"). Each
character of those scripts counts as a word here: a Chinese word is one or two characters,
so a page's count is of the same order as an English page's of the same length.
"""

from __future__ import annotations

import re

# Han (CJK unified ideographs, extension A, compatibility), Hiragana, Katakana (and their
# phonetic extensions, the half-width forms), Thai, Lao, Myanmar, Khmer.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
)
_WORD_CHAR = re.compile(r"\w")


def count_words(text: str) -> int:
    """Whitespace-separated words, each character of an unspaced script counting as one."""
    if text.isascii():
        return len(text.split())
    count = 0
    for token in text.split():
        unspaced = len(_UNSPACED.findall(token))
        count += unspaced
        if not unspaced or _WORD_CHAR.search(_UNSPACED.sub("", token)):
            count += 1  # the token's own word (or a Latin word glued to CJK: "NASA的")
    return count
