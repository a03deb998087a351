"""`brief` with no command opens the app: what the command line does around it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_brief(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brief", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={"BRIEF_HOME": str(home), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )


def test_the_app_needs_a_terminal(brief_home: Path) -> None:
    done = run_brief(home=brief_home)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "brief: error: the app needs a terminal; see 'brief --help' for the commands"
    )
    assert not (brief_home / "data").exists()  # no store was created on the way


def test_demo_takes_no_command(brief_home: Path) -> None:
    done = run_brief("--demo", "summarize", "--sample", home=brief_home)
    assert done.returncode == 2
    assert "--demo opens the app and takes no COMMAND" in done.stderr


def test_help_tells_about_the_app_and_the_demo(brief_home: Path) -> None:
    done = run_brief("--help", home=brief_home)
    assert done.returncode == 0
    assert "--demo" in done.stdout
    assert "bundled sample articles" in done.stdout
