"""The closed sets of names a user may give: summary algorithms, digest formats, SMTP security,
the orders of the reader's article list.

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

# The article list's orders (tui.sort, S in the reader): newest first, by feed name then
# newest, most quotes first, by title.
SortOrder = Literal["date", "feed", "quotes", "title"]

DIGEST_FORMATS: tuple[DigestFormat, ...] = get_args(DigestFormat)
SORT_ORDERS: tuple[SortOrder, ...] = get_args(SortOrder)
SMTP_SECURITY: tuple[SmtpSecurity, ...] = get_args(SmtpSecurity)
