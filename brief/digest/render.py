"""A Digest as Markdown, plain text or JSON: no Rich, no colour, nothing that runs.

Every string in a Digest is already sanitized (no control or bidi characters); here it is
escaped for the format: Markdown special characters are made literal, links are kept only when
they are http(s), and percent-encoded so they cannot break out of the link syntax.
"""

from __future__ import annotations

import json
import textwrap
from urllib.parse import quote, urlsplit, urlunsplit

from brief.digest.model import Digest, Speaker, SpeakerLine, Story, StoryQuote
from brief.net import http_url
from brief.present import md_escape

WIDTH = 78

# Characters a URL may keep as they are; anything else (spaces, quotes, brackets, backslashes,
# backticks, non-ASCII) is percent-encoded, which makes the link inert in every format.
_URL_SAFE = "/:?#@!$&'*+,;=%~-._"


def safe_url(url: str | None) -> str | None:
    """An http(s) URL made safe to embed in a link, or None for any other URL."""
    checked = http_url(url)
    if checked is None:
        return None
    parts = urlsplit(checked)
    rebuilt = urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, parts.query, ""))
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return quote(rebuilt + fragment, safe=_URL_SAFE)


def counts_line(digest: Digest) -> str:
    """ "3 stories from 5 articles (new since the last digest)", and how many are in full
    when the digest is cut at digest.max_stories."""
    stories = digest.story_count
    line = (
        f"{stories} {'story' if stories == 1 else 'stories'} from {digest.article_count} "
        f"{'article' if digest.article_count == 1 else 'articles'} ({digest.selection})"
    )
    if digest.more_stories:
        line += f"; the {len(digest.stories)} most significant in full"
    if digest.hidden:
        line += f"; {digest.hidden} hidden by ignore rules"
    return line


def more_heading(count: int, one: str, many: str) -> str:
    """ "And 12 more stories" (the list after the ones told in full)."""
    return f"And {count} more {one if count == 1 else many}"


def story_link(story: Story) -> str | None:
    """The link of a listed story: its central article's page, else any source's."""
    for source in story.sources:
        url = safe_url(source.url)
        if url:
            return url
    return None


def speaker_stories(speaker: Speaker) -> str:
    """ "story 3" or "stories 3, 7": where a listed speaker is quoted."""
    numbers = sorted({line.story for line in speaker.lines})
    label = "story" if len(numbers) == 1 else "stories"
    return f"{label} {', '.join(map(str, numbers))}"


def speaker_heading(speaker: Speaker) -> str:
    """Name, role and (for a body) its kind, as plain text; a star for a followed speaker."""
    head = ("★ " if speaker.followed else "") + speaker.name
    if speaker.role:
        head += f", {speaker.role}"
    if speaker.kind and speaker.kind != "person":
        head += f" ({speaker.kind})"
    return head


def carried_by(line: SpeakerLine) -> str:
    """ "The Hill, NBC News": the outlets that carried a line, earliest first ("" if none)."""
    return ", ".join(line.outlets)


def quote_attribution(q: StoryQuote) -> str:
    """ "Name, role" of a story quote, or "unattributed"."""
    if not q.speaker:
        return "unattributed"
    return f"{q.speaker}, {q.role}" if q.role else q.speaker


def to_json(digest: Digest) -> str:
    """The documented JSON object, pretty-printed, ending with a newline."""
    return json.dumps(digest.to_json(), ensure_ascii=False, indent=2) + "\n"


def to_markdown(digest: Digest) -> str:
    """The digest as a Markdown document."""
    if digest.empty:
        # The line is brief's own words and a validated date: nothing to escape.
        return digest.nothing_line + "\n" + _md_failed(digest)
    out = [f"# brief digest — {md_escape(digest.date)}", "", md_escape(counts_line(digest)), ""]
    if digest.followed:
        out += ["## Followed", ""]
        out += _md_speakers(digest.followed)
    out += ["## Stories", ""]
    for story in digest.stories:
        out += _md_story(story)
    if digest.more_stories:
        out += [f"### {more_heading(len(digest.more_stories), 'story', 'stories')}", ""]
        for story in digest.more_stories:
            url = story_link(story)
            title = md_escape(story.headline)
            link = f"[{title}]({url})" if url else title
            out.append(f"- {story.number}. {link} — {md_escape(', '.join(story.feeds))}")
        out.append("")
    if digest.speakers:
        out += ["## Who said what", ""]
        out += _md_speakers(digest.speakers)
    if digest.more_speakers:
        out += [f"### {more_heading(len(digest.more_speakers), 'speaker', 'speakers')}", ""]
        out += [
            f"- {md_escape(speaker_heading(s))} ({speaker_stories(s)})"
            for s in digest.more_speakers
        ]
        out.append("")
    if digest.actors:
        out += ["## Top actors", ""]
        out += [
            f"- {md_escape(a.name)} ({a.kind}): {a.stories} "
            f"{'story' if a.stories == 1 else 'stories'}, {a.mentions} mentions"
            for a in digest.actors
        ]
        out.append("")
    return "\n".join(out).rstrip() + "\n" + _md_failed(digest)


def _md_speakers(speakers: tuple[Speaker, ...]) -> list[str]:
    out: list[str] = []
    for speaker in speakers:
        out += [f"### {md_escape(speaker_heading(speaker))}", ""]
        for line in speaker.lines:
            said = f"“{md_escape(line.text)}”" if line.direct else md_escape(line.text)
            outlets = f" — {md_escape(carried_by(line))}" if line.outlets else ""
            out.append(f"- {said}{outlets} (story {line.story})")
        out.append("")
    return out


def _md_story(story: Story) -> list[str]:
    out = [f"### {story.number}. {md_escape(story.headline)}", ""]
    out += [f"*{md_escape(', '.join(story.feeds))} · {_sources_count(story)}*", ""]
    if story.summary:
        out += [md_escape(" ".join(story.summary)), ""]
    for q in story.quotes:
        out += [f"> “{md_escape(q.text)}” — {md_escape(quote_attribution(q))}", ""]
    out.append("Sources:")
    for s in story.sources:
        url = safe_url(s.url)
        title = md_escape(s.title)
        link = f"[{title}]({url})" if url else title
        out.append(f"- {md_escape(', '.join(s.feeds))}: {link}")
    out.append("")
    return out


def _md_failed(digest: Digest) -> str:
    if not digest.failed_feeds:
        return ""
    out = ["", "## Feeds that failed", ""]
    for f in digest.failed_feeds:
        out.append(
            f"- {md_escape(f.name)} ({md_escape(f.url)}): {md_escape(f.error)}"
            f" — {f.failures} {'failure' if f.failures == 1 else 'failures'} in a row"
        )
    return "\n".join(out) + "\n"


def _sources_count(story: Story) -> str:
    n = len(story.sources)
    return f"{n} {'source' if n == 1 else 'sources'}"


def to_text(digest: Digest) -> str:
    """The digest as colourless plain text wrapped for a mail reader."""
    if digest.empty:
        return digest.nothing_line + "\n" + _text_failed(digest)
    out = [f"brief digest — {digest.date}", counts_line(digest)]
    if digest.followed:
        out += ["", "FOLLOWED"]
        out += _text_speakers(digest.followed)
    out += ["", "STORIES"]
    for story in digest.stories:
        out.append("")
        out += _wrap(f"{story.number}. {story.headline}", "", "   ")
        out += _wrap(f"{', '.join(story.feeds)} ({_sources_count(story)})", "   ")
        if story.summary:
            out += _wrap(" ".join(story.summary), "   ")
        for q in story.quotes:
            out += _wrap(f"“{q.text}” — {quote_attribution(q)}", "   > ", "     ")
        for s in story.sources:
            out += _wrap(f"{', '.join(s.feeds)}: {s.title}", "   - ", "     ")
            url = safe_url(s.url)
            if url:
                out.append(f"     {url}")
    if digest.more_stories:
        out += ["", more_heading(len(digest.more_stories), "story", "stories").upper(), ""]
        for story in digest.more_stories:
            head = f"{story.number}. {story.headline} — {', '.join(story.feeds)}"
            out += _wrap(head, "  ", "     ")
            url = story_link(story)
            if url:
                out.append(f"     {url}")
    if digest.speakers:
        out += ["", "WHO SAID WHAT"]
        out += _text_speakers(digest.speakers)
    if digest.more_speakers:
        out += ["", more_heading(len(digest.more_speakers), "speaker", "speakers").upper(), ""]
        for speaker in digest.more_speakers:
            out += _wrap(f"{speaker_heading(speaker)} ({speaker_stories(speaker)})", "  ", "    ")
    if digest.actors:
        out += ["", "TOP ACTORS", ""]
        out += [
            f"  {a.name} ({a.kind}): {a.stories} {'story' if a.stories == 1 else 'stories'}, "
            f"{a.mentions} mentions"
            for a in digest.actors
        ]
    return "\n".join(out).rstrip() + "\n" + _text_failed(digest)


def _text_speakers(speakers: tuple[Speaker, ...]) -> list[str]:
    out: list[str] = []
    for speaker in speakers:
        out.append("")
        out += _wrap(speaker_heading(speaker), "")
        for line in speaker.lines:
            said = f"“{line.text}”" if line.direct else f"(reported) {line.text}"
            outlets = f" — {carried_by(line)}" if line.outlets else ""
            out += _wrap(f"{said}{outlets} [story {line.story}]", "  - ", "    ")
    return out


def _text_failed(digest: Digest) -> str:
    if not digest.failed_feeds:
        return ""
    out = ["", "FEEDS THAT FAILED", ""]
    for f in digest.failed_feeds:
        out += _wrap(
            f"{f.name} ({f.url}): {f.error} — {f.failures} "
            f"{'failure' if f.failures == 1 else 'failures'} in a row",
            "  ",
            "    ",
        )
    return "\n".join(out) + "\n"


def _wrap(text: str, first: str, rest: str | None = None) -> list[str]:
    """Wrap without breaking long words or URLs (a mail reader must keep them clickable)."""
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=first if rest is None else rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
