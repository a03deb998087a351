"""SQLite result codes -> one StoreError line a user can act on.

The codes are SQLite's stable C API numbers (https://sqlite.org/rescode.html); brief.store.database
passes the code of the sqlite3 error it caught, so this module needs no sqlite3 import.
"""

from __future__ import annotations

from pathlib import Path

from brief.errors import StoreError

SQLITE_ERROR = 1
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def store_error(code: int | None, detail: str, path: Path, timeout: float) -> StoreError:
    """The StoreError for an SQLite failure with (extended) result ``code``."""
    primary = code & 0xFF if code is not None else None
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError(
            f"database {path} is locked by another brief process (waited {timeout:g}s); "
            "try again when it has finished"
        )
    if primary == SQLITE_READONLY:
        return StoreError(f"database {path} is read-only ({detail}); check its permissions")
    if primary == SQLITE_FULL:
        return StoreError(f"disk full: cannot write database {path}; nothing was saved")
    if primary == SQLITE_NOTADB:
        return StoreError(f"{path} is not a brief database (not an SQLite file)")
    if primary == SQLITE_CORRUPT:
        # The advice of brief.store.health, which imports sqlite3: repeated rather than imported.
        return StoreError(
            f"database {path} is damaged ({detail}); brief will not use it: recover what is "
            f"left with `sqlite3 {path} .recover | sqlite3 {path}.recovered` and move that into "
            "its place, or restore a backup made with `brief backup PATH`"
        )
    if primary == SQLITE_CANTOPEN:
        return StoreError(f"cannot open database {path} ({detail})")
    if primary == SQLITE_IOERR:
        return StoreError(f"disk I/O error on database {path} ({detail}); nothing was saved")
    if primary == SQLITE_PERM:
        return StoreError(f"database {path}: permission denied ({detail})")
    return StoreError(f"database {path}: {detail}")
