"""Mail a digest over SMTP: the one module that imports smtplib and email.

Titles come from feeds and are untrusted, and the stdlib decodes RFC 2047 encoded words when a
header is *set*: ``=?UTF-8?Q?=0A?=Bcc: x@example.com`` becomes a real line break, and the
serializer then writes a real ``Bcc:`` header. So every header value is folded to one line and
``=?`` is broken up before it reaches EmailMessage, and the finished message is parsed back
to prove it carries exactly the headers we set. The envelope recipients are always the
configured ones, never read from headers.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, make_msgid

from brief.choices import SMTP_SECURITY, SmtpSecurity
from brief.errors import MailError
from brief.text import sanitize

SUBJECT_LIMIT = 150
TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class MailSettings:
    """Where and how to send: server, security, login, sender and recipients."""

    host: str
    port: int
    security: SmtpSecurity
    sender: str
    recipients: tuple[str, ...]
    username: str | None = None
    password: str | None = None
    timeout: float = TIMEOUT_SECONDS


def header_text(value: str, limit: int = SUBJECT_LIMIT) -> str:
    """Untrusted text made safe as the value of an unstructured header.

    One line (every control and line separator becomes a space), no encoded-word opener
    (``=?`` becomes ``= ?``, so nothing is decoded into a line break), at most ``limit``
    characters.
    """
    flat = " ".join(sanitize(value).split())
    while "=?" in flat:
        flat = flat.replace("=?", "= ?")
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat


def _address(value: str, what: str) -> Address:
    """A configured address, refused if it is not one plain address."""
    if any(c in value for c in "\r\n,") or "=?" in value:
        raise MailError(f"invalid {what} address in the config: {value!r}")
    try:
        return Address(addr_spec=value.strip())
    except (ValueError, IndexError) as err:
        raise MailError(f"invalid {what} address in the config: {value!r}") from err


def build_message(
    settings: MailSettings,
    subject: str,
    text: str,
    html: str | None = None,
    now: datetime | None = None,
) -> EmailMessage:
    """A MIME message: text/plain, plus text/html as an alternative when given."""
    sender = _address(settings.sender, "sender")
    recipients = [_address(r, "recipient") for r in settings.recipients]
    if not recipients:
        raise MailError("no recipient configured (digest.smtp.to)")
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = header_text(subject)
    msg["From"] = sender
    msg["To"] = recipients
    msg["Date"] = format_datetime(now or datetime.now(UTC))
    # make_msgid's default domain comes from a DNS lookup of our own name: slow or absent here.
    msg["Message-ID"] = make_msgid(domain=sender.domain or "localhost")
    # RFC 3834: mark it as machine-sent so autoresponders stay quiet.
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    _check_headers(msg)
    return msg


_EXPECTED_HEADERS = ["Subject", "From", "To", "Date", "Message-ID", "Auto-Submitted"]


def _check_headers(msg: EmailMessage) -> None:
    """Parse the serialized message back: it must carry exactly the headers we set."""
    parsed = BytesParser(policy=policy.default).parsebytes(msg.as_bytes(), headersonly=True)
    names = [k for k in parsed if not k.lower().startswith("content-") and k != "MIME-Version"]
    if names != _EXPECTED_HEADERS:
        raise MailError(f"refusing to send: unexpected headers in the message ({names})")


def send(settings: MailSettings, msg: EmailMessage) -> list[str]:
    """Send the message; return the recipients the server refused (others got it).

    Raises MailError when nothing was accepted: connection, TLS, login, or every recipient
    refused.
    """
    where = f"{settings.host}:{settings.port}"
    # Settings built by hand are not checked like the config: never fall back to plain SMTP.
    if settings.security not in SMTP_SECURITY:
        choices = ", ".join(SMTP_SECURITY)
        raise MailError(f"unknown SMTP security {settings.security!r} (use {choices})")
    context = ssl.create_default_context()
    # EHLO with our host name as is: smtplib's default (getfqdn) may wait on DNS.
    local = socket.gethostname() or "localhost"
    try:
        client: smtplib.SMTP
        if settings.security == "tls":
            client = smtplib.SMTP_SSL(
                settings.host,
                settings.port,
                local_hostname=local,
                timeout=settings.timeout,
                context=context,
            )
        else:
            client = smtplib.SMTP(
                settings.host, settings.port, local_hostname=local, timeout=settings.timeout
            )
        with client:
            client.ehlo()
            if settings.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if settings.username:
                client.login(settings.username, settings.password or "")
            refused = client.send_message(
                msg, from_addr=settings.sender, to_addrs=list(settings.recipients)
            )
    except smtplib.SMTPRecipientsRefused as err:
        raise MailError(f"mail refused for every recipient by {where}") from err
    except smtplib.SMTPAuthenticationError as err:
        raise MailError(f"SMTP login refused by {where} (code {err.smtp_code})") from err
    except smtplib.SMTPNotSupportedError as err:
        raise MailError(f"{where} does not support {err}") from err
    except smtplib.SMTPResponseException as err:
        raise MailError(f"mail refused by {where}: {err.smtp_code} {_reason(err)}") from err
    except (smtplib.SMTPException, ssl.SSLError, OSError) as err:
        raise MailError(f"cannot send mail through {where}: {err}") from err
    return sorted(refused)


def _reason(err: smtplib.SMTPResponseException) -> str:
    raw = err.smtp_error
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return " ".join(sanitize(text).split())
