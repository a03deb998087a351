"""Pictures of the TUI (pytest-textual-snapshot): main, speakers, search, help at 160x50, the
main screen at 80x24 (one pane), 120x40 (two) and 200x60 (three), a speaker's page at 80x24.

The store holds the demo's briefs frozen in tests/fixtures/tui/demo-briefs.json, so the
pictures change with the TUI's looks, not with the analysis. After an intended change of looks,
look at the new pictures and accept them with
``pytest tests/test_tui_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from tui_support import SIZE, make_app, screen_text, settle

from brief.store import Store

Compare = Callable[..., bool]


def keys_then_settle(*keys: str) -> Callable[[Pilot[None]], object]:
    """A run_before that waits for the first brief, presses keys, and waits again."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run


def test_main_screen_on_the_seed_brief(snap_compare: Compare, frozen_store: Store) -> None:
    app = make_app(frozen_store)

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        shown = screen_text(pilot.app)
        for panel in ("─ Ulf Laessing ─", "─ Abdoulaye Diop ─", "─ Oula ─"):
            assert panel in shown  # the speaker panels the picture must show

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_speakers_screen(snap_compare: Compare, frozen_store: Store) -> None:
    assert snap_compare(
        make_app(frozen_store), terminal_size=SIZE, run_before=keys_then_settle("p")
    )


def test_speaker_page_at_80x24(snap_compare: Compare, frozen_store: Store) -> None:
    # The most quoted speaker's page: header, roles, neighbours, a story and its quotations.
    page = keys_then_settle("p", "enter")
    assert snap_compare(make_app(frozen_store), terminal_size=(80, 24), run_before=page)


def test_search_screen(snap_compare: Compare, frozen_store: Store) -> None:
    typed = keys_then_settle("slash", *"algeria OR israel")
    assert snap_compare(make_app(frozen_store), terminal_size=SIZE, run_before=typed)


def test_help_screen(snap_compare: Compare, frozen_store: Store) -> None:
    help_keys = keys_then_settle("question_mark")
    assert snap_compare(make_app(frozen_store), terminal_size=SIZE, run_before=help_keys)


@pytest.mark.parametrize(
    ("size", "keys"),
    [((80, 24), ()), ((80, 24), ("enter",)), ((120, 40), ()), ((200, 60), ())],
    ids=["80x24-list", "80x24-brief", "120x40", "200x60"],
)
def test_main_screen_at_terminal_sizes(
    snap_compare: Compare, frozen_store: Store, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    assert snap_compare(
        make_app(frozen_store), terminal_size=size, run_before=keys_then_settle(*keys)
    )
