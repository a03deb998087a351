"""Shared pytest fixtures: every test runs with BRIEF_HOME in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import loopback  # noqa: F401  (the 127.0.0.1 HTTP server fixture, for every test)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def brief_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point BRIEF_HOME (config, data, cache) at a fresh folder so no test touches $HOME."""
    home = tmp_path / "brief-home"
    monkeypatch.setenv("BRIEF_HOME", str(home))
    return home
