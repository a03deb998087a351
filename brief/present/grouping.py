"""Quotes and statements of a Brief grouped by speaker, for the CLI, the TUI and the digest.

A speaker brief is not confident of (Quote.confident) is shown doubted, "Laessing?", and its
words form a group apart from those the same speaker is asserted to have said.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief.models import Brief, Quote, SpeakerKind

UNATTRIBUTED = "Unattributed"
DOUBT = "?"


def shown_speaker(q: Quote) -> str | None:
    """The speaker as front ends show it: "Laessing", "Laessing?" when doubted, or None."""
    if q.speaker is None:
        return None
    return q.speaker if q.confident else q.speaker + DOUBT


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    """One speaker with their direct quotes and reported statements, each in article order."""

    name: str  # as shown: "Laessing?" when doubted
    kind: SpeakerKind | None
    role: str | None
    quotes: tuple[Quote, ...]
    statements: tuple[Quote, ...]
    doubted: bool = False  # brief is not confident of this speaker


def group_by_speaker(brief: Brief) -> list[SpeakerGroup]:
    """Speakers ordered by number of direct quotes, then by first appearance.

    Unattributed quotes come last in a group of their own.
    """
    order: list[str] = []
    quotes: dict[str, list[Quote]] = {}
    statements: dict[str, list[Quote]] = {}
    first: dict[str, Quote] = {}
    # Each item goes into the merge with the bucket it belongs in: a quote and a statement may
    # be equal values, so after the merge nothing else tells them apart.
    tagged = [*((q, quotes) for q in brief.quotes), *((s, statements) for s in brief.statements)]
    for item, bucket in sorted(tagged, key=lambda pair: pair[0].start):
        name = shown_speaker(item) or UNATTRIBUTED
        if name not in first:
            first[name] = item
            order.append(name)
        bucket.setdefault(name, []).append(item)
    roles = {name: _best_role(name, brief) for name in order}
    groups = [
        SpeakerGroup(
            name=name,
            kind=first[name].speaker_kind if name != UNATTRIBUTED else None,
            role=roles[name],
            quotes=tuple(quotes.get(name, ())),
            statements=tuple(statements.get(name, ())),
            doubted=name != UNATTRIBUTED and not first[name].confident,
        )
        for name in order
    ]
    position = {name: i for i, name in enumerate(order)}
    groups.sort(key=lambda g: (g.name == UNATTRIBUTED, -len(g.quotes), position[g.name]))
    return groups


def _best_role(name: str, brief: Brief) -> str | None:
    """The longest role given for this speaker on any quote or statement."""
    said = (*brief.quotes, *brief.statements)
    roles = [q.role for q in said if shown_speaker(q) == name and q.role]
    return max(roles, key=len) if roles else None
