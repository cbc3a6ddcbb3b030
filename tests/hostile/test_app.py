"""The app and a hostile server: no escape code reaches the screen, no password is shown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.hostile.recording import recording
from tests.hostile.server import HostileServer, hostile_server

from readerui.ui.app import ReaderApp

CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


def recording_app(source: str) -> tuple[ReaderApp, list[str]]:
    app = ReaderApp(source)
    return app, recording(app)


async def settle(pilot: Any, app: ReaderApp, done: Any) -> None:
    for _ in range(200):  # at most ~10 s: every wait has a deadline
        await pilot.pause(0.05)
        if done():
            return


async def test_a_server_reason_phrase_reaches_the_screen_inert(server: HostileServer) -> None:
    app, said = recording_app(f"{server.url}/evil-reason")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app, lambda: app.initial_error is not None)
        assert app.initial_error is not None
        assert "\\x1b]0;PWNED" in app.initial_error
        assert said
        for message in said:
            assert not CONTROLS.search(message), repr(message)


async def test_a_password_in_a_url_is_never_shown_or_stored(
    server: HostileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READERUI_DATA_DIR", str(tmp_path))
    secret_url = f"http://reader:hunter2@127.0.0.1:{server.port}/article"
    app, said = recording_app(secret_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app, lambda: app.view.article is not None)
        assert app.view.article is not None
        assert "hunter2" not in app.export_screenshot()
        # Opened again over an open article: the "Opening …" note and status name the URL.
        first = app.view.article
        app.open_source(secret_url)
        await pilot.pause()
        assert "hunter2" not in app.export_screenshot()
        await settle(pilot, app, lambda: app.view.article is not first)
        assert any("Opening" in message for message in said)
        assert "hunter2" not in app.sub_title
        await pilot.press("space")
        await pilot.pause(0.3)
    assert all("hunter2" not in message for message in said)
    stored = b"".join(path.read_bytes() for path in tmp_path.rglob("*") if path.is_file())
    assert stored  # the library was written
    assert b"hunter2" not in stored
