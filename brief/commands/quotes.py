"""`brief quotes`: who said what across the stored articles, newest first, for people and
scripts; `--story` shows a quotation carried by several outlets once, with its outlets."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime
from typing import TYPE_CHECKING, Any

from brief.commands.options import config_path, positive
from brief.errors import SUCCESS, ConfigError, StoreError, UsageError, exit_code_table

if TYPE_CHECKING:
    from brief.present.carried import Carried
    from brief.store import Quotation

# `--story` groups at most this many of the newest quotations (the grouping compares each
# quotation with the groups so far; a whole store of them would take minutes).
STORY_WINDOW = 5000

EPILOG = """\
--speaker takes a speaker id from `brief speakers` (#12 or 12) or a name, matched as the
config's [[follow]] rules are: "Abdoulaye Diop", "Foreign Minister Abdoulaye Diop" and
"abdoulaye diop" name one speaker, and a bare "Diop" the only Diop named in full. Every alias
of the speaker counts ("Trump", "President Trump", "Donald J. Trump"). A name no stored
speaker has is exit 2. --followed keeps the speakers you follow (stored follows and the
config's [[follow]] rules; with --speaker, that speaker if followed). Statements (reported
speech) are marked as such. --story shows a quotation carried by several outlets (trimmed,
re-punctuated, shortened) once, with its outlets earliest first. JSON output follows
brief/schema/quotes.schema.json.

""" + exit_code_table(
    {SUCCESS, UsageError.exit_code, ConfigError.exit_code, StoreError.exit_code},
    {UsageError.exit_code: "an unknown speaker, a bad --since or --limit"},
)


def register(sub: Any) -> None:
    """Add the quotes command to the CLI's subparsers."""
    p = sub.add_parser(
        "quotes",
        help="quotes and statements across the stored articles, newest first",
        description="List what was said in the stored articles, newest first: each quotation "
        "(or statement, marked) with its speaker, role, outlet and article.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--speaker", metavar="ID|NAME", help="only what this speaker said")
    p.add_argument("--since", metavar="SPAN", help="only articles of this window, e.g. 24h, 7d, 2w")
    p.add_argument(
        "--followed",
        action="store_true",
        help="only what the speakers you follow said (brief speakers follow, [[follow]])",
    )
    p.add_argument(
        "--story",
        action="store_true",
        help="one line per quotation, with every outlet that carried it (earliest first)",
    )
    p.add_argument(
        "-n", "--limit", type=positive, default=50, metavar="N", help="at most N lines (50)"
    )
    p.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text (default), json (for scripts) or markdown",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the quotations asked for and print them."""
    # sqlite3 is loaded only by the commands that use the database.
    from brief.config import load_config
    from brief.store import ArticleFilter, Store

    since = _since(args.since)
    rules = load_config(config_path(args)).follow if args.followed else ()
    with Store.open() as store:
        speakers: frozenset[int] | None = None
        if args.speaker is not None:
            speakers = store.resolve_speaker(args.speaker)
            if not speakers:
                raise UsageError(
                    f"no stored speaker is named {_clean(args.speaker)!r} (see `brief speakers`)"
                )
        if args.followed:
            followed = store.followed_speakers(rules)
            if not followed:
                print(
                    "brief: warning: no speaker is followed (brief speakers follow ID|NAME)",
                    file=sys.stderr,
                )
            speakers = followed if speakers is None else speakers & followed
        window = STORY_WINDOW if args.story else args.limit
        rows = store.quotations(speakers=speakers, flt=ArticleFilter(since=since), limit=window)
    if args.story:
        groups = stories(rows)[: args.limit]
        data = [story_json(g) for g in groups]
        text = [_story_text(g) for g in groups]
        md = [_story_markdown(g) for g in groups]
    else:
        data = [quote_json(q) for q in rows]
        text = [_quote_text(q) for q in rows]
        md = [_quote_markdown(q) for q in rows]
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        print("".join(md), end="")
    else:
        print("".join(text), end="")
    return 0


def _since(span: str | None) -> datetime | None:
    if span is None:
        return None
    from brief.config import parse_duration
    from brief.store import now_utc

    try:
        return now_utc() - parse_duration(span)
    except ValueError:
        raise UsageError(f"invalid --since {span!r}: use e.g. 90m, 24h, 7d or 2w") from None


def stories(rows: list[Quotation]) -> list[Carried[Quotation]]:
    """The quotations of ``rows`` (newest first) grouped across outlets, the group with the
    newest item first; quotes and statements are never one group."""
    from brief.present.carried import carried

    def group(items: list[Quotation]) -> list[Carried[Quotation]]:
        return carried(items, lambda q: q.text, lambda q: q.published, lambda q: q.outlet)

    position = {id(q): i for i, q in enumerate(rows)}
    found = group([q for q in rows if not q.is_statement])
    found += group([q for q in rows if q.is_statement])
    return sorted(found, key=lambda g: min(position[id(q)] for q in g.items))


def _clean(text: str | None) -> str:
    from brief.text import sanitize

    return " ".join(sanitize(text).split()) if text else ""


def _quoted(q: Quotation) -> str:
    """The words said as shown: sanitized, one line, without the comma that led into the
    attribution ("We will not back down," he said)."""
    return _clean(q.text).rstrip(",;:").rstrip()


def _day(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%d") if moment else None


def _said_by(group: Carried[Quotation]) -> Quotation:
    """The version whose speaker most outlets give (ties: an asserted one, then the earliest)."""
    votes = Counter(_who(q) for q in group.items)
    best = max(votes.values())
    winners = [q for q in group.items if votes[_who(q)] == best]
    return next((q for q in winners if q.confident), winners[0])


def _who(q: Quotation) -> str:
    return f"#{q.speaker_id}" if q.speaker_id is not None else (q.speaker or "").casefold()


def _speaker_fields(q: Quotation) -> dict[str, Any]:
    return {
        "speaker": _clean(q.speaker_name or q.speaker) or None,
        "alias": _clean(q.speaker) or None,
        "speaker_id": q.speaker_id,
        "speaker_kind": q.speaker_kind,
        "role": _clean(q.role) or None,
        "confidence": None if q.confidence is None else round(q.confidence, 2),
    }


def _source_json(q: Quotation) -> dict[str, Any]:
    return {
        "article_id": q.article_id,
        "article_title": _clean(q.article_title) or None,
        "url": q.article_url,
        "outlet": _clean(q.outlet),
        "published": _day(q.published),
    }


def quote_json(q: Quotation) -> dict[str, Any]:
    """One quotation for scripts (brief/schema/quotes.schema.json, "quote")."""
    return {
        "text": _quoted(q),
        "statement": q.is_statement,
        **_speaker_fields(q),
        **_source_json(q),
    }


def story_json(group: Carried[Quotation]) -> dict[str, Any]:
    """One quotation across outlets (brief/schema/quotes.schema.json, "story")."""
    shown = group.first
    return {
        "text": _quoted(shown),
        "statement": shown.is_statement,
        **_speaker_fields(_said_by(group)),
        "outlets": [_clean(o) for o in group.outlets],
        "first_seen": _day(shown.published),
        "sources": [_source_json(q) for q in group.items],
    }


def _attribution(q: Quotation) -> str:
    """ "Abdoulaye Diop (#12), foreign minister", "Laessing?" when doubted, or unattributed."""
    name = _clean(q.speaker_name or q.speaker)
    if not name:
        return "unattributed"
    name += "" if q.confident else "?"
    if q.speaker_id is not None:
        name += f" (#{q.speaker_id})"
    role = _clean(q.role)
    return f"{name}, {role}" if role else name


def _said(q: Quotation) -> str:
    text = _quoted(q)
    return f"(statement) {text}" if q.is_statement else f"“{text}”"


def _quote_text(q: Quotation) -> str:
    title = _clean(q.article_title) or "(untitled)"
    return (
        f"{_day(q.published) or '----------'}  {_said(q)} — {_attribution(q)}\n"
        f"            {_clean(q.outlet)}: {title} (article #{q.article_id})\n"
    )


def _carried_line(group: Carried[Quotation]) -> str:
    firsts: dict[str, datetime | None] = {}
    for q in group.items:
        firsts.setdefault(q.outlet, q.published)
    outlets = ", ".join(f"{_clean(o)} ({_day(d)})" if d else _clean(o) for o, d in firsts.items())
    count = len(group.outlets)
    label = "carried by 1 outlet" if count == 1 else f"carried by {count} outlets"
    return f"{label}: {outlets}"


def _story_text(group: Carried[Quotation]) -> str:
    shown = group.first
    ids = ", ".join(f"#{q.article_id}" for q in group.items)
    return (
        f"{_day(shown.published) or '----------'}  {_said(shown)} — "
        f"{_attribution(_said_by(group))}\n"
        f"            {_carried_line(group)} (articles {ids})\n"
    )


def _md_link(q: Quotation) -> str:
    from brief.digest.render import safe_url
    from brief.present import md_escape

    title = md_escape(_clean(q.article_title) or "(untitled)")
    url = safe_url(q.article_url)
    return f"[{title}]({url})" if url else title


def _md_said(q: Quotation) -> str:
    from brief.present import md_escape

    text = md_escape(_quoted(q))
    return f"*(statement)* {text}" if q.is_statement else f"“{text}”"


def _quote_markdown(q: Quotation) -> str:
    from brief.present import md_escape

    return (
        f"- {_md_said(q)} — **{md_escape(_attribution(q))}** · "
        f"{md_escape(_clean(q.outlet))}, {_day(q.published) or 'undated'} · {_md_link(q)}\n"
    )


def _story_markdown(group: Carried[Quotation]) -> str:
    from brief.present import md_escape

    sources = "; ".join(f"{md_escape(_clean(q.outlet))}: {_md_link(q)}" for q in group.items)
    return (
        f"- {_md_said(group.first)} — **{md_escape(_attribution(_said_by(group)))}**  \n"
        f"  {md_escape(_carried_line(group))} — {sources}\n"
    )
