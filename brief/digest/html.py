"""A Digest as one self-contained HTML file: inline CSS, no script, nothing fetched.

Every string from a feed or a page is passed through ``html.escape`` (quotes included) before
it reaches the document; no article HTML is ever copied in, so there is no markup to sanitize.
Links are kept only for http(s) URLs (``safe_url``), and a Content-Security-Policy forbids
scripts, frames and any remote resource even if a mail client or browser were lax.
"""

from __future__ import annotations

from html import escape

from brief.digest.model import Digest, Speaker, Story
from brief.digest.render import (
    carried_by,
    counts_line,
    more_heading,
    quote_attribution,
    safe_url,
    speaker_heading,
    speaker_stories,
    story_link,
)

# Inline only: no @import, no url(), no web fonts — the file must render offline, as is.
_CSS = """
body{font:16px/1.5 Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;
padding:0 1em;color:#1d1d1f;background:#fff}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}
h3{margin-bottom:.3em}.meta{color:#555;font-style:italic;margin-top:0}
blockquote{margin:.6em 0 .6em 1em;padding-left:.8em;border-left:3px solid #999}
.who{color:#555;font-style:normal}ul.sources{font-size:.92em}
.said li{margin:.3em 0}.story-ref{color:#777;font-size:.85em}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#161618}
.meta,.who{color:#aaa}a{color:#8ab4f8}}
""".strip()

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def _e(value: str) -> str:
    return escape(value, quote=True)


def _link(url: str | None, text: str) -> str:
    safe = safe_url(url)
    if safe is None:
        return _e(text)
    return f'<a href="{_e(safe)}" rel="noopener noreferrer nofollow">{_e(text)}</a>'


def to_html(digest: Digest) -> str:
    """The digest as a complete HTML document."""
    title = f"brief digest — {digest.date}"
    head = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
    )
    body: list[str] = []
    if digest.empty:
        body.append(f"<p>{_e(digest.nothing_line)}</p>")
    else:
        body += [f"<h1>{_e(title)}</h1>", f'<p class="meta">{_e(counts_line(digest))}</p>']
        if digest.followed:
            body.append('<h2 id="followed">Followed</h2>')
            body += _speakers(digest.followed)
        body.append("<h2>Stories</h2>")
        for story in digest.stories:
            body += _story(story)
        if digest.more_stories:
            body.append(
                f"<h3>{_e(more_heading(len(digest.more_stories), 'story', 'stories'))}</h3>"
            )
            body.append('<ul class="more">')
            for story in digest.more_stories:
                link = _link(story_link(story), story.headline)
                feeds = _e(", ".join(story.feeds))
                body.append(
                    f'<li id="story-{story.number}">{story.number}. {link} '
                    f'<span class="who">— {feeds}</span></li>'
                )
            body.append("</ul>")
        if digest.speakers:
            body.append("<h2>Who said what</h2>")
            body += _speakers(digest.speakers)
        if digest.more_speakers:
            count = len(digest.more_speakers)
            body.append(f"<h3>{_e(more_heading(count, 'speaker', 'speakers'))}</h3>\n<ul>")
            for speaker in digest.more_speakers:
                body.append(
                    f"<li>{_e(speaker_heading(speaker))} "
                    f'<span class="story-ref">({_e(speaker_stories(speaker))})</span></li>'
                )
            body.append("</ul>")
        if digest.actors:
            body.append("<h2>Top actors</h2>\n<ul>")
            for a in digest.actors:
                noun = "story" if a.stories == 1 else "stories"
                body.append(
                    f'<li>{_e(a.name)} <span class="who">({_e(a.kind)})</span>: '
                    f"{a.stories} {noun}, {a.mentions} mentions</li>"
                )
            body.append("</ul>")
    if digest.failed_feeds:
        body.append("<h2>Feeds that failed</h2>\n<ul>")
        for f in digest.failed_feeds:
            noun = "failure" if f.failures == 1 else "failures"
            body.append(
                f"<li>{_e(f.name)} (<code>{_e(f.url)}</code>): {_e(f.error)} — "
                f"{f.failures} {noun} in a row</li>"
            )
        body.append("</ul>")
    return head + "\n".join(body) + "\n</body>\n</html>\n"


def _speakers(speakers: tuple[Speaker, ...]) -> list[str]:
    out: list[str] = []
    for speaker in speakers:
        out.append(f"<h3>{_e(speaker_heading(speaker))}</h3>")
        out.append('<ul class="said">')
        for line in speaker.lines:
            said = f"“{_e(line.text)}”" if line.direct else f"<i>{_e(line.text)}</i>"
            outlets = f' <span class="who">— {_e(carried_by(line))}</span>' if line.outlets else ""
            ref = f'<a href="#story-{line.story}">story {line.story}</a>'
            out.append(f'<li>{said}{outlets} <span class="story-ref">({ref})</span></li>')
        out.append("</ul>")
    return out


def _story(story: Story) -> list[str]:
    n = len(story.sources)
    out = [
        f'<section id="story-{story.number}">',
        f"<h3>{story.number}. {_e(story.headline)}</h3>",
        f'<p class="meta">{_e(", ".join(story.feeds))} · {n} {"source" if n == 1 else "sources"}'
        "</p>",
    ]
    if story.summary:
        out.append(f"<p>{_e(' '.join(story.summary))}</p>")
    for q in story.quotes:
        out.append(
            f"<blockquote>“{_e(q.text)}” "
            f'<span class="who">— {_e(quote_attribution(q))}</span></blockquote>'
        )
    out.append('<ul class="sources">')
    for s in story.sources:
        out.append(f"<li>{_e(', '.join(s.feeds))}: {_link(s.url, s.title)}</li>")
    out += ["</ul>", "</section>"]
    return out
