"""Every filesystem location brief uses, in one place.

By default the config, data and cache folders are the platform's (platformdirs: on Linux
``$XDG_CONFIG_HOME/brief``, ``$XDG_DATA_HOME/brief``, ``$XDG_CACHE_HOME/brief``). ``BRIEF_HOME``
relocates all three together, for tests and for portable setups::

    $BRIEF_HOME/config.toml
    $BRIEF_HOME/data/      database, lock files
    $BRIEF_HOME/cache/

These functions only compute paths; the code that writes a file creates its folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "brief"
HOME_ENV = "BRIEF_HOME"
CONFIG_NAME = "config.toml"
DATABASE_NAME = "brief.sqlite3"

_LOCK_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


def _home() -> Path | None:
    """The BRIEF_HOME folder when the variable is set and not empty."""
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def config_file() -> Path:
    """The default config file (``--config`` overrides it on the command line)."""
    home = _home()
    if home is not None:
        return home / CONFIG_NAME
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def data_dir() -> Path:
    """The folder of the database and the lock files."""
    home = _home()
    if home is not None:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The folder for data brief can rebuild (nothing in it is precious)."""
    home = _home()
    if home is not None:
        return home / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def database_file() -> Path:
    """The SQLite database of feeds, articles and briefs."""
    return data_dir() / DATABASE_NAME


def lock_file(name: str) -> Path:
    """The lock file that serializes runs of one kind (e.g. ``lock_file("refresh")``).

    ``name`` is a short lowercase word: it becomes part of a file name.
    """
    if not _LOCK_NAME.fullmatch(name):
        raise ValueError(f"invalid lock name {name!r}")
    return data_dir() / f"{name}.lock"
