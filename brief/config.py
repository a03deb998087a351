"""The config file: TOML read with tomllib into frozen dataclasses, checked key by key.

Every mistake is one line naming the file, the line, the key and the problem, e.g.
``config.toml:12: refresh.concurency: unknown key (did you mean concurrency?)``. The checking
is generic: a dataclass field's type says what the TOML value must be (a Literal: one of its
strings), its metadata adds bounds, choices, URL checks and the TOML spelling of the key
(``from`` is a Python keyword). config.example.toml documents every key; a test loads it.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from brief.choices import ALGORITHMS, ConfigDigestFormat, SmtpSecurity, SortOrder
from brief.config_check import Checker, check_http_url
from brief.errors import ConfigError

_DURATION = re.compile(r"(\d+)\s*([mhdw])")
_DURATION_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str) -> timedelta:
    """``"90m"``, ``"24h"``, ``"7d"``, ``"2w"`` as a timedelta; ValueError for anything else."""
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"invalid duration {text!r} (expected e.g. 90m, 24h, 7d, 2w)")
    return timedelta(**{_DURATION_UNITS[match[2]]: int(match[1])})


def _duration_ok(value: str) -> str | None:
    try:
        parse_duration(value)
    except ValueError as err:
        return str(err)
    return None


@dataclass(frozen=True, slots=True)
class FeedConfig:
    """One subscription: the feed URL, an optional display name and tags, how often it is
    fetched at most (minutes; 0: at every refresh) and whether each entry's page is fetched
    (``full_page``) or the feed's own text is kept."""

    url: str = field(metadata={"required": True, "check": check_http_url})
    name: str | None = None
    tags: tuple[str, ...] = ()
    refresh_every: float = field(default=0.0, metadata={"min": 0.0})
    full_page: bool = True


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """Articles to hide, like newsboat's ignore-article: every key given must match (a
    case-insensitive piece of the title, the byline, the feed's name or URL, the title or
    text, or the name of someone quoted). Hidden articles stay stored, counted, reversible."""

    title: str | None = None
    author: str | None = None
    feed: str | None = None
    words: str | None = None
    speaker: str | None = None

    @property
    def empty(self) -> bool:
        """A rule with no key would hide everything."""
        return not any((self.title, self.author, self.feed, self.words, self.speaker))


@dataclass(frozen=True, slots=True)
class FollowRule:
    """A speaker to follow: ``speaker`` is a name or alias as articles give it ("Diop",
    "Abdoulaye Diop", matched case-insensitively and without accents), ``id`` a stored
    speaker's id as `brief speakers` lists it. Their new quotes are marked and lead the digest."""

    speaker: str | None = None
    id: int | None = field(default=None, metadata={"min": 1})


@dataclass(frozen=True, slots=True)
class RefreshConfig:
    """How feeds and articles are fetched, and how long articles are kept."""

    concurrency: int = field(default=8, metadata={"min": 1, "max": 256})
    per_host: int = field(default=2, metadata={"min": 1, "max": 64})
    connect_timeout: float = field(default=10.0, metadata={"min": 0.1})
    read_timeout: float = field(default=30.0, metadata={"min": 0.1})
    deadline: float = field(default=60.0, metadata={"min": 0.1})
    max_bytes: int = field(default=5_000_000, metadata={"min": 1024})
    keep_days: int = field(default=30, metadata={"min": 1})
    max_new_per_feed: int = field(default=100, metadata={"min": 1})
    allow_private: bool = False
    article_workers: int = field(default=2, metadata={"min": 1, "max": 64})
    article_timeout: float = field(default=30.0, metadata={"min": 1.0})


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    """How long a summary is and which algorithm writes it."""

    sentences: int = field(default=5, metadata={"min": 1, "max": 50})
    algorithm: str = field(default="default", metadata={"choices": ALGORITHMS})
    # MiB of address space for the worker `brief summarize` loads and analyzes a page in (the
    # refresh workers' bound); a page needing more ends with exit 18 (AnalysisMemoryError).
    worker_memory_mb: int = field(default=1024, metadata={"min": 64, "max": 1_048_576})


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    """Mail delivery of the digest. The password is never in the file: password_env names
    the environment variable that holds it."""

    host: str | None = None
    port: int = field(default=587, metadata={"min": 1, "max": 65535})
    security: SmtpSecurity = "starttls"
    username: str | None = None
    password_env: str | None = "BRIEF_SMTP_PASSWORD"
    sender: str | None = field(default=None, metadata={"toml": "from"})
    to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DigestConfig:
    """What the digest covers, how it is written, and where it goes."""

    since: str = field(default="24h", metadata={"check": _duration_ok})
    format: ConfigDigestFormat = "markdown"
    output: Path | None = None
    max_stories: int = field(default=25, metadata={"min": 1})
    max_speakers: int = field(default=20, metadata={"min": 1})
    follow: tuple[str, ...] = ()  # feed names whose stories rank as if one more outlet had them
    smtp: SmtpConfig = SmtpConfig()


@dataclass(frozen=True, slots=True)
class TuiConfig:
    """Looks and habits of the terminal interface."""

    theme: str | None = None
    sort: SortOrder = "date"  # the article list's order when the reader opens
    reload_every: float = field(default=0.0, metadata={"min": 0.0})  # minutes; 0: never


@dataclass(frozen=True, slots=True)
class Config:
    """The whole configuration; every section has defaults, so an empty file is valid."""

    feeds: tuple[FeedConfig, ...] = ()
    ignore: tuple[IgnoreRule, ...] = ()
    follow: tuple[FollowRule, ...] = ()
    refresh: RefreshConfig = RefreshConfig()
    summary: SummaryConfig = SummaryConfig()
    digest: DigestConfig = DigestConfig()
    keys: dict[str, str] = field(default_factory=dict)  # TUI action -> key
    tui: TuiConfig = TuiConfig()


def load_config(path: Path | None = None) -> Config:
    """Read and check the config file; a missing file at the default place gives the defaults.

    ``path`` defaults to paths.config_file(); a ``path`` given (``--config``) must exist.
    Raises ConfigError (one line: file, line, key, problem) for a missing given file, invalid
    TOML, an unknown key, a wrong type or value, or a non-http(s) feed URL.
    """
    given = path is not None
    if path is None:
        from brief.paths import config_file

        path = config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError as err:
        if given:
            raise ConfigError(f"{path}: no such config file (given with --config)") from err
        return Config()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from err
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: invalid TOML: not UTF-8 text") from err
    return parse_config(text, str(path))


def parse_config(text: str, name: str = "config.toml") -> Config:
    """Check TOML text (``name`` is the file name shown in messages) and build the Config."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(_toml_message(str(err), name, text)) from err
    if "digest" in data and isinstance(data["digest"], dict):
        _refuse_plain_password(data["digest"], text, name)
    checker = Checker(text, name)
    config = checker.build(Config, data, ())
    assert isinstance(config, Config)
    for i, rule in enumerate(config.ignore):
        if rule.empty:
            keys = "title, author, feed, words or speaker"
            checker.fail(("ignore", i), f"a rule needs at least one of {keys}")
    for i, followed in enumerate(config.follow):
        if (followed.speaker is None) == (followed.id is None):
            checker.fail(("follow", i), "a follow rule needs exactly one of speaker or id")
    return config


def _refuse_plain_password(digest: dict[str, Any], text: str, name: str) -> None:
    """A password in the file would be read by anyone who can read the file: say so."""
    smtp = digest.get("smtp")
    if isinstance(smtp, dict) and "password" in smtp:
        Checker(text, name).fail(
            ("digest", "smtp", "password"),
            "a plaintext password is not accepted; put it in an environment variable "
            "and set password_env to that variable's name",
        )


def _toml_message(message: str, name: str, text: str) -> str:
    """tomllib says "Invalid value (at line 3, column 7)": move the line to the front."""
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
    if match is not None:
        problem = message[: match.start()] + message[match.end() :]
        return f"{name}:{match[1]}: invalid TOML: {problem} (column {match[2]})"
    match = re.search(r"\s*\(at end of document\)", message)
    if match is not None:
        problem = message[: match.start()] + message[match.end() :]
        last = max(len(text.splitlines()), 1)
        return f"{name}:{last}: invalid TOML: {problem} (at end of file)"
    return f"{name}: invalid TOML: {message}"


def field_names(cls: type[Any]) -> tuple[str, ...]:
    """The TOML keys of a config section, in order (for documentation tests)."""
    return tuple(f.metadata.get("toml", f.name) for f in dataclasses.fields(cls))
