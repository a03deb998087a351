"""Page debris: the lines and sentences of a page that are not the article (credits, share
prompts, "Related" headings), one set of rules for extraction and the summarizer."""

from __future__ import annotations

import re

from brief.text.counting import count_words

# Page debris: the lines and sentences of a page that are not the article.
#
# The one set of rules, read by the two stages that meet debris. Extraction drops a whole line
# (or paragraph) that is debris and cuts the page at a line heading other stories; these rules
# only ever match short whole lines, so an article sentence that mentions a photo or sharing
# stays in the text. The summarizer never picks a sentence that starts like debris, since a
# flattened page glues a label to the words after it, and stops at the same "Related" heading.
# The sentence rules stay the summarizer's to apply: taking such sentences out of the text
# itself would move the offsets of every quotation after them.

_AGENCY = (
    r"(?:getty(?: images)?|afp|reuters|ap(?: photo)?|the associated press|associated press|"
    r"epa(?:-efe)?|efe|shutterstock|alamy|imago|depositphotos|pa(?: media| wire| images)?|"
    r"dpa|xinhua|anadolu(?: agency)?|bloomberg|istock(?:photo)?|nurphoto|sopa images|"
    r"zuma(?: press| wire)?|wireimage|filmmagic|corbis|picture alliance|rex features|"
    r"afp via getty images|pool|handout|file photo)"
)
_CREDIT_LINE = re.compile(
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
_CREDIT_BY_LINE = re.compile(
    r"^(?:photo(?:graph)?s?|images?|pictures?|illustrations?|video)\s+by\b", re.IGNORECASE
)
# "(Getty Images)", "Evan Vucci/AP", "AFP via Getty Images", "[Reuters]": a whole line that is
# an agency name, alone or after a photographer's name.
_AGENCY_LINE = re.compile(
    rf"^[(\[]?(?:[^()\[\]]{{0,60}}(?:/|\bvia\s|\|\s*|[-–—]\s|:\s*))?\s*{_AGENCY}[)\]]?$",
    re.IGNORECASE,
)
_PROMPT_LINE = re.compile(
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
      | click\ here\b.*
      | subscribe\ to\ .{1,40}\ on\ (?:youtube|twitter|facebook|instagram|tiktok)\b.*
      | (?:see|view)\ (?:more|all)(?:\ (?:the|our))?\ (?:photos|pictures|images|videos)
      | (?:like|enjoy(?:ed)?|love)\ this\ (?:story|article|post|page)\??
            (?:\ (?:share|send|pass)\ it\b.*)?
    )[\s:.!…]*$""",
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
# A line that announces the page's other stories: everything after it is teasers.
_TRAILER_LINE = re.compile(
    r"""^(?:
        related(?:\ (?:content|articles?|stories|news|posts|coverage|topics|links|reading))?
      | more
      | read\ (?:more|also|next)|also\ read|see\ also|further\ reading|what\ to\ read\ next
      | more\ (?:on|about)\ this(?:\ (?:story|topic|subject))?
      | you\ (?:may|might)\ also\ (?:like|be\ interested\ in|enjoy)
      | recommended(?:\ (?:for\ you|stories|articles|reading))?
      | more\ (?:from\b.{1,40}|stories|news)
      | most\ (?:read|popular|viewed)|trending(?:\ now)?|top\ stories|latest\ news
      | editor'?s\ picks?
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A link to another story, on a line of its own: "Read more: Ferry prices rise again",
# "Also on rt.com Russia says…", "Also on BBC News: …". "Also on Monday, the council met." is
# prose: "Also on" needs a site after it.
_LINK_LINE = re.compile(
    r"""^(?:
        (?:read\ (?:more|also|next)|also\ read|see\ also|related|more)\s*[:：|»›-]
      | also\ on\ (?:[\w-]+\.[a-z]{2,}(?:\.[a-z]{2})?\b
            |(?:the\ )?(?:bbc|sky|cnn|fox|rt|abc|cbs|nbc|npr|pbs|guardian|euronews|france\ ?24
            |al\ jazeera|dw|reuters|bloomberg)(?:\ news)?\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption that ends with its credit: "Protesters in Bamako. Photograph: Jane Doe/AFP",
# "A soldier at the border (Photo: AP)", "Crowds on Friday. Reuters/Jane Doe".
_CAPTION_CREDIT = re.compile(
    rf"""(?:
        (?:photograph|photo|picture|image|credit|illustration|video)s?\s*(?:[:：]|by\b)\s*[^.!?]{{1,90}}
      | /\s*{_AGENCY}|{_AGENCY}\s*/\s*[^.!?/]{{1,40}}
    )[)\]]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_LINK_WORDS = 25
_MAX_CAPTION_WORDS = 45
_MAX_CREDIT_WORDS = 20
_MAX_PROMPT_WORDS = 15
_MAX_AGENCY_WORDS = 8
_MAX_TRAILER_WORDS = 8

# The start of a sentence that is furniture, not prose: labels ("Photo:", "Credit:"),
# timestamps, calls to action, copyright, reporting credits. A label needs its colon:
# "Video footage showed…" is prose.
_DEBRIS_SENTENCE = re.compile(
    r"^(?:(?:credits?|photos?|photographs?|images?|pictures?|video|source|watch|listen|related|"
    r"see also|advertisement|published|updated|last updated|posted)\s*[:|]"
    r"|(?:published|updated|last updated|posted)(?: on| at)?\s+\d"
    r"|copyright\b|©|share (?:this|it|on|via)\b|follow (?:us|@)|subscribe\b|sign up\b"
    r"|click here\b|read more\b|read also\b|also read\b|also on [\w-]+\.[a-z]{2,}"
    r"|(?:like|enjoy(?:ed)?) this (?:story|article)\b"
    r"|(?:additional )?(?:reporting|writing|editing) by\b)",
    re.I,
)
# "By John Smith." / "By . Daily Mail Reporter ." - a byline is a handful of capitalized words.
_BYLINE_SENTENCE = re.compile(
    r"^By\s+(?:[.|]\s*)*[A-Z][\w'’-]*(?:[\s,.|]+(?:and\s+)?[A-Z][\w'’-]*){0,5}\W*$"
)
# Page furniture glued in front of a sentence by flattened extraction.
_DEBRIS_PREFIX = re.compile(
    r"^(?:scroll down for (?:video|more)|advertisement|read more|click here)\b[:.]?\s*", re.I
)


def is_debris_line(line: str) -> bool:
    """Whether a line is an image credit or a caption ending in one, a share/follow/newsletter
    prompt, a link to another story ("Read more: …", "Also on …"), an ad or a date."""
    line = line.strip()
    count = count_words(line)
    if not line:
        return False
    if count <= _MAX_CREDIT_WORDS and _CREDIT_LINE.match(line):
        return True
    if count <= _MAX_AGENCY_WORDS and (_AGENCY_LINE.match(line) or _CREDIT_BY_LINE.match(line)):
        return True
    if count <= _MAX_AGENCY_WORDS and _DATE_LINE.match(line):
        return True
    if count <= _MAX_LINK_WORDS and _LINK_LINE.match(line):
        return True
    if count <= _MAX_CAPTION_WORDS and _CAPTION_CREDIT.search(line):
        return True
    return count <= _MAX_PROMPT_WORDS and bool(_PROMPT_LINE.match(line))


def is_trailer_line(line: str) -> bool:
    """Whether a line (or paragraph) heads other stories: "Related content", "Read more"."""
    line = line.strip()
    return count_words(line) <= _MAX_TRAILER_WORDS and bool(_TRAILER_LINE.match(line))


def is_debris_sentence(sentence: str) -> bool:
    """Whether a sentence is a label, a timestamp, a call to action, a credit or a byline."""
    return bool(_DEBRIS_SENTENCE.match(sentence) or _BYLINE_SENTENCE.match(sentence))


def strip_debris_prefix(sentence: str) -> str:
    """The sentence without furniture glued in front of it ("Read more: ", "Advertisement")."""
    return _DEBRIS_PREFIX.sub("", sentence, count=1)
