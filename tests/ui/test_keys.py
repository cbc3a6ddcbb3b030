"""The reader's keys: the help, remapping in keymap.toml and its warnings, quitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ui.helpers import (
    SIZE,
    MakeApp,
    screen_rows,
)

from readerui.core.models import Article
from readerui.ui.app import ReaderApp
from readerui.ui.screens import HelpScreen

# ------------------------------------------------------------------------- help


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


# ----------------------------------------------------------------------- keymap


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


async def test_keymap_warning_is_shown_literally(make_app: MakeApp, tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text("keys = 3\n", encoding="utf-8")
    app, _ = make_app(keymap_file=keymap)
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        notes = list(app._notifications)
        assert any("[keys] must be a table" in n.message and not n.markup for n in notes)


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


# --------------------------------------------------------------------- quitting


@pytest.mark.parametrize("with_article", [True, False])
async def test_q_quits(make_app: MakeApp, long_article: Article, with_article: bool) -> None:
    app, _ = make_app(article=long_article if with_article else None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
