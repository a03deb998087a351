"""ISO 639-1 language codes to the English language names sumy's stemmers and data files use."""

from __future__ import annotations

# Languages sumy has a stemmer or a stop-word list for (its data files are named after these).
LANGUAGE_NAMES = {
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
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sv": "swedish",
    "uk": "ukrainian",
    "zh": "chinese",
}


def language_name(code: str | None) -> str:
    """The language name for an ISO code ("de", "pt-BR") or a name ("german"), else English."""
    if not code:
        return "english"
    lowered = code.lower()
    if lowered in LANGUAGE_NAMES.values():
        return lowered
    return LANGUAGE_NAMES.get(lowered.replace("_", "-").split("-")[0], "english")
