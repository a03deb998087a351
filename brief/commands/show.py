"""`brief show ID`: one stored article's brief, as text, Markdown or JSON (IDs: `brief search`)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from brief.errors import UsageError

if TYPE_CHECKING:
    from brief.store import StoredArticle


def register(sub: Any) -> None:
    """Add the show command to the CLI's subparsers."""
    p = sub.add_parser(
        "show",
        help="print one stored article's brief (text, markdown or json)",
        description="Print the brief of a stored article: its ID is the #N of `brief search` "
        "(and the id of `brief search --format json`). An article not analyzed yet shows the "
        "feed's own text.",
    )
    p.add_argument("id", metavar="ID", type=_article_id, help="the article's number")
    p.add_argument(
        "-f",
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text (default): panels on a terminal, plain text when piped; markdown; json: "
        "the store's fields and the brief as `brief summarize --format json` prints it",
    )
    p.add_argument(
        "--with-text",
        action="store_true",
        help="with --format json: include the article text the offsets point into",
    )
    p.set_defaults(run=run)


def _article_id(value: str) -> int:
    text = value.strip().removeprefix("#")
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not an article number: {value!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Read the article and print it in the format asked for."""
    # sqlite3 is loaded only by the commands that use the database.
    from brief.store import Store

    with Store.open() as store:
        article = store.get_article(args.id)
    if article is None:
        raise UsageError(f"no article #{args.id} is stored (see `brief search`)")
    if args.format == "json":
        out = article_json(article, with_text=args.with_text)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif article.brief is None:
        sys.stdout.write(_unanalyzed(article))
    elif args.format == "markdown":
        from brief.present import markdown

        sys.stdout.write(markdown(article.brief))
    elif sys.stdout.isatty():
        from rich.console import Console

        from brief.present import brief_renderable

        Console().print(brief_renderable(article.brief))
    else:
        from brief.present import plain_text

        sys.stdout.write(plain_text(article.brief))
    return 0


def article_json(article: StoredArticle, *, with_text: bool = False) -> dict[str, Any]:
    """The stored article for scripts: where it came from, its state, and its brief (the
    `brief summarize --format json` object, or null while it is not analyzed)."""
    from brief.text import sanitize

    def when(moment: datetime | None) -> str | None:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else None

    return {
        "id": article.id,
        "title": sanitize(article.title) if article.title else None,
        "url": article.url,
        "feeds": [sanitize(f) for f in article.feeds],
        "published": when(article.published),
        "fetched_at": when(article.fetched_at),
        "read": article.read,
        "starred": article.starred,
        "status": article.status,
        "brief": article.brief.to_json(with_text=with_text) if article.brief else None,
    }


def _unanalyzed(article: StoredArticle) -> str:
    from brief.text import sanitize

    lines = [sanitize(article.title or "(untitled)"), "(not analyzed yet: the feed's own text)", ""]
    lines += [sanitize(p) for p in article.paragraphs or (article.text,)]
    return "\n".join(lines).rstrip() + "\n"
