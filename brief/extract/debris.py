"""Page debris out of article text: image credits, share prompts, trailing "Related" blocks.

Copied or extracted article text carries lines that are not the article ("Credit: IMAGO/...",
"Share this page:", "Related content" and the teasers after it). They must not reach the
summary, the quotes or the actors. What counts as debris is brief.text's (the summarizer reads
the same rules); this module applies them to a page's lines or paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from brief.text import is_debris_line, is_trailer_line, sanitize


def tidy(text: str) -> str:
    """One line of page text: sanitized, runs of whitespace made one space, stripped."""
    return " ".join(sanitize(text).split())


def drop_debris(blocks: Sequence[str]) -> list[str]:
    """The blocks (lines or paragraphs) without debris, cut before a trailing "Related" block.

    The cut happens only at a marker standing on its own in the second half of the text, so
    a "Read more" button in the middle of an article costs one line, never the rest. Empty
    blocks (blank lines, which separate paragraphs) are kept as they are.
    """
    total = sum(len(b) for b in blocks)
    kept: list[str] = []
    seen = 0
    for block in blocks:
        if not block.strip():
            kept.append(block)
        elif is_trailer_line(block):
            if any(k.strip() for k in kept) and seen * 2 >= total:
                break
            seen += len(block)
        else:
            seen += len(block)
            if not is_debris_line(block):
                kept.append(block)
    return kept
