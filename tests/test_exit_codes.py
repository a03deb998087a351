"""One exit-code table: brief.errors.EXIT_CODES, shown the same in README.md and `brief --help`;
and the file errors say what failed (a write, not a digest) with the code the table gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_support import run_brief

from brief import errors
from brief.errors import EXIT_CODES, DigestError, FileWriteError
from brief.files import hold_lock, write_atomic

ROOT = Path(__file__).resolve().parent.parent


def _readme_table() -> list[tuple[int, str]]:
    """The rows of README.md's "### Exit codes" table, inline-code marks removed."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Exit codes", 1)[1]
    rows: list[tuple[int, str]] = []
    for line in section.splitlines()[1:]:
        if rows and not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0].isdigit():
            rows.append((int(cells[0]), cells[1].replace("`", "")))
    return rows


def _help_table(*command: str) -> list[tuple[int, str]]:
    """The rows under "exit codes:" in the output of `brief [COMMAND] --help`."""
    done = run_brief(*command, "--help", timeout=60)
    assert done.returncode == 0, done.stderr
    block = done.stdout.split("\nexit codes:\n", 1)[1]
    rows: list[tuple[int, str]] = []
    for line in block.splitlines():
        match = re.fullmatch(r"  (\d+)\s+(\S.*)", line)
        if match is None:
            break
        rows.append((int(match[1]), match[2]))
    return rows


def test_readme_table_is_the_errors_table() -> None:
    assert _readme_table() == list(EXIT_CODES)


def test_help_table_is_the_errors_table() -> None:
    assert _help_table() == list(EXIT_CODES)


def test_digest_help_lists_its_codes_with_the_tables_meanings() -> None:
    meanings = dict(EXIT_CODES)
    rows = _help_table("digest")
    assert [code for code, _ in rows] == [0, 2, 10, 11, 13, 14, 15]
    assert all(text.split(" [")[0] == meanings[code] for code, text in rows)


def test_summarize_help_lists_its_codes_with_the_tables_meanings() -> None:
    meanings = dict(EXIT_CODES)
    rows = _help_table("summarize")
    assert [code for code, _ in rows] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 18]
    assert all(text.split(" [")[0] == meanings[code] for code, text in rows)


def test_table_has_one_row_per_code_in_order_and_every_error_class_a_row() -> None:
    codes = [code for code, _ in EXIT_CODES]
    assert codes == sorted(set(codes))
    classes = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.BriefError)
    ]
    assert len(classes) >= 17
    assert {c.exit_code for c in classes} <= set(codes)
    assert {errors.SUCCESS, errors.FEEDS_FAILED, errors.INTERRUPTED} <= set(codes)


def test_write_failure_is_a_file_error_not_a_digest_one(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="cannot write") as caught:
        write_atomic(tmp_path / "missing" / "out.opml", b"x")
    assert not isinstance(caught.value, DigestError)


def test_unopenable_lock_file_is_a_file_error(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the lock folder should be")
    with (
        pytest.raises(FileWriteError, match="cannot open lock file") as caught,
        hold_lock(blocker / "refresh.lock", wait=0),
    ):
        pass
    assert not isinstance(caught.value, DigestError)


def test_feeds_export_to_a_missing_folder_says_so_with_code_13(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "feeds.opml"
    done = run_brief("feeds", "export", "-o", str(target), timeout=60)
    assert done.returncode == FileWriteError.exit_code == 13
    assert done.stderr.startswith(f"brief: error: cannot write {target}: ")
    assert len(done.stderr.splitlines()) == 1
    assert not target.parent.exists()
