"""`brief summarize SOURCE`: one page, file or stdin to a brief in text, JSON or Markdown."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from typing import Any

from brief.choices import ALGORITHMS
from brief.commands.options import config_path
from brief.errors import (
    SUCCESS,
    AnalysisMemoryError,
    AnalysisTimeout,
    BriefError,
    ConfigError,
    ExtractionError,
    FetchError,
    HTTPStatusError,
    IncompleteError,
    InputError,
    TooLargeError,
    UnsupportedContentError,
    UsageError,
    exit_code_table,
)

FORMATS = ("text", "json", "markdown")
# Seconds for loading and analysis together: a news page takes one or two; a 5 MB page of
# text about a minute on one core.
DEFAULT_TIME_LIMIT = 120.0


EPILOG = """\
JSON output (--format json) is a stable, versioned contract: see README.md, section 'JSON
output', and brief/schema/brief.schema.json.

""" + exit_code_table(
    {SUCCESS, BriefError.exit_code, UsageError.exit_code, FetchError.exit_code,
     HTTPStatusError.exit_code, AnalysisTimeout.exit_code, TooLargeError.exit_code,
     UnsupportedContentError.exit_code, ExtractionError.exit_code, InputError.exit_code,
     IncompleteError.exit_code, ConfigError.exit_code, AnalysisMemoryError.exit_code},
    {BriefError.exit_code: "the analysis worker died: a crash, killed",
     AnalysisMemoryError.exit_code: "the page needed more memory than summary.worker_memory_mb"},
)  # fmt: skip


def sample_path() -> str:
    """Path of the bundled sample article (the Mali–Algeria drone crisis text)."""
    return str(resources.files("brief") / "samples" / "seed.txt")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 1 <= number <= 50:
        raise argparse.ArgumentTypeError("must be between 1 and 50")
    return number


def _time_limit(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 1 <= number <= 86400:  # also refuses nan
        raise argparse.ArgumentTypeError("must be between 1 and 86400 seconds")
    return number


def register(sub: Any) -> None:
    """Add the summarize command to the CLI's subparsers."""
    p = sub.add_parser(
        "summarize",
        help="summarize one article: summary, quotes with speakers, actors",
        description="Turn one article into a brief: a short summary, every direct quotation "
        "with its speaker (name and role), statements in reported speech, and the actors "
        "involved. SOURCE is an http(s) URL, a local .html/.htm/.txt/.md file (optionally "
        ".gz), or - for stdin.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("source", nargs="?", metavar="SOURCE", help="URL, file path, or - for stdin")
    p.add_argument(
        "--sample",
        action="store_true",
        help="summarize the bundled sample article (works offline) instead of SOURCE",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="text",
        help="output format (default: text; Rich panels on a terminal, plain text when piped)",
    )
    p.add_argument(
        "-n",
        "--sentences",
        type=_positive,
        default=5,
        metavar="N",
        help="number of summary sentences (1-50, default 5)",
    )
    p.add_argument(
        "-a",
        "--algorithm",
        choices=ALGORITHMS,
        default="default",
        help="summary algorithm (default: brief's lead-aware ranking)",
    )
    p.add_argument(
        "-l",
        "--language",
        metavar="LANG",
        help="language of the text as an ISO code, e.g. en, de, fr "
        "(default: from the page, else English)",
    )
    p.add_argument(
        "--time-limit",
        type=_time_limit,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help="give up (exit 5) when loading and analysis take longer; they run in a worker "
        f"process with a memory cap too (default {DEFAULT_TIME_LIMIT:g})",
    )
    p.add_argument(
        "--with-text",
        action="store_true",
        help="with --format json: include the article text that start/end offsets point into",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load the source, analyze it, print the brief."""
    if args.sample and args.source:
        raise UsageError("give either SOURCE or --sample, not both")
    if not args.sample and not args.source:
        raise UsageError("missing SOURCE (a URL, a file, or -); try --sample for a demo")
    # The worker pool and the pipeline (in the worker): imported only when summarizing.
    from brief.config import load_config
    from brief.extract import read_stdin
    from brief.refresh import OneShot, summarize_bounded

    memory_mb = load_config(config_path(args)).summary.worker_memory_mb
    source = sample_path() if args.sample else args.source
    stdin = read_stdin(sys.stdin.buffer) if source == "-" else None
    job = OneShot(source, stdin, args.sentences, args.algorithm, args.language, memory_mb)
    brief = summarize_bounded(job, time_limit=args.time_limit)
    if args.format == "json":
        print(json.dumps(brief.to_json(with_text=args.with_text), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        from brief.present import markdown

        sys.stdout.write(markdown(brief))
    elif sys.stdout.isatty():
        from rich.console import Console

        from brief.present import brief_renderable

        Console().print(brief_renderable(brief))
    else:
        from brief.present import plain_text

        sys.stdout.write(plain_text(brief))
    return 0
