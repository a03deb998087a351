"""The layers contract in pyproject.toml holds, and it would catch an upward import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_layers_contract_is_kept() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "brief", tmp_path / "brief", ignore=skip)
    rows = tmp_path / "brief" / "store" / "rows.py"
    upward = "\nimport brief.tui.app  # noqa: F401\n"
    rows.write_text(rows.read_text(encoding="utf-8") + upward)
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "brief.store.rows -> brief.tui.app" in result.stdout
