"""Helpers for the digest tests: a real SMTP server on 127.0.0.1 (aiosmtpd) and TLS material."""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = "digest-bot"
PASSWORD = "correct horse battery staple"


@dataclass
class Received:
    """One message the test server accepted: envelope and raw bytes."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class Inbox:
    """What the server saw; ``refuse`` lists recipients it answers 550 to."""

    messages: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refuse:
            return "550 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
        )
        return "250 Message accepted for delivery"


def _authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


# Sockets bound to the ports free_port gave out, kept open until the test process ends: a
# port that is merely unused now could be taken by a server of another xdist worker.
_HELD: list[socket.socket] = []


def free_port() -> int:
    """A port on 127.0.0.1 where nobody listens, nor can: bound by a socket that never listens."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    _HELD.append(sock)
    port: int = sock.getsockname()[1]
    return port


def _unused_port() -> int:
    """A port on 127.0.0.1 nobody has bound right now (for a server that binds it itself)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class TLSFiles:
    """A throwaway CA (its PEM file for SSL_CERT_FILE) and a server context it signed."""

    ca_file: Path
    server_context: ssl.SSLContext


def make_tls(folder: Path) -> TLSFiles:
    """A CA and a certificate for 127.0.0.1/localhost, made fresh for the test."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    ca_file = folder / "test-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return TLSFiles(ca_file, context)


@contextmanager
def smtp_server(
    security: str = "none", tls: TLSFiles | None = None, login: bool = False
) -> Iterator[tuple[int, Inbox]]:
    """Run an SMTP server on 127.0.0.1 for the block; yields (port, inbox).

    ``security``: "none" (plain), "starttls" (STARTTLS required) or "tls" (implicit TLS).
    ``login`` requires AUTH with USER/PASSWORD.
    """
    inbox = Inbox()
    kwargs: dict[str, Any] = {"hostname": "127.0.0.1"}
    if security == "starttls":
        assert tls is not None
        kwargs.update(tls_context=tls.server_context, require_starttls=True)
    elif security == "tls":
        assert tls is not None
        kwargs.update(ssl_context=tls.server_context, server_hostname="127.0.0.1")
    if login:
        # aiosmtpd only counts STARTTLS as TLS for auth_require_tls; implicit TLS is TLS anyway.
        kwargs.update(authenticator=_authenticator, auth_require_tls=security == "starttls")
    controller = _start(inbox, kwargs)
    try:
        yield controller.port, inbox
    finally:
        controller.stop()


def _start(inbox: Inbox, kwargs: dict[str, Any], tries: int = 5) -> Controller:
    """A started Controller on an unused port.

    aiosmtpd cannot listen on port 0 (it connects to its own port to check that it runs), so it
    is given a port unused a moment ago; if another process binds that port first, the next
    try takes another.
    """
    controller = Controller(inbox, port=_unused_port(), **kwargs)
    try:
        controller.start()
    except OSError as err:
        if err.errno != errno.EADDRINUSE or tries <= 1:
            raise
        return _start(inbox, kwargs, tries - 1)
    return controller
