"""`brief summarize` under its worker's memory cap (summary.worker_memory_mb): a page that needs
more than the cap ends with one line naming the cap and the key that raises it, and exit 18;
the same cap leaves an ordinary page alone. A real page over loopback, the CLI a subprocess."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cli_support import run_brief_bytes
from conftest import FIXTURES
from loopback import Loopback

from brief.errors import EXIT_CODES, AnalysisMemoryError

TEXT = (FIXTURES / "digest" / "thehill-omar.txt").read_text(encoding="utf-8")
CAP_MB = 100  # above what a worker needs to start and read a page, below what 4 MB takes


def _summarize(config: Path, url: str) -> subprocess.CompletedProcess[bytes]:
    return run_brief_bytes("summarize", "--config", str(config), url, "-f", "json", timeout=300)


def _config(tmp_path: Path, memory_mb: int) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f"[summary]\nworker_memory_mb = {memory_mb}\n", encoding="utf-8")
    return path


def _big_page() -> bytes:
    """~4 MB of article: a real article's paragraphs over and over, each copy numbered."""
    paragraphs = [p.strip() for p in TEXT.split("\n") if p.strip()]
    body, size, n = [], 0, 0
    while size < 4_000_000:
        paragraph = f"<p>In report {n}, {paragraphs[n % len(paragraphs)]}</p>"
        body.append(paragraph)
        size += len(paragraph)
        n += 1
    return f"<html><body><article>{''.join(body)}</article></body></html>".encode()


def test_a_page_past_the_memory_cap_says_so_with_its_own_code(
    loopback: Loopback, tmp_path: Path
) -> None:
    config = _config(tmp_path, CAP_MB)
    url = loopback.route("/big.html", _big_page())
    done = _summarize(config, url)
    assert done.returncode == AnalysisMemoryError.exit_code == 18
    assert done.stdout == b""
    assert done.stderr.decode() == (
        f"brief: error: {url}: the page needed more memory than the analysis worker's cap of "
        f"{CAP_MB} MiB (summary.worker_memory_mb in the config raises it)\n"
    )
    assert (
        dict(EXIT_CODES)[18] == "brief summarize: the page needed more memory than the worker's cap"
    )


def test_the_same_cap_summarizes_an_ordinary_page(loopback: Loopback, tmp_path: Path) -> None:
    config = _config(tmp_path, CAP_MB)
    page = "".join(f"<p>{p}</p>" for p in TEXT.split("\n") if p.strip())
    url = loopback.route(
        "/article.html", f"<html><body><article>{page}</article></body></html>".encode()
    )
    done = _summarize(config, url)
    assert done.returncode == 0, done.stderr
    assert b'"quotes"' in done.stdout


def test_a_cap_below_what_a_worker_needs_is_a_config_error(tmp_path: Path) -> None:
    done = run_brief_bytes("summarize", "--config", str(_config(tmp_path, 8)), "--sample")
    assert done.returncode == 10
    assert b"worker_memory_mb" in done.stderr and len(done.stderr.splitlines()) == 1
