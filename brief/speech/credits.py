"""Credit lines: the paragraphs that name the people who wrote or reported an article.

"By Jeffrey Gettleman", "Reporting by Ali Hassan; editing by Jane Roe", "Phil Helsel is a
reporter for NBC News.", "Jane Roe contributed reporting.", "Follow Jane Roe on Twitter": their
names are the article's authors, not its actors, and nothing in them is a statement.
"""

from __future__ import annotations

import re

from brief.speech.lexicon.nouns import JOURNALIST_NOUNS

_MAX_WORDS = 30
# "By Jeffrey Gettleman", "Reporting by Ali Hassan and Jane Roe; editing by Sam Lee".
_NAMES = r"[A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+)[A-Z][\w.'’-]*){0,7}"
_CREDIT = re.compile(
    r"^(?:(?:[Aa]dditional\s+)?[Rr]eporting|[Ww]ritten|[Ww]riting|[Ee]diting|[Cc]ompiled|[Bb]y|BY)"
    rf"(?:\s+by)?\s+{_NAMES}\s*(?:[;|.]|$)"
)
_FOLLOW = re.compile(
    rf"^[Ff]ollow\s+{_NAMES}\s+on\s+(?:Twitter|X|Instagram|Facebook|Bluesky|Threads)\b"
)
# Where a sentence about the author may stand: the article's last paragraphs.
_LAST_PARAGRAPHS = 2
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b")
_IS_A = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:is|was)\s+(?:a|an|the)\s+(?P<rest>.*)$"
)


def credit_line(text: str, from_end: int) -> bool:
    """Whether a paragraph is a credit line (docstring forms), not the article's text;
    ``from_end`` is its place counted from the article's last paragraph (0)."""
    words = text.split()
    if not words or len(words) > _MAX_WORDS:
        return False
    stripped = text.strip()
    if _CREDIT.match(stripped) or _FOLLOW.match(stripped):
        return True
    if _CONTRIBUTED.search(stripped.lower()):
        return True
    found = _IS_A.match(stripped) if from_end < _LAST_PARAGRAPHS else None
    if found is None:
        return False
    rest = found.group("rest").lower().split()[:4]
    return any(w.strip(".,") in JOURNALIST_NOUNS for w in rest)
