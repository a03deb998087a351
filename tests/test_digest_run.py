"""brief.digest.run_digest in process: the whole `brief digest` as one call, on a real store."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from test_digest_cli import fill_day, undigested

from brief.config import load_config
from brief.digest import DigestRequest, run_digest
from brief.errors import UsageError
from brief.files import hold_lock
from brief.paths import lock_file


def test_one_call_delivers_then_marks() -> None:
    ids = fill_day()
    config = load_config(None)
    out = io.BytesIO()
    warnings: list[str] = []
    outcome = run_digest(
        config, DigestRequest(fmt="text", fetch=False), stdout=out, warn=warnings.append
    )
    assert b"2 stories from 3 articles" in out.getvalue()
    assert outcome.marked == 3 and not outcome.written and not warnings
    assert not undigested() & set(ids.values())
    again = io.BytesIO()
    run_digest(config, DigestRequest(fmt="text", fetch=False), stdout=again, warn=print)
    assert b"nothing new" in again.getvalue().lower()


def test_a_running_refresh_is_a_warning_not_a_failure() -> None:
    fill_day()
    warnings: list[str] = []
    with hold_lock(lock_file("refresh"), wait=0):
        out = io.BytesIO()
        run_digest(load_config(None), DigestRequest(fmt="json"), stdout=out, warn=warnings.append)
    assert [w.split(":")[0] for w in warnings] == ["feeds not refreshed"]
    assert out.getvalue().startswith(b"{")


def test_a_bad_request_fails_before_anything_is_marked() -> None:
    ids = fill_day()
    with pytest.raises(UsageError, match="--since"):
        run_digest(load_config(None), DigestRequest(since="soon"), stdout=io.BytesIO(), warn=print)
    with pytest.raises(UsageError, match="--date"):
        run_digest(
            load_config(None),
            DigestRequest(date="31/12"),
            stdout=io.BytesIO(),
            warn=print,
            now=datetime.now().astimezone(),
        )
    assert set(ids.values()) <= undigested()
