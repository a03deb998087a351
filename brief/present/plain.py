"""A Brief as plain text (for pipes and cron) and as Markdown; no Rich, no colour."""

from __future__ import annotations

import re

from brief.models import Brief
from brief.present.grouping import group_by_speaker
from brief.text import sanitize

# Backslash-escaped wherever they stand: code spans, emphasis, links, autolinks and HTML.
_ALWAYS = frozenset("`*[]<")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# An entity or numeric character reference ("&amp;", "&#39;"), which CommonMark decodes.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What makes a line a block at its start: a heading, a quote, a list item, a thematic break or
# a setext underline (the last character of the match is escaped).
_BLOCK_START = re.compile(r"#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|[0-9]{1,9}[.)](?=\s|$)|[=-]+\s*$")
# The closing sequence of an ATX heading ("Vote #"), which CommonMark drops.
_HEADING_END = re.compile(r"(?<=\s)#+\s*$")


def md_escape(value: str) -> str:
    """Untrusted text made literal in CommonMark, escaping only where Markdown would act.

    "Kentucky!", "(new since …)" and "Disney+" stay as written; ``*bold*``, ``[a](b)``,
    ``<b>``, ``&amp;``, a leading ``# `` or ``1. `` and ``snake _under_`` are escaped, so that the
    rendered text is the input. The text is made one line (newlines become spaces).
    """
    text = sanitize(value).replace("\n", " ").strip()
    escape = {i for i, ch in enumerate(text) if _needs_escape(text, i, ch)}
    start = _BLOCK_START.match(text)
    if start is not None:
        escape.add(start.end() - 1 if text[0].isdigit() else 0)
    end = _HEADING_END.search(text)
    if end is not None:
        escape.add(end.start())
    return "".join("\\" + ch if i in escape else ch for i, ch in enumerate(text))


def _needs_escape(text: str, i: int, ch: str) -> bool:
    if ch in _ALWAYS:
        return True
    if ch == "\\":
        # A backslash only escapes ASCII punctuation (and breaks a line at the end).
        return i + 1 == len(text) or text[i + 1] in _ASCII_PUNCTUATION
    if ch == "_":
        # Inside a word an underscore never starts emphasis ("snake_case").
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return not (before.isalnum() and after.isalnum())
    if ch == "&":
        return _ENTITY.match(text, i) is not None
    if ch == "~":
        # Two tildes strike through in the GitHub dialect most mail readers use.
        return text[i - 1 : i] == "~" or text[i + 1 : i + 2] == "~"
    return False


def _meta(brief: Brief) -> list[str]:
    a = brief.article
    return [x for x in (a.site, a.published, f"by {a.author}" if a.author else None) if x]


def plain_text(brief: Brief) -> str:
    """The brief as colourless plain text, one section after another."""
    a = brief.article
    lines = [sanitize(a.title or "(untitled)")]
    meta = _meta(brief)
    if meta:
        lines.append(sanitize(" · ".join(meta)))
    lines += ["", "SUMMARY"]
    lines += [f"  - {sanitize(s)}" for s in brief.summary] or ["  (no summary)"]
    for group in group_by_speaker(brief):
        lines.append("")
        head = sanitize(group.name)
        if group.role:
            head += f", {sanitize(group.role)}"
        if group.kind and group.kind != "person":
            head += f" ({group.kind})"
        lines.append(head)
        lines += [f"  “{sanitize(q.text)}”" for q in group.quotes]
        lines += [f"  > {sanitize(s.text)}" for s in group.statements]
    lines.append("")
    actors = ", ".join(f"{sanitize(x.name)} ({x.kind})" for x in brief.actors[:20])
    lines.append(f"Actors: {actors or 'none found'}")
    lines.append(f"Source: {sanitize(a.url or a.path or 'stdin')}")
    lines.append(f"Published: {a.published or 'unknown'}")
    return "\n".join(lines) + "\n"


def markdown(brief: Brief) -> str:
    """The brief as a Markdown document."""
    a = brief.article
    out = [f"# {md_escape(a.title or '(untitled)')}", ""]
    meta = _meta(brief)
    if meta:
        out += [f"*{md_escape(' · '.join(meta))}*", ""]
    out += ["## Summary", ""]
    out += [f"- {md_escape(s)}" for s in brief.summary] or ["(no summary)"]
    groups = group_by_speaker(brief)
    if groups:
        out += ["", "## Who said what"]
    for group in groups:
        head = f"**{md_escape(group.name)}**"
        if group.role:
            head += f", {md_escape(group.role)}"
        if group.kind and group.kind != "person":
            head += f" ({group.kind})"
        out += ["", f"### {head}", ""]
        out += [f"> “{md_escape(q.text)}”\n" for q in group.quotes]
        out += [f"- {md_escape(s.text)}" for s in group.statements]
    out += ["", "## Actors", ""]
    out += [f"- {md_escape(x.name)} ({x.kind})" for x in brief.actors] or ["(none found)"]
    out += ["", f"Source: {md_escape(a.url or a.path or 'stdin')}"]
    out.append(f"Published: {a.published or 'unknown'}")
    return "\n".join(out).rstrip() + "\n"
