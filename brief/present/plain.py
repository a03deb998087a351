"""A Brief as plain text (for pipes and cron) and as Markdown; no Rich, no colour."""

from __future__ import annotations

import re

from brief.models import Brief
from brief.present.grouping import group_by_speaker
from brief.text import sanitize

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(value: str) -> str:
    """Untrusted text made literal in Markdown (no links, emphasis, HTML or headings)."""
    return _MD_SPECIAL.sub(r"\\\1", sanitize(value)).replace("\n", " ")


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
