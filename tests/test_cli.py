"""The CLI as a user runs it: a subprocess, exit codes, stdout versus stderr."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from cli_support import run_brief_bytes

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "brief" / "schema" / "brief.schema.json").read_text())


def brief(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run `brief ARGS` as a subprocess with no terminal."""
    return run_brief_bytes(*args, stdin=stdin, env=env)


def _json(result: subprocess.CompletedProcess[bytes]) -> dict[str, object]:
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    return data


def test_help_lists_commands_and_exit_codes() -> None:
    result = brief("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "summarize" in out and "exit codes" in out and "no article text" in out


def test_sample_json_matches_schema_and_finds_speakers() -> None:
    data = _json(brief("summarize", "--sample", "--format", "json"))
    speakers = {q["speaker"] for q in data["quotes"]}  # type: ignore[index]
    assert {"Ulf Laessing", "Abdoulaye Diop"} <= speakers
    assert data["published"] in (None,) or str(data["published"]).startswith("2025")


def test_with_text_offsets_point_at_the_quotes(tmp_path: Path) -> None:
    data = _json(brief("summarize", "--sample", "--format", "json", "--with-text"))
    text = data["text"]
    assert isinstance(text, str)
    for quote in data["quotes"]:  # type: ignore[attr-defined]
        first_words = " ".join(quote["text"].split()[:3])
        assert first_words in text[quote["start"] : quote["end"]]


def test_text_is_plain_when_piped() -> None:
    result = brief("summarize", "--sample")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "\x1b" not in out
    assert "Ulf Laessing" in out and "SUMMARY" in out
    assert result.stderr == b""


def test_markdown_output() -> None:
    result = brief("summarize", "--sample", "--format", "markdown")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out.startswith("# How a drone interception")
    assert "## Who said what" in out


def test_stdin_and_gzip_file(tmp_path: Path) -> None:
    sample = (ROOT / "brief" / "samples" / "seed.txt").read_bytes()
    from_stdin = _json(brief("summarize", "-", "--format", "json", stdin=sample))
    packed = tmp_path / "seed.txt.gz"
    packed.write_bytes(gzip.compress(sample))
    from_gz = _json(brief("summarize", str(packed), "--format", "json"))
    assert from_stdin["quotes"] == from_gz["quotes"]
    assert from_gz["source"] == {"url": None, "path": str(packed)}


@pytest.mark.parametrize(
    ("args", "stdin", "code", "words"),
    [
        (("summarize", "/nonexistent/article.html"), b"", 9, "article.html"),
        (("summarize", "-"), b"", 9, "stdin"),
        (("summarize", "--bogus", "x"), b"", 2, "--bogus"),
        (("summarize",), b"", 2, "SOURCE"),
        (("summarize", "--sentences", "0", "--sample"), b"", 2, "sentences"),
        (("summarize", "--algorithm", "magic", "--sample"), b"", 2, "magic"),
        (("summarize", "-"), b"   \n\n  ", 8, "no article text"),
    ],
)
def test_bad_input_gets_one_line_and_an_exit_code(
    args: tuple[str, ...], stdin: bytes, code: int, words: str
) -> None:
    result = brief(*args, stdin=stdin)
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert result.stdout == b""
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert words in err


def test_directory_is_an_input_error(tmp_path: Path) -> None:
    result = brief("summarize", str(tmp_path))
    assert result.returncode == 9
    assert "Traceback" not in result.stderr.decode()
