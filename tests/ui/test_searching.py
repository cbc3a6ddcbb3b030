"""Search in the reader: phrases across line wraps and paragraph breaks, n/N, the status
line's badge, markup characters."""

from __future__ import annotations

import itertools
from typing import Any

from tests.ui.helpers import (
    SIZE,
    MakeApp,
    expected_matches,
    found,
    label,
    row_styles,
    screen_rows,
    settle,
    shows,
)
from textual.pilot import Pilot
from textual.widgets import Input

from readerui.core.models import Article
from readerui.ui.page_view import PageView

# ----------------------------------------------------------------------- search


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


async def test_search_for_markup_characters(make_app: MakeApp) -> None:
    article = Article.from_blocks("t.txt", "Plain", [("A [/] bracket and [b] tag.", "body")])
    app, _ = make_app(article=article)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"[/]", "enter")
        await pilot.pause()
        assert found(app).spans == [(2, 5)]
        assert "“[/]” 1/1" in screen_rows(app)[-1]


async def test_the_search_says_when_it_wraps_round(
    make_app: MakeApp, long_article: Article
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kiln", "enter")
        await settle(pilot)
        count = len(found(app).spans)
        assert count > 1
        for _ in range(count - 1):
            await pilot.press("n")
        assert found(app).index == count - 1
        assert not any("Wrapped" in m for m in rec.messages())
        await pilot.press("n")
        await pilot.pause()
        assert found(app).index == 0
        assert rec.messages()[-1] == "Wrapped round to the first match"
        await pilot.press("N")
        await pilot.pause()
        assert rec.messages()[-1] == "Wrapped round to the last match"
