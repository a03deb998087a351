"""`brief` with no command opens the app: what the command line does around it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import cli_support


def run_brief(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`brief ARGS` with only BRIEF_HOME and a bare PATH: no TERM, no terminal."""
    env = {"BRIEF_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return cli_support.run_brief(*args, env=env, inherit_env=False, timeout=60)


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
