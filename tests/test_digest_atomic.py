"""brief.files: atomic replace survives SIGKILL mid-write; flock lets one run in at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brief.errors import FileWriteError, LockedError
from brief.files import hold_lock, write_atomic

_WRITER = """
import sys
from pathlib import Path
from brief.files import write_atomic
size = int(sys.argv[2])
write_atomic(Path(sys.argv[1]), b"N" * size)
"""

_HOLDER = """
import sys, time
from pathlib import Path
from brief.files import hold_lock
with hold_lock(Path(sys.argv[1]), wait=0):
    print("locked", flush=True)
    sys.stdin.readline()
"""


def test_replaces_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    target.write_bytes(b"old")
    write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["digest.md"]


def test_mode_follows_umask_not_mkstemp(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    old = os.umask(0o022)
    try:
        write_atomic(target, b"x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_missing_folder_is_a_file_write_error(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="cannot write") as err:
        write_atomic(tmp_path / "nope" / "digest.md", b"x")
    assert err.value.exit_code == 13


def test_failed_rename_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    target.mkdir()  # the rename onto a folder fails after the data is written
    (target / "keep").write_bytes(b"x")
    with pytest.raises(FileWriteError, match="cannot write"):
        write_atomic(target, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.md"]
    assert (target / "keep").read_bytes() == b"x"


def test_sigkill_during_write_leaves_previous_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "digest.md"
    previous = b"previous digest\n" * 1000
    size = 64 * 1024 * 1024
    killed_mid_write = 0
    for _ in range(10):
        target.write_bytes(previous)
        for stale in tmp_path.glob(".digest.md.*.tmp"):
            stale.unlink()
        child = subprocess.Popen([sys.executable, "-c", _WRITER, str(target), str(size)])
        # Kill the moment the temporary file exists: the write is then under way.
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob(".digest.md.*.tmp")) and child.poll() is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.0005)
        child.send_signal(signal.SIGKILL)
        child.wait()
        content = target.read_bytes()
        # Whatever the moment of the kill: the old file whole, or the new one whole.
        assert content == previous or content == b"N" * size
        if content == previous and list(tmp_path.glob(".digest.md.*.tmp")):
            killed_mid_write += 1
        if killed_mid_write >= 2:
            break
    assert killed_mid_write >= 1, "never managed to kill the writer mid-write"


def test_second_holder_waits_then_gives_up_clearly(tmp_path: Path) -> None:
    lock = tmp_path / "digest.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(lock)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        with (
            pytest.raises(LockedError, match="still running") as err,
            hold_lock(lock, wait=0.3, what="another brief digest"),
        ):
            pass
        assert err.value.exit_code == 15
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=10)
    finally:
        holder.kill()
        holder.wait()
    # Released by the holder's exit: the lock is free again.
    with hold_lock(lock, wait=0):
        pass


def test_lock_of_a_killed_holder_is_released(tmp_path: Path) -> None:
    lock = tmp_path / "digest.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(lock)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with hold_lock(lock, wait=2):
        assert lock.exists()
