"""`brief speakers [QUERY]`, `brief speakers show ID` and `brief speakers follow|unfollow
ID|NAME`: who is quoted across the store, one row per speaker (aliases merged), why each alias
was linked to one, and whom the reader follows."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from brief.commands.options import config_path
from brief.errors import SUCCESS, ConfigError, StoreError, UsageError, exit_code_table

if TYPE_CHECKING:
    from collections.abc import Set
    from datetime import datetime

    from brief.config import Config
    from brief.store import SpeakerCount, SpeakerDetail, Store

EPILOG = """\
QUERY keeps the speakers whose name or one of whose aliases contains it (accents and case
as typed; a number is also a speaker id). `brief speakers show ID` lists a speaker's roles
with their dates and every alias with the article that linked it and the rule that did
("same name", "named in full in the same article as …", "unresolved"). JSON output follows
brief/schema/speakers.schema.json.

`brief speakers follow ID|NAME` follows a speaker (stored: the reader's `f` does the same),
`brief speakers unfollow ID|NAME` stops; NAME is matched as the config's [[follow]] rules are.
A followed speaker's new quotes open the digest and are marked in the reader; `brief speakers`
marks them with a star (JSON: "followed"), and --followed lists only them (those the config's
[[follow]] rules name included).

""" + exit_code_table(
    {SUCCESS, UsageError.exit_code, ConfigError.exit_code, StoreError.exit_code},
    {UsageError.exit_code: "an unknown speaker id or name, or a name of several"},
)


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
    p.add_argument(
        "words",
        metavar="QUERY",
        nargs="*",
        help="a name; or: show ID; follow ID|NAME; unfollow ID|NAME",
    )
    p.add_argument("--followed", action="store_true", help="only the speakers you follow")
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
    """List the speakers, show one, or follow or unfollow one."""
    # sqlite3 is loaded only by the commands that use the database.
    from brief.config import load_config
    from brief.store import Store

    words: list[str] = args.words
    if args.limit < 1:
        raise UsageError(f"--limit must be at least 1, not {args.limit}")
    verb = words[0] if len(words) >= 2 else None
    if verb in ("follow", "unfollow"):
        config = load_config(config_path(args))
        with Store.open() as store:
            return _follow(store, config, " ".join(words[1:]), verb == "follow")
    if verb == "show":
        if len(words) != 2 or not words[1].isdigit():
            raise UsageError("speakers show takes one speaker id (a number from `brief speakers`)")
        with Store.open() as store:
            detail = store.speaker(int(words[1]))
            followed = store.followed_speakers(load_config(config_path(args)).follow)
        if detail is None:
            raise UsageError(f"no speaker #{words[1]} is stored (see `brief speakers`)")
        if args.format == "json":
            print(json.dumps(detail_json(detail, followed), ensure_ascii=False, indent=2))
        else:
            print(_detail_text(detail, followed), end="")
        return 0
    config = load_config(config_path(args))
    with Store.open() as store:
        followed = store.followed_speakers(config.follow)
        if args.followed:
            rows = [
                s
                for s in store.speakers(query=" ".join(words) or None, limit=10_000)
                if s.id in followed
            ][: args.limit]
        else:
            rows = store.speakers(query=" ".join(words) or None, limit=args.limit)
    if args.format == "json":
        print(json.dumps([speaker_json(s, followed) for s in rows], ensure_ascii=False, indent=2))
    else:
        print("".join(_row_text(s, followed) for s in rows), end="")
    return 0


def _follow(store: Store, config: Config, given: str, follow: bool) -> int:
    """Follow (or stop following) the one speaker ``given`` names; UsageError otherwise."""
    found = sorted(store.resolve_speaker(given))
    shown = _clean(given)
    if not found:
        raise UsageError(f"no stored speaker is named {shown!r} (see `brief speakers`)")
    if len(found) > 1:
        ids = ", ".join(f"#{i}" for i in found)
        raise UsageError(f"{shown!r} names {len(found)} speakers ({ids}): give one id")
    [speaker_id] = found
    store.follow_speaker(speaker_id, follow)
    detail = store.speaker(speaker_id)
    name = _clean(detail.speaker.name) if detail else shown
    if follow:
        print(f"following #{speaker_id} {name}")
        return 0
    print(f"no longer following #{speaker_id} {name}")
    if speaker_id in store.followed_speakers(config.follow):
        print(
            f"brief: warning: #{speaker_id} is still followed by a [[follow]] rule of the config",
            file=sys.stderr,
        )
    return 0


def _day(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%d") if moment else None


def _clean(text: str | None) -> str | None:
    from brief.text import sanitize

    return " ".join(sanitize(text).split()) if text else text


def speaker_json(s: SpeakerCount, followed: Set[int] = frozenset()) -> dict[str, Any]:
    """One speaker for scripts (brief/schema/speakers.schema.json, "speaker"); ``followed``
    holds the ids of the followed speakers."""
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
        "followed": s.id is not None and s.id in followed,
    }


def detail_json(d: SpeakerDetail, followed: Set[int] = frozenset()) -> dict[str, Any]:
    """A speaker with roles and links (brief/schema/speakers.schema.json, "detail")."""
    return {
        **speaker_json(d.speaker, followed),
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


def _row_text(s: SpeakerCount, followed: Set[int] = frozenset()) -> str:
    ident = f"#{s.id}" if s.id is not None else "-"
    star = "★ " if s.id is not None and s.id in followed else ""
    role = f", {_clean(s.role)}" if s.role else ""
    kind = " (organization)" if s.kind == "organization" else ""
    seen = f"  {_day(s.first_seen)} – {_day(s.last_seen)}" if s.first_seen else ""
    return (
        f"{ident:>6}  {star}{_clean(s.name)}{kind}{role}\n"
        f"        {s.quotes} quotes · {s.statements} statements · {s.articles} articles{seen}\n"
    )


def _detail_text(d: SpeakerDetail, followed: Set[int] = frozenset()) -> str:
    lines = [_row_text(d.speaker, followed).rstrip("\n")]
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
