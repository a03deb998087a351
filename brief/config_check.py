"""Checking parsed TOML against the config dataclasses, with the line of every mistake.

tomllib returns plain dicts without positions, so the line of a key is found by scanning the
raw text: table headers (``[a.b]``, ``[[feeds]]``) and ``key =`` lines, which is exact for the
way config files are written and falls back to the enclosing table for inline tables.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import types
import typing
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from brief.errors import ConfigError

KeyPath = tuple[str | int, ...]

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]#]+?)\s*\]\]?")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")

_TYPE_NAMES: dict[Any, str] = {
    int: "an integer",
    float: "a number",
    bool: "true or false",
    str: "a string",
    Path: "a path (string)",
}


def check_http_url(value: str) -> str | None:
    """None when ``value`` is an absolute http(s) URL with a host, else the problem."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return f"invalid URL {value!r}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"not an http(s) URL: {value!r}"
    if not parts.hostname:
        return f"URL has no host: {value!r}"
    return None


def _split_dotted(key: str) -> list[str]:
    """``a."b.c".d`` -> ["a", "b.c", "d"]."""
    parts = re.findall(r"""\s*("[^"]*"|'[^']*'|[^.\s]+)\s*(?:\.|$)""", key)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


class Locator:
    """Line numbers of keys and tables in TOML text."""

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        counters: dict[tuple[str, ...], int] = {}
        table: KeyPath = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header is not None:
                names = _split_dotted(header[2])
                if header[1] == "[[":
                    index = counters.get(tuple(names), -1) + 1
                    counters[tuple(names)] = index
                    table = (*names, index)
                else:
                    table = tuple(names)
                self._lines.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key is not None:
                self._lines.setdefault((*table, *_split_dotted(key[1])), number)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``, else of its nearest enclosing key or table, else None."""
        for end in range(len(path), 0, -1):
            line = self._lines.get(path[:end])
            if line is not None:
                return line
        return None


def dotted(path: KeyPath) -> str:
    """("feeds", 2, "url") -> "feeds[2].url"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Checker:
    """Builds a config dataclass from a TOML dict, failing with one located line."""

    def __init__(self, text: str, name: str) -> None:
        self._locator = Locator(text)
        self._name = name

    def fail(self, path: KeyPath, problem: str) -> NoReturn:
        """Raise the ConfigError for ``path``."""
        line = self._locator.line_of(path)
        where = f"{self._name}:{line}" if line is not None else self._name
        raise ConfigError(f"{where}: {dotted(path)}: {problem}")

    def build(self, cls: type[Any], data: Any, path: KeyPath) -> Any:
        """An instance of the dataclass ``cls`` from the TOML table ``data``."""
        if not isinstance(data, dict):
            self.fail(path, f"expected a table, got {_toml_type(data)}")
        fields = {f.metadata.get("toml", f.name): f for f in dataclasses.fields(cls)}
        for key in data:
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
                hint = f" (did you mean {close[0]}?)" if close else ""
                self.fail((*path, key), f"unknown key{hint}")
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        for key, spec in fields.items():
            if key not in data:
                if spec.metadata.get("required"):
                    self.fail((*path, key), "required key is missing")
                continue
            value = self._convert(hints[spec.name], data[key], (*path, key))
            self._check(spec.metadata, value, (*path, key))
            values[spec.name] = value
        return cls(**values)

    def _convert(self, hint: Any, value: Any, path: KeyPath) -> Any:
        """``value`` as the Python type ``hint`` (see module docstring), or fail."""
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin is types.UnionType:
            # Optional settings: TOML has no null, so an empty string means "not set".
            inner = next(a for a in args if a is not type(None))
            return None if value == "" else self._convert(inner, value, path)
        if origin is typing.Literal:
            # A closed set of strings (SmtpSecurity, DigestFormat): a string, one of them.
            value = self._scalar(str, value, path)
            if value not in args:
                self.fail(path, f"must be one of {', '.join(args)}, got {value!r}")
            return value
        if dataclasses.is_dataclass(hint):
            return self.build(typing.cast(type[Any], hint), value, path)
        if origin is tuple:
            if not isinstance(value, list):
                self.fail(path, f"expected a list, got {_toml_type(value)}")
            return tuple(self._convert(args[0], v, (*path, i)) for i, v in enumerate(value))
        if origin is dict:
            if not isinstance(value, dict):
                self.fail(path, f"expected a table, got {_toml_type(value)}")
            return {k: self._convert(args[1], v, (*path, k)) for k, v in value.items()}
        return self._scalar(hint, value, path)

    def _scalar(self, hint: Any, value: Any, path: KeyPath) -> Any:
        ok = isinstance(value, hint) and not (hint is not bool and isinstance(value, bool))
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if hint is float and isinstance(value, float) and not math.isfinite(value):
            # TOML has nan and inf; neither is a timeout or a size (`deadline = nan` would
            # compare false with every bound and fail every feed).
            self.fail(path, f"must be a finite number, got {value}")
        if hint is Path and isinstance(value, str):
            return Path(value).expanduser()
        if not ok:
            self.fail(path, f"expected {_TYPE_NAMES[hint]}, got {_toml_type(value)}")
        return value

    def _check(self, meta: typing.Mapping[str, Any], value: Any, path: KeyPath) -> None:
        """Bounds, choices and custom checks from the field's metadata."""
        if value is None:
            return
        if "min" in meta and value < meta["min"]:
            self.fail(path, f"must be at least {meta['min']}, got {value}")
        if "max" in meta and value > meta["max"]:
            self.fail(path, f"must be at most {meta['max']}, got {value}")
        if "choices" in meta and value not in meta["choices"]:
            self.fail(path, f"must be one of {', '.join(meta['choices'])}, got {value!r}")
        if "check" in meta:
            problem = meta["check"](value)
            if problem:
                self.fail(path, problem)


def _toml_type(value: Any) -> str:
    """How the TOML value reads to a user: "a string", "an integer", …"""
    if isinstance(value, bool):
        return "a boolean"
    for kind, name in ((int, "an integer"), (float, "a number"), (str, "a string")):
        if isinstance(value, kind):
            return name
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date/time"
