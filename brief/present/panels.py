"""Rich renderables for a Brief, shared by the CLI's text output and the TUI.

Every string from a page is untrusted: it is put into ``rich.text.Text`` as plain text, never
parsed as markup, and is sanitized of control characters first.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from brief.models import Brief
from brief.present.grouping import SpeakerGroup, group_by_speaker
from brief.text import sanitize


def _t(value: str, style: str = "") -> Text:
    """Untrusted text as a Text object: sanitized and literal."""
    return Text(sanitize(value), style=style)


def header(brief: Brief) -> Text:
    """Headline, then source, date and byline on one line."""
    a = brief.article
    out = Text()
    out.append_text(_t(a.title or "(untitled)", "bold"))
    meta = [x for x in (a.site, a.published, f"by {a.author}" if a.author else None) if x]
    if meta:
        out.append("\n")
        out.append_text(_t(" · ".join(meta), "dim"))
    return out


def summary_panel(brief: Brief) -> Panel:
    """The summary sentences in one panel."""
    body = Text()
    for i, sentence in enumerate(brief.summary):
        if i:
            body.append("\n")
        body.append("• ", style="cyan")
        body.append_text(_t(sentence))
    if not brief.summary:
        body.append("(no summary)", style="dim")
    return Panel(body, title="Summary", title_align="left", border_style="cyan")


def speaker_panel(group: SpeakerGroup) -> Panel:
    """One speaker: role, their quotes in order, then their statements."""
    body = Text()
    if group.role:
        body.append_text(_t(group.role, "italic"))
        body.append("\n")
    for q in group.quotes:
        body.append("“", style="green")
        body.append_text(_t(q.text))
        body.append("”", style="green")
        body.append("\n")
    for s in group.statements:
        body.append("↳ ", style="yellow")
        body.append_text(_t(s.text, "dim"))
        body.append("\n")
    body.rstrip()
    title = _t(group.name, "bold magenta")
    if group.kind and group.kind != "person":
        title.append(f" ({group.kind})", style="dim")
    return Panel(body, title=title, title_align="left", border_style="magenta")


def actors_line(brief: Brief, limit: int = 20) -> Text:
    """The actors, most quoted and most mentioned first."""
    out = Text()
    out.append("Actors: ", style="bold")
    for i, actor in enumerate(brief.actors[:limit]):
        if i:
            out.append(", ")
        out.append_text(_t(actor.name))
        out.append(f" ({actor.kind})", style="dim")
    if not brief.actors:
        out.append("none found", style="dim")
    return out


def source_line(brief: Brief) -> Text:
    """Where the article came from, and its date."""
    a = brief.article
    where = a.url or a.path or "stdin"
    out = Text()
    out.append("Source: ", style="bold")
    out.append_text(_t(where, "dim"))
    out.append(f"  ·  published {a.published or 'unknown'}", style="dim")
    return out


def brief_renderable(brief: Brief) -> RenderableType:
    """The whole brief: header, summary, one panel per speaker, actors, source."""
    parts: list[RenderableType] = [header(brief), summary_panel(brief)]
    parts.extend(speaker_panel(g) for g in group_by_speaker(brief))
    parts.extend([actors_line(brief), source_line(brief)])
    return Group(*parts)
