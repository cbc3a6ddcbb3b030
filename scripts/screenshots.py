"""Regenerate the SVG screenshots in ``screenshots/`` from the bundled sample article.

    .venv/bin/python scripts/screenshots.py

Each shot drives the real app headlessly (``App.run_test``) and saves what the terminal shows.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from readerui.samples import sample_path
from readerui.ui.app import ReaderApp

OUT = Path(__file__).resolve().parent.parent / "screenshots"

Steps = Callable[[Pilot[None]], Awaitable[None]]


async def _settle(pilot: Pilot[None]) -> None:
    app = pilot.app
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def shoot(name: str, size: tuple[int, int], steps: Steps | None = None) -> Path:
    """Open the sample at ``size``, run ``steps``, save ``screenshots/NAME.svg``."""
    app = ReaderApp(str(sample_path()))
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        if steps is not None:
            await steps(pilot)
            await _settle(pilot)
        path = OUT / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
    return path


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")


async def _spread(pilot: Pilot[None]) -> None:
    await pilot.press("p", "i")  # close both panels: the text area is then wide enough


async def _person(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await pilot.press("tab", "down", "down", "enter")


async def _quotes(pilot: Pilot[None]) -> None:
    await pilot.press("i")


async def main() -> None:
    """Make every screenshot."""
    OUT.mkdir(exist_ok=True)
    shots = [
        ("first-page", (100, 34), None),
        ("help", (100, 40), _help),
        ("wide-panels", (200, 50), None),
        ("person-selected", (200, 50), _person),
        ("spread", (200, 50), _spread),
        ("narrow-quote-index", (80, 30), _quotes),
    ]
    for name, size, steps in shots:
        print(await shoot(name, size, steps))


if __name__ == "__main__":
    # A user's keymap or reading positions must not change the pictures.
    os.environ["READERUI_CONFIG_DIR"] = tempfile.mkdtemp()
    os.environ["READERUI_DATA_DIR"] = tempfile.mkdtemp()
    asyncio.run(main())
