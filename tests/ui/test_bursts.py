"""Keys typed in a burst (a paste, fast typing over a slow link) land where they were meant:
every key after one that opens a prompt, a dialog or a panel goes there, in order."""

from __future__ import annotations

from typing import Any

from tests.ui.helpers import SIZE, MakeApp, found, settle
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from readerui.core.models import Article
from readerui.ui.screens import OpenScreen


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Send every key to the app at once, before any is handled (as a paste would)."""
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for key in keys:
        character = key if len(key) == 1 else {"space": " ", "slash": "/", "colon": ":"}.get(key)
        event = events.Key(key, character)
        event.set_sender(app)
        driver.send_message(event)
    await settle(pilot)
    for _ in range(10):
        await pilot.pause()


async def test_search_typed_in_a_burst(make_app: MakeApp, long_article: Article) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "slash", *"pool", "enter")
        assert not app.people_panel.has_class("open")
        assert not isinstance(app.screen, OpenScreen)
        assert app.marks.selection.query == "pool"
        assert found(app).spans


async def test_page_number_typed_in_a_burst(make_app: MakeApp, long_article: Article) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "colon", "3", "enter")
        assert app.view.page_index == 2


async def test_open_dialog_takes_the_keys_typed_after_o(
    make_app: MakeApp, long_article: Article
) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "o", *"pinedo")
        assert isinstance(app.screen, OpenScreen)
        assert app.screen.query_one("#open-input", Input).value == "pinedo"
        assert not app.people_panel.has_class("open")


async def test_panel_filter_takes_the_letters_after_p(
    make_app: MakeApp, long_article: Article
) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "p", *"tollo")
        assert app.people_panel.has_class("open")
        assert app.people_panel.filter_input.value == "tollo"
        assert not isinstance(app.screen, OpenScreen)


async def test_q_quits_at_once_while_the_first_load_hangs(make_app: MakeApp) -> None:
    """A server that accepts and never answers: q still ends the app at once."""
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        app, _ = make_app(f"http://127.0.0.1:{server.getsockname()[1]}/story")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.1)
            assert app.desk.loader.pending is not None
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running


async def test_keys_typed_while_the_command_line_loaded_act_once_it_shows(
    make_app: MakeApp, long_article: Article
) -> None:
    app, _ = make_app(article=long_article, typed=":3\rx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(20):
            await pilot.pause()
        assert app.view.page_index == 2
