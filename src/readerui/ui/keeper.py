"""Keeping the reader's place, as a part of the app with no looks.

:class:`PlaceKeeper` opens the library, looks up where an article was left, and saves the
place a moment after the pages stop turning, in thread workers (SQLite may wait on a lock).
The bookkeeping itself is :class:`~readerui.data.library.ReadingPlaces`.
"""

from __future__ import annotations

from textual import work
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from readerui.core.errors import describe
from readerui.core.models import Analysis, Article
from readerui.data.library import Entry, Library, Place, ReadingPlaces, is_busy
from readerui.ui import tasks
from readerui.ui.messages import LibraryOpened
from readerui.ui.page_view import PageView

SAVE_DELAY = 0.8
"""Seconds after the last page turn before the place is saved."""


class PlaceKeeper(Widget):
    """Where reading stopped, for the article in ``view`` (never displayed).

    Posts :class:`~readerui.ui.messages.PlaceFound` when a place is found late (the library
    was busy), :class:`~readerui.ui.messages.LibraryOpened` when a library busy at start
    could be opened after all, and :class:`~readerui.ui.messages.Said` for a failed save
    (once per kind of failure).
    """

    DEFAULT_CSS = "PlaceKeeper { display: none; }"

    def __init__(self, view: PageView, library: Library | None = None) -> None:
        super().__init__()
        self.view = view
        """The reading view whose place is kept."""
        self.places = ReadingPlaces(library)
        """The bookkeeping (and the library, once open)."""
        self._timer: Timer | None = None
        self._opened_here = False
        self._copy: tuple[Article, Analysis | None] | None = None

    def open_library(self) -> str | None:
        """Open the default library unless one was given; a line to say when it cannot be.

        A library held by another program is waited for in the background instead.
        """
        if self.places.library is not None:
            return None
        try:
            self.places.library = Library()
            self._opened_here = True
        except Exception as exc:  # a broken data folder must not stop the reader
            if not is_busy(exc):
                return f"Reading positions will not be kept: {describe(exc)}"
            self._reopen_library()
        return None

    @work(thread=True, exclusive=True, group="library")
    def _reopen_library(self) -> None:
        message = tasks.reopen_library(get_current_worker().cancelled_event)
        if message is not None:
            self.post_message(message)

    def on_library_opened(self, message: LibraryOpened) -> None:
        """Use the library from now on (the app hears of it too)."""
        self.places.library = message.library
        self._opened_here = True

    def close_library(self) -> None:
        """Close the library this keeper opened (on the way out, after the last save).

        Closing lets SQLite fold its write-ahead log into the file and remove it; a worker
        still writing a copy finishes first (the library serialises its calls).
        """
        library = self.places.library
        if library is not None and self._opened_here:
            self.places.library = None
            library.close()

    def recent(self, limit: int = 20) -> list[Entry]:
        """The articles read lately, newest first."""
        return self.places.recent(limit)

    def resume(self, article: Article) -> int | None:
        """Where reading of ``article`` stopped; looked up in the background when busy."""
        try:
            return self.places.resume(article.source, article.text)
        except Exception:  # busy: another readerui is writing; look again in the background
            self.find_place(article)
            return None

    # A description, or Textual describes the worker by repr() of its arguments: a whole
    # book, turned into a string on the UI thread.
    @work(thread=True, exclusive=True, group="place", description="find place")
    def find_place(self, article: Article) -> None:
        """Look up ``article``'s place, waiting while the library is busy."""
        message = tasks.find_place(self.places, article, get_current_worker().cancelled_event)
        if message is not None:
            self.post_message(message)

    @work(thread=True, group="copy", description="keep copy")
    def keep(self, article: Article, analysis: Analysis | None = None) -> None:
        """Keep an offline copy of ``article`` (with its analysis) in the library."""
        library = self.places.library
        if library is not None and not get_current_worker().is_cancelled:
            tasks.keep(library, article, analysis)

    def entries(self) -> list[Entry]:
        """Every article in the library, last read first."""
        return self.places.recent(None)

    def forget(self, key: str) -> str | None:
        """Remove an article (and its copy) from the library; a line to say when it fails."""
        library = self.places.library
        if library is None:
            return "The library is not open"
        try:
            library.forget(key)
        except Exception as exc:
            return f"Could not remove it: {describe(exc)}"
        return None

    def keep_when_still(self, article: Article, analysis: Analysis | None = None) -> None:
        """Keep an offline copy of ``article`` with the place, once the pages stop turning
        (see :meth:`moved`): writing a book's copy while they turn would slow them."""
        self._copy = (article, analysis)
        if self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self.save)

    def moved(self) -> None:
        """The pages turned: save the place once they stop, not on every turn."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.save)

    def _place(self) -> Place | None:
        view, article = self.view, self.view.article
        if article is None or view.pages_layout is None:
            return None
        return self.places.place(article.source, article.title, article.text, view.visible_range())

    def save(self) -> None:
        """Save the place now, in a worker (and the copy waiting to be kept, if any)."""
        self._timer = None
        place = self._place()
        if place is not None:
            self._save(place)
        if self._copy is not None:
            self.keep(*self._copy)
            self._copy = None

    @work(thread=True, exclusive=True, group="save", description="save place")
    def _save(self, place: Place) -> None:
        message = tasks.save_place(self.places, place, get_current_worker().cancelled_event)
        if message is not None:
            self.post_message(message)

    def save_on_exit(self) -> str | None:
        """Save the place at once, without waiting on a busy library; a line to say or None."""
        place = self._place()
        return None if place is None else self.places.save(place, retry=False)
