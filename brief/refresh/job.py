"""One feed entry's page -> its brief, run inside a worker process (see brief.refresh.workers).

The page is extracted and analyzed; when it cannot be used (it never came, it holds no article
text, it holds less text than the feed itself gave — a paywall teaser), the entry is analyzed
from the feed's own text instead and marked "feed-only" with the reason.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from brief.errors import ExtractionError
from brief.models import Article, Brief
from brief.net.urls import url_host
from brief.text import count_words

# A page with clearly less text than the feed's own copy of the story is a teaser (paywall,
# consent wall), unless the feed's copy is itself only a teaser.
_TEASER_RATIO = 0.8
_FEED_FULL_TEXT_WORDS = 80


@dataclass(frozen=True, slots=True)
class ArticleJob:
    """What a worker needs to make one entry's brief; ``body`` None means no usable page."""

    article_id: int
    url: str | None  # the page after redirects, else the entry's link
    body: bytes | None
    content_type: str
    charset: str | None
    title: str | None  # the entry's title in the feed
    feed_text: str  # the entry's text in the feed (paragraphs separated by blank lines)
    reason: str | None  # why there is no body
    sentences: int = 5
    algorithm: str = "default"


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """The brief of an entry and where its text came from."""

    article_id: int
    brief: Brief
    status: str  # "full" (from the page) or "feed-only"
    reason: str | None  # why the page was not used


def process_article(job: ArticleJob) -> ArticleOutcome:
    """Extract the page and analyze it, else analyze the feed's text (worker entry point)."""
    reason = job.reason
    if job.body is not None:
        try:
            article = _page_article(job)
        except ExtractionError as err:
            reason = str(err)
        else:
            feed_words = count_words(job.feed_text)
            if feed_words >= _FEED_FULL_TEXT_WORDS and article.word_count < (
                _TEASER_RATIO * feed_words
            ):
                reason = (
                    f"the page has less text ({article.word_count} words) than the feed "
                    f"({feed_words} words): a teaser or a paywall"
                )
            else:
                return ArticleOutcome(job.article_id, _analyze(job, article), "full", None)
    article = feed_article(job.feed_text, title=job.title, url=job.url)
    if not article.paragraphs:
        return unanalyzed(job, reason or "no page")
    return ArticleOutcome(job.article_id, _analyze(job, article), "feed-only", reason or "no page")


def unanalyzed(job: ArticleJob, reason: str) -> ArticleOutcome:
    """The entry with the feed's text and an empty brief: for when even analysing the feed's
    text failed (or there is none). Cheap, and safe to run in the parent process."""
    article = feed_article(job.feed_text, title=job.title, url=job.url)
    return ArticleOutcome(job.article_id, Brief(article, (), (), (), ()), "feed-only", reason)


def feed_article(text: str, *, title: str | None, url: str | None) -> Article:
    """The feed's own text of an entry as an Article (its title alone when it has no text)."""
    paragraphs = tuple(p.strip() for p in text.split("\n\n") if p.strip())
    if not paragraphs and title:
        paragraphs = (title,)
    return Article(paragraphs=paragraphs, title=title, site=url_host(url), url=url)


def _page_article(job: ArticleJob) -> Article:
    """The page's article, with the feed's title when the page has none."""
    # Imported in the worker, where it is used: the parent never loads trafilatura.
    from brief.extract import article_from_bytes

    # A feed links to web pages: an answer that names no type is read as HTML, not sniffed.
    content_type = job.content_type or "text/html"
    article = article_from_bytes(
        job.body or b"", content_type=content_type, charset=job.charset, url=job.url
    )
    if not article.title and job.title:
        article = dataclasses.replace(article, title=job.title)
    return article


def _analyze(job: ArticleJob, article: Article) -> Brief:
    from brief.analyze import analyze

    return analyze(article, sentences=job.sentences, algorithm=job.algorithm)


def warm_up() -> None:
    """Load extraction and analysis once, before the first timed job (~1 s of imports and
    word lists)."""
    page = (
        "<html><head><title>Warm-up</title></head><body><article><p>"
        # More distinct sentences than a summary holds, so that ranking (and its stemmer) runs.
        + " ".join(
            f"The council met on {day} and voted on the {topic} for the coming year."
            for day, topic in (
                ("Monday", "budget"),
                ("Tuesday", "roads"),
                ("Wednesday", "schools"),
                ("Thursday", "parks"),
                ("Friday", "taxes"),
                ("Saturday", "housing"),
                ("Sunday", "water"),
            )
        )
        # A quotation, a titled name and places: the speech lexicons (first names, places)
        # load on first use, and that first use must not fall on a timed article.
        + "“We will rebuild the old bridge before winter comes,” said Mayor Jane Roe of"
        " Springfield, who met officials from France and Germany in Paris."
        + "</p></article></body></html>"
    )
    job = ArticleJob(0, "http://localhost/", page.encode(), "text/html", "utf-8", None, "", None)
    process_article(job)
