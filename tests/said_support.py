"""Outlets on 127.0.0.1 whose articles quote the same people, stored through the real
`brief fetch` (feed, page fetch, extraction, analysis, speaker linking) in a subprocess.

    desk = SaidDesk(loopback, tmp_path)
    desk.article("Sahel Times", "/st/drone", "Mali accuses Algeria", DIOP_LONG, days_ago=2)
    desk.fetch()                                   # writes the config, runs `brief fetch`

Each outlet is one RSS feed; each article an HTML page with its publication date in
``article:published_time``. The texts are written for these tests, in the manner of the
Mali–Algeria drone story of the bundled sample (brief/samples/seed.txt).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

from loopback import Loopback

DIOP_LONG = (
    "Mali accused Algeria on Monday of shooting down a drone near the border town of Tinzaouaten.",
    "“We will not back down on this, whatever Algiers says,” Foreign Minister Abdoulaye Diop "
    "told reporters in Bamako.",
    "Diop said the government would take the case to the International Court of Justice.",
    "Algeria's foreign ministry said the drone had entered its airspace. “The violation was "
    "deliberate and repeated,” the ministry said in a statement.",
)
DIOP_SHORT = (
    "Tensions between Mali and Algeria rose again after the loss of a Malian drone.",
    "“We will not back down on this,” said Abdoulaye Diop, Mali's foreign minister, speaking "
    "on state television.",
    "“The region needs calm and dialogue, not more drones,” said Ulf Laessing, who heads the "
    "Sahel programme of the Konrad Adenauer Foundation.",
)
TRAORE = (
    (
        "Farmers marched through Bamako on Wednesday to demand help after a failed harvest.",
        "“Our farmers cannot wait for another season of promises,” said Aminata Traoré, a "
        "former culture minister, at the rally.",
    ),
    (
        "Thousands of farmers rallied in the Malian capital over the harvest.",
        "“Our farmers cannot wait for another season of promises,” Aminata Traoré told the crowd.",
    ),
    (
        "A harvest protest filled the streets of Bamako.",
        "“Our farmers cannot wait for another season of promises. We need seed and water now,” "
        "said Aminata Traoré, a former minister.",
    ),
)
DIOP_NEW = (
    "Mali and Algeria traded accusations again on Wednesday over the drone.",
    "“Mali will defend every metre of its airspace,” Foreign Minister Abdoulaye Diop said on "
    "Wednesday.",
    "“The talks in Algiers have failed because nobody listened to the Sahel,” said Ulf "
    "Laessing, who heads the Sahel programme of the Konrad Adenauer Foundation.",
)
LAESSING_OLD = (
    "Analysts have warned for months that the Sahel could slide into a regional conflict.",
    "“Every new drone strike makes a negotiated settlement harder to reach,” said Ulf "
    "Laessing, who heads the Sahel programme of the Konrad Adenauer Foundation.",
)


@dataclass
class _Item:
    title: str
    url: str
    published: datetime


@dataclass
class SaidDesk:
    """Feeds and pages on a loopback server; ``fetch`` stores them through `brief fetch`."""

    loopback: Loopback
    folder: Path
    feeds: dict[str, list[_Item]] = field(default_factory=dict)
    extra_config: str = ""

    def article(
        self, outlet: str, path: str, title: str, paragraphs: tuple[str, ...], days_ago: float
    ) -> str:
        """Serve an article page of ``outlet`` published ``days_ago`` days ago; its URL."""
        published = datetime.now(UTC) - timedelta(days=days_ago)
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        page = (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title>"
            f'<meta property="article:published_time" content="{published.isoformat()}">'
            f"</head><body><article><h1>{escape(title)}</h1>{body}</article></body></html>"
        ).encode()
        url = self.loopback.route(path, page)
        self.feeds.setdefault(outlet, []).append(_Item(title, url, published))
        return url

    def _rss(self, outlet: str) -> bytes:
        items = "".join(
            f"<item><title>{escape(i.title)}</title><link>{escape(i.url)}</link>"
            f"<guid>{escape(i.url)}</guid>"
            f"<pubDate>{format_datetime(i.published, usegmt=True)}</pubDate>"
            f"<description>{escape(i.title)}.</description></item>"
            for i in self.feeds[outlet]
        )
        return (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(outlet)}</title><link>http://127.0.0.1/</link>{items}"
            "</channel></rss>"
        ).encode()

    def config(self) -> Path:
        """Serve the feeds and write a config subscribing to them (plus ``extra_config``)."""
        lines = ["[refresh]", "allow_private = true", ""]
        for n, outlet in enumerate(self.feeds):
            url = self.loopback.route(
                f"/feed{n}.rss", self._rss(outlet), content_type="application/rss+xml"
            )
            lines += ["[[feeds]]", f'url = "{url}"', f'name = "{outlet}"', ""]
        path = self.folder / "config.toml"
        path.write_text("\n".join(lines) + self.extra_config, encoding="utf-8")
        return path

    def fetch(self) -> Path:
        """`brief fetch --quiet` on every feed; the config's path."""
        config = self.config()
        done = brief("--config", str(config), "fetch", "--quiet")
        assert done.returncode == 0, done.stderr
        return config


def brief(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run the brief CLI (BRIEF_HOME is the test's, from the autouse fixture)."""
    return subprocess.run(
        [sys.executable, "-m", "brief", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
