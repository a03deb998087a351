"""brief.digest.mail against a real SMTP server on 127.0.0.1: STARTTLS, TLS, login, refusal."""

from __future__ import annotations

from dataclasses import replace
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from digest_support import PASSWORD, USER, free_port, make_tls, smtp_server

from brief.digest.mail import MailSettings, build_message, header_text, send
from brief.errors import MailError

HOSTILE = "=?UTF-8?Q?=0A?=Bcc: x@example.com"


def _settings(port: int, security: str = "none", login: bool = False) -> MailSettings:
    return MailSettings(
        host="127.0.0.1",
        port=port,
        security=security,
        sender="brief@example.org",
        recipients=("reader@example.org", "second@example.org"),
        username=USER if login else None,
        password=PASSWORD if login else None,
        timeout=10,
    )


def _parse(data: bytes):  # type: ignore[no-untyped-def]
    return BytesParser(policy=policy.default).parsebytes(data)


def test_plain_delivery_keeps_envelope_and_both_parts() -> None:
    with smtp_server("none") as (port, inbox):
        settings = _settings(port)
        msg = build_message(settings, "brief digest 2024-05-01", "plain body", "<p>html</p>")
        assert send(settings, msg) == []
    [got] = inbox.messages
    assert got.mail_from == "brief@example.org"
    assert got.rcpt_tos == ["reader@example.org", "second@example.org"]
    parsed = _parse(got.data)
    assert parsed["Subject"] == "brief digest 2024-05-01"
    assert parsed["Auto-Submitted"] == "auto-generated"
    assert parsed.get_body(("plain",)).get_content().strip() == "plain body"
    assert parsed.get_body(("html",)).get_content().strip() == "<p>html</p>"


@pytest.mark.parametrize(
    "title",
    [
        HOSTILE,
        "Fire\r\nBcc: x@example.com",
        "Fire\nBcc: x@example.com",
        "=?utf-8?b?Cg==?=Bcc: x@example.com",
        "a =?UTF-8?Q?=0D=0A?=To: evil@example.com b",
        "tab\tand\x85NEL\u2028LS Bcc: x@example.com",
    ],
)
def test_hostile_title_adds_no_header(title: str) -> None:
    with smtp_server("none") as (port, inbox):
        settings = _settings(port)
        send(settings, build_message(settings, f"brief: {title}", "body"))
    [got] = inbox.messages
    assert got.rcpt_tos == ["reader@example.org", "second@example.org"]
    parsed = _parse(got.data)
    assert parsed["Bcc"] is None
    assert parsed.get_all("To") == ["reader@example.org, second@example.org"]
    assert "\n" not in parsed["Subject"] and "\r" not in parsed["Subject"]
    header_block = got.data.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace")
    names = [line.split(":", 1)[0] for line in header_block.split("\r\n") if line[:1] not in " \t"]
    assert "Bcc" not in names
    assert names.count("To") == 1


def test_header_text_is_one_bounded_line() -> None:
    assert header_text(HOSTILE) == "= ?UTF-8?Q?=0A?=Bcc: x@example.com"
    assert header_text("a\r\n b\x00c") == "a bc"
    assert len(header_text("x" * 1000)) == 150


def test_starttls_with_login(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tls = make_tls(tmp_path)
    # brief trusts the system store; the test points it at a CA made for this test.
    monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca_file))
    with smtp_server("starttls", tls, login=True) as (port, inbox):
        settings = _settings(port, "starttls", login=True)
        send(settings, build_message(settings, "s", "body"))
    assert len(inbox.messages) == 1


def test_implicit_tls_with_login(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tls = make_tls(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca_file))
    with smtp_server("tls", tls, login=True) as (port, inbox):
        settings = _settings(port, "tls", login=True)
        send(settings, build_message(settings, "s", "body"))
    assert len(inbox.messages) == 1


def test_untrusted_certificate_is_refused(tmp_path: Path) -> None:
    tls = make_tls(tmp_path)  # SSL_CERT_FILE not set: the test CA is unknown
    with smtp_server("starttls", tls) as (port, inbox):
        settings = _settings(port, "starttls")
        with pytest.raises(MailError, match="certificate"):
            send(settings, build_message(settings, "s", "body"))
    assert inbox.messages == []


def test_wrong_password_is_a_mail_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tls = make_tls(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca_file))
    with smtp_server("starttls", tls, login=True) as (port, inbox):
        settings = _settings(port, "starttls", login=True)
        bad = replace(settings, password="wrong")
        with pytest.raises(MailError, match="login refused") as err:
            send(bad, build_message(bad, "s", "body"))
    assert err.value.exit_code == 14
    assert inbox.messages == []


def test_some_recipients_refused_others_delivered() -> None:
    with smtp_server("none") as (port, inbox):
        inbox.refuse.add("second@example.org")
        settings = _settings(port)
        assert send(settings, build_message(settings, "s", "b")) == ["second@example.org"]
    assert inbox.messages[0].rcpt_tos == ["reader@example.org"]


def test_all_recipients_refused_is_an_error() -> None:
    with smtp_server("none") as (port, inbox):
        inbox.refuse.update({"reader@example.org", "second@example.org"})
        settings = _settings(port)
        with pytest.raises(MailError, match="every recipient"):
            send(settings, build_message(settings, "s", "b"))
    assert inbox.messages == []


def test_nobody_listening_is_a_mail_error() -> None:
    settings = _settings(free_port())
    with pytest.raises(MailError, match="cannot send mail"):
        send(settings, build_message(settings, "s", "b"))


@pytest.mark.parametrize("bad", ["a@example.org\r\nBcc: x@example.com", "a@b, c@d", "=?x?q?y?="])
def test_bad_configured_address_is_refused(bad: str) -> None:
    settings = MailSettings("127.0.0.1", 25, "none", bad, ("r@example.org",))
    with pytest.raises(MailError, match="invalid sender"):
        build_message(settings, "s", "b")
