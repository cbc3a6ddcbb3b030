"""Who said what across the library (P): people merged over articles, quote search, and a
quote chosen opens its article at that quote."""

from __future__ import annotations

from tests.ui.helpers import MakeApp, settle, shows, until

from readerui.core.analysis import analyze
from readerui.core.loading import load_path
from readerui.data.copies import keep_copy
from readerui.data.library import Library
from readerui.samples import sample_path
from readerui.ui.across_screen import AcrossScreen


def shelve_samples() -> None:
    library = Library()
    for name in ("lighthouse", "harbour"):
        article = load_path(str(sample_path(name)))
        keep_copy(library, article, analyze(article))
    library.close()


async def test_a_person_across_articles_and_a_quote_opened_at_its_place(
    make_app: MakeApp,
) -> None:
    shelve_samples()
    app, _ = make_app(str(sample_path("lighthouse")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        screen = app.screen
        assert isinstance(screen, AcrossScreen)
        await until(pilot, lambda: bool(screen.people), "the library read")
        # The harbour commissioner is in both samples: one person with two articles.
        whitlock = next(p for p in screen.people if p.name == "Dana Whitlock")
        assert len(whitlock.articles) == 2
        screen.people_list.highlighted = screen.people.index(whitlock)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.person is whitlock
        assert screen.shown
        assert {q.speaker for q in screen.shown} == {"Dana Whitlock"}
        assert len({q.key for q in screen.shown}) == 2  # quotes from both articles
        await pilot.press("slash", *"stones")
        await pilot.pause()
        (stones,) = screen.shown
        assert "stones" in stones.text
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, AcrossScreen)
        article = app.view.article
        assert article is not None
        assert article.title == stones.title
        assert shows(app.view, stones.start)
        await until(pilot, lambda: app.marks.selection.quote is not None, "quote highlighted")
        chosen = app.marks.selection.quote
        assert chosen is not None
        assert chosen.start == stones.start


async def test_escape_clears_the_search_then_the_person_then_leaves(make_app: MakeApp) -> None:
    shelve_samples()
    app, _ = make_app(str(sample_path("harbour")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        screen = app.screen
        assert isinstance(screen, AcrossScreen)
        await until(pilot, lambda: bool(screen.people), "the library read")
        everyone = len(screen.shown)
        await pilot.press("enter", "slash", *"wall")
        await pilot.pause()
        assert screen.person is not None
        await pilot.press("escape")
        await pilot.pause()
        assert screen.search_box.value == ""
        await pilot.press("escape")
        await pilot.pause()
        assert screen.person is None
        assert len(screen.shown) == everyone
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AcrossScreen)
