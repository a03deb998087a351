"""The brief CLI run as a subprocess, as a user or cron runs it (BRIEF_HOME is the test's)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping


def brief_argv(*args: str) -> list[str]:
    """The command line of ``python -m brief ARGS`` with this interpreter."""
    return [sys.executable, "-m", "brief", *args]


def brief_env(env: Mapping[str, str] | None = None, *, inherit: bool = True) -> dict[str, str]:
    """The environment of a run: this process's with ``env`` added, or ``env`` alone when
    ``inherit`` is false (a bare PATH, as cron gives)."""
    return {**(os.environ if inherit else {}), **(env or {})}


def cron_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """What cron gives a job: no TERM, LANG=C, a minimal PATH, HOME and the test's BRIEF_HOME
    (and SSL_CERT_FILE when set), then ``env``; pass it with ``inherit_env=False``."""
    out = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C",
        "HOME": os.environ.get("HOME", "/root"),
        "BRIEF_HOME": os.environ["BRIEF_HOME"],
    }
    if "SSL_CERT_FILE" in os.environ:
        out["SSL_CERT_FILE"] = os.environ["SSL_CERT_FILE"]
    return {**out, **(env or {})}


def run_brief(
    *args: str,
    env: Mapping[str, str] | None = None,
    inherit_env: bool = True,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``python -m brief ARGS`` with no stdin, its output as text; ``env`` adds variables (is
    the whole environment when ``inherit_env`` is false)."""
    return subprocess.run(
        brief_argv(*args),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=brief_env(env, inherit=inherit_env),
        timeout=timeout,
    )


def run_brief_bytes(
    *args: str,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    inherit_env: bool = True,
    timeout: float = 120,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m brief ARGS`` with ``stdin`` as its input (none when None), output as bytes."""
    return subprocess.run(
        brief_argv(*args),
        capture_output=True,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        env=brief_env(env, inherit=inherit_env),
        timeout=timeout,
    )


def start_brief(
    *args: str, capture: bool = True, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """``python -m brief ARGS`` started and left running (no stdin): its output in pipes, or
    thrown away when ``capture`` is false. The caller waits for it or kills it."""
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen(
        brief_argv(*args), stdin=subprocess.DEVNULL, stdout=out, stderr=out, env=brief_env(env)
    )
