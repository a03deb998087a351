"""brief's TUI in a real terminal: tmux runs `brief --demo` and `brief`, we read the screen.

Each test starts its own tmux server (a private socket) with a shell in a 160x50 pane (two in
80x24), types
the command, reads the pane with capture-pane, quits with q, and checks that the terminal
was handed back: the shell prompt, no alternate screen, the cursor shown, mouse reporting off.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tui_support import HOSTILE_SHOWN, HOSTILE_SPEAKER, build_hostile_store

PROMPT = "READY$ "
SHOWN_PROMPT = PROMPT.strip()  # capture-pane drops the spaces at the end of a line
EXITED = re.compile(r"BRIEF-EXIT=\d")  # the shell's echo once brief ended (not the command)
WAIT = 60.0  # seconds a screen may take to appear on a slow CI machine

if shutil.which("tmux") is None:  # pragma: no cover - tmux is installed here and on CI
    raise RuntimeError("these tests need tmux (apt-get install tmux)")


class Pane:
    """A tmux pane on a private server; commands are typed into its shell."""

    def __init__(self, home: Path, size: tuple[int, int] = (160, 50), **extra: str) -> None:
        self.socket = f"brief-test-{uuid.uuid4().hex[:12]}"
        env = {
            **extra,
            "PS1": PROMPT,
            "BRIEF_HOME": str(home),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        exports = " ".join(f"{k}='{v}'" for k, v in env.items())
        self.tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "t",
            "-x", str(size[0]), "-y", str(size[1]),
            f"env -i {exports} TERM=tmux-256color sh -i",
        )  # fmt: skip

        self.socket_path = Path(self.state("socket_path"))

    def start(self) -> None:
        """Wait for the shell's prompt."""
        self.wait_for(lambda screen: SHOWN_PROMPT in screen)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)
        self.tmux("send-keys", "-t", "t", "Enter")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def state(self, name: str) -> str:
        return self.tmux("display-message", "-p", "-t", "t", f"#{{{name}}}").strip()

    def wait_for(self, ready: Callable[[str], bool]) -> str:
        deadline = time.monotonic() + WAIT
        while True:
            screen = self.screen()
            if ready(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never got ready; it shows:\n{screen}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        self.socket_path.unlink(missing_ok=True)


@pytest.fixture
def pane(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Pane]:
    # A terminal browser that notes what it was asked to open (webbrowser runs $BROWSER).
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {tmp_path / "opened.txt"}\n')
    browser.chmod(0o755)
    temp = tmp_path / "tmp"
    temp.mkdir()
    # A pager that keeps what it was given (P in the reader pipes the article to $PAGER).
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ncat > {tmp_path / 'paged.txt'}\n")
    pager.chmod(0o755)
    size = getattr(request, "param", (160, 50))
    opened = Pane(tmp_path / "home", size, BROWSER=str(browser), PAGER=str(pager), TMPDIR=str(temp))
    try:
        opened.start()
        yield opened
    finally:
        opened.close()


def brief_command(*args: str) -> str:
    return " ".join([sys.executable, "-m", "brief", *args]) + "; echo BRIEF-EXIT=$?"


def assert_terminal_restored(pane: Pane) -> None:
    screen = pane.wait_for(
        lambda s: EXITED.search(s) is not None and s.rstrip().endswith(SHOWN_PROMPT)
    )
    assert "BRIEF-EXIT=0" in screen
    assert "Summary" not in screen and "╭" not in screen  # the app's screen is gone
    assert pane.state("alternate_on") == "0"
    assert pane.state("cursor_flag") == "1"
    assert pane.state("mouse_any_flag") == "0"
    assert pane.state("pane_current_command") == "sh"  # brief's process has ended


def test_demo_in_a_real_terminal(pane: Pane) -> None:
    pane.type(brief_command("--demo"))
    seed = pane.wait_for(lambda s: "Demo: 5 sample articles analyzed." in s and "─ Oula? ─" in s)
    assert pane.state("alternate_on") == "1"
    assert "How a drone interception fueled tensions between Mali & Algeria" in seed
    # Away to the next article, and back to the seed's brief.
    pane.keys("j")
    pane.wait_for(lambda s: "─ Oula? ─" not in s)
    pane.keys("k")
    seed = pane.wait_for(lambda s: "─ Oula? ─" in s)
    for panel in ("─ Ulf Laessing ─", "─ Abdoulaye Diop ─", "─ Oula? ─", "─ Summary ─"):
        assert panel in seed
    assert "director of the Sahel program of the German Konrad Adenauer Foundation" in seed
    assert "Foreign Minister of Mali" in seed
    pane.keys("q")
    assert_terminal_restored(pane)


@pytest.mark.parametrize("pane", [(80, 24)], indirect=True)
def test_at_80x24_the_summary_reads_whole_line_by_line(pane: Pane) -> None:
    sample = subprocess.run(
        [sys.executable, "-m", "brief", "summarize", "--sample", "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    sentences = json.loads(sample.stdout)["summary"]
    pane.type(brief_command("--demo"))
    pane.wait_for(lambda s: "Demo: 5 sample articles analyzed." in s)
    pane.keys("Enter")  # the seed's brief takes the one pane
    screen = pane.wait_for(lambda s: "─ Summary ─" in s and "╰" in s)
    lines = screen.splitlines()
    assert all(len(line) <= 80 for line in lines)
    top = next(i for i, line in enumerate(lines) if "╭─ Summary ─" in line)
    left = lines[top].index("╭")
    read = []
    for line in lines[top + 1 :]:
        if line[left] == "╰":
            break
        assert line[left] == "│" and line.rstrip()[-1] in "│┃"  # both borders: nothing cut
        inner = line[left + 1 :]
        read.append(inner[: inner.index("│")].strip())
    assert len(read) > len(sentences)  # the sentences did wrap
    assert " ".join(read) == " ".join(f"• {s}" for s in sentences)
    pane.keys("q")
    assert_terminal_restored(pane)


def test_the_demo_leaves_nothing_behind(pane: Pane, tmp_path: Path) -> None:
    pane.type(brief_command("--demo"))
    pane.wait_for(lambda s: "Demo: 5 sample articles analyzed." in s)
    assert [p.name[:11] for p in (tmp_path / "tmp").iterdir()] == ["brief-demo-"]
    pane.keys("q")
    assert_terminal_restored(pane)
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary store is gone
    assert not (tmp_path / "home" / "data").exists()  # and the user's store was not made


def test_o_hands_the_terminal_to_a_terminal_browser(pane: Pane, tmp_path: Path) -> None:
    pane.type(brief_command("--demo"))
    pane.wait_for(lambda s: "Demo: 5 sample articles analyzed." in s)
    pane.keys("j")  # Al Jazeera's article: it has a link
    pane.wait_for(lambda s: "US service members killed in Afghanistan helicopter crash" in s)
    pane.keys("o")
    opened = tmp_path / "opened.txt"
    deadline = time.monotonic() + WAIT
    while not opened.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert opened.read_text().split() == [
        "https://www.aljazeera.com/news/2019/11/service-members-killed-afghanistan-helicopter"
        "-crash-191120070028895.html"
    ]
    # The browser has ended: the app has its terminal back and answers keys.
    pane.wait_for(lambda s: "─ Summary ─" in s)
    pane.keys("k")
    pane.wait_for(lambda s: "─ Oula? ─" in s)
    pane.keys("q")
    assert_terminal_restored(pane)


def test_P_hands_the_article_to_the_pager(pane: Pane, tmp_path: Path) -> None:
    pane.type(brief_command("--demo"))
    pane.wait_for(lambda s: "Demo: 5 sample articles analyzed." in s and "─ Oula? ─" in s)
    pane.keys("P")
    paged = tmp_path / "paged.txt"
    deadline = time.monotonic() + WAIT
    while not (paged.exists() and paged.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.1)
    text = paged.read_text(encoding="utf-8")
    assert text.startswith("How a drone interception fueled tensions between Mali & Algeria\n")
    assert "SUMMARY" in text and "Ulf Laessing" in text  # the brief, then the whole text
    assert "Numerous demonstrators gathered in front of the country’s embassy" in text
    pane.wait_for(lambda s: "─ Summary ─" in s)  # the reader has its terminal back
    pane.keys("j")
    pane.wait_for(lambda s: "─ Oula? ─" not in s)
    pane.keys("q")
    assert_terminal_restored(pane)


def test_a_bad_key_in_the_config_is_one_line(pane: Pane, tmp_path: Path) -> None:
    (tmp_path / "home").mkdir(exist_ok=True)
    (tmp_path / "home" / "config.toml").write_text('[keys]\nstar = "x"\n')
    pane.type(brief_command())
    screen = pane.wait_for(lambda s: EXITED.search(s) is not None)
    assert "brief: error: keys.star: unknown action (known: " in screen
    assert "BRIEF-EXIT=10" in screen
    assert pane.state("alternate_on") == "0"


def test_hostile_text_reaches_the_terminal_as_text(pane: Pane, tmp_path: Path) -> None:
    pane.tmux("set-option", "-g", "set-clipboard", "on")
    # Control: with set-clipboard on, an OSC 52 that reaches tmux becomes a paste buffer.
    pane.type("printf '\\033]52;c;Y29udHJvbA==\\a'; clear")
    pane.wait_for(lambda s: "printf" not in s)
    assert "control" in pane.tmux("show-buffer")
    pane.tmux("delete-buffer")
    data = tmp_path / "home" / "data"
    data.mkdir(parents=True)
    build_hostile_store(data / "brief.sqlite3")

    pane.type(brief_command())
    screen = pane.wait_for(lambda s: "spokesperson" in s)
    assert f"“{HOSTILE_SHOWN} is what they typed into the form”" in screen
    assert "in " + HOSTILE_SPEAKER in screen
    assert "click me [@click=app.quit]x[/] [/x]" in screen
    listed = subprocess.run(
        ["tmux", "-L", pane.socket, "list-buffers"], capture_output=True, text=True
    )
    assert listed.stdout == ""  # no clipboard write reached the terminal
    escaped = pane.tmux("capture-pane", "-p", "-e", "-t", "t")
    assert "]8;;" not in escaped and "]52;" not in escaped
    pane.keys("q")
    assert_terminal_restored(pane)


@pytest.mark.parametrize("pane", [(80, 24)], indirect=True)
def test_follow_a_speaker_and_read_their_page_at_80x24(pane: Pane) -> None:
    pane.type(brief_command("--demo"))
    pane.wait_for(lambda s: "Demo: 5 sample articles analyzed." in s)
    pane.keys("p")
    pane.wait_for(lambda s: "Speakers · All articles" in s and "Martin Indyk" in s)
    pane.keys("f")  # the most quoted, highlighted first
    pane.wait_for(lambda s: "✓ Martin Indyk" in s)
    pane.keys("Enter")
    page = pane.wait_for(lambda s: "Quoted beside" in s and "▌ " in s)
    assert "Roles" in page and "Where do strained U.S.-Israeli relations" in page
    assert all(len(line) <= 80 for line in page.splitlines())
    pane.keys("Escape")
    pane.wait_for(lambda s: "Speakers · All articles" in s)
    pane.keys("Escape")
    listed = pane.wait_for(lambda s: "✓ Martin Indyk" in s and "Speakers ·" not in s)
    assert "✓ Followed" not in listed  # one pane at 80x24: the feeds are behind shift+tab
    pane.keys("BTab")
    pane.wait_for(lambda s: "1 ✓ Followed" in s)
    pane.keys("q")
    assert_terminal_restored(pane)
