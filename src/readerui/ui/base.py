"""State and helpers shared by every part of the reader app (panels, search, library).

:class:`ReaderBase` holds the app's state and the status line; the mixins in
``panels_mixin``, ``search_mixin`` and ``library_mixin`` add one concern each, and
:class:`readerui.ui.app.ReaderApp` puts them together.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual.app import App
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widgets import Label

from readerui.core.models import Analysis, Article, Person, Quote
from readerui.core.sanitize import display_name, display_source
from readerui.data.library import Library
from readerui.ui.page_view import PageView
from readerui.ui.panels import PeoplePanel, QuotesPanel

WELCOME = [
    "readerui",
    "",
    "o  open a file or URL (recent ones are listed there)",
    "?  every key",
    "q  quit",
    "",
    "try:  readerui --sample",
]
"""What the empty view says before anything is opened."""

SEARCH_LIMIT = 100_000
"""Matches found at most (a search for "e" in a novel stops there)."""


class ReaderBase(App[None]):
    """The reader's state, notifications and status line."""

    def __init__(
        self,
        source: str | None = None,
        *,
        article: Article | None = None,
        keymap_file: Path | None = None,
        library: Library | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        """Where reading positions are kept (opened at start when not given)."""
        self.source = source
        """What to open at start (a path or URL), unless ``article`` is given."""
        self.initial_article = article
        """An article already loaded (stdin), shown at start."""
        self.initial_error: str | None = None
        """Why the article asked for on the command line could not be opened, if it failed."""
        self.keymap_file = keymap_file
        """Keymap to load instead of the user's default one (tests use this)."""
        self.matches: list[tuple[int, int]] = []
        """Offsets of the current search's matches."""
        self.match_index = -1
        """Which match is current (-1: none)."""
        self.query_text = ""
        """The current search."""
        self.analysis: Analysis | None = None
        """People and quotes of the article shown (None while the analysis runs)."""
        self.person: Person | None = None
        """The person selected in the sidebar, whose mentions are highlighted."""
        self.quote: Quote | None = None
        """The quote last chosen in the index."""
        self.nav = "search"
        """What n/N step through: "search" matches or the selected person's "mentions"."""
        self.show_people = False
        """Whether the people panel is open."""
        self.show_quotes = False
        """Whether the quote index is open."""
        self._panels_chosen = False
        self._panels_before_narrow: tuple[bool, bool] | None = None
        self._size_class = ""
        self._prompt_mode: str | None = None
        self._loading_source: str | None = None
        self._paged_for: object = None
        self._saved: tuple[str, int] | None = None
        self._save_timer: Timer | None = None
        self._load_generation = 0
        self._load_cancel: threading.Event | None = None
        self._digest: tuple[int, str] | None = None
        self._view = PageView()

    def say(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None:
        """Notify without reading markup: our messages quote paths, titles and queries."""
        self.notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @property
    def view(self) -> PageView:
        """The reading view (kept by reference: the place is saved after it is unmounted)."""
        return self._view

    @property
    def people_panel(self) -> PeoplePanel:
        """The people sidebar."""
        return self.query_one(PeoplePanel)

    @property
    def quotes_panel(self) -> QuotesPanel:
        """The quote index."""
        return self.query_one(QuotesPanel)

    def _step_mentions(self, forward: bool) -> None:
        """Turn to the next/previous page that mentions the selected person (panels)."""
        raise NotImplementedError

    def _set_status_title(self, text: str) -> None:
        self.query_one("#status-title", Label).update(text)

    def _update_status(self) -> None:
        view = self.view
        article = view.article
        if self._loading_source:
            self._set_status_title(f"Loading {display_source(self._loading_source)}…")
        elif article is None:
            self._set_status_title("No article open")
        else:
            self._set_status_title(article.title or display_name(article.source))
        search = ""
        if self.nav == "mentions" and self.person is not None:
            search = self._mention_badge()
        elif self.matches:
            count = f"{len(self.matches)}" + ("+" if len(self.matches) >= SEARCH_LIMIT else "")
            search = f"“{self.query_text}” {self.match_index + 1}/{count}"
        self.query_one("#status-search", Label).update(search)
        position = ""
        if article is not None and view.laying_out:
            position = "Laying out…"
        elif article is not None and view.pages_layout is not None and view.page_count:
            first = view.page_index + 1
            shown = min(view.columns, view.page_count - view.page_index)
            pages = f"{first}" if shown == 1 else f"{first}–{first + shown - 1}"
            percent = round(view.progress * 100)
            left = view.minutes_left
            time_left = _duration(left) + " left" if left else "end"
            position = f"Page {pages}/{view.page_count} · {percent}% · {time_left}"
        elif article is not None:
            position = "Laying out…"
        self.query_one("#status-position", Label).update(position)

    def _mention_badge(self) -> str:
        person = self.person
        if person is None or not person.mentions:
            return ""
        start, end = self.view.visible_range()
        total = len(person.mentions)
        here = [i for i, (a, _) in enumerate(person.mentions) if start <= a < end]
        if len(here) > 1:
            return f"{person.name}: mentions {here[0] + 1}–{here[-1] + 1} of {total}"
        if here:
            return f"{person.name}: mention {here[0] + 1} of {total}"
        return f"{person.name}: {total} mentions"


def _duration(minutes: int) -> str:
    """``95`` -> ``"1 h 35 min"``; short spans stay in minutes."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min"


def _is_shown(widget: object) -> bool:
    """Whether a widget and all its ancestors are displayed."""
    from textual.widget import Widget

    node = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True
