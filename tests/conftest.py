"""Shared pytest fixtures: every test runs with BRIEF_HOME in a temporary folder.

Also registered here for every module: ``loopback`` (the 127.0.0.1 HTTP server) and the TUI
tests' stores (``demo_db``, ``demo_store``, ``frozen_store``; see tests/tui_support.py).
Nothing here is shared between pytest-xdist workers: each has its own temporary folders.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import loopback  # noqa: F401  (fixture)
from tui_support import (  # noqa: F401  (fixtures)
    demo_db_fixture,
    demo_store_fixture,
    frozen_store_fixture,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def brief_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point BRIEF_HOME (config, data, cache) at a fresh folder so no test touches $HOME."""
    home = tmp_path / "brief-home"
    monkeypatch.setenv("BRIEF_HOME", str(home))
    return home
