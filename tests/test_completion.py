"""`brief completion SHELL`: the bash script run by a real bash, the fish and zsh scripts read."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from test_commands_feeds import brief


def complete(script: str, *words: str) -> list[str]:
    """What bash offers after ``brief WORDS`` (the last word is the one being completed)."""
    line = ["brief", *words]
    probe = (
        f"{script}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in line)})\n"
        f"COMP_CWORD={len(line) - 1}\n"
        "_brief\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(["bash", "--norc", "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [w for w in done.stdout.splitlines() if w]


@pytest.fixture(scope="module")
def bash_script() -> str:
    assert shutil.which("bash")
    done = brief("completion", "bash")
    assert done.returncode == 0 and done.stderr == ""
    return done.stdout


def test_bash_completes_commands_actions_options_and_choices(bash_script: str) -> None:
    assert set(complete(bash_script, "")) >= {"summarize", "digest", "feeds", "show", "search"}
    assert sorted(complete(bash_script, "fe")) == ["feeds", "fetch"]
    assert sorted(complete(bash_script, "feeds", "re")) == ["remove", "rename"]
    assert sorted(complete(bash_script, "digest", "--d")) == ["--date", "--dry-run"]
    assert complete(bash_script, "digest", "--format", "") == ["markdown", "html", "text", "json"]
    assert complete(bash_script, "--config", "x.toml", "feeds", "list", "--format", "j") == ["json"]
    assert complete(bash_script, "completion", "") == ["bash", "zsh", "fish", "-h", "--help"]
    # A value that is not a command name does not move into a command.
    assert "--limit" in complete(bash_script, "search", "feeds", "-")
    assert complete(bash_script, "digest", "--output", "") == []  # files: bash's default


def test_zsh_and_fish_scripts_name_every_command() -> None:
    zsh = brief("completion", "zsh").stdout
    assert "bashcompinit" in zsh and "complete -o default -F _brief brief" in zsh
    fish = brief("completion", "fish").stdout
    for command in ("summarize", "digest", "fetch", "init", "feeds", "search", "show"):
        assert f"-n __fish_use_subcommand -a {command} -d " in fish
    assert "__fish_seen_subcommand_from feeds; and not __fish_seen_subcommand_from add" in fish
    assert "-l format -x -a 'markdown html text json'" in fish
    bad = brief("completion", "tcsh")
    assert bad.returncode == 2 and bad.stderr.startswith("brief: error: argument SHELL")


def test_the_parser_keeps_a_table_of_every_declaration() -> None:
    from brief.cli import build_parser

    root = build_parser().declared
    assert list(root.commands)[:3] == ["summarize", "digest", "fetch"]
    assert [o.strings for o in root.options][:2] == [("-h", "--help"), ("--version",)]
    _, digest = root.commands["digest"]
    spelled = {s: o for o in digest.options for s in o.strings}
    assert spelled["--date"].takes_value  # declared in a mutually exclusive group
    assert not spelled["--dry-run"].takes_value
    assert spelled["--format"].choices == ("markdown", "html", "text", "json")
    assert "--debug" not in spelled  # accepted after every command, hidden from --help
    _, feeds = root.commands["feeds"]
    assert list(feeds.commands) == ["add", "list", "remove", "rename", "tag", "import", "export"]
    assert root.commands["completion"][1].values == ["bash", "zsh", "fish"]
