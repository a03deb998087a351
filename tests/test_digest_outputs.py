"""Where a digest (and `brief feeds export -o`) lands: a second run the same day with nothing
new never overwrites the day's digest file nor mails an empty digest (it says so on stderr);
`-o` onto a symlink writes its target and keeps the link, onto a FIFO or a character device
writes into it, never replacing it. The CLI runs as a subprocess, as cron runs it
(tests/test_digest_cli.py's helpers).

Devices are only ever reached through symlinks in tmp_path: a regression could then replace a
link in the test's folder, never a node of /dev.
"""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from datetime import datetime
from pathlib import Path

from cli_support import run_brief_bytes
from digest_support import smtp_server
from test_digest_cli import fill_day, run_digest, undigested


def _today() -> str:
    return datetime.now().astimezone().date().isoformat()


def test_second_digest_the_same_day_keeps_the_first(tmp_path: Path) -> None:
    fill_day()
    template = str(tmp_path / "{date}.md")
    run_digest("--no-fetch", "-o", template, check=True)
    written = tmp_path / f"{_today()}.md"
    first = written.read_bytes()
    assert b"## Stories" in first

    again = run_digest("--no-fetch", "-o", template)
    assert again.returncode == 0, again.stderr
    assert written.read_bytes() == first
    assert again.stderr.decode() == f"brief: warning: nothing new: {written} kept as it was\n"


def test_empty_digest_is_not_mailed(tmp_path: Path) -> None:
    fill_day()
    with smtp_server("none") as (port, inbox):
        config = tmp_path / "config.toml"
        config.write_text(
            f'[digest.smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'from = "brief@example.org"\nto = ["reader@example.org"]\n',
            encoding="utf-8",
        )
        run_digest("--no-fetch", "--mail", "--config", str(config), check=True)
        assert len(inbox.messages) == 1
        again = run_digest("--no-fetch", "--mail", "--config", str(config))
        assert again.returncode == 0, again.stderr
        assert len(inbox.messages) == 1
    assert again.stderr.decode() == "brief: warning: nothing new: no mail sent\n"


def test_output_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    fill_day()
    target = tmp_path / "archive" / "latest.md"
    target.parent.mkdir()
    target.write_text("yesterday's digest\n", encoding="utf-8")
    link = tmp_path / "digest.md"
    link.symlink_to(target)
    run_digest("--no-fetch", "-o", str(link), check=True)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "## Stories" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["latest.md"]


def test_output_into_a_fifo_is_written_into_it(tmp_path: Path) -> None:
    fill_day()
    fifo = tmp_path / "digest.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run_digest("--no-fetch", "-o", str(fifo), check=True)
    reader.join(timeout=60)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b"## Stories" in got[0]
    assert undigested() == set()


def test_output_to_standard_output_device_writes_the_pipe(tmp_path: Path) -> None:
    fill_day()
    link = tmp_path / "stdout"
    link.symlink_to("/dev/stdout")  # as `-o /dev/stdout`
    done = run_digest("--no-fetch", "-o", str(link), check=True)
    assert b"## Stories" in done.stdout
    assert link.is_symlink()


def test_output_to_a_full_device_fails_clearly_and_marks_nothing(tmp_path: Path) -> None:
    ids = fill_day()
    link = tmp_path / "full"
    link.symlink_to("/dev/full")
    done = run_digest("--no-fetch", "-o", str(link))
    assert done.returncode == 13
    assert done.stderr.decode() == f"brief: error: cannot write {link}: No space left on device\n"
    assert link.is_symlink()
    assert undigested() == set(ids.values())


def test_output_onto_a_folder_is_refused(tmp_path: Path) -> None:
    ids = fill_day()
    done = run_digest("--no-fetch", "-o", str(tmp_path))
    assert done.returncode == 13
    assert "is a folder; give a file name" in done.stderr.decode()
    assert undigested() == set(ids.values())


def test_feeds_export_through_a_symlink_and_into_a_fifo(tmp_path: Path) -> None:
    fill_day()
    target = tmp_path / "subscriptions.opml"
    link = tmp_path / "link.opml"
    link.symlink_to(target)
    done = _brief("feeds", "export", "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and b"<opml" in target.read_bytes()
    fifo = tmp_path / "export.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert _brief("feeds", "export", "-o", str(fifo)).returncode == 0
    reader.join(timeout=60)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and b"The Hill" in got[0]


def _brief(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Another brief command, as cron would run it (no TTY, LANG=C)."""
    return run_brief_bytes(*args, env={"LANG": "C"})
