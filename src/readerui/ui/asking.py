"""The questions the reader is asked in the prompt line, and what their answers do.

:class:`Asker` is a part of :class:`~readerui.ui.app.ReaderApp` with no looks of its own:
``:`` asks for a page number, ``/`` for a phrase; the prompt takes the status line's row while
it is open, so the pages keep their size and the page number typed means the page seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from readerui.ui.prompt import PromptMode

if TYPE_CHECKING:
    from readerui.ui.app import ReaderApp


class Asker:
    """Asks for a page or a phrase, and goes there or searches once answered."""

    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        """The app whose prompt line this is."""

    def goto(self) -> None:
        """Ask for a page number (of the pages laid out, or about how many there will be)."""
        view = self.app.view
        if view.page_count:
            count = f"{view.page_count}" if view.complete else f"≈{view.estimated_page_count:,}"
            self._ask("goto", f"Go to page (1–{count}), enter to go")

    def search(self) -> None:
        """Ask for a phrase to find, the last one filled in."""
        app = self.app
        if app.view.article is not None:
            query = app.marks.selection.query
            self._ask("search", "Search (enter to find, n/N next/previous)", query)

    def _ask(self, mode: PromptMode, placeholder: str, value: str = "") -> None:
        app = self.app
        app.status.display = False
        app.prompt.ask(mode, placeholder, value)
        app.keys.await_focus(app.prompt)  # keys typed right after ":" or "/" land there

    def close(self) -> bool:
        """Close the prompt when it is open; True when it was."""
        app = self.app
        if app.prompt.mode is None:
            return False
        app.prompt.close()
        self._closed()
        return True

    def _closed(self) -> None:
        self.app.status.display = True
        self.app.view.focus()

    def answered(self, mode: PromptMode, value: str) -> None:
        """Go to the page typed, or search for the phrase (once the whole text is read)."""
        self._closed()
        app = self.app
        if mode == "search":
            if app.desk.preview:
                app.say("Searching as soon as the whole text is read…", timeout=2)
            app.desk.when_read(lambda: app.run_search(value))
            return
        if not value:
            return
        try:
            number = int(value)
        except ValueError:
            app.say(f"Not a page number: {value}", severity="error")
            return
        view = app.view
        if number < 1 or (view.complete and number > view.page_count):
            app.say(f"There are pages 1 to {view.page_count}", severity="warning")
        # A page past the part laid out is shown once the whole text is laid out.
        app.desk.when_read(lambda: view.go_to_page(max(0, number - 1)))
