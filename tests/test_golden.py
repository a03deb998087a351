"""The briefs of the seed article and the 12 annotated pages, byte for byte as recorded.

A change meant to keep behaviour (a refactoring, a speed-up) must leave these JSON files
unchanged; a change meant to improve analysis updates them in the same commit, so the diff
shows exactly what it changed. Record them again with ``.venv/bin/python tests/test_golden.py``
(then read ``git diff tests/fixtures/golden``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "fixtures" / "golden"
CASES = {
    "seed": HERE / "fixtures" / "seed.txt",
    **{p.name.removesuffix(".html.gz"): p for p in sorted((HERE / "fixtures/pages").glob("*.gz"))},
}


def brief_json(source: Path) -> str:
    """What `brief summarize SOURCE --format json` prints for the file, made in process."""
    from brief.analyze import analyze
    from brief.extract import load_source

    brief = analyze(load_source(str(source.relative_to(HERE.parent))))
    return json.dumps(brief.to_json(), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_brief_is_unchanged(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE.parent)  # source paths in the JSON are relative to the checkout
    expected = (GOLDEN / f"{name}.json").read_text(encoding="utf-8")
    assert brief_json(CASES[name]) == expected


def test_every_case_has_a_recording() -> None:
    assert len(CASES) == 13
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(CASES)


if __name__ == "__main__":
    import os

    os.chdir(HERE.parent)
    sys.path.insert(0, str(HERE.parent))
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for case, path in sorted(CASES.items()):
        (GOLDEN / f"{case}.json").write_text(brief_json(path), encoding="utf-8")
        print("recorded", case)
