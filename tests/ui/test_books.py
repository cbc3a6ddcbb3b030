"""Whole books: the opening pages show at once, keys typed meanwhile act once the text is
read, and the analysis runs in a child process with its progress in the status line."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from tests.ui.conftest import read_blocks
from tests.ui.helpers import (
    MakeApp,
    assert_pages_drawn,
    label,
    position,
    settle,
    until,
)
from textual.events import MouseScrollDown

from readerui.core import loading
from readerui.core.models import Article


def write_book(path: Path, copies: int) -> Path:
    """The invented long article, repeated ``copies`` times, as one plain-text file."""
    title, paragraphs = read_blocks()
    body = "\n\n".join(paragraphs * copies)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def held_parse(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Parsing a whole long text waits at this gate (its opening part does not)."""
    gate = threading.Event()
    real_parse = loading._parse

    def parse(text: str, source: str, fmt: Any) -> Article:
        if len(text) > 2 * loading.PREVIEW_CHARS:
            assert gate.wait(30)
        return real_parse(text, source, fmt)

    monkeypatch.setattr(loading, "_parse", parse)
    return gate


async def test_a_book_shows_its_opening_pages_while_the_rest_is_read(
    make_app: MakeApp, tmp_path: Path, held_parse: threading.Event
) -> None:
    book = write_book(tmp_path / "book.txt", 40)
    app, rec = make_app(str(book))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.view
        await until(pilot, lambda: view.article is not None, "the opening part shows")
        await pilot.pause()
        assert app.desk.preview
        assert_pages_drawn(view)
        assert position(app).startswith("Page 1/≈")
        await pilot.press("space")  # reading starts at once
        await pilot.pause()
        assert view.page_index == 1
        place = view.position
        held_parse.set()
        await until(pilot, lambda: not app.desk.preview, "the whole text is read")
        await settle(pilot)
        assert view.article is not None
        assert len(view.article.text) > 4 * loading.PREVIEW_CHARS
        assert view.position == place  # the reader's place did not move
        assert view.complete
        assert position(app).startswith(f"Page 2/{view.page_count}")
        assert rec.messages("error") == []


async def test_keys_typed_while_a_book_loads_act_once_it_is_read(
    make_app: MakeApp, tmp_path: Path, held_parse: threading.Event
) -> None:
    book = write_book(tmp_path / "book.txt", 40)
    app, _ = make_app(str(book))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.view
        await until(pilot, lambda: view.article is not None, "the opening part shows")
        await pilot.press("G")  # the last page of the whole book, not of its opening part
        await pilot.pause()
        assert view.page_index == 0
        held_parse.set()
        await until(pilot, lambda: view.complete and not app.desk.preview, "all laid out")
        await settle(pilot)
        assert view.page_index == view.page_count - 1
        assert view.visible_range()[1] == len(view.article.text)  # type: ignore[union-attr]


async def test_keys_typed_before_anything_shows_are_not_lost(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real_load_path = loading.load_path

    def held(path: str, cancel: Any = None, on_preview: Any = None) -> Article:
        assert gate.wait(30)
        return real_load_path(path, cancel, on_preview)

    monkeypatch.setattr(loading, "load_path", held)
    book = write_book(tmp_path / "story.txt", 3)
    app, _ = make_app(str(book))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space")
        await pilot.pause()
        assert app.view.article is None
        gate.set()
        await until(pilot, lambda: app.view.article is not None, "the article shows")
        await settle(pilot)
        assert app.view.page_index == 2


async def test_a_long_text_is_analysed_in_a_child_with_progress(
    make_app: MakeApp, tmp_path: Path
) -> None:
    from readerui.core.background import PARTIAL_CHARS
    from readerui.samples import sample_path

    # The sample article's quotes, over and over: long enough for the child and a partial.
    story = sample_path("harbour").read_text(encoding="utf-8")
    book = tmp_path / "book.txt"
    book.write_text("A Harbour Year\n\n" + "\n\n".join([story] * 100), encoding="utf-8")
    app, rec = make_app(str(book))
    titles: list[str] = []
    async with app.run_test(size=(120, 30)):
        for _ in range(600):  # at most about a minute
            titles.append(label(app, "status-title"))
            if app.analysis is not None and app.desk.analysis_progress is None:
                break
            await asyncio.sleep(0.1)
        assert app.analysis is not None
        assert app.analysis.quotes
        assert app.view.article is not None
        assert len(app.view.article.text) > 2 * PARTIAL_CHARS
        assert any("people and quotes" in title for title in titles)
        assert "people and quotes" not in label(app, "status-title")
        assert rec.messages("error") == []


async def test_a_book_from_the_command_line_starts_on_its_opening_part(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """What `readerui book.txt` does: the command line reads until the opening part is ready,
    the reader starts on it, and the whole text read on in the thread is taken when it comes."""
    book = write_book(tmp_path / "book.txt", 40)
    pending = loading.PendingArticle()
    gate = threading.Event()  # the rest is read only when the test says

    def preview(article: Article, length: int) -> None:
        pending.on_preview(article, length)
        assert gate.wait(30)

    def read() -> None:
        try:
            pending.finish(loading.load_path(book, on_preview=preview))
        except BaseException as exc:
            pending.fail(exc)

    threading.Thread(target=read, daemon=True).start()
    assert await asyncio.to_thread(pending.previewed.wait, 30)
    assert pending.preview is not None
    app, rec = make_app(str(book), article=pending.preview, rest=pending)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.desk.preview
        assert position(app).startswith("Page 1/≈")
        assert pending.go_on.is_set()  # the reader is up: the thread may read on
        await pilot.press("G")
        await pilot.pause()
        assert app.view.page_index == 0  # G waits for the whole text
        gate.set()
        await until(pilot, lambda: not app.desk.preview, "the whole text is read")
        await settle(pilot)
        view = app.view
        assert view.article is not None
        assert view.complete
        assert view.page_index == view.page_count - 1
        assert rec.messages("error") == []


async def test_workers_are_not_described_by_the_book_they_carry(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual describes a worker by repr() of its arguments unless told otherwise: for a book
    that is megabytes turned into a string on the UI thread, a pause a reader feels."""
    from textual.worker_manager import WorkerManager

    described: list[str] = []
    real_add = WorkerManager.add_worker

    def add_worker(self: WorkerManager, worker: Any, **options: Any) -> None:
        described.append(worker.description)
        real_add(self, worker, **options)

    monkeypatch.setattr(WorkerManager, "add_worker", add_worker)
    book = write_book(tmp_path / "book.txt", 40)
    app, _ = make_app(str(book))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.view
        await until(pilot, lambda: view.complete and not app.desk.preview, "all laid out")
        await settle(pilot)
    assert len(described) >= 3  # loading, layout, analysis, the place, the copy …
    assert max(len(text) for text in described) < 200, described


async def test_keys_and_the_wheel_hold_background_reading_up(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key or a turn of the wheel tells the threads reading a book to give way while the
    answer is drawn (core.courtesy); a mouse that only moves does not."""
    from readerui.core.courtesy import READER

    said: list[float] = []
    monkeypatch.setattr(READER, "busy", lambda seconds=0.05: said.append(seconds))
    book = write_book(tmp_path / "book.txt", 3)
    app, _ = make_app(str(book))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.view.article is not None, "the article shows")
        await pilot.hover("#page-view")
        assert said == []
        await pilot.press("space")
        assert len(said) == 1
        region = app.view.region
        x, y = region.x + region.width // 2, region.y + region.height // 2
        # As the driver sends it: to the app, which hands it on to the widget under it.
        app.post_message(MouseScrollDown(app.view, x, y, 0, 1, 0, False, False, False, x, y))
        await pilot.pause()
        assert len(said) == 2
