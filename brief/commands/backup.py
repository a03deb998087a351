"""`brief backup PATH`: a consistent copy of the database, safe while a cron job writes."""

from __future__ import annotations

import argparse
from typing import Any

from brief.errors import SUCCESS, FileWriteError, StoreError, UsageError, exit_code_table


def register(sub: Any) -> None:
    """Add the backup command to the CLI's subparsers."""
    p = sub.add_parser(
        "backup",
        help="copy the database to PATH (safe while brief runs)",
        description="Copy the database with SQLite's online backup API: a consistent snapshot\n"
        "even while `brief fetch` or `brief digest` write to it. PATH is the new file\n"
        "(replaced atomically when it exists), or a folder for a dated\n"
        "brief-YYYY-MM-DD-HHMMSS.sqlite3. The copy is checked before it takes its place.\n"
        "To restore it, copy it over the database file while no brief runs.",
        epilog=exit_code_table(
            {SUCCESS, UsageError.exit_code, StoreError.exit_code, FileWriteError.exit_code}
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", metavar="PATH", help="the backup file, or a folder to put it in")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Open the store (checked) and copy it; prints the file written."""
    from pathlib import Path

    from brief.store import Store

    with Store.open() as store:
        written = store.backup(Path(args.path).expanduser())
    print(f"backed up {store.path} to {written}")
    return 0
