"""Article -> Brief: the one analysis pipeline that every front end calls."""

from __future__ import annotations

from brief.models import Article, Brief
from brief.summary import language_name


def analyze(
    article: Article,
    *,
    sentences: int = 5,
    algorithm: str = "default",
    language: str | None = None,
) -> Brief:
    """Summarize the article and find its quotes, statements and actors.

    ``language`` (an ISO code or a sumy language name) overrides the page's own language.
    """
    # sumy (and through it numpy) is imported only when an article is analyzed.
    from brief.speech import analyze_speech
    from brief.summary import summarize

    summary = summarize(
        article,
        sentences=sentences,
        algorithm=algorithm,
        language=language_name(language or article.language),
    )
    speech = analyze_speech(article)
    return Brief(
        article=article,
        summary=summary,
        quotes=speech.quotes,
        statements=speech.statements,
        actors=speech.actors,
    )
