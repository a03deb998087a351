"""The `brief` command line: parses arguments, runs one command, reports errors once.

Heavy libraries (textual, trafilatura, sumy, httpx) are imported inside the commands that need
them so that `brief --help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from brief import __version__
from brief.commands import (
    backup,
    completion,
    digest,
    feeds,
    fetch,
    init,
    quotes,
    search,
    show,
    speakers,
    summarize,
)
from brief.commands.parser import Parser
from brief.errors import INTERRUPTED, BriefError, UsageError, exit_code_table


class _Parser(Parser):
    """argparse that reports a usage error as one line through brief's error path."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _with_parent(add_parser: Any, common: argparse.ArgumentParser) -> Any:
    """Wrap subparsers.add_parser so every command also accepts the common options."""

    def add(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("parents", [common])
        return add_parser(*args, **kwargs)

    return add


def build_parser() -> Parser:
    """The full parser with every subcommand."""
    parser = _Parser(
        prog="brief",
        description="A terminal news-brief reader and summarizer: what happened, "
        "and who said what.",
        epilog=exit_code_table(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"brief {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something fails"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on bundled sample articles in a temporary store (no network, "
        "no config); without a COMMAND, brief opens the app on your own store",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="the config file (default: $BRIEF_HOME/config.toml, else the platform's, "
        "e.g. ~/.config/brief/config.toml)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # --debug is accepted after the command too; main() looks for it in argv directly.
    # So is --config (SUPPRESS: when absent after the command, the value before it stays).
    common = _Parser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    common.add_argument(
        "--config", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    sub.add_parser = _with_parent(sub.add_parser, common)
    summarize.register(sub)
    digest.register(sub)
    fetch.register(sub)
    init.register(sub)
    feeds.register(sub)
    search.register(sub)
    show.register(sub)
    speakers.register(sub)
    quotes.register(sub)
    backup.register(sub)
    completion.register(sub, parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run brief with the given arguments and return its exit code."""
    parser = build_parser()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            # The app (Textual) is imported only here, so --help and the commands stay fast.
            from brief.commands import tui

            return tui.run(args)
        if args.demo:
            raise UsageError("--demo opens the app and takes no COMMAND")
        code: int = args.run(args)
        return code
    except BriefError as err:
        if debug:
            raise
        print(f"brief: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("brief: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # The reader of our stdout went away (e.g. `brief … | head`): not an error.
        sys.stderr.close()
        return 0


def entry() -> NoReturn:
    """Console-script entry point."""
    sys.exit(main())
