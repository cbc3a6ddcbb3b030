"""Helpers shared by the Pilot tests: reading the screen, waiting, typing in prompts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.events import MouseScrollDown, MouseScrollUp
from textual.pilot import Pilot
from textual.widgets import Input, Label
from textual.worker import WorkerCancelled

from readerui.core.models import Article
from readerui.ui.app import ReaderApp
from readerui.ui.navigation import SpanCursor
from readerui.ui.page_view import PageView
from readerui.ui.screens import OpenScreen

MakeApp = Callable[..., tuple[ReaderApp, Any]]
"""The ``make_app`` fixture: builds an app and the recorder of what it said."""

SIZE = (80, 24)


def found(app: ReaderApp) -> SpanCursor:
    """The current search: its matches (``spans``) and the current one (``index``)."""
    return app.marks.selection.search


def view_rows(view: PageView) -> list[str]:
    """The text of every row the reading view draws."""
    return [view.render_line(y).text for y in range(view.size.height)]


def screen_rows(app: ReaderApp) -> list[str]:
    """The text of every row of the whole terminal, as composited (overlays included)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def label(app: ReaderApp, name: str) -> str:
    return str(app.query_one(f"#{name}", Label).content)


def position(app: ReaderApp) -> str:
    return label(app, "status-position")


def header_height(view: PageView) -> int:
    assert view.pages_layout is not None
    return view.size.height - view.pages_layout.first_page_height


def line_text(article: Article, start: int, end: int) -> str:
    return article.text[start:end].replace("\n", " ").strip()


def assert_pages_drawn(view: PageView) -> None:
    """Every line of the visible page(s) is drawn on its row, exactly as laid out."""
    article = view.article
    assert article is not None
    rows = view_rows(view)
    for page in view.visible_pages():
        top = header_height(view) if page.index == 0 else 0
        assert top + len(page.lines) <= len(rows)
        for y, line in enumerate(page.lines, start=top):
            expected = line_text(article, line.start, line.end)
            if expected:
                assert expected in rows[y], (page.index, y, expected, rows[y])


def visible_words(view: PageView) -> list[str]:
    article = view.article
    assert article is not None
    words: list[str] = []
    for page in view.visible_pages():
        for line in page.lines:
            words += article.text[line.start : line.end].split()
    return words


def expected_matches(text: str, phrase: str) -> list[tuple[int, int]]:
    """Independent reference for search: case-insensitive, any whitespace between words."""
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def shows(view: PageView, offset: int) -> bool:
    start, end = view.visible_range()
    return start <= offset < end


def row_styles(view: PageView, component: str) -> list[str]:
    """Text drawn with the background of ``component`` anywhere in the view."""
    bgcolor = view.get_component_rich_style(component).bgcolor
    found = []
    for y in range(view.size.height):
        for segment in view.render_line(y):
            if segment.style is not None and segment.style.bgcolor == bgcolor and segment.text:
                found.append(segment.text)
    return found


async def wheel(pilot: Pilot[Any], view: PageView, *, down: bool) -> None:
    """Roll the mouse wheel over the middle of the view, as the driver would."""
    region = view.region
    x, y = region.x + region.width // 2, region.y + region.height // 2
    cls = MouseScrollDown if down else MouseScrollUp
    event = cls(view, x, y, 0, 1 if down else -1, 0, False, False, False, x, y)
    pilot.app.mouse_position = event.screen_offset
    pilot.app.screen._forward_event(event)
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and their messages be handled (a worker cancelled meanwhile by a
    newer one is not waited for again)."""
    for _ in range(100):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        break
    await pilot.pause()
    await pilot.pause()


async def open_via_dialog(pilot: Pilot[Any], spec: str) -> None:
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OpenScreen)
    pilot.app.screen.query_one("#open-input", Input).value = spec
    await pilot.press("enter")
    await pilot.pause()
    await settle(pilot)


SECOND_STORY = """Ferry Timetable Redrawn as Tessel Bridge Closes for Repairs

The county will shut the old Tessel bridge for eleven weeks from Monday while engineers
replace the bearings under its central span, and a temporary ferry will carry foot
passengers across the river every twenty minutes.

The ferry is a flat-bottomed launch borrowed from a rowing club downstream. Its skipper,
Benedikt Ohanian, says it can take twelve people and four bicycles at a time.

Drivers face a detour of nearly nine miles through the upper valley.
"""


async def until(pilot: Pilot[Any], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition()`` holds (a deadline, not a timing assumption)."""
    for _ in range(1500):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


async def read_a_while(path: Path, pages: int) -> ReaderApp:
    """Open ``path`` in a reader, turn ``pages`` pages and quit (the place is saved)."""
    app = ReaderApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(pages):
            await pilot.press("space")
        await pilot.pause()
    assert app.view.page_index == pages
    return app
