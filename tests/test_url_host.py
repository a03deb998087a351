"""brief.net.urls.url_host: the one reading of a URL's host (sites, outlets)."""

from __future__ import annotations

from brief.net.urls import url_host
from brief.present.carried import outlet_name


def test_the_host_of_a_url_lowercased_with_or_without_www() -> None:
    assert url_host("https://WWW.Example.org:8443/news/1?x=1") == "www.example.org"
    assert url_host("https://WWW.Example.org/news/1", strip_www=True) == "example.org"
    assert url_host("https://news.example.org/", strip_www=True) == "news.example.org"


def test_no_url_or_no_host_is_none() -> None:
    assert url_host(None) is None and url_host("") is None
    assert url_host("file:///tmp/page.html") is None
    assert url_host("https://www./", strip_www=True) is None


def test_an_outlet_without_feed_or_site_is_named_by_its_bare_host() -> None:
    assert outlet_name(None, None, "https://www.bbc.co.uk/news/1", "#1") == "bbc.co.uk"
    assert outlet_name(None, " ", "file:///x", "#7") == "#7"
