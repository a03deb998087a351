"""Why a connection failed, in a few words a user can act on (for brief.net.client).

Walks the exception's causes for the socket and ssl errors under httpx's: "name not
resolved", "connection refused", and for TLS which certificate problem it was (expired,
issued for another host, self-signed, from an unknown authority) with OpenSSL's own words.
Standard library only.
"""

from __future__ import annotations

import socket
import ssl


def connect_reason(err: BaseException) -> str:
    """Why a connection failed, in words: name not resolved, refused, which TLS problem."""
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return "name not resolved"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return _certificate_problem(cause)
        if isinstance(cause, ssl.SSLError):
            return f"TLS error ({cause.reason or cause})"
        cause = cause.__cause__ or cause.__context__
    text = str(err)
    if "name" in text.lower() and ("resol" in text.lower() or "known" in text.lower()):
        return "name not resolved"
    if "refused" in text.lower():
        return "connection refused"
    return text or type(err).__name__


# OpenSSL's X509_V_ERR_* codes (x509_vfy.h) for the certificate problems a user can act on.
_CERTIFICATE_PROBLEMS = {
    10: "TLS certificate expired",
    9: "TLS certificate not valid yet",
    18: "self-signed TLS certificate",
    19: "self-signed TLS certificate in the chain",
    20: "TLS certificate from an unknown authority",
    21: "TLS certificate from an unknown authority",
    62: "TLS certificate for another host name",
    64: "TLS certificate for another address",
    23: "TLS certificate revoked",
}


def _certificate_problem(err: ssl.SSLCertVerificationError) -> str:
    """Which certificate problem: expired, wrong host, self-signed…, with OpenSSL's words."""
    code = err.verify_code if isinstance(err.verify_code, int) else -1
    words = str(err.verify_message or err.reason or err)
    kind = _CERTIFICATE_PROBLEMS.get(code, "TLS certificate refused")
    return f"{kind} ({words})"
