"""Crash-safe file writes and a kernel lock between concurrent brief runs.

``write_output`` delivers a user's ``-o PATH``: a regular file (or a new one) is replaced
atomically, through a symlink onto its target (the link stays a link); a FIFO or a character
device (``/dev/stdout``, a terminal, ``/dev/full``) is written into, never replaced; a folder,
socket or block device is refused. ``write_atomic`` writes a temporary file in the target's
folder, fsyncs it, renames it over the target and fsyncs the folder: a run killed at any point
leaves either the previous file or the new one, whole. ``hold_lock`` takes an ``fcntl.flock``
on a lock file; the kernel drops it when the process dies, so a crashed run never leaves a
stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from brief.errors import FileWriteError, LockedError

# How often a waiting run retries the lock; flock itself has no timeout.
_LOCK_POLL_SECONDS = 0.05


# What a path that is neither a file nor a FIFO or terminal is, as the error names it.
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def write_output(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` at a path the user named (see the module docstring for which kind of
    file gets what). Raises FileWriteError with the path and the reason."""
    try:
        found = os.stat(path)  # follows symlinks: what matters is what the data lands in
    except FileNotFoundError:
        found = None  # a new file, or a symlink to one not there yet
    except OSError as err:
        raise FileWriteError(f"cannot write {path}: {err.strerror or err}") from err
    if found is None or stat.S_ISREG(found.st_mode):
        write_atomic(Path(os.path.realpath(path)), data, mode)
    elif stat.S_ISFIFO(found.st_mode) or stat.S_ISCHR(found.st_mode):
        _write_into(path, data)
    else:
        kind = next((name for test, name in _KINDS if test(found.st_mode)), "not a regular file")
        raise FileWriteError(f"cannot write {path}: it is {kind}; give a file name")


def _write_into(path: Path, data: bytes) -> None:
    """Write into a FIFO or a character device as it is (no temporary file, no rename)."""
    try:
        # No O_CREAT: the thing checked is the thing written; a FIFO waits for its reader.
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    except OSError as err:
        raise FileWriteError(f"cannot write {path}: {err.strerror or err}") from err
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as err:
        raise FileWriteError(f"cannot write {path}: {err.strerror or err}") from err
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, whole.

    Raises FileWriteError (with the path and the OS reason) when the folder is missing or not
    writable, or the disk is full; the previous file is then untouched.
    """
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise FileWriteError(f"cannot write {path}: {err.strerror or err}") from err
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600; a digest is meant to be read like any file the user writes.
        os.chmod(tmp, mode & ~_umask())
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as err:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise FileWriteError(f"cannot write {path}: {err.strerror or err}") from err
    except BaseException:
        # Interrupted (KeyboardInterrupt, SystemExit): leave no temporary file behind.
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (the directory entry lives in the folder)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask (reading it requires setting it; restored at once)."""
    current = os.umask(0)
    os.umask(current)
    return current


@contextlib.contextmanager
def hold_lock(path: Path, wait: float, what: str = "another brief run") -> Iterator[None]:
    """Hold an exclusive flock on ``path`` for the duration of the block.

    Waits up to ``wait`` seconds for a concurrent holder to finish, then raises LockedError
    naming ``what`` holds it; raises FileWriteError when the lock file cannot be opened. The
    lock file is created if needed and never deleted (deleting a lock file while another
    process waits on it would let two runs in at once).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise FileWriteError(f"cannot open lock file {path}: {err.strerror or err}") from err
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(
                        f"{what} is still running (lock {path} held after waiting {wait:g}s); "
                        "try again later"
                    ) from None
                time.sleep(_LOCK_POLL_SECONDS)
        # The holder's pid, for a curious human; the lock itself is the flock, not this text.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        # Closing the descriptor releases the flock.
        os.close(fd)
