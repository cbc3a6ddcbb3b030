"""Pilot tests of the reader: what is on screen, page turning, resizing, search, prompts,
overlays, keymaps, opening files and URLs, and hostile text."""

from __future__ import annotations

import asyncio
import itertools
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.ui.helpers import until
from textual.events import MouseScrollDown, MouseScrollUp
from textual.pilot import Pilot
from textual.widgets import Input, Label

from readerui.core.models import Article
from readerui.core.normalize import normalize_text
from readerui.ui.app import WELCOME, ReaderApp
from readerui.ui.navigation import SpanCursor
from readerui.ui.page_view import PageView
from readerui.ui.screens import HelpScreen, OpenScreen

MakeApp = Callable[..., tuple[ReaderApp, Any]]

SIZE = (80, 24)


# ----------------------------------------------------------------------------- helpers


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
    """Let workers finish and their messages be handled."""
    await pilot.app.workers.wait_for_complete()
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


async def test_keymap_warning_is_shown_literally(make_app: MakeApp, tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text("keys = 3\n", encoding="utf-8")
    app, _ = make_app(keymap_file=keymap)
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        notes = list(app._notifications)
        assert any("[keys] must be a table" in n.message and not n.markup for n in notes)


# ----------------------------------------------------------------------------- opening


async def test_first_page_shows_title_byline_and_page_one(
    make_app: MakeApp, long_article: Article
) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        rows = view_rows(view)
        assert rows[0].strip() == long_article.title
        assert rows[1].strip() == (
            "By Maren Tollefsen · The Valley Courier · 2026-03-14 · reader_long.txt"
        )
        assert set(rows[2].strip()) == {"─"}
        assert view.page_index == 0
        assert view.page_count >= 8
        assert position(app).startswith(f"Page 1/{view.page_count} · ")
        assert label(app, "status-title") == long_article.title
        first_words = " ".join(long_article.text.split()[:6])
        assert first_words in "\n".join(rows)
        assert_pages_drawn(view)
        # The status line is really drawn at the bottom of the terminal.
        assert f"Page 1/{view.page_count}" in screen_rows(app)[-1]


async def test_empty_start_shows_welcome_and_keys_are_harmless(make_app: MakeApp) -> None:
    app, rec = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = "\n".join(view_rows(app.view))
        for line in WELCOME:
            assert line in text
        assert label(app, "status-title") == "No article open"
        assert position(app) == ""
        await pilot.press("space", "b", "G", "g", "n", "N", "slash", "colon", "d")
        await pilot.pause()
        assert app.is_running
        assert app.view.article is None
        assert rec.bells == []  # no article: nothing to ring about
        assert not app.query_one("#prompt", Input).has_class("visible")
        assert "o  open a file or URL" in "\n".join(view_rows(app.view))


# ----------------------------------------------------------------------------- turning


@pytest.mark.parametrize("key", ["space", "pagedown", "right", "l"])
async def test_next_page_keys(make_app: MakeApp, long_article: Article, key: str) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        assert view.layout is not None
        await pilot.press(key)
        await pilot.pause()
        assert view.page_index == 1
        assert position(app).startswith(f"Page 2/{view.page_count} · ")
        assert view.visible_range()[0] == view.pages_layout.pages[1].start
        assert long_article.title not in "\n".join(view_rows(view))
        assert_pages_drawn(view)
        await pilot.press(key)
        await pilot.pause()
        assert view.page_index == 2
        assert rec.bells == []


@pytest.mark.parametrize("key", ["b", "pageup", "left", "h"])
async def test_previous_page_keys(make_app: MakeApp, long_article: Article, key: str) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(3)
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert view.page_index == 2
        assert position(app).startswith(f"Page 3/{view.page_count} · ")
        assert_pages_drawn(view)
        await pilot.press(key, key)
        await pilot.pause()
        assert view.page_index == 0
        assert view_rows(view)[0].strip() == long_article.title
        assert rec.bells == []


@pytest.mark.parametrize(("last", "first"), [("G", "g"), ("end", "home")])
async def test_first_and_last_page_keys(
    make_app: MakeApp, long_article: Article, last: str, first: str
) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        count = view.page_count
        await pilot.press(last)
        await pilot.pause()
        assert view.page_index == count - 1
        assert view.visible_range()[1] == len(long_article.text)
        assert position(app).startswith(f"Page {count}/{count} · 100% · end")
        last_words = " ".join(long_article.text.split()[-4:])
        assert last_words in " ".join(" ".join(view_rows(view)).split())
        await pilot.press(first)
        await pilot.pause()
        assert view.page_index == 0
        assert position(app).startswith(f"Page 1/{count} · ")


async def test_bell_at_both_ends_and_no_crash(make_app: MakeApp, long_article: Article) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        await pilot.press("b", "left")
        await pilot.pause()
        assert rec.bells == [0, 0]
        assert view.page_index == 0
        await pilot.press("G", "space", "pagedown")
        await pilot.pause()
        last = view.page_count - 1
        assert rec.bells == [0, 0, last, last]
        assert view.page_index == last
        assert app.is_running
        await pilot.press("b")
        await pilot.pause()
        assert view.page_index == last - 1
        assert len(rec.bells) == 4


async def test_mouse_wheel_turns_pages(make_app: MakeApp, long_article: Article) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        await wheel(pilot, view, down=True)
        await wheel(pilot, view, down=True)
        assert view.page_index == 2
        assert position(app).startswith(f"Page 3/{view.page_count}")
        await wheel(pilot, view, down=False)
        assert view.page_index == 1
        assert_pages_drawn(view)
        await wheel(pilot, view, down=False)
        await wheel(pilot, view, down=False)  # already at the start: stays
        assert view.page_index == 0


async def test_click_thirds(make_app: MakeApp, long_article: Article) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        width = view.region.width
        await pilot.click(view, offset=(width - 3, 5))
        assert view.page_index == 1
        await pilot.click(view, offset=(width - 3, 5))
        assert view.page_index == 2
        await pilot.click(view, offset=(width // 2, 5))  # middle third: nothing
        assert view.page_index == 2
        await pilot.click(view, offset=(2, 5))
        assert view.page_index == 1
        assert position(app).startswith(f"Page 2/{view.page_count}")


# ----------------------------------------------------------------------------- coverage


@pytest.mark.parametrize("size", [(80, 24), (52, 16), (250, 50)])
async def test_walking_all_pages_shows_every_word_once_in_order(
    make_app: MakeApp, long_article: Article, size: tuple[int, int]
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.view
        assert view.columns == (2 if size[0] >= 160 else 1)
        words: list[str] = []
        seen_pages: list[int] = []
        presses = 0
        while True:
            assert_pages_drawn(view)
            seen_pages += [page.index for page in view.visible_pages()]
            words += visible_words(view)
            await pilot.press("space")
            await pilot.pause()
            if rec.bells:
                break
            presses += 1
            assert presses <= view.page_count
        assert seen_pages == list(range(view.page_count))
        assert words == long_article.text.split()
        assert presses == -(-view.page_count // view.columns) - 1


# ----------------------------------------------------------------------------- resize


async def test_resize_keeps_the_place(make_app: MakeApp, long_article: Article) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(5)
        await pilot.pause()
        anchor = view.visible_range()[0]
        first_word = long_article.text[anchor:].split()[0]
        assert anchor > 0
        for width, height in [(40, 20), (250, 50), (100, 30), (60, 12), (80, 24)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert view.pages_layout is not None
            assert view.pages_layout.width == view.measure
            assert shows(view, anchor), (width, height, view.visible_range(), anchor)
            assert view.columns == (2 if width >= 160 else 1)
            if width >= 160:
                assert len(view.visible_pages()) == 2
                first = view.page_index + 1
                assert position(app).startswith(f"Page {first}–{first + 1}/{view.page_count}")
            else:
                assert position(app).startswith(f"Page {view.page_index + 1}/{view.page_count}")
            assert first_word in " ".join(view_rows(view))
            assert_pages_drawn(view)
        # A narrow window needs more pages than a wide one.
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        narrow = view.page_count
        await pilot.resize_terminal(250, 50)
        await pilot.pause()
        assert view.page_count < narrow


async def test_spread_toggle(make_app: MakeApp, long_article: Article) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=(250, 50)) as pilot:
        await pilot.pause()
        view = app.view
        assert view.columns == 2
        assert [p.index for p in view.visible_pages()] == [0, 1]
        assert position(app).startswith(f"Page 1–2/{view.page_count}")
        second_page_start = view.pages_layout.pages[1].start
        words = long_article.text[second_page_start:].split()[:3]
        assert " ".join(words) in " ".join(" ".join(view_rows(view)).split())
        await pilot.press("d")
        await pilot.pause()
        assert view.columns == 1
        assert len(view.visible_pages()) == 1
        assert position(app).startswith(f"Page 1/{view.page_count}")
        assert rec.notes[-1] == ("Two-page spread off", "information")
        await pilot.press("space")
        await pilot.pause()
        assert view.page_index == 1
        await pilot.press("d")
        await pilot.pause()
        assert view.columns == 2
        assert rec.notes[-1] == ("Two-page spread on", "information")
        assert [p.index for p in view.visible_pages()] == [0, 1]
        assert_pages_drawn(view)


async def test_spread_toggle_on_a_narrow_window_explains(
    make_app: MakeApp, long_article: Article
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d", "d")
        await pilot.pause()
        assert app.view.columns == 1
        assert "160+" in rec.notes[-1][0]


async def test_big_article_is_laid_out_in_a_worker(
    make_app: MakeApp, long_article: Article
) -> None:
    blocks = [(long_article.paragraph_text(p), p.kind) for p in long_article.paragraphs]
    big = Article.from_blocks("big.txt", "A Very Long Read", blocks * 20)
    assert len(big.text) > 200_000  # over PageView's synchronous layout limit
    app, _ = make_app(article=big)
    async with app.run_test(size=SIZE) as pilot:
        assert position(app) == "Laying out…"
        await settle(pilot)
        view = app.view
        assert view.page_count > 100
        assert position(app).startswith(f"Page 1/{view.page_count}")
        assert_pages_drawn(view)
        view.go_to_page(120)
        await pilot.pause()
        anchor = view.visible_range()[0]
        for width, height in [(40, 20), (250, 50), (80, 24)]:
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            assert not view.laying_out
            assert view.pages_layout is not None
            assert view.pages_layout.width == view.measure
            assert shows(view, anchor), (width, height)
            assert_pages_drawn(view)


async def test_a_resize_cancels_the_layout_under_way(
    make_app: MakeApp, long_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first layout is held at a gate while the terminal is resized: its worker must be
    cancelled, the held layout must stop at its next check, and only the new size's pages
    are shown."""
    from readerui.core.layout import Layout, LayoutCancelled
    from readerui.ui import page_view as page_view_module

    real_paginate = page_view_module.paginate
    gate, first_started = threading.Event(), threading.Event()
    outcomes: list[str] = []

    def gated_paginate(article: Article, width: int, height: int, **kw: Any) -> Layout:
        first = not first_started.is_set()
        if first:
            first_started.set()
            assert gate.wait(30)
        try:
            layout = real_paginate(article, width, height, **kw)
        except LayoutCancelled:
            outcomes.append("cancelled" if first else "later one cancelled")
            raise
        outcomes.append("first done" if first else "done")
        return layout

    monkeypatch.setattr(page_view_module, "paginate", gated_paginate)
    blocks = [(long_article.paragraph_text(p), p.kind) for p in long_article.paragraphs]
    big = Article.from_blocks("big.txt", "A Very Long Read", blocks * 20)
    app, _ = make_app(article=big)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.to_thread(first_started.wait, 30)
        held = next(w for w in app.workers if w.group == "layout")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert held.cancelled_event.is_set()
        gate.set()
        await until(pilot, lambda: "cancelled" in outcomes, "the held layout stops")
        await until(pilot, lambda: not app.view.laying_out, "the new layout is shown")
        view = app.view
        assert view.pages_layout is not None
        assert view.pages_layout.width == view.measure
        assert "first done" not in outcomes
        assert_pages_drawn(view)


async def test_a_failed_analysis_is_said_and_reading_goes_on(
    make_app: MakeApp, long_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readerui.core import analysis as analysis_module

    def broken(article: Article, cancel: threading.Event | None = None) -> Any:
        raise RuntimeError("a rule tripped over its own feet")

    monkeypatch.setattr(analysis_module, "analyze", broken)
    app, rec = make_app(article=long_article)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        errors = rec.messages("error")
        assert len(errors) == 1
        assert errors[0].startswith("Analysis failed: ")
        assert "tripped over its own feet" in errors[0]
        assert app.analysis is not None  # empty, not "analysing…" for ever
        assert app.people_panel.query_one(".panel-title", Label).content == "People · 0"
        await pilot.press("space")
        await pilot.pause()
        assert app.view.page_index == 1  # the reader goes on


async def test_standard_input_is_read_in_the_reader(make_app: MakeApp) -> None:
    """What ``cat story.txt | readerui -`` does: the CLI loads stdin, the app shows it."""
    import io

    from readerui.core.loading import load_stdin
    from readerui.data.library import Library

    piped = SECOND_STORY.encode("cp1252")
    article = load_stdin(io.BytesIO(piped))
    app, _ = make_app(article=article)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert (
            label(app, "status-title")
            == "Ferry Timetable Redrawn as Tessel Bridge Closes for Repairs"
        )
        assert any("standard input" in row for row in view_rows(app.view))
        assert app.analysis is not None
        assert any(p.name == "Benedikt Ohanian" for p in app.analysis.people)
        await pilot.press("G")
        await pilot.pause()
    assert Library().recent() == []  # stdin has no name to come back to


# ----------------------------------------------------------------------------- go to


async def test_goto_prompt_opens_and_closes(make_app: MakeApp, long_article: Article) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        prompt = app.query_one("#prompt", Input)
        await pilot.press("colon")
        await pilot.pause()
        assert prompt.has_class("visible")
        assert prompt.has_focus
        assert prompt.placeholder.startswith("Go to page (1–")
        await pilot.press("7", "enter")
        await pilot.pause()
        assert view.page_index == 6
        assert position(app).startswith(f"Page {view.page_index + 1}/{view.page_count} · ")
        assert not prompt.has_class("visible")
        assert view.has_focus
        assert rec.notes == []
        assert_pages_drawn(view)
        # The keys go to the reader again.
        before = view.page_index
        await pilot.press("space")
        await pilot.pause()
        assert view.page_index == before + 1


async def test_goto_lands_on_the_typed_page(make_app: MakeApp, long_article: Article) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        count = view.page_count
        await pilot.press("colon")
        await pilot.pause()
        assert app.query_one("#prompt", Input).placeholder.startswith(f"Go to page (1–{count})")
        await pilot.press("7", "enter")
        await pilot.pause()
        assert view.page_index == 6
        assert position(app).startswith(f"Page 7/{count} · ")
        await pilot.press("colon", *str(count + 1), "enter")
        await pilot.pause()
        assert rec.notes == [(f"There are pages 1 to {count}", "warning")]
        assert view.page_index == count - 1


@pytest.mark.parametrize(("typed", "page"), [("999", "last"), ("0", "first"), ("-3", "first")])
async def test_goto_out_of_range_warns(
    make_app: MakeApp, long_article: Article, typed: str, page: str
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(3)
        await pilot.press("colon", *typed, "enter")
        await pilot.pause()
        assert app.is_running
        assert len(rec.notes) == 1
        message, severity = rec.notes[0]
        assert severity == "warning"
        assert message.startswith("There are pages 1 to ")
        assert view.page_index == (view.page_count - 1 if page == "last" else 0)


async def test_goto_rejects_letters_and_escape_cancels(
    make_app: MakeApp, long_article: Article
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(2)
        await pilot.press("colon", "x", "y", "enter")
        await pilot.pause()
        assert app.is_running
        assert view.page_index == 2
        await pilot.press("colon", "5", "escape")
        await pilot.pause()
        assert not app.query_one("#prompt", Input).has_class("visible")
        assert view.page_index == 2
        await pilot.press("space")
        await pilot.pause()
        assert view.page_index == 3
        assert all(severity != "error" for severity in rec.severities())


# ----------------------------------------------------------------------------- search


async def search_prompt(pilot: Pilot[Any], phrase: str, *, type_it: bool = False) -> None:
    """Search through the '/' prompt (typing key by key, or filling the input at once)."""
    await pilot.press("slash")
    await pilot.pause()
    prompt = pilot.app.query_one("#prompt", Input)
    assert prompt.has_focus
    if type_it:
        await pilot.press(*phrase)
    else:
        prompt.value = phrase
    await pilot.press("enter")
    await pilot.pause()


def wrapped_phrase(view: PageView, page_index: int) -> tuple[str, int, int]:
    """Four words straddling a soft line wrap in the middle of a page, and the wrap."""
    assert view.pages_layout is not None
    assert view.article is not None
    page = view.pages_layout.pages[page_index]
    body = [ln for ln in page.lines if ln.kind == "body"]
    text = view.article.text
    for first, second in itertools.pairwise(body[1:-1]):
        if second.start - first.end == 1:  # one space between: a soft wrap
            phrase = " ".join(text[first.start : first.end].split()[-2:])
            phrase += " " + " ".join(text[second.start : second.end].split()[:2])
            return phrase, first.end, second.start
    raise AssertionError(f"no wrapped line on page {page_index + 1}")


async def test_search_across_a_paragraph_break(make_app: MakeApp, long_article: Article) -> None:
    paragraphs = long_article.paragraphs
    before = long_article.paragraph_text(paragraphs[26]).split()[-3:]
    after = long_article.paragraph_text(paragraphs[27]).split()[:2]
    phrase = " ".join(before + after).lower()
    [(start, end)] = expected_matches(long_article.text, phrase)
    assert "\n\n" in long_article.text[start:end]
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        await search_prompt(pilot, phrase, type_it=True)
        assert found(app).spans == [(start, end)]
        assert view.page_index > 0
        assert shows(view, start)
        assert label(app, "status-search") == f"“{phrase}” 1/1"
        drawn = "".join(row_styles(view, "pageview--match-current"))
        assert drawn.split() == before + (after if shows(view, end - 1) else [])
        await pilot.press("escape")
        await pilot.pause()
        assert found(app).spans == []
        assert label(app, "status-search") == ""
        assert row_styles(view, "pageview--match-current") == []
        assert row_styles(view, "pageview--match") == []
        assert shows(view, start)  # clearing the search does not move


async def test_search_across_a_line_wrap(make_app: MakeApp, long_article: Article) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        phrase, wrap_start, wrap_end = wrapped_phrase(view, 4)
        matches = expected_matches(long_article.text, phrase)
        assert matches, phrase
        app.run_search(phrase)
        await pilot.pause()
        assert found(app).spans == matches
        current = found(app).spans[found(app).index]
        assert current[0] < wrap_start < wrap_end < current[1]
        assert view.page_index == 4
        assert label(app, "status-search").endswith(f" {found(app).index + 1}/{len(matches)}")
        # Both halves are highlighted, on two rows.
        drawn = row_styles(view, "pageview--match-current")
        assert len(drawn) == 2
        assert " ".join(drawn).split() == phrase.split()


async def test_search_prompt_shows_the_page_with_the_match(
    make_app: MakeApp, long_article: Article
) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        for page in range(1, view.page_count - 1):
            phrase, _, _ = wrapped_phrase(view, page)
            view.go_to_page(0)
            await search_prompt(pilot, phrase)
            assert shows(view, found(app).spans[found(app).index][0]), (page, phrase)
            await pilot.press("escape")


async def test_search_next_previous_wraps_round(make_app: MakeApp, long_article: Article) -> None:
    phrase = "the kiln at Varrow Mill"
    expected = expected_matches(long_article.text, phrase)
    assert len(expected) == 3
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        await search_prompt(pilot, phrase)
        assert found(app).spans == expected
        assert found(app).index == 0
        order = []
        for key in ["n", "n", "n", "N", "N", "N", "N"]:
            await pilot.press(key)
            await pilot.pause()
            order.append(found(app).index)
            start, end = expected[found(app).index]
            assert shows(view, start)
            assert label(app, "status-search") == f"“{phrase}” {found(app).index + 1}/3"
            current = " ".join(row_styles(view, "pageview--match-current"))
            assert current.split() == long_article.text[start:end].split()
            # Other matches on the same page are marked too, not as the current one.
            others = [a for a, _ in expected if shows(view, a) and a != start]
            assert len(row_styles(view, "pageview--match")) >= len(others)
        assert order == [1, 2, 0, 2, 1, 0, 2]


async def test_search_starts_at_the_current_page(make_app: MakeApp, long_article: Article) -> None:
    phrase = "the kiln at Varrow Mill"
    expected = expected_matches(long_article.text, phrase)
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_offset(expected[1][0])
        view.go_to_page(view.page_index + 1)
        await pilot.pause()
        assert view.visible_range()[0] > expected[1][0]
        app.run_search(phrase)
        await pilot.pause()
        assert found(app).index == 2
        assert shows(view, expected[2][0])
        view.go_to_page(view.page_count - 1)
        await pilot.pause()
        early = expected_matches(long_article.text, "Tessel river")
        assert early[-1][1] < view.visible_range()[0]
        app.run_search("Tessel river")  # nothing from here on: wraps to the first match
        await pilot.pause()
        assert found(app).index == 0
        assert view.page_index == 0
        assert shows(view, early[0][0])


async def test_search_not_found_and_n_without_search(
    make_app: MakeApp, long_article: Article
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(2)
        await pilot.press("n")
        await pilot.pause()
        assert rec.notes[-1][0].startswith("No search")
        await search_prompt(pilot, "purple elephants")
        assert rec.notes[-1] == ("Not found: purple elephants", "warning")
        assert found(app).spans == []
        assert view.page_index == 2
        assert label(app, "status-search") == ""
        assert app.is_running


# ----------------------------------------------------------------------------- help


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_binding(make_app: MakeApp, long_article: Article, key: str) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(screen_rows(app))
        for binding in ReaderApp.BINDINGS:
            assert binding.description in shown, binding.description
        # Keys are spelled by Textual's App.get_key_display.
        rows = {d: k for k, d in app.key_help()}
        assert rows["Next page"] == "space pgdn → l"
        assert rows["Close prompt, clear highlights"] == "esc"
        assert rows["Quit"] == "q ^q"  # ctrl+q always quits, whatever the keymap says
        assert "space pgdn → l" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.view.has_focus
        await pilot.press("space")
        await pilot.pause()
        assert app.view.page_index == 1


# ----------------------------------------------------------------------------- keymap


async def test_keymap_remaps_a_binding(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\nnext_page = "j"\nprev_page = "k,b"\n', encoding="utf-8")
    app, rec = make_app(article=long_article, keymap_file=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        assert rec.notes == []
        await pilot.press("j", "j")
        await pilot.pause()
        assert view.page_index == 2
        await pilot.press("k")
        await pilot.pause()
        assert view.page_index == 1
        await pilot.press("space")  # replaced by j
        await pilot.pause()
        assert view.page_index == 1
        rows = {description: keys for keys, description in app.key_help()}
        assert rows["Next page"] == "j"
        assert rows["Previous page"] == "k b"
        await pilot.press("question_mark")
        await pilot.pause()
        assert any(
            row.split() and "Next page" in row and "j" in row.split() for row in screen_rows(app)
        )


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"[keys\nnext_page = 'j'\n", "Ignoring"),
        (b"keys = 3\n", "must be a table"),
        (b"\xff\xfe[keys]\n", "Ignoring"),
    ],
)
async def test_broken_keymap_warns_and_app_works(
    make_app: MakeApp, long_article: Article, tmp_path: Path, content: bytes, why: str
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_bytes(content)
    app, rec = make_app(article=long_article, keymap_file=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(rec.notes) == 1
        message, severity = rec.notes[0]
        assert severity == "warning"
        assert why in message
        assert "\n" not in message
        await pilot.press("space")
        await pilot.pause()
        assert app.view.page_index == 1


# ----------------------------------------------------------------------------- opening


async def test_open_missing_file_keeps_the_article(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(4)
        await pilot.pause()
        before = view.visible_range()
        missing = tmp_path / "no-such-story.txt"
        await open_via_dialog(pilot, str(missing))
        assert not isinstance(app.screen, OpenScreen)
        errors = rec.messages("error")
        assert len(errors) == 1
        assert "No such file" in errors[0]
        assert "no-such-story.txt" in errors[0]
        assert app.is_running
        assert view.article is long_article
        assert view.visible_range() == before
        assert label(app, "status-title") == long_article.title
        assert position(app).startswith(f"Page 5/{view.page_count}")
        assert_pages_drawn(view)


async def test_open_dialog_escape_and_blank_do_nothing(
    make_app: MakeApp, long_article: Article
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        assert "Open a file or URL" in "\n".join(screen_rows(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, OpenScreen)
        await open_via_dialog(pilot, "   ")
        assert not isinstance(app.screen, OpenScreen)
        assert rec.notes == []
        assert app.view.article is long_article


async def test_open_file_replaces_the_article(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    story = tmp_path / "ferry.txt"
    story.write_text(SECOND_STORY, encoding="utf-8")
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(4)
        await pilot.press("slash", *"Varrow", "enter")
        await pilot.pause()
        assert found(app).spans
        await open_via_dialog(pilot, str(story))
        assert rec.messages("error") == []
        article = view.article
        assert article is not None
        assert article is not long_article
        assert article.title == "Ferry Timetable Redrawn as Tessel Bridge Closes for Repairs"
        assert "Benedikt Ohanian" in article.text
        assert view.page_index == 0
        rows = view_rows(view)
        assert rows[0].strip() == article.title
        assert "The county will shut the old Tessel bridge" in "\n".join(rows)
        assert label(app, "status-title") == article.title
        assert position(app).startswith("Page 1/1 · 100%")
        assert found(app).spans == []  # the old search does not apply to the new text
        assert label(app, "status-search") == ""


async def test_start_with_a_file(make_app: MakeApp, long_text: tuple[Path, str, list[str]]) -> None:
    path, title, paragraphs = long_text
    app, rec = make_app(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.view
        assert view.article is not None
        assert view.article.title == title
        assert view_rows(view)[0].strip() == title
        assert view.article.text.split() == " ".join(paragraphs).split()
        assert position(app).startswith(f"Page 1/{view.page_count}")
        assert rec.notes == []
        assert app.initial_error is None


async def test_start_with_a_missing_file(make_app: MakeApp, tmp_path: Path) -> None:
    app, rec = make_app(str(tmp_path / "gone.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.view.article is None
        assert not app.view.loading
        assert len(rec.messages("error")) == 1
        assert app.initial_error is not None
        assert "gone.txt" in app.initial_error
        text = "\n".join(view_rows(app.view))
        assert "Could not open it:" in text
        assert label(app, "status-title") == "No article open"
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running
        # The keys still reach the app: focus is not left on a hidden widget.
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


STORY_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Night Trains Return to the Valley Line</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Night Trains Return to the Valley Line</h1>
<p>For the first time in a generation, a sleeper service will run along the valley line this
winter, leaving the coast at ten in the evening and reaching the mountain terminus shortly
after dawn. The operator says tickets for the first month sold out within a day.</p>
<p>The carriages were rebuilt in a workshop near the river, where a team of eleven fitters
stripped the old compartments back to bare steel and fitted new berths, reading lamps and
small washbasins. The work took two years, longer than planned, because spare parts for the
bogies had to be machined from drawings found in a cupboard.</p>
<p>Station staff at the smaller halts have been asked to keep waiting rooms open overnight.
At Orlen Halt the volunteers who look after the flower beds have offered to run a tea urn
for passengers who step down in the dark to stretch their legs.</p>
<p>Not everyone is convinced the service will last. A previous attempt, launched with a
brass band and a ribbon, ran for a single season before it was withdrawn for lack of
passengers and a shortage of drivers willing to work through the night.</p>
</article>
<footer>Copyright the Valley Courier</footer>
</body></html>
"""


async def test_open_url_from_local_server(
    make_app: MakeApp, long_article: Article, http_server: tuple[str, dict[str, Any]]
) -> None:
    base, pages = http_server
    pages["/trains.html"] = ("text/html; charset=utf-8", STORY_HTML.encode("utf-8"))
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_via_dialog(pilot, f"{base}/trains.html")
        assert rec.messages("error") == []
        article = app.view.article
        assert article is not None
        assert article is not long_article
        assert article.title == "Night Trains Return to the Valley Line"
        assert "Orlen Halt" in article.text
        assert "Home" not in article.text.split()
        rows = view_rows(app.view)
        assert rows[0].strip() == article.title
        assert "sleeper service" in " ".join(" ".join(rows).split())
        assert label(app, "status-title") == article.title


async def test_start_with_url(make_app: MakeApp, http_server: tuple[str, dict[str, Any]]) -> None:
    base, pages = http_server
    pages["/trains.html"] = ("text/html; charset=utf-8", STORY_HTML.encode("utf-8"))
    app, rec = make_app(f"{base}/trains.html")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.view.article is not None
        assert app.view.article.title == "Night Trains Return to the Valley Line"
        assert rec.messages("error") == []
        assert app.initial_error is None


async def test_open_url_not_found(
    make_app: MakeApp, long_article: Article, http_server: tuple[str, dict[str, Any]]
) -> None:
    base, _ = http_server
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_via_dialog(pilot, f"{base}/missing.html")
        errors = rec.messages("error")
        assert len(errors) == 1
        assert "404" in errors[0]
        assert "\n" not in errors[0]
        assert app.view.article is long_article


async def test_open_refused_url(make_app: MakeApp, long_article: Article, refused_url: str) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.view.go_to_page(2)
        await open_via_dialog(pilot, refused_url)
        errors = rec.messages("error")
        assert len(errors) == 1
        assert "\n" not in errors[0]
        assert "Traceback" not in errors[0]
        assert app.is_running
        assert app.view.article is long_article
        assert app.view.page_index == 2
        assert label(app, "status-title") == long_article.title
        await pilot.press("space")
        await pilot.pause()
        assert app.view.page_index == 3


# ----------------------------------------------------------------------------- hostile text


HOSTILE = (
    "Alert: [bold red]markup[/] and \x1b[31mred\x1b[0m ink, [link=https://x.test]a link[/link]."
)
SECOND = "Second [/] paragraph with [i]tags[/i] and [@click=quit]x[/]"


async def test_hostile_body_text_is_drawn_literally(make_app: MakeApp) -> None:
    cleaned = normalize_text(HOSTILE)
    assert "\x1b" not in cleaned
    article = Article.from_blocks(
        "hostile.txt",
        "Plain headline",
        [
            (cleaned, "body"),
            ("Second [/] paragraph with [i]tags[/i] and [@click=quit]x[/]", "body"),
        ],
    )
    app, _ = make_app(article=article)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert app.is_running
        text = "\n".join(view_rows(app.view))
        assert "[bold red]markup[/]" in text
        assert "[link=https://x.test]a link[/link]" in text
        assert SECOND in text
        assert "\x1b" not in "".join(screen_rows(app))
        app.run_search("[bold red]")
        await pilot.pause()
        assert found(app).spans == expected_matches(article.text, "[bold red]")
        assert len(found(app).spans) == 1


async def test_hostile_file_is_drawn_literally(make_app: MakeApp, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes(
        b"Plain Headline For A Hostile File\n\n"
        b"Before \x1b[31mred\x1b[0m after, \x1b]0;pwned\x07 a [bold]fake tag[/bold] and [/] too.\n"
    )
    app, rec = make_app(str(hostile))
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert rec.messages("error") == []
        article = app.view.article
        assert article is not None
        assert "\x1b" not in article.text
        assert "pwned" not in article.text
        shown = "\n".join(screen_rows(app))
        assert "[bold]fake tag[/bold] and [/] too." in shown
        assert "\x1b" not in shown


@pytest.mark.parametrize("title", ["[b]Loud[/b] headline", "Prices [/] rise"])
async def test_hostile_title_is_shown_literally(make_app: MakeApp, title: str) -> None:
    article = Article.from_blocks("t.txt", title, [("Body text here.", "body")])
    app, _ = make_app(article=article)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert view_rows(app.view)[0].strip() == title
        assert title in screen_rows(app)[-1]


async def test_search_for_markup_characters(make_app: MakeApp) -> None:
    article = Article.from_blocks("t.txt", "Plain", [("A [/] bracket and [b] tag.", "body")])
    app, _ = make_app(article=article)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"[/]", "enter")
        await pilot.pause()
        assert found(app).spans == [(2, 5)]
        assert "“[/]” 1/1" in screen_rows(app)[-1]


async def test_error_with_markup_characters_is_shown(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        await open_via_dialog(pilot, f"{tmp_path}/[/]/story.txt")
        assert app.is_running
        assert len(rec.messages("error")) == 1
        assert "[/]/story.txt" in "\n".join(screen_rows(app))


# ----------------------------------------------------------------------------- quitting


@pytest.mark.parametrize("with_article", [True, False])
async def test_q_quits(make_app: MakeApp, long_article: Article, with_article: bool) -> None:
    app, _ = make_app(article=long_article if with_article else None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


# ----------------------------------------------------------------------------- library


async def test_reopening_a_file_resumes_where_reading_stopped(tmp_path: Path) -> None:
    from readerui.ui.app import ReaderApp

    story = tmp_path / "story.txt"
    story.write_text(
        "Resume Test Headline\n\n"
        + "\n\n".join(f"Paragraph {i} of the resume test. " * 6 for i in range(60)),
        encoding="utf-8",
    )
    first = ReaderApp(str(story))
    async with first.run_test(size=(80, 24)) as pilot:
        await first.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(4):
            await pilot.press("space")
        await pilot.pause()
        place = first.view.visible_range()[0]
        assert first.view.page_index == 4
    assert place > 0

    second = ReaderApp(str(story))
    async with second.run_test(size=(80, 24)) as pilot:
        await second.workers.wait_for_complete()
        await pilot.pause()
        start, end = second.view.visible_range()
        assert start <= place < end
        assert second.view.page_index == 4
        await pilot.press("g")
        await pilot.pause(1.0)  # the place is saved shortly after the last page turn

    story.write_text(
        "A Different Headline\n\n"
        + "\n\n".join(f"Changed paragraph {i} of the story. " * 6 for i in range(60)),
        encoding="utf-8",
    )
    third = ReaderApp(str(story))
    async with third.run_test(size=(80, 24)) as pilot:
        await third.workers.wait_for_complete()
        await pilot.pause()
        assert third.view.page_index == 0


async def test_open_dialog_lists_recent_articles(tmp_path: Path) -> None:
    from readerui.ui.app import ReaderApp
    from readerui.ui.screens import OpenScreen

    paths = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Story {name}\n\nBody of story {name}.", encoding="utf-8")
        paths.append(path)
        app = ReaderApp(str(path))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()

    app = ReaderApp(str(paths[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        assert [e.title for e in app.screen.recent] == ["Story two", "Story one"]
        await pilot.press("down", "down", "enter")  # the second entry: "Story one"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.view.article is not None
        assert app.view.article.title == "Story one"


# ----------------------------------------------------------------------------- opening twice


async def test_a_newer_open_wins_over_an_older_one_that_answers_late(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The older load is held at a gate until the newer one is on screen, then let go: its
    late answer must be dropped, whatever the timing."""
    from readerui.core import loading
    from readerui.ui.app import ReaderApp

    real_load_path = loading.load_path
    gate, started = threading.Event(), threading.Event()

    def gated_load_path(path: str, cancel: threading.Event | None = None) -> Article:
        if Path(path).name == "slow.txt":
            started.set()
            assert gate.wait(30)
            return real_load_path(path)  # deaf to cancel: it answers late all the same
        return real_load_path(path, cancel=cancel)

    monkeypatch.setattr(loading, "load_path", gated_load_path)
    slow, small = tmp_path / "slow.txt", tmp_path / "small.txt"
    slow.write_text("Slow Story\n\nIt took its time.", encoding="utf-8")
    small.write_text("Small Story\n\nJust one paragraph here.", encoding="utf-8")
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        loader = app.desk.loader
        answers: list[Any] = []
        answered = loader._answered

        def record(message: Any) -> None:
            answered(message)
            answers.append(message)

        loader._answered = record  # type: ignore[method-assign]
        app.open_source(str(slow))
        await asyncio.to_thread(started.wait, 30)
        app.open_source(str(small))
        await until(pilot, lambda: len(answers) == 1, "the newer file is loaded")
        assert app.view.article is not None
        assert app.view.article.title == "Small Story"
        gate.set()
        await until(pilot, lambda: len(answers) == 2, "the older file answers")
        await pilot.pause()
        assert answers[1].worker.is_cancelled
        assert answers[1].article.title == "Slow Story"
        assert app.view.article.title == "Small Story"
        assert label(app, "status-title") == "Small Story"


# ------------------------------------------------------------------- file names and keymaps


async def test_a_file_name_with_escape_codes_is_shown_inert(tmp_path: Path) -> None:
    from readerui.ui.app import ReaderApp

    path = tmp_path / "x_\x1b[7mINV\x1b[0m_\x1b]0;PWNED\x07.txt"
    path.write_text("No Headline Here Either\n\nBody text of the story.", encoding="utf-8")
    app = ReaderApp(str(path))
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = "\n".join(app.view.render_line(y).text for y in range(5))
        assert "INV" in rows
        assert "\x1b" not in rows
        assert "\x07" not in rows


async def test_unknown_keymap_ids_are_reported(tmp_path: Path) -> None:
    from readerui.ui.app import ReaderApp

    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\nnext_pgae = "j"\n', encoding="utf-8")
    app = ReaderApp(keymap_file=keymap)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Unknown key ids in keymap.toml: next_pgae" in m for m in messages)


async def test_a_key_given_to_two_actions_is_warned_about(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\nnext_page = "j"\nprev_page = "j"\n', encoding="utf-8")
    app, rec = make_app(article=long_article, keymap_file=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        warnings = rec.messages("warning")
        assert warnings == [
            "keymap.toml binds j to both next_page and prev_page: one of them cannot be reached"
        ]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize(
    ("keys", "warning"),
    [
        ('open = "q"', "binds q to both open and quit: one of them cannot be reached; ctrl+q"),
        ('quit = "x"', "binds x to both partial and quit: one of them cannot be reached; ctrl+q"),
    ],
)
async def test_taking_the_quit_key_keeps_ctrl_q(
    make_app: MakeApp, long_article: Article, tmp_path: Path, keys: str, warning: str
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text(f"[keys]\n{keys}\n", encoding="utf-8")
    app, rec = make_app(article=long_article, keymap_file=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(rec.messages("warning")) == 1
        assert warning in rec.messages("warning")[0]
        rows = {description: keys for keys, description in app.key_help()}
        assert rows["Quit"].endswith("^q")  # the help says how to quit
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_help_scrolls_on_a_short_terminal(make_app: MakeApp, long_article: Article) -> None:
    from textual.containers import VerticalScroll

    app, _ = make_app(article=long_article)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.has_focus
        assert body.region.bottom <= 20
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
