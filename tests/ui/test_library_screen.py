"""The library screen: everything read before, filtered, reopened where reading stopped (from
the kept copy when the network is gone), removed after a confirmation."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import Any

from tests.ui.conftest import LONG_TEXT
from tests.ui.helpers import SECOND_STORY, MakeApp, settle, until
from textual.widgets import DataTable

from readerui.core.loading import load_path
from readerui.data.copies import keep_copy
from readerui.data.library import Library, library_key
from readerui.ui.library_screen import ConfirmScreen, LibraryScreen


def shelve(tmp_path: Path) -> tuple[Path, Path]:
    """Two articles read before: the long one (left on page 3) and the ferry story."""
    ferry = tmp_path / "ferry.txt"
    ferry.write_text(SECOND_STORY, encoding="utf-8")
    library = Library()
    long_article = load_path(str(LONG_TEXT))
    keep_copy(library, long_article)
    library.remember(str(LONG_TEXT), long_article.title, long_article.text, 2000, read_to=2600)
    keep_copy(library, load_path(str(ferry)))
    library.close()
    return LONG_TEXT, ferry


def rows(screen: LibraryScreen) -> list[str]:
    table: DataTable[Any] = screen.table
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_no_argument_opens_the_library_last_read_first(
    make_app: MakeApp, tmp_path: Path
) -> None:
    shelve(tmp_path)
    app, _ = make_app()
    async with app.run_test(size=(170, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert rows(screen) == [
            "Ferry Timetable Redrawn as Tessel Bridge Closes for Repairs",
            load_path(str(LONG_TEXT)).title,
        ]
        first = screen.table.get_row_at(0)
        assert str(first[1]) == "ferry.txt"
        assert str(first[2]) == "today"
        assert str(first[3]) == "0%"
        assert str(screen.table.get_row_at(1)[3]) != "0%"


async def test_typing_filters_and_enter_opens_at_the_saved_place(
    make_app: MakeApp, tmp_path: Path
) -> None:
    shelve(tmp_path)
    app, _ = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press(*"furnace")
        assert screen.filter_input.value == "furnace"
        assert len(rows(screen)) == 1
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, LibraryScreen)
        assert app.view.article is not None
        assert app.view.article.source == str(LONG_TEXT)
        start, end = app.view.visible_range()
        assert start <= 2000 < end or start == 2000
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LibraryScreen)


async def test_d_removes_after_a_confirmation(make_app: MakeApp, tmp_path: Path) -> None:
    shelve(tmp_path)
    app, _ = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # kept
        await pilot.pause()
        assert len(rows(screen)) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert len(rows(screen)) == 1
    assert [e.source for e in Library().recent()] == [library_key(str(LONG_TEXT))]


class _Page(http.server.BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


async def test_a_url_article_reopens_with_the_server_gone(make_app: MakeApp) -> None:
    handler = type("Handler", (_Page,), {"body": SECOND_STORY.encode()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/ferry"
    try:
        first, _ = make_app(url)
        async with first.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert first.analysis is not None
            text = first.view.article.text if first.view.article else ""
            people = first.analysis.people
            await until(pilot, lambda: bool(Library().recent()[0].people), "analysis kept")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    again, _ = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, LibraryScreen)
        await pilot.press("enter")
        await settle(pilot)
        article = again.view.article
        assert article is not None
        assert (article.source, article.text) == (url, text)
        assert again.analysis is not None
        assert again.analysis.people == people


async def test_s_saves_an_article_that_reopens_the_same(
    make_app: MakeApp, long_article: Any, tmp_path: Path
) -> None:
    from textual.widgets import Input

    from readerui.ui.screens import SaveScreen

    app, rec = make_app(article=long_article)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        box = app.screen.query_one("#save-input", Input)
        assert box.value == "the-furnace-wakes-varrow-mill-makes-glass-again-after-thirty.md"
        box.value = str(tmp_path / "kept.md")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SaveScreen)
    assert any(m.startswith("Saved to ") for m in rec.messages())
    again = load_path(str(tmp_path / "kept.md"))
    assert (again.title, again.text) == (long_article.title, long_article.text)
    assert again.byline == long_article.byline
