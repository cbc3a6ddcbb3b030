"""Hostile keymaps: no keymap takes away the way out, none writes to the terminal."""

from __future__ import annotations

import re
from pathlib import Path

from tests.hostile.recording import recording

from readerui.core.models import Article
from readerui.ui.app import ReaderApp

CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def article() -> Article:
    blocks = [
        (f"Paragraph {i} of a story about the ferry and the tide." * 6, "body") for i in range(40)
    ]
    return Article.from_blocks("ferry.txt", "The Ferry", blocks)  # type: ignore[arg-type]


async def test_ctrl_q_quits_whatever_the_keymap_says(tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\nquit = ""\nhelp = "q"\nnext_page = "ctrl+q,j"\n', encoding="utf-8")
    app = ReaderApp(article=article(), keymap_file=keymap)
    said = recording(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("ctrl+q" in line and "next_page" in line for line in said)
        await pilot.press("j")  # the rest of the mapping still applies
        await pilot.pause()
        assert app.view.page_index == 1
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_keymap_ids_are_shown_inert(tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\n"bogus\\u001b]0;X\\u0007" = "x"\n', encoding="utf-8")
    app = ReaderApp(article=article(), keymap_file=keymap)
    said = recording(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    unknown = [line for line in said if "Unknown key ids" in line]
    assert unknown
    assert "bogus\\x1b]0;X\\x07" in unknown[0]
    assert not any(CONTROLS.search(line) for line in said)
