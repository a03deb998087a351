"""Page debris out of article text: image credits, share prompts, trailing "Related" blocks.

Copied or extracted article text carries lines that are not the article ("Credit: IMAGO/...",
"Share this page:", "Related content" and the teasers after it). They must not reach the
summary, the quotes or the actors. Each rule looks at one whole line (or paragraph) and only
ever matches short ones, so a sentence of the article that mentions a photo or sharing stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from brief.text import sanitize

_AGENCY = (
    r"(?:getty(?: images)?|afp|reuters|ap(?: photo)?|the associated press|associated press|"
    r"epa(?:-efe)?|efe|shutterstock|alamy|imago|depositphotos|pa(?: media| wire| images)?|"
    r"dpa|xinhua|anadolu(?: agency)?|bloomberg|istock(?:photo)?|nurphoto|sopa images|"
    r"zuma(?: press| wire)?|wireimage|filmmagic|corbis|picture alliance|rex features|"
    r"afp via getty images|pool|handout|file photo)"
)
_CREDIT = re.compile(
    r"""^(?:
        (?:(?:image|photo|picture|video|header|top|main|lead|cover|feature)\s+)?
            (?:credits?|courtesy)\s*(?:[:：]|of\b)
      | (?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|video)\s*[:：]
      | sources?\s*[:：]
      | ©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}|by\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "Photo by Jane Doe/AP": short, or it is a sentence ("Photos by the dozen were posted...").
_CREDIT_BY = re.compile(
    r"^(?:photo(?:graph)?s?|images?|pictures?|illustrations?|video)\s+by\b", re.IGNORECASE
)
# "(Getty Images)", "Evan Vucci/AP", "AFP via Getty Images", "[Reuters]": a whole line that is
# an agency name, alone or after a photographer's name.
_AGENCY_LINE = re.compile(
    rf"^[(\[]?(?:[^()\[\]]{{0,60}}(?:/|\bvia\s|\|\s*|[-–—]\s|:\s*))?\s*{_AGENCY}[)\]]?$",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"""^(?:
        share(?:\ this)?(?:\ (?:page|article|story|post|video|link))?
            (?:\ (?:on|via|with)\ [\w.+-]+(?:\ [\w.+-]+){0,2})?
      | (?:tweet|e-?mail|print|save|copy\ link|link\ copied)(?:\ this(?:\ \w+)?)?
      | follow\ us\b.*
      | follow\ [\w@.&' -]{1,40}\ on\ .*\b(?:twitter|facebook|instagram|youtube|tiktok|linkedin
            |threads|bluesky|mastodon)\b.*
      | (?:\d[\d,.]*\ )?comments?|(?:view|show|read|leave\ a)\ comments?
      | (?:sign\ up|subscribe|register)\b.*\bnewsletters?\b.*
      | get\ (?:our|the)\b.*\bnewsletters?\b.*
      | (?:skip\ )?advertisement|advert|sponsored(?:\ content)?
      | (?:story|article)\ continues\ below(?:\ (?:this\ )?advertisement)?
    )[\s:.!…]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line that announces the page's other stories; everything after it is teasers.
_TRAILER = re.compile(
    r"""^(?:
        related(?:\ (?:content|articles?|stories|news|posts|coverage|topics|links|reading))?
      | more
      | read\ (?:more|also|next)|also\ read|see\ also|further\ reading|what\ to\ read\ next
      | more\ (?:on|about)\ this\ (?:story|topic|subject)
      | you\ (?:may|might)\ also\ (?:like|be\ interested\ in|enjoy)
      | recommended(?:\ (?:for\ you|stories|articles|reading))?
      | more\ (?:from\b.{1,40}|stories|news)
      | most\ (?:read|popular|viewed)|trending(?:\ now)?|top\ stories|latest\ news
      | editor'?s\ picks?
    )[\s:.…]*$""",
    re.IGNORECASE | re.VERBOSE,
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "24 July 2015", "Tuesday, November 19, 2019, 9:02 AM": a byline's date on a line of its own.
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted)(?:\ on)?:?\ )?(?:[a-z]+day,?\ )?"
    rf"(?:\d{{1,2}}\ {_MONTH}|{_MONTH}\ \d{{1,2}},?)\ \d{{4}}"
    r"(?:,?\ (?:at\ )?\d{1,2}[:.]\d{2}(?:\ ?[ap]\.?m\.?)?(?:\ [a-z]{2,5})?)?$",
    re.IGNORECASE | re.VERBOSE,
)

_MAX_CREDIT_WORDS = 20
_MAX_PROMPT_WORDS = 15
_MAX_AGENCY_WORDS = 8


def tidy(text: str) -> str:
    """One line of page text: sanitized, runs of whitespace made one space, stripped."""
    return " ".join(sanitize(text).split())


def is_debris(line: str) -> bool:
    """True for an image credit, a share/follow/newsletter prompt, an ad label or a lone date."""
    line = line.strip()
    words = len(line.split())
    if not line:
        return False
    if words <= _MAX_CREDIT_WORDS and _CREDIT.match(line):
        return True
    if words <= _MAX_AGENCY_WORDS and (_AGENCY_LINE.match(line) or _CREDIT_BY.match(line)):
        return True
    if words <= _MAX_AGENCY_WORDS and _DATE_LINE.match(line):
        return True
    return words <= _MAX_PROMPT_WORDS and bool(_SHARE.match(line))


def is_trailer(line: str) -> bool:
    """True for a line such as "Related content" or "Read more" that heads other stories."""
    line = line.strip()
    return len(line.split()) <= 8 and bool(_TRAILER.match(line))


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
        elif is_trailer(block):
            if any(k.strip() for k in kept) and seen * 2 >= total:
                break
            seen += len(block)
        else:
            seen += len(block)
            if not is_debris(block):
                kept.append(block)
    return kept
