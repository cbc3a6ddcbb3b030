"""The app's dialogs about articles as things to keep: open, the library, save.

:class:`Shelf` is a part of :class:`~readerui.ui.app.ReaderApp` with no looks of its own: it
pushes the Open dialog, the library screen and the Save dialog, does what is chosen in
them, and says what tab does in them, so the app only binds the keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from readerui.core.errors import describe
from readerui.core.sanitize import display_name
from readerui.data.library import STDIN_KEY, Entry
from readerui.data.saved import save_article, suggested_name

if TYPE_CHECKING:
    from readerui.data.across import KeptQuote
    from readerui.ui.app import ReaderApp

# The library screen and the view across the library are imported when first shown: most
# starts open an article and never show them, and their imports are a tenth of the start.


class Shelf:
    """Opening, listing and saving articles for ``app``."""

    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        """The app whose dialogs these are."""

    def tab(self, step: int) -> bool:
        """Tab (``step`` 1) or shift+tab (-1) in a dialog: complete a path there, else move
        the focus; False when no dialog is open (tab then belongs to the panels)."""
        app = self.app
        if len(app.screen_stack) <= 1:
            return False
        screen = app.screen
        complete = getattr(screen, "complete", None)  # a dialog whose tab completes a path
        if step > 0 and callable(complete) and complete():
            return True  # tab completed a path
        screen.focus_next() if step > 0 else screen.focus_previous()
        return True

    def open_kept(self, key: str, at: int | None = None) -> None:
        """Open an article of the library by its key: its kept copy, or its source (at the
        quote that starts at offset ``at``, when given)."""
        self.app.desk.open("-" if key.startswith(STDIN_KEY) else key, key=key, at=at)

    def show_across(self) -> None:
        """Who said what across the library; the quote chosen opens in its article."""
        app = self.app

        def chosen(quote: KeptQuote | None) -> None:
            if quote is not None:
                self.open_kept(quote.key, at=quote.start)

        from readerui.ui.across_screen import AcrossScreen

        app.push_screen(AcrossScreen(app.desk.keeper.places.library), chosen)
        app.keys.await_focus()

    def ask_open(self) -> None:
        """The Open dialog: a path or URL typed, or a recent article chosen."""
        app = self.app

        def opened(choice: str | Entry | None) -> None:
            if isinstance(choice, Entry):
                self.open_kept(choice.source)
            elif choice:
                app.open_source(choice)

        from readerui.ui.screens import OpenScreen  # (dialogs: not before the first page)

        app.push_screen(OpenScreen(app.desk.keeper.recent()), opened)
        app.keys.await_focus()

    def show_library(self) -> None:
        """The library screen; the article chosen there opens."""
        app = self.app

        def chosen(key: str | None) -> None:
            if key:
                self.open_kept(key)
            else:
                app.desk.welcome()

        from readerui.ui.library_screen import LibraryScreen

        keeper = app.desk.keeper
        app.push_screen(LibraryScreen(keeper.entries(), keeper.forget), chosen)
        app.keys.await_focus()

    def ask_save(self) -> None:
        """The Save dialog: the article on screen is written where the reader says."""
        app = self.app
        article = app.view.article
        if article is None:
            app.say("Nothing to save: open an article first (o)", timeout=3)
            return

        def where(path: str | None) -> None:
            if not path:
                return
            try:
                written = save_article(article, Path(path))
            except OSError as exc:
                app.say(f"Could not save it: {describe(exc)}", severity="error")
                return
            app.say(f"Saved to {display_name(str(written))}", timeout=4)

        from readerui.ui.screens import SaveScreen

        app.push_screen(SaveScreen(suggested_name(article)), where)
        app.keys.await_focus()
