"""The demo store behind `brief --demo`: bundled sample articles in a temporary database.

The seed article and four real news pages (brief/samples/, see PROVENANCE.md there) are
extracted and analyzed on the spot, so the demo shows what brief makes of real pages today;
nothing is fetched. The demo feeds' URLs are under ``.invalid`` (RFC 2606): they name where
each sample came from and can never be reached.
"""

from __future__ import annotations

import gzip
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

from brief.models import Article
from brief.store import Store


@dataclass(frozen=True, slots=True)
class Sample:
    """One bundled article: its file, where it was published, and the demo feed it is in."""

    file: str
    url: str | None
    feed: str
    tags: tuple[str, ...]


SAMPLES = (
    Sample("seed.txt", None, "Sahel & Maghreb (sample)", ("world", "africa")),
    Sample(
        "albawaba-settlements.html.gz",
        "https://www.albawaba.com/news/world-community-lashes-out-us-no-longer-considering-"
        "israeli-settlements-illegal-1322354",
        "Al Bawaba",
        ("world", "middle-east"),
    ),
    Sample(
        "aljazeera-helicopter.html.gz",
        "https://www.aljazeera.com/news/2019/11/service-members-killed-afghanistan-helicopter-"
        "crash-191120070028895.html",
        "Al Jazeera",
        ("world",),
    ),
    Sample(
        "wapo-netanyahu.html.gz",
        "http://www.washingtonpost.com/business/economy/netanyahu-win-points-to-two-more-years-"
        "of-strained-us-israel-ties/2015/03/18/ca175d64-cd76-11e4-a2a7-9517a3a70506_story.html",
        "The Washington Post",
        ("world", "us"),
    ),
    Sample(
        "detroitnews-teachers.html.gz",
        "https://www.detroitnews.com/story/news/nation/2019/11/19/thousands-teachers-pack-"
        "indiana-statehouse-protest/40651467/",
        "The Detroit News",
        ("us",),
    ),
)

Progress = Callable[[int, int, str | None], object]  # (done, total, title of the last one)


@contextmanager
def demo_store() -> Iterator[Store]:
    """An empty store in a temporary folder, removed with everything in it at exit."""
    with tempfile.TemporaryDirectory(prefix="brief-demo-") as folder:
        store = Store.open(Path(folder) / "demo.sqlite3")
        try:
            yield store
        finally:
            store.close()


def populate(
    store: Store, progress: Progress | None = None, *, now: datetime | None = None
) -> list[int]:
    """Analyze every sample into the store (the seed first); returns the article ids.

    ``now`` is the time the articles count as fetched (tests fix it for stable pictures).
    """
    # The pipeline (trafilatura, sumy) and the feed types load only when the demo runs.
    from brief.analyze import analyze
    from brief.models import FeedEntry

    ids = []
    for done, sample in enumerate(SAMPLES, 1):
        article = _article(sample)
        brief = analyze(article)
        slug = sample.file.split(".")[0]
        feed_id, _ = store.add_feed(f"https://{slug}.brief.invalid/feed", sample.feed, sample.tags)
        entry = FeedEntry(
            guid=f"brief-demo:{slug}",
            url=sample.url,
            title=article.title,
            author=article.author,
            published=f"{article.published}T12:00:00Z" if article.published else None,
            summary_text="",
            content_text=article.text,
        )
        ids.append(store.add_article_with_brief(feed_id, entry, brief, "full", now=now))
        if progress is not None:
            progress(done, len(SAMPLES), article.title)
    return ids


def _article(sample: Sample) -> Article:
    """Extract a sample: a page as if read from its original address, the seed as text."""
    from brief.extract import article_from_bytes

    data = (resources.files("brief") / "samples" / sample.file).read_bytes()
    if sample.file.endswith(".gz"):
        data = gzip.decompress(data)
    if sample.url is not None:
        return article_from_bytes(data, content_type="text/html", url=sample.url)
    return article_from_bytes(data, path=f"brief/samples/{sample.file}")
