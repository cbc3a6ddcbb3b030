"""The reader's pages: what the first page shows, turning, every word shown once, resizing
and laying out, going to a page."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from tests.ui.helpers import (
    SIZE,
    MakeApp,
    assert_pages_drawn,
    label,
    position,
    screen_rows,
    settle,
    shows,
    until,
    view_rows,
    visible_words,
    wheel,
)
from textual.widgets import Input

from readerui.core.models import Article
from readerui.ui.app import WELCOME

# --------------------------------------------------------------- the first page


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
        rows = view_rows(app.view)
        assert any("o   open a file or URL" in row for row in rows)
        # The key list is a table: every key in one column, every description in another.
        keyed = [row for row in rows if row.lstrip()[:4] in ("o   ", "?   ", "q   ")]
        assert len(keyed) == 3
        assert len({len(row) - len(row.lstrip()) for row in keyed}) == 1


# ---------------------------------------------------------------- turning pages


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


# -------------------------------------------------------------- every word once


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


# ------------------------------------------------------ resizing and laying out


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
        # The opening part's pages show at once, counted as an estimate till the rest is done.
        view = app.view
        assert view.page_count > 0
        assert not view.complete
        assert position(app).startswith("Page 1/≈")
        assert_pages_drawn(view)
        await settle(pilot)
        assert view.complete
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
    from readerui.ui import pagination as pagination_module

    real_paginate = pagination_module.paginate
    gate, first_started = threading.Event(), threading.Event()
    outcomes: list[str] = []

    def gated_paginate(article: Article, width: int, height: int, **kw: Any) -> Layout:
        # Only the worker's layout of the whole text is held; the opening part's pages are
        # laid out at once on the UI thread.
        first = not first_started.is_set() and article.text == big.text
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

    monkeypatch.setattr(pagination_module, "paginate", gated_paginate)
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


# -------------------------------------------------------------- going to a page


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
