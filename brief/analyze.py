"""Article -> Brief: the one analysis pipeline that every front end calls."""

from __future__ import annotations

from brief.models import Article, Brief

# ISO 639-1 codes to the language names sumy knows; anything else falls back to English.
_SUMY_LANGUAGES = {
    "ar": "arabic",
    "cs": "czech",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "he": "hebrew",
    "hu": "hungarian",
    "it": "italian",
    "ja": "japanese",
    "ko": "korean",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sv": "swedish",
    "uk": "ukrainian",
    "zh": "chinese",
}


def sumy_language(code: str | None) -> str:
    """The sumy language name for an ISO code like "de" or "pt-BR" (English when unknown)."""
    if not code:
        return "english"
    base = code.replace("_", "-").split("-")[0].lower()
    if base in _SUMY_LANGUAGES:
        return _SUMY_LANGUAGES[base]
    return code.lower() if code.lower() in _SUMY_LANGUAGES.values() else "english"


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
    from brief.summarize import summarize

    summary = summarize(
        article,
        sentences=sentences,
        algorithm=algorithm,
        language=sumy_language(language or article.language),
    )
    speech = analyze_speech(article)
    return Brief(
        article=article,
        summary=summary,
        quotes=speech.quotes,
        statements=speech.statements,
        actors=speech.actors,
    )
