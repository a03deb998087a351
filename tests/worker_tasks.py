"""Tasks for tests/test_refresh_workers.py, importable by the spawned worker processes."""

from __future__ import annotations

import os
import time

from brief.errors import FeedError


def nap(seconds: float) -> int:
    """Sleep, then answer with the worker's pid."""
    time.sleep(seconds)
    return os.getpid()


def hog(mebibytes: int) -> int:
    """Try to hold this much memory at once."""
    block = bytearray(mebibytes * 1024 * 1024)
    return len(block)


def die(status: int) -> int:
    """End the worker process abruptly (as a crash in C code would)."""
    os._exit(status)


def fail(message: str) -> int:
    """Raise an ordinary exception."""
    raise ValueError(message)


def refuse(message: str) -> int:
    """Raise one of brief's own errors."""
    raise FeedError(message)


def chatter(text: str) -> str:
    """Print to stdout and stderr, through Python and straight to the file descriptors."""
    import sys

    print(text)
    print(text, file=sys.stderr)
    os.write(1, text.encode())
    os.write(2, text.encode())
    return text
