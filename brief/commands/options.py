"""Argument helpers shared by the feed commands (fetch, feeds, search, init)."""

from __future__ import annotations

import argparse
from pathlib import Path


def config_path(args: argparse.Namespace) -> Path | None:
    """The --config file given on the command line, else None (the default location)."""
    value = getattr(args, "config", None)
    return Path(value).expanduser() if value else None


def seconds(value: str) -> float:
    """An argparse type: a number of seconds, 0 or more."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 <= number <= 3600:
        raise argparse.ArgumentTypeError("must be between 0 and 3600 seconds")
    return number


def positive(value: str) -> int:
    """An argparse type: a whole number from 1 to 10000."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 1 <= number <= 10_000:
        raise argparse.ArgumentTypeError("must be between 1 and 10000")
    return number
