"""Rendering a Brief: Rich panels, plain text and Markdown keep untrusted text literal."""

from __future__ import annotations

import io

from rich.console import Console

from brief.models import Actor, Article, Brief, Quote
from brief.present import brief_renderable, markdown, md_escape, plain_text
from brief.present.grouping import UNATTRIBUTED, group_by_speaker

HOSTILE = "[@click=app.quit]x[/] [bold red]boo[/] \x1b]8;;http://evil\x07link\x1b]8;;\x07 \x1b[2J"


def _quote(text: str, speaker: str | None, start: int, kind: str | None = "person") -> Quote:
    return Quote(
        text, speaker, kind if speaker else None, None, "said", 0, start, start + len(text)
    )


def make_brief() -> Brief:
    article = Article(paragraphs=(f"Para {HOSTILE}",), title=f"Title {HOSTILE}", site="Site")
    return Brief(
        article=article,
        summary=(f"Summary {HOSTILE}",),
        quotes=(
            _quote(f"quoted {HOSTILE}", "Jane Roe", 30),
            _quote("the first words", "John Doe", 10),
            _quote("again from John", "John Doe", 50),
            _quote("nobody said this", None, 60),
        ),
        statements=(_quote("John reported it", "John Doe", 70),),
        actors=(Actor(f"Evil {HOSTILE}", "person", None, 1, 0),),
    )


def test_group_by_speaker_orders_by_quote_count_then_first_seen() -> None:
    groups = group_by_speaker(make_brief())
    assert [g.name for g in groups] == ["John Doe", "Jane Roe", UNATTRIBUTED]
    john = groups[0]
    assert [q.text for q in john.quotes] == ["the first words", "again from John"]
    assert [s.text for s in john.statements] == ["John reported it"]


def test_rich_rendering_is_literal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, color_system=None, force_terminal=False)
    console.print(brief_renderable(make_brief()))
    out = buffer.getvalue()
    assert "[@click=app.quit]x[/]" in out
    assert "[bold red]boo[/]" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "John Doe" in out and "Jane Roe" in out


def test_rich_rendering_on_a_terminal_emits_no_foreign_escapes() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, force_terminal=True, color_system="truecolor")
    console.print(brief_renderable(make_brief()))
    out = buffer.getvalue()
    assert "]8;;http://evil" not in out  # no OSC 8 hyperlink from the page
    assert "\x1b[2J" not in out  # no screen clear
    assert "[bold red]boo[/]" in out


def test_plain_text_and_markdown_are_sanitized() -> None:
    brief = make_brief()
    text = plain_text(brief)
    assert "\x1b" not in text and "\x07" not in text
    assert "[bold red]boo[/]" in text
    md = markdown(brief)
    assert "\x1b" not in md
    assert "\\[bold red\\]" in md  # escaped: no link or markup syntax survives


def test_md_escape_neutralizes_links_and_html() -> None:
    value = "[click](javascript:alert(1)) <script>x</script> # h"
    escaped = md_escape(value)
    # Rendered as CommonMark: no link, no tag, the text as written.
    from markdown_it import MarkdownIt

    page = MarkdownIt("commonmark").render(escaped)
    assert "<a" not in page and "<script" not in page
    assert page == "<p>[click](javascript:alert(1)) &lt;script&gt;x&lt;/script&gt; # h</p>\n"
