"""Untrusted text made safe to show: control characters, terminal escapes, bidi and invisible
characters removed, line breaks normalized; and cut to a length with a visible mark."""

from __future__ import annotations

import re

# Vertical separators become newlines so that deleting them never glues two lines together.
_NEWLINES = {0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n\n"}

# C0 and C1 controls (tab and newline are kept), DEL, bidi embeddings/overrides/isolates and
# marks, and invisible format characters that can hide or reorder text on a terminal: soft
# hyphen, zero-width space, word joiner, invisible operators, deprecated format characters,
# BOM, interlinear annotation, Mongolian vowel separator, the hieroglyph, shorthand and musical
# format controls and the tag block ("ASCII smuggling"). ZWJ/ZWNJ (U+200C/D) stay: scripts and
# emoji need them; so do the prepended number signs (Arabic, Syriac, Kaithi: U+0600-0605...).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f]"
)
_CARRIAGE = re.compile("\r\n?")
# Whole terminal escape sequences (OSC with its payload, CSI with its parameters, two-byte
# ESC forms, and their 8-bit C1 spellings), so no residue such as "]8;;http://…" is left.
_ESCAPES = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,2048}(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,16}[@-~]?"
    r"|\x1b[P^_X][^\x1b\x9c]{0,2048}(?:\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)


def sanitize(s: str) -> str:
    """Untrusted text made safe to show: no control, bidi or invisible format characters.

    Keeps ``\\n`` and ``\\t``; turns ``\\r\\n`` and lone ``\\r`` (and other line separators)
    into ``\\n``.
    """
    if s.isascii() and s.isprintable():
        return s  # the common case costs one pass in C
    s = _ESCAPES.sub("", s)
    s = _CARRIAGE.sub("\n", s).translate(_NEWLINES)
    return _INVISIBLE.sub("", s)


# What ends a field that was cut to its length (a 10 MB title, a 100,000-character quote).
TRUNCATION_MARK = " […]"


def truncate(text: str, limit: int) -> str:
    """``text`` unchanged when it has at most ``limit`` characters, else cut (at a space when
    one is near) to ``limit`` characters in all, ending with TRUNCATION_MARK."""
    if len(text) <= limit:
        return text
    room = max(limit - len(TRUNCATION_MARK), 1)
    cut = text[:room]
    space = cut.rfind(" ")
    if space > room * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + TRUNCATION_MARK
