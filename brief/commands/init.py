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
        description="Write the documented example configuration (a dozen world-news feeds "
        "and every setting with its default) to the config file location, or to --config "
        "PATH. An existing file is left untouched.",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the example config where brief looks for it, unless a file is already there."""
    from importlib import resources  # 10 ms to import: not for every `brief --help`

    from brief.paths import config_file

    target = config_path(args) or config_file()
    example = (resources.files("brief") / "config.example.toml").read_bytes()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # "x": create, never replace — even a file that appeared a moment ago.
        with target.open("xb") as handle:
            handle.write(example)
    except FileExistsError:
        print(f"brief: {target} already exists; left as it is", file=sys.stderr)
        return 0
    except OSError as err:
        raise InputError(f"cannot write {target}: {err.strerror or err}") from err
    print(f"wrote {target}")
    return 0
