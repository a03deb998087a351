"""Package faces that import a heavy submodule only when one of its names is first used.

A face (a package's ``__init__``) names everything other packages may use. Names from light
modules are imported as usual; names whose module pulls in a heavy library (httpx, trafilatura,
sumy, sqlite3, feedparser, the lexicons) are listed in a table and resolved by the face's
module ``__getattr__`` (PEP 562), so ``import brief.net.urls`` does not import httpx and
``brief --help`` stays fast. Type checkers see the same names through ``TYPE_CHECKING`` imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping


def lazy_attribute(package: str, table: Mapping[str, str], name: str) -> object:
    """The attribute ``name`` of the submodule ``table[name]`` of ``package``, imported now."""
    module = table.get(name)
    if module is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{package}.{module}"), name)
