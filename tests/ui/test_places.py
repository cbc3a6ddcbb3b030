"""The reader keeps its place in a real SQLite library, and copes when the library fails:
a save that keeps failing is reported once, a library deleted while reading is made again,
another readerui writing delays neither the place nor the pages, and a library an older
readerui holds at start is waited for in the background."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.ui.helpers import MakeApp, read_a_while, until
from textual.pilot import Pilot

from readerui.data.library import Library, default_path
from readerui.ui.app import ReaderApp


def write_story(tmp_path: Path) -> Path:
    story = tmp_path / "story.txt"
    story.write_text(
        "Keeping Place Headline\n\n"
        + "\n\n".join(f"Paragraph {i} of the story about places. " * 6 for i in range(60)),
        encoding="utf-8",
    )
    return story


async def turn_and_save(pilot: Pilot[Any], app: ReaderApp) -> None:
    """Turn a page and save the place now (instead of waiting for the save delay)."""
    await pilot.press("space")
    await pilot.pause()
    app.desk.keeper.save()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_failing_save_is_reported_once(make_app: MakeApp, tmp_path: Path) -> None:
    story = write_story(tmp_path)
    app, rec = make_app(str(story))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        # From now on the library cannot be written: its file is deleted and a folder takes
        # its name (tests run as root, whom permissions do not stop).
        default_path().unlink()
        default_path().mkdir()
        for _ in range(4):
            await turn_and_save(pilot, app)
        assert app.view.page_index == 4
        failures = [m for m in rec.messages() if "Could not save the reading position" in m]
        assert len(failures) == 1, rec.notes
        assert "was removed and cannot be made again" in failures[0]
        default_path().rmdir()  # mended: the next save makes the library again
        await turn_and_save(pilot, app)
        place = app.view.visible_range()[0]
        assert len([m for m in rec.messages() if "Could not save" in m]) == 1, rec.notes
    assert app.view.article is not None
    assert Library().position(str(story.resolve()), app.view.article.text) == place


async def test_a_library_deleted_while_reading_is_made_again(
    make_app: MakeApp, tmp_path: Path
) -> None:
    story = write_story(tmp_path)
    app, rec = make_app(str(story))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await turn_and_save(pilot, app)
        default_path().unlink()
        await turn_and_save(pilot, app)
        place = app.view.visible_range()[0]
        assert not [m for m in rec.messages() if "save" in m.lower()], rec.notes
    assert app.view.article is not None
    key = str(story.resolve())
    assert Library().position(key, app.view.article.text) == place


async def test_another_readerui_writing_delays_neither_the_place_nor_the_pages(
    make_app: MakeApp, tmp_path: Path
) -> None:
    story = write_story(tmp_path)
    saved_page = (await read_a_while(story, 3)).view.page_index

    holder = sqlite3.connect(default_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another readerui is writing as this one starts
    holder.execute("UPDATE articles SET opened_at = opened_at")
    app, rec = make_app(str(story))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            # Readers do not wait for a writer: the library opens and the place is found.
            await until(pilot, lambda: app.view.page_index == saved_page, "the place is found")
            assert app.desk.keeper.places.library is not None
            await pilot.press("space")  # pages turn while the save waits for the other
            await pilot.press("space")
            await pilot.pause()
            app.desk.keeper.save()
            assert app.view.page_index == saved_page + 2
            holder.execute("COMMIT")
            await app.workers.wait_for_complete()
            await pilot.pause()
            place = app.view.visible_range()[0]
            assert not [m for m in rec.messages() if "save" in m.lower()], rec.notes
    finally:
        holder.close()
    assert app.view.article is not None
    assert Library().position(str(story.resolve()), app.view.article.text) == place


async def test_a_library_busy_at_start_is_waited_for(make_app: MakeApp, tmp_path: Path) -> None:
    story = write_story(tmp_path)
    saved_page = (await read_a_while(story, 3)).view.page_index

    holder = sqlite3.connect(default_path(), isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")  # a readerui from before the log...
    holder.execute("BEGIN EXCLUSIVE")  # ...is writing as this one starts: nobody may read
    app, rec = make_app(str(story))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: app.view.article is not None, "the story is shown")
            assert app.desk.keeper.places.library is None  # still waiting for the lock
            assert app.view.page_index == 0
            holder.execute("COMMIT")
            await until(pilot, lambda: app.view.page_index == saved_page, "the place is found")
            assert any("Back where you left off" in m for m in rec.messages())
            assert not [m for m in rec.messages() if "not be kept" in m], rec.notes
            await turn_and_save(pilot, app)  # and saving works from now on
            place = app.view.visible_range()[0]
    finally:
        holder.close()
    assert app.view.article is not None
    assert Library().position(str(story.resolve()), app.view.article.text) == place
