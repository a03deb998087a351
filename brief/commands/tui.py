"""`brief` with no command: the Textual app over the store (`brief --demo`: over samples)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from brief.errors import UsageError


def run(args: argparse.Namespace) -> int:
    """Open the app on the user's store, or with --demo on a temporary store of samples."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the app needs a terminal; see 'brief --help' for the commands")
    # Textual (and sqlite3) load only when the app opens: `brief --help` stays fast.
    from brief.config import Config, load_config
    from brief.tui.app import create_app

    if args.demo:
        from brief.tui.demo import demo_store

        # No config: the demo must look the same for everyone, and never use the network.
        with demo_store() as store:
            create_app(store, Config(), demo=True).run()
        return 0

    from brief.store import Store

    given = getattr(args, "config", None)
    config = load_config(Path(given).expanduser() if given else None)
    with Store.open() as store:
        # The config's feeds show up before their first fetch, as `brief feeds list` does.
        known = {f.url for f in store.list_feeds()}
        missing = [f for f in config.feeds if f.url not in known]
        if missing:
            store.add_feeds(missing)
        app = create_app(store, config)
        app.run()
    return app.return_code or 0
