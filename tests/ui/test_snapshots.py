"""Snapshot tests of the reader's look (pytest-textual-snapshot).

Regenerate after an intended change of look with
``.venv/bin/pytest tests/ui/test_snapshots.py --snapshot-update`` and review the SVGs in
``tests/ui/__snapshots__/``. Every snapshot waits for the sample to load and its analysis to
finish, so what is drawn never depends on timing; nothing on screen depends on the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from readerui.samples import sample_path
from readerui.ui.app import ReaderApp

SnapCompare = Callable[..., bool]


def sample_app() -> ReaderApp:
    return ReaderApp(str(sample_path()))


async def until_analysed(pilot: Pilot[Any]) -> None:
    """Wait for the sample to load (a worker) and then for its analysis (another one)."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.analysis is not None and not app.view.laying_out:
            break
    assert app.view.article is not None
    assert app.analysis is not None
    await pilot.pause()


def press_after_analysis(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await until_analysed(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_sample_first_page(snap_compare: SnapCompare) -> None:
    """Title, byline, first page of text and the status line; panels hidden (medium)."""
    assert snap_compare(sample_app(), terminal_size=(100, 32), run_before=until_analysed)


def test_help_screen(snap_compare: SnapCompare) -> None:
    """The key help over the sample, grouped by section."""
    assert snap_compare(
        sample_app(), terminal_size=(100, 40), run_before=press_after_analysis("question_mark")
    )


def test_narrow_terminal(snap_compare: SnapCompare) -> None:
    """A 50-column terminal: the text wraps to the width, no panels."""
    assert snap_compare(sample_app(), terminal_size=(50, 24), run_before=until_analysed)


def test_wide_with_both_panels(snap_compare: SnapCompare) -> None:
    """200 columns: people | text (two-page spread) | quotes, after the analysis."""
    assert snap_compare(sample_app(), terminal_size=(200, 50), run_before=until_analysed)


def test_quote_index_covers_a_narrow_terminal(snap_compare: SnapCompare) -> None:
    """80 columns: the quote index (i) covers the text."""
    assert snap_compare(sample_app(), terminal_size=(80, 30), run_before=press_after_analysis("i"))


def test_a_selected_person(snap_compare: SnapCompare) -> None:
    """100 columns: the people panel (p), the first person chosen (enter): their mentions
    highlighted, the status line counting them."""
    assert snap_compare(
        sample_app(), terminal_size=(100, 32), run_before=press_after_analysis("p", "enter")
    )


def test_search_highlights(snap_compare: SnapCompare) -> None:
    """A search for "harbour": every match highlighted, the current one stronger."""
    keys = ("slash", *"harbour", "enter")
    assert snap_compare(
        sample_app(), terminal_size=(100, 32), run_before=press_after_analysis(*keys)
    )


def test_the_two_page_spread(snap_compare: SnapCompare) -> None:
    """200 columns with both panels closed (p, i): two pages side by side."""
    assert snap_compare(
        sample_app(), terminal_size=(200, 40), run_before=press_after_analysis("p", "i")
    )


def test_the_open_dialog(snap_compare: SnapCompare) -> None:
    """o: the open dialog over the sample (no recent articles in a fresh data folder)."""
    assert snap_compare(sample_app(), terminal_size=(100, 32), run_before=press_after_analysis("o"))


def shelve_samples() -> None:
    """Both samples read before, on fixed days (nothing drawn depends on the clock)."""
    import sqlite3

    from readerui.core.analysis import analyze
    from readerui.core.loading import load_path
    from readerui.data.copies import keep_copy
    from readerui.data.library import Library, library_key

    library = Library()
    for day, name in ((10, "lighthouse"), (12, "harbour")):
        article = load_path(str(sample_path(name)))
        keep_copy(library, article, analyze(article))
        if name == "harbour":
            library.remember(article.source, article.title, article.text, 1500, read_to=2400)
        db = sqlite3.connect(library.path)
        db.execute(
            "UPDATE articles SET opened_at = ? WHERE source = ?",
            (1767960000 + (day - 9) * 86400, library_key(article.source)),
        )
        db.commit()
        db.close()
    library.close()


def test_the_library_screen(snap_compare: SnapCompare) -> None:
    """readerui with no argument: every article read before, last read first."""
    shelve_samples()
    assert snap_compare(ReaderApp(), terminal_size=(110, 12))


def test_who_said_what_across_the_library(snap_compare: SnapCompare) -> None:
    """P: the people of both samples (the commissioner merged over the two) and their quotes."""
    shelve_samples()

    async def run_before(pilot: Pilot[Any]) -> None:
        await until_analysed(pilot)
        from readerui.ui.across_screen import AcrossScreen

        await pilot.press("P")
        screen = pilot.app.screen
        assert isinstance(screen, AcrossScreen)
        for _ in range(50):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            if screen.people:
                break
        await pilot.pause()

    assert snap_compare(sample_app(), terminal_size=(120, 24), run_before=run_before)
