"""The closed sets of names a user may give: summary algorithms, digest formats, SMTP security.

Here, below the config and the command line, so that both name the same values and `brief
--help` can list them without importing the config reader (tomllib, pathlib, dataclasses).
"""

from __future__ import annotations

from typing import Literal, get_args

# brief.summary.rank implements each of these; the config and `-a/--algorithm` accept them.
ALGORITHMS = ("default", "lead", "lexrank", "textrank", "lsa", "luhn")
# digest.format; `brief digest --format` also takes "json" (a contract for scripts).
ConfigDigestFormat = Literal["markdown", "html", "text"]
DigestFormat = Literal[ConfigDigestFormat, "json"]
# How the SMTP connection is secured: STARTTLS upgrade, TLS from the start, or plain.
SmtpSecurity = Literal["starttls", "tls", "none"]

DIGEST_FORMATS: tuple[DigestFormat, ...] = get_args(DigestFormat)
SMTP_SECURITY: tuple[SmtpSecurity, ...] = get_args(SmtpSecurity)
