"""Reading an article in the user's pager ($PAGER, else less): its brief, then its full text.

The app hands the terminal over while the pager runs, as it does for a terminal browser. The
pager is run from an argument list (shlex-split $PAGER), never through a shell, and is given
plain, sanitized text on its standard input.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from typing import Any

from textual.app import App, SuspendNotSupported

from brief.present import plain_text
from brief.store import StoredArticle
from brief.text import sanitize

DEFAULT_PAGER = "less"


def article_text(article: StoredArticle) -> str:
    """The brief as plain text (when analyzed), then every paragraph of the article."""
    parts = []
    if article.brief is not None:
        parts.append(plain_text(article.brief))
    else:
        parts.append(sanitize(article.title or "(untitled)") + "\n")
    paragraphs = article.paragraphs or (article.brief.article.paragraphs if article.brief else ())
    if paragraphs:
        parts.append("TEXT\n\n" + "\n\n".join(sanitize(p) for p in paragraphs) + "\n")
    return "\n".join(parts)


def pager_command() -> list[str]:
    """$PAGER as an argument list (less when unset or empty)."""
    return shlex.split(os.environ.get("PAGER", "").strip() or DEFAULT_PAGER)


def page(app: App[Any], article: StoredArticle) -> None:
    """Show the article in the pager, the terminal handed over meanwhile; a notification
    says why when it cannot run."""
    try:
        command = pager_command()
    except ValueError as err:
        app.notify(f"PAGER cannot be read: {err}", severity="error", markup=False)
        return
    text = article_text(article).encode("utf-8", errors="replace")
    try:
        with app.suspend():
            subprocess.run(command, input=text, check=False)
    except SuspendNotSupported:
        app.notify("This terminal cannot be handed to a pager.", severity="warning")
    except OSError as err:
        app.notify(f"{command[0]}: {err.strerror or err}", severity="error", markup=False)
