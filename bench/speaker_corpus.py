"""Speaker linking on real pages stored through `brief fetch`: the shared corpus (scrapinghub's
181 article pages and readability's 130 test pages) served from a loopback HTTP server, one RSS
feed per original site, fetched, extracted, analysed and linked by the real CLI in a subprocess.

Then every stored link (article, alias -> speaker) is checked against a gold group read from
the article itself, as bench/speaker_links.py reads PolNeAR: a person's full name (first and
last word, titles, honorifics, initials and suffixes dropped); for a bare surname the one full
name with that surname among the people its own article's brief names (its actors), else no
gold group (counted apart); an organization's name without "the" and possessives, casefolded
(so "the Algerian ministry" and "Algeria's ministry" count as two: a demonym merge shows as a
wrong merge here, which the listing lets a reader judge). Printed: pairwise precision/recall
over mentions with a gold group, gold groups split over several stored speakers (more than one
row for one person in `brief speakers`), and the largest wrong merges (stored speakers holding
several gold groups) with their groups.

    .venv/bin/python bench/speaker_corpus.py        (also run by bench/speaker_links.py)

The corpus lives outside the project (../shared); without it the script says so and exits 0.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_gold import HONORIFICS, SUFFIXES, TITLES, bare, pairwise

from brief.store.naming import fold

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SCRAPINGHUB = SHARED / "articles-scrapinghub"
READABILITY = SHARED / "articles-readability" / "test-pages"


def pages() -> dict[str, tuple[str, bytes]]:
    """Page name -> (the site it came from, its HTML bytes)."""
    out: dict[str, tuple[str, bytes]] = {}
    truth_file = SCRAPINGHUB / "ground-truth.json"
    truth = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file.exists() else {}
    for page in sorted((SCRAPINGHUB / "html").glob("*.html.gz")):
        key = page.name.removesuffix(".html.gz")
        host = urlsplit(truth.get(key, {}).get("url", "")).hostname or "scrapinghub"
        out[f"sh-{key[:16]}"] = (host.removeprefix("www."), gzip.decompress(page.read_bytes()))
    for folder in sorted(READABILITY.glob("*")):
        source = folder / "source.html.gz"
        if source.exists():
            out[f"rd-{folder.name}"] = ("readability", gzip.decompress(source.read_bytes()))
    return out


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        body, kind = self.server.routes.get(self.path, (b"not found", "text/plain"))
        self.send_response(200 if self.path in self.server.routes else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, tuple[bytes, str]]


def _feeds(server: _Server, corpus: dict[str, tuple[str, bytes]]) -> list[tuple[str, str]]:
    """Serve every page and one RSS feed per site; (feed name, feed URL) of each."""
    base = f"http://127.0.0.1:{server.server_address[1]}"
    by_site: dict[str, list[str]] = defaultdict(list)
    for name, (site, html) in corpus.items():
        server.routes[f"/p/{name}.html"] = (html, "text/html")
        by_site[site].append(name)
    feeds = []
    for n, (site, names) in enumerate(sorted(by_site.items())):
        items = "".join(
            f"<item><title>{escape(name)}</title><link>{base}/p/{name}.html</link>"
            f"<guid>{base}/p/{name}.html</guid></item>"
            for name in names
        )
        rss = (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(site)}</title><link>{base}/</link>{items}</channel></rss>"
        ).encode()
        server.routes[f"/f/{n}.rss"] = (rss, "application/rss+xml")
        feeds.append((site, f"{base}/f/{n}.rss"))
    return feeds


def fetch_corpus(home: Path, corpus: dict[str, tuple[str, bytes]]) -> Path:
    """Store the corpus through `brief fetch` in BRIEF_HOME=``home``; the database's path."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.routes = {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        feeds = _feeds(server, corpus)
        config = home / "config.toml"
        lines = ["[refresh]", "allow_private = true", "keep_days = 36500",
                 "max_new_per_feed = 1000", "per_host = 8", ""]  # fmt: skip
        for name, url in feeds:
            lines += ["[[feeds]]", f"url = {json.dumps(url)}", f"name = {json.dumps(name)}", ""]
        config.write_text("\n".join(lines), encoding="utf-8")
        env = {**os.environ, "BRIEF_HOME": str(home)}
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "brief", "--config", str(config), "fetch", "--quiet"],
            env=env, capture_output=True, text=True, timeout=3600, check=False,
        )  # fmt: skip
        print(
            f"brief fetch of {len(corpus)} pages in {len(feeds)} feeds: exit {done.returncode} "
            f"in {time.perf_counter() - began:.0f} s"
        )
        if done.returncode not in (0, 16):
            print(done.stderr)
    finally:
        server.shutdown()
        server.server_close()
    return next((home / "data").rglob("*.sqlite3"))


def _words(name: str) -> list[str]:
    words = [fold(bare(w)).replace("’", "'") for w in name.split()]
    while words and words[0] in TITLES | HONORIFICS:
        words.pop(0)
    return [w for w in words if len(w) > 1 and w not in SUFFIXES]


def _gold(alias: str, kind: str, people: set[str]) -> str | None:
    """The gold group of one alias in an article whose brief names ``people`` in full."""
    if kind == "organization":
        words = fold(alias).replace("’s", "").replace("'s", "").split()
        return "org:" + " ".join(w for w in words if w != "the")
    words = _words(alias)
    if len(words) >= 2:
        return f"{words[0]} {words[-1]}"
    if not words:
        return None
    known = {p for p in people if p.endswith(" " + words[0])}
    return next(iter(known)) if len(known) == 1 else None


def score(database: Path) -> None:
    """Check every stored link against its gold group and print the figures."""
    conn = sqlite3.connect(database)
    people: dict[int, set[str]] = defaultdict(set)
    for article_id, brief in conn.execute("SELECT id, brief FROM articles WHERE brief IS NOT NULL"):
        for actor in json.loads(brief).get("actors", []):
            words = _words(actor["name"])
            if actor["kind"] == "person" and len(words) >= 2:
                people[article_id].add(f"{words[0]} {words[-1]}")
    links = conn.execute(
        """SELECT l.article_id, l.alias, l.speaker_id, e.kind, e.name, l.how
           FROM speaker_links l JOIN speaker_entities e ON e.id = l.speaker_id"""
    ).fetchall()
    articles = conn.execute("SELECT count(*) FROM articles WHERE brief IS NOT NULL").fetchone()[0]
    conn.close()
    names = {s: name for _, _, s, _, name, _ in links}
    gold = {(a, alias): _gold(alias, kind, people[a]) for a, alias, _, kind, _, _ in links}
    system = {(a, alias): s for a, alias, s, _, _, _ in links if gold[(a, alias)] is not None}
    # Without a gold group: bare surnames whose article names no one in full with them.
    unchecked = Counter(how.split(":")[0] for a, alias, _, _, _, how in links
                        if gold[(a, alias)] is None)  # fmt: skip
    by_gold = Counter(gold[m] for m in system)
    by_sys = Counter(system.values())
    precision, recall = pairwise(system, gold)
    speakers_of: dict[str, set[int]] = defaultdict(set)
    groups_in: dict[int, Counter[str]] = defaultdict(Counter)
    for m, s in system.items():
        speakers_of[str(gold[m])].add(s)
        groups_in[s][str(gold[m])] += 1
    split = {g: ids for g, ids in speakers_of.items() if len(ids) > 1}
    wrong = sorted(
        ((s, c) for s, c in groups_in.items() if len(c) > 1),
        key=lambda sc: (-len(sc[1]), -sum(sc[1].values()), sc[0]),
    )
    print(
        f"articles analysed {articles}; speaker links {len(links)}, with a gold group "
        f"{len(system)} in {len(by_gold)} gold groups; without one {len(links) - len(system)}"
    )
    print(f"stored speakers over them {len(by_sys)}")
    print("links without a gold group, by rule: "
          + ", ".join(f"{h} {c}" for h, c in unchecked.most_common()))  # fmt: skip
    by_store = [f"{alias!r} -> #{s} {name!r} (article {a})" for a, alias, s, _, name, how in links
                if gold[(a, alias)] is None and how.startswith("the only")]  # fmt: skip
    if by_store:
        print("  joined across the store, to check by hand: " + "; ".join(by_store[:10]))
    print(
        f"pairwise precision {precision:.3f}  recall {recall:.3f}  "
        f"F1 {2 * precision * recall / max(1e-9, precision + recall):.3f}"
    )
    shown = ", ".join(f"{g} ({len(i)})" for g, i in sorted(split.items())[:8])
    print(
        f"gold groups on more than one stored speaker (rows per person > 1): {len(split)}"
        + (f"; {shown}" if split else "")
    )
    if not wrong:
        print("largest wrong merge: none (no stored speaker holds two gold groups)")
    for s, groups in wrong[:3]:
        print(
            f"wrong merge: speaker #{s} {names[s]!r} holds {len(groups)} gold groups, "
            f"{sum(groups.values())} mentions: "
            + ", ".join(f"{g} ({c})" for g, c in groups.most_common(6))
        )


def main() -> None:
    """Fetch the corpus into a temporary home and score the links."""
    if not (SCRAPINGHUB / "html").is_dir():
        print(f"the shared corpus is not at {SHARED}: nothing measured")
        return
    with tempfile.TemporaryDirectory() as tmp:
        score(fetch_corpus(Path(tmp), pages()))


if __name__ == "__main__":
    main()
