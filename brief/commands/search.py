"""`brief search QUERY`: full-text search over stored articles, their quotes and speakers."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from brief.commands.options import positive

if TYPE_CHECKING:
    from brief.store import SearchHit

EPILOG = """\
QUERY is plain words (every one must appear, accents ignored; punctuation is taken as
typed) or an FTS5 expression: "exact phrase", a OR b, a NOT b, word*, and the columns
title:, text:, quotes:, speakers:. A malformed expression is one line on stderr, exit status 2.
"""


def register(sub: Any) -> None:
    """Add the search command to the CLI's subparsers."""
    p = sub.add_parser(
        "search",
        help="search stored articles, quotes and speakers",
        description="Search the stored articles: titles, texts, quotations and the names of "
        "who said them. The best matches come first, each with a snippet.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query", metavar="QUERY", nargs="+", help="words or an FTS5 expression")
    p.add_argument(
        "-n",
        "--limit",
        type=positive,
        default=20,
        metavar="N",
        help="show at most N results (default 20)",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): highlighted on a terminal; json: one array of hits, for scripts",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Search and print the hits: highlighted on a terminal, plain text otherwise."""
    # sqlite3 is loaded only by the commands that use the database.
    from brief.store import Store

    query = " ".join(args.query)
    with Store.open() as store:
        hits = store.search(query, limit=args.limit)
    if args.format == "json":
        print(json.dumps([hit_json(h) for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no match", file=sys.stderr)
        return 0
    if sys.stdout.isatty():
        from rich.console import Console

        console = Console(highlight=False)
        for hit in hits:
            console.print(_rich_hit(hit))
    else:
        for hit in hits:
            sys.stdout.write(_plain_hit(hit))
    return 0


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """One hit for scripts: the article (its id is what `brief show` takes) and the snippet,
    with the matched words between « and » instead of the terminal's highlight."""
    from brief.store import MATCH_END, MATCH_START
    from brief.text import sanitize

    article = hit.article
    snippet = " ".join(sanitize(hit.snippet).split())
    return {
        "id": article.id,
        "title": sanitize(article.title) if article.title else None,
        "url": article.url,
        "feeds": [sanitize(f) for f in article.feeds],
        "published": article.published.strftime("%Y-%m-%d") if article.published else None,
        "read": article.read,
        "starred": article.starred,
        "quotes": article.quote_count,
        "snippet": snippet.replace(MATCH_START, "«").replace(MATCH_END, "»"),
    }


def _heading(hit: SearchHit) -> tuple[str, str]:
    from brief.text import sanitize

    article = hit.article
    when = (article.published or article.fetched_at).astimezone().strftime("%Y-%m-%d")
    title = " ".join(sanitize(article.title or article.url or "(untitled)").split())
    feeds = ", ".join(" ".join(sanitize(f).split()) for f in article.feeds)
    return f"#{article.id}  {when}  {title}", feeds


def _plain_hit(hit: SearchHit) -> str:
    from brief.store import MATCH_END, MATCH_START
    from brief.text import sanitize

    heading, feeds = _heading(hit)
    snippet = " ".join(sanitize(hit.snippet).split())
    snippet = snippet.replace(MATCH_START, "").replace(MATCH_END, "")
    lines = [heading + (f"  ({feeds})" if feeds else ""), f"    {snippet}"]
    if hit.article.url:
        lines.append(f"    {sanitize(hit.article.url)}")
    return "\n".join(lines) + "\n\n"


def _rich_hit(hit: SearchHit) -> Any:
    """The hit as Rich Text built from plain strings (feed text is never markup)."""
    from rich.text import Text

    from brief.store import MATCH_END, MATCH_START
    from brief.text import sanitize

    heading, feeds = _heading(hit)
    text = Text(heading, style="bold")
    if feeds:
        text.append(f"  ({feeds})", style="dim")
    text.append("\n    ")
    snippet = " ".join(sanitize(hit.snippet).split())
    for i, part in enumerate(snippet.split(MATCH_START)):
        if i == 0:
            text.append(part)
            continue
        matched, _, rest = part.partition(MATCH_END)
        text.append(matched, style="bold yellow")
        text.append(rest)
    if hit.article.url:
        text.append("\n    " + sanitize(hit.article.url), style="dim")
    text.append("\n")
    return text
