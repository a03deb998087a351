"""brief.extract.source: URLs (on the loopback server), stdin, and local files, plain or gzipped."""

from __future__ import annotations

import gzip
import io
import os
import zlib
from pathlib import Path

import pytest
from loopback import Loopback

from brief.errors import (
    ExtractionError,
    InputError,
    TooLargeError,
    UnreachableError,
    UnsupportedContentError,
)
from brief.extract import load_source
from brief.net import FetchLimits

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed.txt"
PAGE = FIXTURES / "extract" / "techcrunch-wework.html.gz"
TITLE = "New York State Attorney General reportedly investigating WeWork"
SEED_TITLE = "How a drone interception fueled tensions between Mali & Algeria"
MIB = 1024 * 1024


def html_bytes() -> bytes:
    return gzip.decompress(PAGE.read_bytes())


def test_text_file() -> None:
    article = load_source(str(SEED))
    assert article.title == SEED_TITLE
    assert (article.path, article.url, article.published) == (str(SEED), None, None)


def test_html_file_and_its_gzip(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(html_bytes())
    plain = load_source(str(page))
    packed = load_source(str(PAGE))
    assert plain.title == packed.title == TITLE
    assert plain.paragraphs == packed.paragraphs
    assert plain.published == "2019-11-18"  # from the page's canonical URL and metadata
    assert (plain.path, packed.path) == (str(page), str(PAGE))


def test_gzipped_text_and_markdown(tmp_path: Path) -> None:
    text = tmp_path / "seed.txt.gz"
    text.write_bytes(gzip.compress(SEED.read_bytes()))
    markdown = tmp_path / "note.md"
    markdown.write_text("# A *short* note\n\n" + "Words of the note, " * 10 + "\n", "utf-8")
    assert load_source(str(text)).title == SEED_TITLE
    assert load_source(str(markdown)).title == "A short note"


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    html = tmp_path / "download"
    html.write_bytes(html_bytes())
    text = tmp_path / "README"
    text.write_bytes(SEED.read_bytes())
    assert load_source(str(html)).title == TITLE
    assert load_source(str(text)).title == SEED_TITLE


def test_non_utf8_file_decodes(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    text = (
        "Le café de Bamako\n\n" + "Le ministre a déclaré à la presse que la crise était grave. " * 5
    )
    latin.write_bytes(text.encode("cp1252"))
    article = load_source(str(latin))
    assert article.title == "Le café de Bamako"
    assert "a déclaré à la presse" in article.text


def test_gzip_bomb_file_stops_at_the_cap(tmp_path: Path) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(b"".join(packer.compress(bytes(MIB)) for _ in range(200)) + packer.flush())
    assert bomb.stat().st_size < 300_000
    with pytest.raises(TooLargeError, match="larger than 1 MiB"):
        load_source(str(bomb), limits=FetchLimits(max_bytes=MIB))


def test_large_plain_file_is_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MIB // 4))
    with pytest.raises(TooLargeError):
        load_source(str(big), limits=FetchLimits(max_bytes=MIB))


def test_missing_file_directory_and_bad_gzip(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_source(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        load_source(str(tmp_path))
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"this is not gzip at all")
    with pytest.raises(InputError, match="not a valid gzip file"):
        load_source(str(broken))


def test_unreadable_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("text")
    secret.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(InputError, match="permission denied"):
            load_source(str(secret))
    # Root reads any file, so also prove a read that fails midway is one clear InputError:
    # /proc/self/mem opens but answers the first read with EIO.
    with pytest.raises(InputError, match="cannot read"):
        load_source("/proc/self/mem")


def test_binary_file_is_unsupported(tmp_path: Path) -> None:
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    with pytest.raises(UnsupportedContentError):
        load_source(str(image))


def test_stdin_text_and_html() -> None:
    text = load_source("-", stdin=io.BytesIO(SEED.read_bytes()))
    assert (text.title, text.path) == (SEED_TITLE, "-")
    assert load_source("-", stdin=io.BytesIO(html_bytes())).title == TITLE


def test_empty_stdin() -> None:
    with pytest.raises(InputError, match="stdin is empty"):
        load_source("-", stdin=io.BytesIO(b""))
    with pytest.raises(ExtractionError, match="no article text found in stdin"):
        load_source("-", stdin=io.BytesIO(b"\n  \n"))


def test_url_html_and_text(loopback: Loopback) -> None:
    html_url = loopback.route("/story", html_bytes())
    text_url = loopback.route("/story.txt", SEED.read_bytes(), content_type="text/plain")
    html = load_source(html_url)
    assert (html.title, html.url, html.path) == (TITLE, html_url, None)
    text = load_source(text_url)
    assert (text.title, text.url) == (SEED_TITLE, text_url)


def test_url_after_redirect_is_the_article_url(loopback: Loopback) -> None:
    final = loopback.route("/final", html_bytes())
    start = loopback.route("/start", b"", status=301, headers={"Location": "/final"})
    assert load_source(start).url == final


def test_url_with_another_scheme() -> None:
    with pytest.raises(UnreachableError, match="only http and https"):
        load_source("ftp://example.com/story.html")
