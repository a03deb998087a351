"""The brief CLI run as a subprocess, as a user or cron runs it (BRIEF_HOME is the test's)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping


def run_brief(
    *args: str, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m brief ARGS`` with no stdin, its output as text; ``env`` adds variables."""
    return subprocess.run(
        [sys.executable, "-m", "brief", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def run_brief_bytes(
    *args: str,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m brief ARGS`` with ``stdin`` as its input (none when None), output as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "brief", *args],
        capture_output=True,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )
