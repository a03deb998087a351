"""Config file and paths: defaults, the documented example, and one located line per mistake."""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from datetime import timedelta
from importlib import resources
from pathlib import Path

import pytest

from brief import paths
from brief.config import (
    ALGORITHMS,
    Config,
    DigestConfig,
    FeedConfig,
    RefreshConfig,
    SmtpConfig,
    SummaryConfig,
    TuiConfig,
    field_names,
    load_config,
    parse_config,
    parse_duration,
)
from brief.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "config.example.toml"


def _error(text: str) -> str:
    with pytest.raises(ConfigError) as info:
        parse_config(text, "config.toml")
    return str(info.value)


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    # No file at the default place (BRIEF_HOME is the test's): the defaults. A file named
    # explicitly must exist (tests/test_silent_cases.py).
    config = load_config()
    assert config == Config()
    assert config.refresh.concurrency == 8
    assert config.refresh.per_host == 2
    assert config.refresh.keep_days == 30
    assert config.refresh.allow_private is False
    assert config.summary == SummaryConfig(sentences=5, algorithm="default")
    assert config.digest.smtp.security == "starttls"


def test_default_location_is_under_brief_home(brief_home: Path) -> None:
    assert paths.config_file() == brief_home / "config.toml"
    assert paths.data_dir() == brief_home / "data"
    assert paths.cache_dir() == brief_home / "cache"
    assert paths.database_file().parent == brief_home / "data"
    assert paths.lock_file("refresh") == brief_home / "data" / "refresh.lock"
    (brief_home).mkdir()
    (brief_home / "config.toml").write_text("[refresh]\nconcurrency = 3\n")
    assert load_config().refresh.concurrency == 3


def test_platform_locations_without_brief_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEF_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "conf"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert paths.config_file() == tmp_path / "conf" / "brief" / "config.toml"
    assert paths.data_dir() == tmp_path / "share" / "brief"
    assert paths.cache_dir() == tmp_path / "cache" / "brief"


def test_lock_names_are_plain_words() -> None:
    for bad in ("../x", "", "Refresh", "a b"):
        with pytest.raises(ValueError):
            paths.lock_file(bad)


def _keys(cls: type, prefix: str = "") -> set[str]:
    """Every documented key path of a config section, recursively."""
    hints = typing.get_type_hints(cls)
    found = set()
    for field in dataclasses.fields(cls):
        key = prefix + field.metadata.get("toml", field.name)
        found.add(key)
        if dataclasses.is_dataclass(hints[field.name]):
            found |= _keys(hints[field.name], key + ".")
    return found


def _present(table: dict[str, typing.Any], prefix: str = "") -> set[str]:
    found = set()
    for key, value in table.items():
        found.add(prefix + key)
        if isinstance(value, dict) and prefix + key != "keys":
            found |= _present(value, prefix + key + ".")
    return found


def test_example_documents_every_key_and_loads() -> None:
    raw = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    present = _present({k: v for k, v in raw.items() if k != "feeds"})
    expected = _keys(Config) - {"feeds"}
    assert expected <= present, f"undocumented keys: {sorted(expected - present)}"
    # The first feed shows every per-feed key; the others the usual ones.
    assert set(raw["feeds"][0]) == set(field_names(FeedConfig))
    for feed in raw["feeds"]:
        assert {"url", "name", "tags"} <= set(feed) <= set(field_names(FeedConfig))
    config = load_config(EXAMPLE)
    assert len(config.feeds) >= 12
    assert all(f.url.startswith("https://") for f in config.feeds)
    assert len({f.url for f in config.feeds}) == len(config.feeds)
    assert len({t for f in config.feeds for t in f.tags} & {"en", "de", "fr", "es", "ja"}) >= 4
    assert config.summary.algorithm in ALGORITHMS
    # The example writes the defaults: loading it changes nothing but the feeds.
    assert dataclasses.replace(config, feeds=()) == Config()


def test_packaged_example_is_the_documented_one() -> None:
    packaged = resources.files("brief").joinpath("config.example.toml").read_bytes()
    assert packaged == EXAMPLE.read_bytes()


def test_full_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        """
[refresh]
connect_timeout = 3      # an integer where a number is expected is fine
allow_private = true

[summary]
algorithm = "lexrank"

[digest]
since = "7d"
output = "~/digest.md"

[digest.smtp]
host = "mail.example.org"
from = "brief@example.org"
to = ["me@example.org"]

[keys]
next = "j"

[tui]
theme = "nord"

[[feeds]]
url = "https://example.org/feed.xml"
tags = ["world"]
""",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.refresh == RefreshConfig(connect_timeout=3.0, allow_private=True)
    assert isinstance(config.refresh.connect_timeout, float)
    assert config.summary.algorithm == "lexrank"
    assert config.digest == DigestConfig(
        since="7d",
        output=Path("~/digest.md").expanduser(),
        smtp=SmtpConfig(
            host="mail.example.org", sender="brief@example.org", to=("me@example.org",)
        ),
    )
    assert config.keys == {"next": "j"}
    assert config.tui == TuiConfig(theme="nord")
    assert config.feeds == (FeedConfig("https://example.org/feed.xml", None, ("world",)),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[refresh]\nconcurrency = 4\n\nconcurency = 3\n",
            "config.toml:4: refresh.concurency: unknown key (did you mean concurrency?)",
        ),
        (
            '[refresh]\nconcurrency = "8"\n',
            "config.toml:2: refresh.concurrency: expected an integer, got a string",
        ),
        (
            "[refresh]\nallow_private = 1\n",
            "config.toml:2: refresh.allow_private: expected true or false, got an integer",
        ),
        (
            "[refresh]\nper_host = true\n",
            "config.toml:2: refresh.per_host: expected an integer, got a boolean",
        ),
        (
            "[refresh]\nkeep_days = 0\n",
            "config.toml:2: refresh.keep_days: must be at least 1, got 0",
        ),
        (
            '[summary]\nalgorithm = "best"\n',
            "config.toml:2: summary.algorithm: "
            "must be one of default, lead, lexrank, textrank, lsa, luhn, got 'best'",
        ),
        ("refresh = 5\n", "config.toml:1: refresh: expected a table, got an integer"),
        (
            "# comment\n[sumary]\nsentences = 3\n",
            "config.toml:2: sumary: unknown key (did you mean summary?)",
        ),
        (
            '[digest]\nsince = "yesterday"\n',
            "config.toml:2: digest.since: "
            "invalid duration 'yesterday' (expected e.g. 90m, 24h, 7d, 2w)",
        ),
        (
            '[digest.smtp]\nsecurity = "ssl"\n',
            "config.toml:2: digest.smtp.security: must be one of starttls, tls, none, got 'ssl'",
        ),
        (
            '[digest.smtp]\nhost = "x"\npassword = "hunter2"\n',
            "config.toml:3: digest.smtp.password: a plaintext password is not accepted; put it "
            "in an environment variable and set password_env to that variable's name",
        ),
        (
            '[digest.smtp]\nto = "me@example.org"\n',
            "config.toml:2: digest.smtp.to: expected a list, got a string",
        ),
        ("[keys]\nnext = 1\n", "config.toml:2: keys.next: expected a string, got an integer"),
        (
            '[[feeds]]\nurl = "https://a.example/rss"\n\n[[feeds]]\nurl = "ftp://b.example/rss"\n',
            "config.toml:5: feeds[1].url: not an http(s) URL: 'ftp://b.example/rss'",
        ),
        (
            '[[feeds]]\nurl = "javascript:alert(1)"\n',
            "config.toml:2: feeds[0].url: not an http(s) URL: 'javascript:alert(1)'",
        ),
        (
            '[[feeds]]\nurl = "https:///nohost"\n',
            "config.toml:2: feeds[0].url: URL has no host: 'https:///nohost'",
        ),
        ('[[feeds]]\nname = "No URL"\n', "config.toml:1: feeds[0].url: required key is missing"),
        (
            '[[feeds]]\nurl = "https://a.example/"\ntags = ["x", 2]\n',
            "config.toml:3: feeds[0].tags[1]: expected a string, got an integer",
        ),
        (
            '[[feeds]]\nurl = "https://a.example/"\ntag = "x"\n',
            "config.toml:3: feeds[0].tag: unknown key (did you mean tags?)",
        ),
        ('feeds = "https://a.example/"\n', "config.toml:1: feeds: expected a list, got a string"),
        (
            "[refresh]\nread_timeout = 1979-05-27\n",
            "config.toml:2: refresh.read_timeout: expected a number, got a date/time",
        ),
    ],
)
def test_mistakes_name_key_line_and_problem(text: str, message: str) -> None:
    assert _error(text) == message


def test_inline_table_mistake_points_at_its_line() -> None:
    assert _error('\n\ndigest = { smtp = { port = "x" } }\n') == (
        "config.toml:3: digest.smtp.port: expected an integer, got a string"
    )


def test_invalid_toml_gives_its_line() -> None:
    message = _error("[refresh]\nconcurrency = 8\nread_timeout = = 3\n")
    assert message.startswith("config.toml:3: invalid TOML: ")
    assert "\n" not in message
    assert _error("[refresh]\nconcurrency = [1, 2\n").startswith("config.toml:")


def test_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"[tui]\ntheme = 'caf\xe9'\n")
    with pytest.raises(ConfigError, match=r"config\.toml:2: invalid TOML: not UTF-8"):
        load_config(path)


def test_unreadable_config_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path)  # a folder


def test_durations() -> None:
    assert parse_duration("90m") == timedelta(minutes=90)
    assert parse_duration("24h") == timedelta(hours=24)
    assert parse_duration("7d") == timedelta(days=7)
    assert parse_duration("2w") == timedelta(weeks=2)
    for bad in ("", "h", "1y", "-1d", "1.5h"):
        with pytest.raises(ValueError):
            parse_duration(bad)
