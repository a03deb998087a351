"""`brief speakers [QUERY]` and `brief speakers show ID`: who is quoted across the store, one
row per speaker (aliases merged), and why each alias was linked to one."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from brief.errors import UsageError

if TYPE_CHECKING:
    from datetime import datetime

    from brief.store import SpeakerCount, SpeakerDetail

EPILOG = """\
QUERY keeps the speakers whose name or one of whose aliases contains it (accents and case
as typed; a number is also a speaker id). `brief speakers show ID` lists a speaker's roles
with their dates and every alias with the article that linked it and the rule that did
("same name", "named in full in the same article as …", "unresolved"). JSON output follows
brief/schema/speakers.schema.json.
"""


def register(sub: Any) -> None:
    """Add the speakers command to the CLI's subparsers."""
    p = sub.add_parser(
        "speakers",
        help="who is quoted across the stored articles, one row per speaker",
        description="List the speakers quoted in the stored articles, most quoted first, "
        'with their aliases merged ("Trump", "President Trump", "Donald J. Trump"); '
        "or show one: `brief speakers show ID`.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("words", metavar="QUERY", nargs="*", help="a name, or: show ID")
    p.add_argument(
        "-n", "--limit", type=int, default=50, metavar="N", help="at most N speakers (50)"
    )
    p.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json (for scripts)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """List the speakers, or show one."""
    # sqlite3 is loaded only by the commands that use the database.
    from brief.store import Store

    words: list[str] = args.words
    if args.limit < 1:
        raise UsageError(f"--limit must be at least 1, not {args.limit}")
    if len(words) >= 1 and words[0] == "show" and len(words) != 1:
        if len(words) != 2 or not words[1].isdigit():
            raise UsageError("speakers show takes one speaker id (a number from `brief speakers`)")
        with Store.open() as store:
            detail = store.speaker(int(words[1]))
        if detail is None:
            raise UsageError(f"no speaker #{words[1]} is stored (see `brief speakers`)")
        if args.format == "json":
            print(json.dumps(detail_json(detail), ensure_ascii=False, indent=2))
        else:
            print(_detail_text(detail), end="")
        return 0
    with Store.open() as store:
        rows = store.speakers(query=" ".join(words) or None, limit=args.limit)
    if args.format == "json":
        print(json.dumps([speaker_json(s) for s in rows], ensure_ascii=False, indent=2))
    else:
        print("".join(_row_text(s) for s in rows), end="")
    return 0


def _day(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%d") if moment else None


def _clean(text: str | None) -> str | None:
    from brief.text import sanitize

    return " ".join(sanitize(text).split()) if text else text


def speaker_json(s: SpeakerCount) -> dict[str, Any]:
    """One speaker for scripts (brief/schema/speakers.schema.json, "speaker")."""
    return {
        "id": s.id,
        "name": _clean(s.name),
        "kind": s.kind,
        "role": _clean(s.role),
        "quotes": s.quotes,
        "statements": s.statements,
        "articles": s.articles,
        "first_seen": _day(s.first_seen),
        "last_seen": _day(s.last_seen),
    }


def detail_json(d: SpeakerDetail) -> dict[str, Any]:
    """A speaker with roles and links (brief/schema/speakers.schema.json, "detail")."""
    return {
        **speaker_json(d.speaker),
        "roles": [
            {"role": _clean(r.role), "first_seen": _day(r.first_seen),
             "last_seen": _day(r.last_seen)}
            for r in d.roles
        ],
        "aliases": sorted({_clean(x.alias) or "" for x in d.links}),
        "links": [
            {"alias": _clean(x.alias), "article_id": x.article_id,
             "article_title": _clean(x.article_title), "published": _day(x.published),
             "how": x.how}
            for x in d.links
        ],
        "merged_ids": list(d.merged),
    }  # fmt: skip


def _row_text(s: SpeakerCount) -> str:
    ident = f"#{s.id}" if s.id is not None else "-"
    role = f", {_clean(s.role)}" if s.role else ""
    kind = " (organization)" if s.kind == "organization" else ""
    seen = f"  {_day(s.first_seen)} – {_day(s.last_seen)}" if s.first_seen else ""
    return (
        f"{ident:>6}  {_clean(s.name)}{kind}{role}\n"
        f"        {s.quotes} quotes · {s.statements} statements · {s.articles} articles{seen}\n"
    )


def _detail_text(d: SpeakerDetail) -> str:
    lines = [_row_text(d.speaker).rstrip("\n")]
    if d.roles:
        lines.append("roles:")
        lines += [
            f"  {_clean(r.role)}  {_day(r.first_seen)} – {_day(r.last_seen)}" for r in d.roles
        ]
    lines.append("aliases, and the articles that linked them:")
    for x in d.links:
        title = _clean(x.article_title) or "(untitled)"
        lines.append(f"  {_clean(x.alias)}  #{x.article_id} {title} ({_day(x.published)}): {x.how}")
    if d.merged:
        lines.append("merged ids: " + ", ".join(f"#{i}" for i in d.merged))
    return "\n".join(lines) + "\n"
