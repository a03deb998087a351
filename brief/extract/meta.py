"""Publication date and language of a page, read from its metadata only, never from its text.

A date in the body ("In 2015, ...") is not when the article was published, so unlike htmldate's
search (which falls back to dates in the text even with extensive_search=False) this module
only reads, in order: <meta> publication tags, JSON-LD ``datePublished``, microdata
``itemprop=datePublished``, <time datetime> marked as the publication time, and a date in the
canonical URL's path. No metadata date: None.

The functions take a parsed lxml tree (trafilatura.load_html, in brief.extract.page) and use
only its element methods, so lxml stays imported by trafilatura alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

# <meta name|property|itemprop=...> naming the first publication (after htmldate's list, without
# its "modified"/"updated" names and its loose ones such as "timestamp" or "meta").
_PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "article:published",
        "article:published_date",
        "article:publicationdate",
        "article:post_date",
        "article.published",
        "article.created",
        "article_date_original",
        "og:published_time",
        "og:article:published_time",
        "og:article:published",
        "og:pubdate",
        "og:publish_date",
        "og:datepublished",
        "published_time",
        "publish_time",
        "published_date",
        "publish_date",
        "publishdate",
        "publish-date",
        "published-date",
        "publisheddate",
        "publication_date",
        "pubdate",
        "pdate",
        "date",
        "date_published",
        "date_created",
        "datepublished",
        "datecreated",
        "dateposted",
        "dc.date",
        "dc.date.issued",
        "dc.date.created",
        "dc.date.publication",
        "dc.created",
        "dc:date",
        "dc:created",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "cxenseparse:recs:publishtime",
        "rnews:datepublished",
        "citation_publication_date",
        "citation_date",
        "originalpublicationdate",
        "displaydate",
        "analyticsattributes.articledate",
        "content_create_date",
        "dcsext.articlefirstpublished",
        "bt:pubdate",
        "rbpubdate",
        "shareaholic:article_published_time",
        "twt-published-at",
        "mediator_published_time",
        "release_date",
    }
)
# Site-specific meta names ("sn-post-date") and byline classes ("article-publish-date") that
# say publication; anything about modification or expiry is not.
_EDITED = re.compile(r"modif|updat|expir|revis", re.IGNORECASE)
_PUBLISHED_NAME = re.compile(rf"^(?!.*(?:{_EDITED.pattern})).*(?:publish|pub-?date|post-?date)")
_TIME_HINTS = ("publish", "pubdate", "entry-date", "post-date", "article-date", "created")
_ARTICLE_TYPES = re.compile(r"article|posting|report|story", re.IGNORECASE)
_JSON_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YMD = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:T|\D|$)")
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+((?:19|20)\d\d)\b", re.I)
_URL_YMD = re.compile(r"/((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?=[/_.-]|$)")
_URL_COMPACT = re.compile(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?=[/_.-]|$)")
_URL_YMONTHD = re.compile(rf"/((?:19|20)\d\d)/({_MONTH_RE})/(\d{{1,2}})(?=/|$)", re.I)

_EARLIEST = date(1990, 1, 1)
_LANG = re.compile(r"^([a-z]{2})(?:$|[-_])", re.IGNORECASE)


def published_date(tree: Any, url: str | None = None) -> str | None:
    """The page's publication date as "YYYY-MM-DD" from its metadata, or None."""
    url_day = _url_date(_canonical_url(tree)) or _url_date(url)
    for value in _date_candidates(tree):
        found = parse_date(value)
        if found is None:
            continue
        # A date in the URL is the publisher's local day; metadata is often in UTC, a day
        # later for an evening story in the Americas.
        if url_day and abs(date.fromisoformat(url_day) - date.fromisoformat(found)).days <= 1:
            return url_day
        return found
    return url_day


def parse_date(value: str | None) -> str | None:
    """A metadata date value (ISO 8601, RFC 2822, "July 24, 2015"...) as "YYYY-MM-DD", or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    parts: tuple[str, str, str] | None = None
    if (match := _YMD.search(value)) or (match := _COMPACT.match(value)):
        parts = (match[1], match[2], match[3])
    elif match := _NUMERIC.search(value):
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            parts = (match[3], match[2], match[1])
        elif second > 12 >= first:
            parts = (match[3], match[1], match[2])
        else:
            return None  # 05/08/2014: May 8 or 5 August; guessing would invent a date
    elif match := _MDY.search(value):
        parts = (match[3], str(_MONTHS[match[1].lower()]), match[2])
    elif match := _DMY.search(value):
        parts = (match[3], str(_MONTHS[match[2].lower()]), match[1])
    else:
        try:
            return _valid(parsedate_to_datetime(value).date())
        except (TypeError, ValueError, IndexError):
            return None
    try:
        return _valid(date(int(parts[0]), int(parts[1]), int(parts[2])))
    except ValueError:
        return None


def page_language(tree: Any) -> str | None:
    """ISO 639-1 code from <html lang>, Content-Language, og:locale or JSON-LD, or None."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("name") or meta.get("property") or "").lower()
        if key in ("content-language", "language", "dc.language", "og:locale", "inlanguage"):
            candidates.append(meta.get("content"))
    candidates.extend(_json_ld_values(tree, "inLanguage"))
    for value in candidates:
        if isinstance(value, str) and (match := _LANG.match(value.split(",")[0].strip())):
            return match[1].lower()
    return None


def _valid(day: date) -> str | None:
    # A day or two ahead of the local clock is a time zone, not the future.
    if _EARLIEST <= day <= datetime.now().date() + timedelta(days=2):
        return day.isoformat()
    return None


def _date_candidates(tree: Any) -> Iterator[str | None]:
    # The JSON-LD article node first: some sites (Medium, NBC) put the last edit in
    # article:published_time but the first publication in the article's datePublished.
    articles, others = _json_ld_dates(tree)
    yield from articles
    for meta in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key in _PUBLISHED_META or _PUBLISHED_NAME.search(key):
                yield meta.get("content") or meta.get("datetime")
                break
    yield from others
    for elem in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"]'):
        yield elem.get("content") or elem.get("datetime") or elem.text_content()
    times = [
        elem
        for elem in tree.xpath("//time[@datetime]")
        if not _EDITED.search(f"{elem.get('class')} {elem.get('itemprop')} {elem.text}")
    ]
    for elem in times:
        hints = " ".join((elem.get("class") or "", elem.get("itemprop") or "")).lower()
        if elem.get("pubdate") is not None or any(h in hints for h in _TIME_HINTS):
            yield elem.get("datetime")
    # An unmarked <time> counts inside the article, where it is the byline's date, or when it
    # is the page's only one (a list of related stories has many).
    for elem in times:
        if elem.xpath("ancestor::article") or len(times) == 1:
            yield elem.get("datetime")
            break
    # Last, a byline element whose class or id says "published" and holds a whole date.
    for elem in tree.xpath("//*[@class or @id][not(self::meta or self::script or self::body)]"):
        label = f"{elem.get('class') or ''} {elem.get('id') or ''}".lower()
        if _PUBLISHED_NAME.search(label):
            text = " ".join(elem.text_content().split())
            if len(text) < 80:
                yield text


def _json_ld_dates(tree: Any) -> tuple[list[str], list[str]]:
    """datePublished/dateCreated values of JSON-LD article nodes, and of the other nodes."""
    articles: list[str] = []
    others: list[str] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = _unwrap(script.text or "")
        try:
            data = json.loads(text)
        except ValueError:
            # Broken JSON-LD is common (trailing commas, raw newlines); the key still says it all.
            values = _JSON_DATE.findall(text)
            (articles if _ARTICLE_TYPES.search(text) else others).extend(values)
            continue
        for node in _json_nodes(data):
            is_article = bool(_ARTICLE_TYPES.search(json.dumps(node.get("@type"))))
            for key in ("datePublished", "dateCreated"):
                value = node.get(key)
                if isinstance(value, str):
                    (articles if is_article else others).append(value)
    return articles, others


def _json_ld_values(tree: Any, key: str) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(_unwrap(script.text or ""))
        except ValueError:
            continue
        for node in _json_nodes(data):
            value = node.get(key)
            if isinstance(value, str):
                yield value


def _unwrap(text: str) -> str:
    """JSON-LD text without the CDATA or comment wrapper some sites put around it."""
    text = text.strip()
    for start, end in (("<![CDATA[", "]]>"), ("<!--", "-->")):
        if text.startswith(start) and text.endswith(end):
            text = text[len(start) : -len(end)].strip()
    return text


def _json_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD value, in document order (@graph and nesting included)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _canonical_url(tree: Any) -> str | None:
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        return str(link.get("href"))
    for meta in tree.xpath('//meta[@property="og:url"][@content]'):
        return str(meta.get("content"))
    return None


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    path = url.split("?", 1)[0]
    if match := _URL_YMD.search(path):
        month = match[2]
    elif match := _URL_YMONTHD.search(path):
        month = str(_MONTHS[match[2].lower()])
    elif match := _URL_COMPACT.search(path):
        month = match[2]
    else:
        return None
    try:
        return _valid(date(int(match[1]), int(month), int(match[3])))
    except ValueError:
        return None
