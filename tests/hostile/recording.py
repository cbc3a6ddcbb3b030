"""What an app under test said: its notifications, recorded as they are made."""

from __future__ import annotations

from typing import Any

from readerui.ui.app import ReaderApp


def recording(app: ReaderApp) -> list[str]:
    """The list ``app``'s notifications are appended to (they are still shown)."""
    said: list[str] = []
    notify = app.notify

    def record(message: str, **kwargs: Any) -> None:
        said.append(str(message))
        notify(message, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return said
