"""One exception tree for brief; the CLI maps each class to one stderr line and an exit code.

    BriefError                      exit 1
    ├── UsageError                  exit 2   bad option or argument
    ├── InputError                  exit 9   missing/unreadable file, empty stdin
    ├── FetchError                  exit 3   network failure (base of the fetch errors)
    │   ├── UnreachableError        exit 3   DNS failure, refused connection, bad scheme
    │   ├── HTTPStatusError         exit 4   4xx/5xx answer, redirect loop
    │   ├── FetchTimeout            exit 5   connect/read timeout or total deadline
    │   ├── TooLargeError           exit 6   decoded body over the size cap
    │   ├── UnsupportedContentError exit 7   not HTML or text (images, PDFs, binary)
    │   └── IncompleteError         exit 17  body cut short (connection closed, truncated gzip)
    ├── AnalysisTimeout             exit 5   `brief summarize` past its time limit
    ├── AnalysisMemoryError         exit 18  `brief summarize`: the page needed more memory
    ├── ExtractionError             exit 8   no article text found
    ├── ConfigError                 exit 10  invalid config file
    ├── StoreError                  exit 11  database locked, read-only, newer schema, disk full
    ├── FeedError                   exit 12  not a feed, or a feed too broken to read
    ├── FileWriteError              exit 13  a file not writable (folder, permission, disk full)
    ├── DigestError                 exit 13  the digest could not be delivered
    │   ├── OutputError             exit 13  its output file not writable (from FileWriteError)
    │   └── MailError               exit 14  SMTP: connection, TLS, login or recipients refused
    └── LockedError                 exit 15  another run holds the lock (after waiting briefly)

EXIT_CODES is the table users read, in README.md ("Exit codes") and under `brief --help`
(tests/test_exit_codes.py keeps the three equal); it also holds the codes that are no error.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping


class BriefError(Exception):
    """Base of every error brief reports to the user."""

    exit_code = 1


class UsageError(BriefError):
    """A command-line option or argument is wrong."""

    exit_code = 2


class InputError(BriefError):
    """A local source (file or stdin) is missing, unreadable or empty."""

    exit_code = 9


class FetchError(BriefError):
    """A URL could not be fetched."""

    exit_code = 3


class UnreachableError(FetchError):
    """The host could not be reached (DNS, refused, TLS, forbidden address or scheme)."""

    exit_code = 3


class HTTPStatusError(FetchError):
    """The server answered with an error status, or redirected too often.

    ``retry_after`` is the server's Retry-After (429, 503) in seconds, when it sent one.
    """

    exit_code = 4

    def __init__(
        self, message: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class FetchTimeout(FetchError):
    """The connection, a read, or the whole transfer took too long."""

    exit_code = 5


class TooLargeError(FetchError):
    """The decoded body is larger than the configured cap."""

    exit_code = 6


class UnsupportedContentError(FetchError):
    """The body is not HTML or text."""

    exit_code = 7


class IncompleteError(FetchError):
    """The answer ended early: the connection closed before the whole body, or a gzip or
    deflate body stops before its end. A part of a page is never analyzed as the page."""

    exit_code = 17


class AnalysisTimeout(BriefError):
    """`brief summarize` did not load and analyze its source within the time limit."""

    exit_code = 5


class AnalysisMemoryError(BriefError):
    """`brief summarize`: loading and analyzing the page needed more memory than the worker's
    cap (summary.worker_memory_mb)."""

    exit_code = 18


class ExtractionError(BriefError):
    """No article text could be found in the page."""

    exit_code = 8


class ConfigError(BriefError):
    """The configuration file is invalid."""

    exit_code = 10


class StoreError(BriefError):
    """The database cannot be used (locked, read-only, newer schema, disk full)."""

    exit_code = 11


class FeedError(BriefError):
    """The bytes are not an RSS, Atom or JSON feed (or an OPML list), or too broken to read."""

    exit_code = 12


class FileWriteError(BriefError):
    """A file could not be written: missing folder, permission, disk full (a digest or export
    output, a lock file)."""

    exit_code = 13


class DigestError(BriefError):
    """The digest could not be delivered; nothing was marked as digested."""

    exit_code = 13


class OutputError(DigestError):
    """The digest's output file could not be written (the digest's FileWriteError)."""

    exit_code = 13


class MailError(DigestError):
    """The mail was not accepted: connection, TLS, login, or every recipient refused."""

    exit_code = 14


class LockedError(BriefError):
    """Another brief run holds the lock and did not finish within the wait."""

    exit_code = 15


# The codes that are not an error class's: a run that worked, a `brief fetch` whose refresh ran
# with some feeds failing, and Ctrl-C.
SUCCESS = 0
FEEDS_FAILED = 16
INTERRUPTED = 130

# (code, meaning) in code order; a code shared by several classes is one row.
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (SUCCESS, "success"),
    (BriefError.exit_code, "unexpected failure"),
    (UsageError.exit_code, "bad option or argument"),
    (
        UnreachableError.exit_code,
        "host unreachable (DNS, refused connection, forbidden scheme or address)",
    ),
    (HTTPStatusError.exit_code, "HTTP error status or redirect loop"),
    (FetchTimeout.exit_code, "timeout (connect, read, the total deadline, or the time limit)"),
    (TooLargeError.exit_code, "page larger than the size cap (measured after decompression)"),
    (UnsupportedContentError.exit_code, "not HTML or text (image, PDF, binary)"),
    (ExtractionError.exit_code, "no article text found"),
    (InputError.exit_code, "missing or unreadable file, empty stdin"),
    (ConfigError.exit_code, "invalid configuration file"),
    (StoreError.exit_code, "database unusable (locked, read-only, newer schema, disk full)"),
    (FeedError.exit_code, "malformed feed"),
    (FileWriteError.exit_code, "file not writable (digest or export output, lock file)"),
    (MailError.exit_code, "mail refused by the SMTP server"),
    (LockedError.exit_code, "another run holds the lock (after waiting)"),
    (FEEDS_FAILED, "brief fetch: at least one feed failed (the others were refreshed)"),
    (IncompleteError.exit_code, "answer cut short (connection closed early, truncated gzip)"),
    (
        AnalysisMemoryError.exit_code,
        "brief summarize: the page needed more memory than the worker's cap",
    ),
    (INTERRUPTED, "interrupted"),
)


def exit_code_table(
    codes: Collection[int] | None = None, notes: Mapping[int, str] | None = None
) -> str:
    """EXIT_CODES as a `--help` epilog shows it: every code, or only ``codes``, each meaning
    followed by the command's own ``notes`` for it in brackets."""
    notes = notes or {}
    rows = "".join(
        f"  {code:<3} {meaning}" + (f" [{notes[code]}]" if code in notes else "") + "\n"
        for code, meaning in EXIT_CODES
        if codes is None or code in codes
    )
    return "exit codes:\n" + rows
