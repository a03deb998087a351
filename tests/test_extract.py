"""brief.extract.page on real pages (tests/fixtures/extract) and on the reference text, and the
page-debris rules (brief.text) it shares with the summarizer."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from brief.errors import ExtractionError
from brief.extract import extract_html, extract_text
from brief.extract.lede import descriptions
from brief.models import Article
from brief.summary.rank import candidates
from brief.text import is_debris_line, is_trailer_line

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed.txt"

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars after engineers "
    "found deep cracks in two of its supporting piers during a routine inspection.",
    "“We cannot take the risk of waiting another winter,” the mayor told reporters outside the "
    "town hall, adding that buses and bicycles would still be allowed across for now.",
    "Repairs are expected to take at least eighteen months and to cost more than the council "
    "had set aside for all road works this year, according to the city's own estimate.",
    "Shop owners on both sides of the river said they feared losing customers, while cycling "
    "groups welcomed the decision and asked for the closure to become permanent.",
]


def page(head: str = "", body_top: str = "", body_end: str = "", lang: str = "") -> str:
    """A small but real-looking article page around BODY."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    html_lang = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{html_lang}><head><title>Bridge closed | City Times</title>{head}"
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Council closes the old harbour bridge</h1>{body_top}{paragraphs}"
        f"{body_end}</article><footer>© City Times</footer></body></html>"
    )


def real(name: str, url: str | None = None) -> Article:
    html = gzip.decompress((FIXTURES / "extract" / f"{name}.html.gz").read_bytes())
    return extract_html(html, url=url)


def test_spanish_column_whose_text_mentions_old_years_has_no_date() -> None:
    # La Nación: the text speaks of 1998, 1999, 2014 and 2015; the page has no date field (no
    # meta date, JSON-LD, <time> or dated URL), so brief does not make one up. (Its <title> ends
    # in "07.12.2017", which htmldate's text search would take; brief reads date fields only.)
    article = real(
        "lanacion-mapuche",
        "http://www.lanacion.com.ar/2089096-una-solucion-no-violenta-para-la-cuestion-mapuche",
    )
    assert "1998" in article.text and "1999" in article.text
    assert article.published is None
    assert article.title == "Una solución no violenta para la cuestión mapuche"
    assert article.site == "LA NACION"
    # The standfirst above the article's container (trafilatura leaves it out) is put back
    # first: it is the page's description (brief.extract.lede).
    assert len(article.paragraphs) == 12
    assert article.paragraphs[0].startswith("Los pueblos indígenas reclaman por derechos")
    assert article.paragraphs[1].startswith("Abdullah Ocalan, el líder independentista kurdo")
    assert article.paragraphs[-1].startswith("Andrés Malamud es politólogo")


def test_date_in_the_url_is_the_local_day() -> None:
    # JSON-LD says 2019-11-19T04:58:46Z; the story went out on the evening of 18 November in
    # California, which the canonical URL (/2019/11/18/) and sailthru.date both say.
    article = real("techcrunch-wework")
    assert article.published == "2019-11-18"
    assert article.title == "New York State Attorney General reportedly investigating WeWork"
    assert (article.site, article.author, article.language) == ("TechCrunch", "Catherine Shu", "en")
    assert article.paragraphs[0].startswith("WeWork is reportedly being investigated")
    assert len(article.paragraphs) == 6


def test_trailing_you_may_also_like_block_is_cut() -> None:
    article = real("cleveland-doobie")
    assert article.title == "Doobie Brothers to reunite with Michael McDonald for Blossom show"
    assert article.published == "2019-11-19"
    assert article.paragraphs[-1].startswith("The Doobie Brothers are nominated for the Rock")
    for teaser in ("You may also like", "Who will make the Rock Hall", "Dave Matthews Band"):
        assert teaser not in article.text


def test_line_breaks_separate_paragraphs() -> None:
    # This blog separates its paragraphs with <br> inside one <p>.
    article = real("remember8090-blackfriday")
    assert article.language == "it"
    assert article.published == "2017-11-23"
    assert article.title == "Black Friday per nostalgici: le occasioni da non perdere"
    assert article.paragraphs[0].startswith("Il black Friday incombe su di noi")
    assert article.paragraphs[0].endswith("per lo shopping di Natale.")
    assert article.paragraphs[1].startswith("Si tratta di una tradizione consolidatasi")


def test_paragraphs_title_and_site_of_a_simple_page() -> None:
    article = extract_html(page(), url="https://www.citytimes.example/news/bridge")
    assert article.paragraphs == tuple(BODY)
    assert article.title == "Council closes the old harbour bridge"
    assert article.site == "citytimes.example"  # no site name in the page: the host
    assert article.url == "https://www.citytimes.example/news/bridge"
    assert article.published is None
    assert article.language is None


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        (
            '<meta property="article:published_time" content="2021-03-04T08:00:00+01:00">',
            None,
            "2021-03-04",
        ),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
            '"NewsArticle", "datePublished": "2020-02-29T23:10:00-05:00"}</script>'
            '<meta property="article:published_time" content="2020-06-01">',
            None,
            "2020-02-29",
        ),
        ('<meta name="pubdate" content="Tue, 19 Nov 2019 10:00:00 GMT">', None, "2019-11-19"),
        ('<meta name="publish_date" content="November 5, 2018">', None, "2018-11-05"),
        ("", "https://news.example/2016/07/14/bridge-closed", "2016-07-14"),
        ("", "https://www.theguardian.example/world/2019/jan/03/whales", "2019-01-03"),
        ('<link rel="canonical" href="https://news.example/2015/03/18/x/">', None, "2015-03-18"),
        ('<meta name="publish_date" content="05/08/2014">', None, None),  # May 8 or 5 August?
        ('<meta property="article:modified_time" content="2022-01-01">', None, None),
        ('<meta name="date" content="2999-01-01">', None, None),  # the future is not a date
    ],
)
def test_published_comes_from_metadata(head: str, url: str | None, expected: str | None) -> None:
    assert extract_html(page(head=head), url=url).published == expected


def test_time_element_marked_as_published() -> None:
    top = '<time datetime="2018-09-02T10:00:00Z" pubdate>2 September</time>'
    assert extract_html(page(body_top=top)).published == "2018-09-02"
    updated = '<time itemprop="dateModified" datetime="2018-09-09">Updated</time>'
    assert extract_html(page(body_top=updated)).published is None


def test_dates_in_the_text_are_never_the_publication_date() -> None:
    top = (
        "<p>In 2015, following three years of conflict, a peace agreement was signed on "
        "March 3, 2015 (2015-03-03) in Algiers, and renewed on 12/24/2019.</p>"
    )
    end = "<p class='note'>Originally reported on 1 June 2020.</p>"
    article = extract_html(page(body_top=top, body_end=end))
    assert "March 3, 2015" in article.text
    assert article.published is None


@pytest.mark.parametrize(
    ("head", "lang", "expected"),
    [
        ("", "de-DE", "de"),
        ("", "pt_BR", "pt"),
        ('<meta http-equiv="content-language" content="fr">', "", "fr"),
        ('<meta property="og:locale" content="es_ES">', "", "es"),
        ("", "", None),
    ],
)
def test_language_from_the_page(head: str, lang: str, expected: str | None) -> None:
    assert extract_html(page(head=head, lang=lang)).language == expected


def test_debris_inside_the_article_is_dropped() -> None:
    top = "<p>Credit: Jane Doe/Reuters</p><p>Share this article</p><p>(Getty Images)</p>"
    end = (
        "<p>Sign up for our newsletter to get the news first.</p><p>Advertisement</p>"
        "<h2>Related</h2><ul><li>Ferry prices rise again</li><li>Council elections in May</li></ul>"
    )
    article = extract_html(page(body_top=top, body_end=end))
    assert article.paragraphs == tuple(BODY)


UNSAFE = ("\x07", "\x1b", "\x80", "\u202e", "\u2066")


def test_controls_and_bidi_overrides_are_stripped() -> None:
    sneaky = "The mayor\u202e said\x07 the \x1b[31mbridge\u2066 would stay\x80 shut until it ends."
    for article in (
        extract_html(page(body_top=f"<p>{sneaky}</p>")),
        extract_text("\n\n".join([sneaky, *BODY])),
    ):
        first = article.paragraphs[0]
        assert first.startswith("The mayor said the ") and first.endswith(
            "stay shut until it ends."
        )
        assert not any(char in first for char in UNSAFE)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body><div id='app'></div><script>render()</script>"
        "<noscript>Please enable JavaScript.</noscript></body></html>",
        "<html><body><p>Too short.</p></body></html>",
        b"\x89PNG\r\n\x1a\n",
    ],
    ids=["empty", "blank", "javascript-only", "few-words", "not-html"],
)
def test_no_article_text_is_an_extraction_error(html: str | bytes) -> None:
    with pytest.raises(ExtractionError, match=r"no article text found in https://x\.example/"):
        extract_html(html, url="https://x.example/")


def test_bytes_are_decoded_with_the_page_charset() -> None:
    html = page(head='<meta charset="windows-1252">').replace("mayor", "maire €").encode("cp1252")
    assert "maire €" in extract_html(html).text


def test_seed_text() -> None:
    article = extract_text(SEED.read_text(encoding="utf-8"), path=str(SEED))
    assert article.title == "How a drone interception fueled tensions between Mali & Algeria"
    assert article.published is None
    assert article.path == str(SEED)
    for paragraph in article.paragraphs:
        for debris in ("Credit:", "Share this page", "Related content"):
            assert debris not in paragraph
        for related in ("JNIM", "Djibo", "Tripoli", "Karachi"):
            assert related not in paragraph
    quote = next(i for i, p in enumerate(article.paragraphs) if p.startswith("“From the Nigerien"))
    assert article.paragraphs[quote].endswith("relations with Algeria,”")
    assert article.paragraphs[quote + 1] == (
        "Ulf Laessing, director of the Sahel program of the German Konrad Adenauer Foundation "
        "(KAS), said."
    )
    assert article.paragraphs[0].startswith("An entirely different conflict unfolds")
    assert article.paragraphs[-1].startswith("While doing so, Oula also thinks")
    assert "Demonstrations, backlash, and unity" in article.paragraphs  # subheadings stay


def test_markdown_is_plain_text() -> None:
    text = (
        "# Council closes the *old* bridge\n\n"
        "![A photo of the bridge](https://img.example/bridge.jpg)\n\n"
        "The **city council** voted to close the [harbour bridge](https://x.example/b) after\n"
        "engineers found _deep_ cracks in its piers.\n\n"
        "## What happens next\n\n"
        "- Buses may still cross\n"
        "* Repairs take `eighteen` months\n\n"
        "---\n\n"
        "[1]: https://x.example/notes\n"
    )
    article = extract_text(text, path="bridge.md")
    assert article.title == "Council closes the old bridge"
    assert article.paragraphs == (
        "The city council voted to close the harbour bridge after engineers found deep cracks "
        "in its piers.",
        "What happens next",
        "Buses may still cross Repairs take eighteen months",
    )


def test_text_without_blank_lines_has_a_paragraph_per_line() -> None:
    text = "Bridge closed for repairs\n" + "\n".join(BODY)
    article = extract_text(text)
    assert article.title == "Bridge closed for repairs"
    assert article.paragraphs == tuple(BODY)


def test_read_more_early_in_the_text_costs_one_line_not_the_rest() -> None:
    text = "\n\n".join([BODY[0], "Read more", *BODY[1:], "Related content", "Ferry prices rise"])
    article = extract_text(text)
    assert article.paragraphs == tuple(BODY)


def test_sentence_mentioning_sharing_or_photos_stays() -> None:
    kept = [
        "Share prices fell by a third after the announcement.",
        "Photos by the dozen were posted online within minutes, the police said later that day.",
        "More on the repairs will be announced next week.",
        *BODY,
    ]
    assert extract_text("\n\n".join(kept)).paragraphs == tuple(kept)


def test_empty_text_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match=r"no article text found in notes\.txt"):
        extract_text("Credit: AP\n\nShare this page:\n", path="notes.txt")


# The page-debris rules (brief.text), one kind of debris at a time.

DEBRIS_LINES = {
    "credit": "Credit: IMAGO/Depositphotos",
    "image credit": "Image credit: Jane Doe for The City Times",
    "courtesy": "Courtesy of the harbour authority",
    "photo label": "Photo: Evan Vucci",
    "illustration label": "Illustration: City Times graphics desk",
    "source label": "Source: city council",
    "copyright sign": "© City Times 2019",
    "copyright": "Copyright 2019 The Associated Press. All rights reserved.",
    "photo by": "Photo by Jane Doe/AP",
    "agency": "(Getty Images)",
    "agency in brackets": "[Reuters]",
    "photographer and agency": "Evan Vucci/AP",
    "agency via agency": "AFP via Getty Images",
    "share": "Share this page:",
    "share on": "Share on Facebook",
    "tweet": "Tweet this",
    "copy link": "Copy link",
    "follow us": "Follow us on Twitter and Instagram",
    "follow a writer": "Follow Jane Doe on Twitter",
    "comments": "12 comments",
    "leave a comment": "Leave a comment",
    "newsletter": "Sign up for our newsletter to get the news first.",
    "get the newsletter": "Get our daily newsletter",
    "advertisement": "Advertisement",
    "sponsored": "Sponsored content",
    "continues below": "Story continues below advertisement",
    "lone date": "24 July 2015",
    "date and time": "Tuesday, November 19, 2019, 9:02 AM",
    "published date": "Published: 3 March 2013",
    "share prompt": "Like this story? Share it with a friend!",
    "also on a site": "Also on rt.com Russia says the ferry talks have failed",
    "also on a news site": "Also on BBC News: Ferry prices rise again",
    "read more link": "READ MORE: Ferry prices rise again as winter begins",
    "caption with credit": "Ferries wait at the quay. Photograph: Jane Doe/AFP/Getty Images",
    "caption with bracketed credit": "The old harbour bridge at dawn (Photo: AP)",
    "caption with agency credit": "Commuters queue for the ferry. Reuters/Jane Doe",
}
TRAILERS = (
    "Related",
    "Related content",
    "Related stories:",
    "More",
    "Read more",
    "Read more »",
    "Also read",
    "See also",
    "Further reading",
    "What to read next",
    "More on this story",
    "More on this",
    "You may also like",
    "You might also be interested in",
    "Recommended for you",
    "More from The City Times",
    "Most read",
    "Trending now",
    "Top stories",
    "Latest news",
    "Editor's picks",
)
PROSE = (
    "Share prices fell by a third after the announcement.",
    "Photos by the dozen were posted online within minutes, the police said later that day.",
    "More on the repairs will be announced next week.",
    "Follow the money, the prosecutor told the jury on Monday.",
    "Reuters reported that the talks had failed before dawn.",
    "Source material for the report came from the council's own engineers.",
    "Related groups of cyclists have asked for the closure to become permanent.",
    "Also on Monday, the council met to discuss the cost of the repairs.",
    "The photo showed a ferry stuck under the bridge, the harbour master said.",
    "Read more about the repairs in the council's report, the mayor urged.",
)
TEASER = "Ferry prices rise again as the winter timetable begins on the river."


@pytest.mark.parametrize("line", DEBRIS_LINES.values(), ids=DEBRIS_LINES.keys())
def test_each_kind_of_debris_line_is_dropped(line: str) -> None:
    assert is_debris_line(line)
    top, end = f"<p>{line}</p>", f"<p>{line}</p>"
    assert extract_html(page(body_top=top, body_end=end)).paragraphs == tuple(BODY)
    assert extract_text("\n\n".join([line, *BODY, line])).paragraphs == tuple(BODY)


@pytest.mark.parametrize("trailer", TRAILERS)
def test_each_trailer_cuts_the_page_and_ends_the_summary(trailer: str) -> None:
    assert is_trailer_line(trailer)
    text = "\n\n".join([*BODY, trailer, TEASER])
    assert extract_text(text).paragraphs == tuple(BODY)
    # The summarizer stops at the same line in text that never went through extraction.
    feed_text = Article(paragraphs=(*BODY, trailer, TEASER))
    assert [c.text for c in candidates(feed_text)] == BODY


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_that_starts_like_debris_is_no_debris(sentence: str) -> None:
    assert not is_debris_line(sentence)
    assert not is_trailer_line(sentence)
    assert extract_text("\n\n".join([*BODY, sentence])).paragraphs == (*BODY, sentence)


def test_a_long_line_is_never_debris() -> None:
    credit = "Credit: " + " ".join(["word"] * 20)
    share = "Sign up for our newsletter " + " ".join(["word"] * 11)
    related = "More from " + " ".join(["word"] * 7)
    assert not is_debris_line(credit) and not is_debris_line(share)
    assert not is_trailer_line(related)


# The lede above the article's container (brief.extract.lede).

LEDE = (
    "Drivers face months of detours after engineers found the old harbour bridge unsafe, and "
    "the council has no money set aside for the repairs."
)


def _lede_page(description: str, lede_html: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        "<!DOCTYPE html><html><head><title>Bridge closed | City Times</title>"
        f'<meta property="og:description" content="{description}"></head><body>'
        "<nav><a href='/'>Home</a></nav>"
        f"<header><h1>Council closes the old harbour bridge</h1>{lede_html}</header>"
        f"<div class='story'><article>{paragraphs}</article></div>"
        "<footer>© City Times</footer></body></html>"
    )


def _trafilatura_paragraphs(html: str) -> list[str]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    return [p for p in text.split("\n") if p.strip()]


def test_a_standfirst_extraction_leaves_out_is_put_back_first() -> None:
    html = _lede_page(LEDE, f"<p class='standfirst'>{LEDE}</p>")
    assert LEDE not in _trafilatura_paragraphs(html)  # the case this is for
    assert extract_html(html).paragraphs == (LEDE, *BODY)


def test_a_truncated_description_brings_the_whole_standfirst() -> None:
    html = _lede_page(LEDE[:90] + "...", f"<p class='standfirst'>{LEDE}</p>")
    assert extract_html(html).paragraphs == (LEDE, *BODY)


@pytest.mark.parametrize(
    "lede_html",
    [
        "",  # the description is nowhere on the page: it is not the page's text
        f"<aside><p>{LEDE}</p></aside>",  # a teaser box
        f"<nav><p>{LEDE}</p></nav>",
    ],
)
def test_a_description_not_shown_as_a_lede_is_not_added(lede_html: str) -> None:
    assert extract_html(_lede_page(LEDE, lede_html)).paragraphs == tuple(BODY)


def test_a_description_the_text_already_holds_is_not_repeated() -> None:
    html = _lede_page(BODY[0], f"<p class='standfirst'>{BODY[0]}</p>")
    assert extract_html(html).paragraphs.count(BODY[0]) == 1


ZH_LEDE = (
    "工程师发现旧港口大桥存在安全隐患，市议会决定立即封闭大桥，"
    "司机将面临数月的绕行，而议会没有为维修预留任何资金。"
)


def test_a_standfirst_in_a_script_without_spaces_is_put_back_first() -> None:
    # One whitespace-separated token, 50 words by brief.text.count_words: a lede all the same.
    html = _lede_page(ZH_LEDE, f"<p class='standfirst'>{ZH_LEDE}</p>")
    assert ZH_LEDE not in _trafilatura_paragraphs(html)
    assert extract_html(html).paragraphs == (ZH_LEDE, *BODY)


PAGES = sorted((Path(__file__).parent / "fixtures").glob("*/*.html.gz"))


def _holder_by_every_element(body: Any, probe: str, length: int) -> Any:
    """What brief.extract.lede's holder finds, read from every element's own text."""
    from brief.extract.lede import _OUTSIDE, _key

    best = None
    for element in body.iter():
        if isinstance(element.tag, str):
            text = element.text_content()
            held = len(text) <= 3.0 * length + 200 and probe in _key(text)
            if held and (best is None or len(text) < len(best.text_content())):
                best = element
    if best is None or any(a.tag in _OUTSIDE for a in (best, *best.iterancestors())):
        return None
    return best


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name.removesuffix(".html.gz"))
def test_the_lede_finder_holds_what_every_elements_text_holds(path: Path) -> None:
    import trafilatura

    from brief.extract.lede import _key, _Page

    tree = trafilatura.load_html(gzip.decompress(path.read_bytes()))
    body = next(tree.iter("body"))
    page = _Page(body)
    assert page.text == body.text_content()
    assert page.key == _key(page.text)
    # Every paragraph's opening, and the page's descriptions, are found where they are.
    probes = [_key(p.text_content())[:60] for p in list(body.iter("p", "h2", "li"))[:12]]
    probes += [_key(d)[:60] for d in descriptions(tree, lambda t: " ".join(t.split()))]
    for probe in [p for p in probes if p]:
        assert page.holder(probe, 200) is _holder_by_every_element(body, probe, 200), probe


def test_the_lede_is_the_smallest_element_holding_it_however_deep() -> None:
    import trafilatura

    from brief.extract.lede import _key, _Page

    depth = 200  # libxml2 keeps 255 levels
    html = _lede_page(
        LEDE, "<div>" * depth + f"<p><b>{LEDE[:30]}</b>{LEDE[30:]}</p>" + "</div>" * depth
    )
    body = next(trafilatura.load_html(html).iter("body"))
    holder = _Page(body).holder(_key(LEDE)[:60], len(LEDE))
    assert holder is not None and holder.text_content() == LEDE
    assert extract_html(html).paragraphs == (LEDE, *BODY)


def test_a_caption_above_the_article_is_no_lede() -> None:
    caption = (
        "Drivers queue at the closed harbour bridge on Monday morning while engineers inspect "
        "it. Photograph: Jane Doe/AFP"
    )
    assert is_debris_line(caption)
    html = _lede_page(caption, f"<p class='caption'>{caption}</p>")
    assert extract_html(html).paragraphs == tuple(BODY)
