"""brief.extract: URLs (on the loopback server), stdin, local files plain or gzipped, and the
one way from bytes to an Article that every source takes (article_from_bytes)."""

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
from brief.extract import article_from_bytes, load_source
from brief.net import FetchLimits
from brief.refresh.job import ArticleJob, process_article

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


# article_from_bytes: the one way from bytes to an Article, whatever the source.

KOI8 = (
    "Городской совет во вторник проголосовал за закрытие старого моста для машин, "
    "потому что инженеры нашли глубокие трещины в двух опорах."
)


def test_the_path_suffix_decides_before_the_bytes() -> None:
    assert article_from_bytes(html_bytes(), path="page.htm").title == TITLE
    assert article_from_bytes(html_bytes(), path="page.html.gz").title == TITLE
    as_text = article_from_bytes(html_bytes(), path="page.txt")
    assert as_text.title != TITLE and "<" in as_text.text  # read as text: the markup stays
    assert article_from_bytes(SEED.read_bytes(), path="seed.md").title == SEED_TITLE


@pytest.mark.parametrize(
    ("content_type", "html"),
    [
        ("text/html", True),
        ("application/xhtml+xml", True),
        ("text/plain", False),
        ("text/markdown", False),
        ("text/x-markdown", False),
    ],
)
def test_the_content_type_decides_before_the_bytes(content_type: str, html: bool) -> None:
    article = article_from_bytes(html_bytes(), content_type=content_type, url="http://x.example/")
    assert (article.title == TITLE) is html
    assert article.url == "http://x.example/" and article.path is None


def test_without_a_type_the_bytes_decide() -> None:
    for content_type in (None, ""):
        assert article_from_bytes(html_bytes(), content_type=content_type).title == TITLE
        bom = article_from_bytes(b"\xef\xbb\xbf" + html_bytes(), content_type=content_type)
        assert bom.title == TITLE
        assert article_from_bytes(SEED.read_bytes(), content_type=content_type).title == (
            SEED_TITLE
        )


def test_the_header_charset_decodes() -> None:
    data = ("Совет закрыл мост\n\n" + KOI8).encode("koi8-r")
    article = article_from_bytes(data, content_type="text/plain", charset="koi8-r")
    assert article.paragraphs == (KOI8,)
    assert KOI8 not in article_from_bytes(data, content_type="text/plain").text


def test_binary_bytes_without_an_http_answer_are_unsupported() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)
    with pytest.raises(UnsupportedContentError, match=r"^-: binary data"):
        article_from_bytes(png, path="-")
    # A typed HTTP answer was checked by brief.net: its bytes only lack article text, which a
    # refresh worker answers with the feed's own text.
    with pytest.raises(ExtractionError):
        article_from_bytes(png, content_type="text/plain", url="http://x.example/a.png")
    utf16 = "\ufeff".encode("utf-16-le") + SEED.read_text(encoding="utf-8").encode("utf-16-le")
    assert article_from_bytes(utf16, path="-").title == SEED_TITLE


def test_a_url_without_a_content_type_is_sniffed(loopback: Loopback) -> None:
    html_url = loopback.route("/page", b"\xef\xbb\xbf" + html_bytes(), content_type=None)
    text_url = loopback.route("/note", SEED.read_bytes(), content_type=None)
    assert load_source(html_url).title == TITLE
    assert load_source(text_url).title == SEED_TITLE


def _job(body: bytes, content_type: str) -> ArticleJob:
    return ArticleJob(1, "http://x.example/a", body, content_type, None, "Feed title", "", None)


def test_a_feed_entry_page_is_html_unless_typed_as_text() -> None:
    # Markup that the bytes alone would not call HTML (it opens with neither a doctype nor
    # <html>): a page a feed links to, sent with no type, is still read as HTML.
    untyped = b"<meta charset='utf-8'>" + html_bytes().split(b">", 1)[1]
    assert article_from_bytes(untyped, content_type="").title != TITLE
    page = process_article(_job(untyped, ""))
    assert (page.status, page.brief.article.title) == ("full", TITLE)
    text = process_article(_job(SEED.read_bytes(), "text/plain"))
    assert (text.status, text.brief.article.title) == ("full", SEED_TITLE)
