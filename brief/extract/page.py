"""HTML or copied text -> Article: title, site, author, date, language and the text as paragraphs.

A lede printed above the article's container, which trafilatura leaves out, is put back
(brief.extract.lede). Paragraph boundaries are kept as the page has them (quote attribution
depends on them: a paragraph that is only a quotation stays apart from the "X said."
paragraph after it). Page debris (credits, share prompts, a trailing "Related" block) is
dropped here, once, for every source. The publication date comes from the page's metadata
only (brief.extract.meta).
"""

from __future__ import annotations

import re
from typing import Any

from brief.errors import ExtractionError
from brief.extract.debris import drop_debris, tidy
from brief.extract.lede import missing_lede
from brief.extract.meta import page_language, published_date
from brief.models import Article
from brief.net import decode_bytes
from brief.net.urls import url_host
from brief.text import count_words, is_debris_line

# Fewer words than this is a JavaScript shell, a cookie wall or an error page, not an article.
MIN_WORDS = 12

# trafilatura's metadata runs htmldate; its date is not used (see brief.extract.meta), so keep that
# search to the cheap markup pass.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

# Elements of trafilatura's XML that start and end a paragraph; <lb/> (a <br>) also ends one,
# since pages use line breaks between paragraphs and between a quote and its attribution.
_BLOCK_TAGS = frozenset(
    {"p", "head", "quote", "item", "list", "table", "row", "cell", "code", "div", "body"}
)

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:([-*_=])\s*){3,}$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|>+)\s+")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"`([^`]+)`")
_TITLE_MAX_WORDS = 25
_TITLE_END = (".", ",", ";", ":", "。", "，", "；", "：", "、")
_CLOSING_QUOTES = "”\"’'»"


def trafilatura_document(tree: Any, url: str | None) -> Any:
    """trafilatura's own extraction of a parsed page, with the options brief uses.

    Public so that bench/corpus_speed.py measures trafilatura alone exactly as brief calls it.
    """
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
    )


def extract_html(html: str | bytes, *, url: str | None = None, path: str | None = None) -> Article:
    """The article of an HTML page; ExtractionError when the page has no article text."""
    # trafilatura (and lxml) load in ~0.3 s: imported when a page is extracted, not at startup.
    import trafilatura

    where = _where(url, path, "the page")
    text = html if isinstance(html, str) else decode_bytes(html)
    tree = trafilatura.load_html(text) if text.strip() else None
    if tree is None:
        raise ExtractionError(f"no article text found in {where}: not an HTML page")
    published = published_date(tree, url)
    language = page_language(tree)
    doc = trafilatura_document(tree, url)
    if doc is None or isinstance(doc, dict) or doc.body is None:
        raise ExtractionError(f"no article text found in {where}")
    site = tidy(doc.sitename or "") or url_host(url, strip_www=True)
    title = _headline(tree, tidy(doc.title or ""), site)
    paragraphs = drop_debris(_paragraphs(doc.body))
    # The headline often opens the body too; it is the title, not the first paragraph.
    if paragraphs and title and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    lede = missing_lede(tree, paragraphs, tidy)
    # A lede has MIN_WORDS (12) words or more: never a "Related" heading, maybe a caption.
    if lede and not is_debris_line(lede):
        paragraphs.insert(0, lede)
    _require_text(paragraphs, where)
    return Article(
        paragraphs=tuple(paragraphs),
        title=title,
        site=site,
        author=tidy(doc.author or "") or None,
        published=published,
        language=language,
        url=url,
        path=path,
    )


def extract_text(text: str, *, path: str | None = None, url: str | None = None) -> Article:
    """The article of plain text or Markdown copied from a web page (no date: published=None).

    Paragraphs are blank-line separated blocks, lines inside a block joined by a space; text
    without any blank line has one paragraph per line. The title is a first short line without
    closing punctuation.
    """
    where = _where(url, path, "the text")
    plain = [_plain_line(line) for line in text.replace("\r\n", "\n").split("\n")]
    blocks = _blocks(_clean_lines("\n".join(line for line in plain if line is not None)))
    title = None
    if blocks and _looks_like_title(blocks[0]):
        title = blocks.pop(0)[0]
    paragraphs = [tidy(" ".join(block)) for block in blocks]
    paragraphs = [p for p in paragraphs if p]
    _require_text(paragraphs, where)
    return Article(
        paragraphs=tuple(paragraphs),
        title=tidy(title) if title else None,
        site=url_host(url, strip_www=True),
        url=url,
        path=path,
    )


def _clean_lines(text: str) -> list[str]:
    """The text's lines, sanitized, with debris lines and a trailing "Related" block removed.

    Blank lines stay (as "") because they mark the paragraphs.
    """
    return drop_debris([tidy(line) for line in text.replace("\r\n", "\n").split("\n")])


def _paragraphs(body: Any) -> list[str]:
    """Paragraph texts of trafilatura's XML body, in order."""
    found: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = tidy("".join(buffer))
        buffer.clear()
        if text:
            found.append(text)

    def walk(elem: Any) -> None:
        block = elem.tag in _BLOCK_TAGS
        if block or elem.tag == "lb":
            flush()
        if elem.text and elem.tag != "lb":
            buffer.append(elem.text)
        for child in elem:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            flush()

    walk(body)
    flush()
    return found


def _headline(tree: Any, meta_title: str, site: str | None) -> str | None:
    """The page's <h1> when it is the headline, else the metadata title without " | Site".

    Metadata titles carry the site's name or an SEO variant; the h1 is what readers see.
    """
    h1s: list[str] = []
    for elem in tree.iter("h1"):
        text = tidy(elem.text_content())
        if text and text not in h1s and not _same(text, site or "") and len(text.split()) <= 40:
            h1s.append(text)
    stripped = _strip_site(meta_title, site)
    folded = stripped.casefold()
    for text in h1s:
        # The h1 is the title, or most of it ("Headline: subtitle"), not a section name in it.
        h1 = text.casefold()
        if folded and (folded in h1 or (h1 in folded and len(h1) * 2 >= len(folded))):
            return text
    # A lone h1 that shares a word with the metadata title is a reworded headline (an SEO
    # title beside it); one that shares none is a section name ("Allergies Health Center").
    if len(h1s) == 1 and (not stripped or len(_words(h1s[0]) & _words(stripped)) >= 2):
        return h1s[0]
    return stripped or None


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{3,}", text.casefold()) if not w.isdigit()}


def _strip_site(title: str, site: str | None) -> str:
    """ "Headline | Site" or "Headline - site.com" -> "Headline"; a subtitle stays."""
    site = (site or "").casefold()
    for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, found, tail = title.rpartition(sep)
        name = tail.strip(" :|").casefold()
        is_site = bool(site) and (name in site or site in name)
        if found and head and name and (is_site or ("." in name and " " not in name)):
            return head
    return title


def _plain_line(line: str) -> str | None:
    """A Markdown line as plain text; None for lines that are only markup (rules, link refs)."""
    if _MD_RULE.match(line) or _MD_REF_DEF.match(line):
        return None
    if heading := _MD_HEADING.match(line):
        line = heading.group(1)
    line = _MD_BULLET.sub("", line)
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    line = _MD_CODE.sub(r"\1", line)
    return line.strip()


def _blocks(lines: list[str]) -> list[list[str]]:
    """Blank-line separated blocks of lines; one block per line when no line is blank."""
    if "" not in lines:
        return [[line] for line in lines]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _looks_like_title(block: list[str]) -> bool:
    if len(block) != 1:
        return False
    line = block[0]
    return 0 < count_words(line) <= _TITLE_MAX_WORDS and not line.rstrip(_CLOSING_QUOTES).endswith(
        _TITLE_END
    )


def _require_text(paragraphs: list[str], where: str) -> None:
    if sum(count_words(p) for p in paragraphs) < MIN_WORDS:
        raise ExtractionError(f"no article text found in {where}")


def _where(url: str | None, path: str | None, default: str) -> str:
    """How an error names the source: the URL, the file, "stdin" (path "-")."""
    if path == "-":
        return "stdin"
    return url or path or default


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")
