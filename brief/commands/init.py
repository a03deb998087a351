"""`brief init`: write the documented example config where brief looks for it."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from brief.commands.options import config_path
from brief.errors import InputError


def register(sub: Any) -> None:
    """Add the init command to the CLI's subparsers."""
    p = sub.add_parser(
        "init",
        help="write the example config file (never overwrites)",
        description="Write the documented example configuration (every setting with its "
        "default) to the config file location, or to --config PATH, and subscribe to its "
        "starter list of a dozen world-news feeds in the database, where `brief feeds "
        "remove`, `rename` and `tag` edit them. An existing file is left untouched.",
    )
    p.set_defaults(run=run)


# The line of config.example.toml that opens the starter list of [[feeds]].
STARTER_MARK = "# A starter list of world news"
STARTER_NOTE = """\
# `brief init` subscribed you to the starter list below in the database: `brief feeds list`
# shows it, `brief feeds remove URL|ID`, `rename` and `tag` edit it. Uncomment a feed here to
# keep it in this file instead (then remove it here, not with `brief feeds remove`).
"""


def written_config(example: str) -> tuple[str, str]:
    """The config `brief init` writes (the example with its starter [[feeds]] commented out),
    and the starter list as TOML (to subscribe in the database)."""
    head, mark, starters = example.partition(STARTER_MARK)
    if not mark:
        return example, ""
    first, _, rest = starters.partition("\n")
    commented = "".join(
        f"# {row}\n" if row.strip() and not row.startswith("#") else f"{row}\n"
        for row in rest.splitlines()
    )
    return head + STARTER_NOTE + mark + first + "\n" + commented, rest


def run(args: argparse.Namespace) -> int:
    """Write the example config where brief looks for it, unless a file is already there,
    and subscribe to its starter feeds in the database (where feed commands can edit them)."""
    from importlib import resources  # 10 ms to import: not for every `brief --help`

    from brief.config import parse_config
    from brief.paths import config_file
    from brief.store import Store

    target = config_path(args) or config_file()
    example = (resources.files("brief") / "config.example.toml").read_text(encoding="utf-8")
    text, starters = written_config(example)
    feeds = parse_config(starters, "config.example.toml").feeds
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # "x": create, never replace — even a file that appeared a moment ago.
        with target.open("xb") as handle:
            handle.write(text.encode("utf-8"))
    except FileExistsError:
        print(f"brief: {target} already exists; left as it is", file=sys.stderr)
        return 0
    except OSError as err:
        raise InputError(f"cannot write {target}: {err.strerror or err}") from err
    with Store.open() as store:
        added = sum(1 for _, new in store.add_feeds(feeds) if new)
    print(f"wrote {target}")
    print(
        f"subscribed to {added} starter feeds (brief feeds list; brief feeds remove URL|ID "
        "drops one)"
    )
    return 0
