"""`brief feeds add|list|remove|rename|tag|import|export`: the subscriptions (list and the
edits are in brief.commands.feeds_edit)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from brief.commands import feeds_edit
from brief.commands.feeds_edit import line, open_store, subscriptions
from brief.commands.options import config_path
from brief.errors import InputError, UsageError

# An OPML list is a few hundred kilobytes at most; more is not a subscription list.
_OPML_MAX_BYTES = 10 * 1024 * 1024

FEEDS_EPILOG = """\
Feeds listed in the config file ([[feeds]]) are subscribed by every `brief fetch` (and by
`feeds list` / `feeds export`), with the config's name and tags; feeds added here live in the
database only. Removing a feed from the config does not unsubscribe it: use
`brief feeds remove` (which refuses a feed still listed in the config, since the next fetch
would bring it back).
"""


def register(sub: Any) -> None:
    """Add the feeds command (and its actions) to the CLI's subparsers."""
    feeds = sub.add_parser(
        "feeds",
        help="manage subscriptions: add, list, remove, rename, tag, import, export",
        description="Manage the feeds brief follows.",
        epilog=FEEDS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common = _common_options(type(feeds))
    actions = feeds.add_subparsers(
        dest="feeds_action", metavar="ACTION", required=True, parser_class=type(feeds)
    )

    add = actions.add_parser(
        "add",
        parents=[common],
        help="subscribe to a feed (a web page's announced feed is found)",
        description="Subscribe to the feed at URL. URL may also be a web page that announces "
        'its feed with <link rel="alternate">; the feed is fetched once to check it.',
    )
    add.add_argument("url", metavar="URL", help="the feed or a page announcing it (http/https)")
    add.add_argument("--name", help="display name (default: the feed's own title)")
    add.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    add.set_defaults(run=run_add)

    listing = actions.add_parser(
        "list",
        parents=[common],
        help="every feed with its status, last success, errors and articles",
        description="List the subscribed feeds: status (new, ok, failing), the last "
        "successful refresh, consecutive errors and the last one, articles and unread.",
    )
    listing.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): a table; json: one array of feed objects, for scripts",
    )
    listing.set_defaults(run=feeds_edit.run_list)

    remove = _feed_action(
        actions,
        common,
        "remove",
        help="unsubscribe (articles only this feed carried go too, unless starred)",
        description="Unsubscribe from a feed given by its URL or its ID (see `feeds list`).",
    )
    remove.set_defaults(run=feeds_edit.run_remove)

    rename = _feed_action(
        actions,
        common,
        "rename",
        help="give a feed another display name",
        description='Give a feed (URL or ID) a display name; "" goes back to its own title.',
    )
    rename.add_argument("name", metavar="NAME")
    rename.set_defaults(run=feeds_edit.run_rename)

    tag = _feed_action(
        actions,
        common,
        "tag",
        help="replace a feed's tags",
        description="Replace the tags of a feed (URL or ID); no TAG removes them all.",
    )
    tag.add_argument("tags", metavar="TAG", nargs="*")
    tag.set_defaults(run=feeds_edit.run_tag)

    imp = actions.add_parser(
        "import",
        parents=[common],
        help="subscribe to every feed of an OPML file (all or nothing)",
        description="Subscribe to the feeds of an OPML file: http(s) feed URLs only; "
        "folders and categories become tags. Nothing in the file is fetched or executed; "
        "each unusable outline is skipped with a warning; the feeds are added in one "
        "transaction.",
    )
    imp.add_argument("file", metavar="FILE.opml")
    imp.set_defaults(run=run_import)

    export = actions.add_parser(
        "export",
        parents=[common],
        help="write the subscriptions as OPML 2.0",
        description="Write every subscription as an OPML 2.0 document (first tag as the "
        "folder, every tag as a category) to stdout or to a file.",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically)")
    export.set_defaults(run=run_export)


def _feed_action(
    actions: Any, common: argparse.ArgumentParser, name: str, *, help: str, description: str
) -> argparse.ArgumentParser:
    """A feeds action on one subscribed feed, its first argument the feed's URL or ID."""
    action: argparse.ArgumentParser = actions.add_parser(
        name, parents=[common], help=help, description=description
    )
    action.add_argument("feed", metavar="URL|ID")
    return action


def _common_options(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """--config and --debug accepted after a feeds action too (as after any command)."""
    common = parser_class(add_help=False)
    common.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    return common


def run_add(args: argparse.Namespace) -> int:
    """Find and check the feed, then subscribe to it."""
    from brief.config import load_config
    from brief.feeds import find_feed
    from brief.net import FetchLimits, http_url
    from brief.text import sanitize

    url = http_url(args.url)
    if url is None:
        raise UsageError(f"not an http(s) URL: {sanitize(args.url)!r}")
    refresh = load_config(config_path(args)).refresh
    limits = FetchLimits(
        connect_timeout=refresh.connect_timeout,
        read_timeout=refresh.read_timeout,
        deadline=refresh.deadline,
        max_bytes=refresh.max_bytes,
        private_after_public=refresh.allow_private,
    )
    found = find_feed(url, limits)
    with open_store() as store:
        _, added = store.add_feed(found.url, args.name, args.tag)
    title = args.name or found.feed.title or found.url
    via = f" (announced by {found.page_url})" if found.page_url else ""
    if added:
        print(sanitize(f"added {title} <{found.url}>{via}: {len(found.feed.entries)} entries now"))
    else:
        print(sanitize(f"already subscribed: {title} <{found.url}>"))
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Subscribe to an OPML file's feeds, warning once per skipped outline."""
    from brief.feeds import parse_opml

    path = Path(args.file)
    try:
        with path.open("rb") as handle:
            data = handle.read(_OPML_MAX_BYTES + 1)
    except FileNotFoundError as err:
        raise InputError(f"{args.file}: no such file") from err
    except OSError as err:
        raise InputError(f"{args.file}: cannot read ({err.strerror or err})") from err
    if len(data) > _OPML_MAX_BYTES:
        raise InputError(f"{args.file}: larger than 10 MiB, not a subscription list")
    feeds, warnings = parse_opml(data)
    for warning in warnings:
        print(f"brief: warning: {args.file}: {line(warning)}", file=sys.stderr)
    with open_store() as store:
        results = store.add_feeds(feeds)
    added = sum(1 for _, new in results if new)
    print(
        f"imported {args.file}: {_count(added, 'new feed')}, "
        f"{len(results) - added} already subscribed, {_count(len(warnings), 'outline')} skipped"
    )
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def run_export(args: argparse.Namespace) -> int:
    """Write the subscriptions as OPML 2.0 (FileWriteError when -o cannot be written)."""
    from brief.config import FeedConfig
    from brief.feeds import write_opml
    from brief.files import write_output

    with open_store() as store:
        subscribed = subscriptions(args, store)
    feeds = [FeedConfig(f.url, f.name or f.title, f.tags) for f in subscribed]
    document = write_opml(feeds)
    if args.output:
        write_output(Path(args.output), document.encode("utf-8"))
    else:
        sys.stdout.write(document)
    return 0
