"""The status line: title, search or mention badge, place in the text.

:class:`StatusLine` is driven by three reactive fields; the functions below say what goes in
them, from the reading view and the selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from readerui.core.sanitize import display_name, display_source
from readerui.data.library import shown_title
from readerui.ui.navigation import Span, SpanCursor
from readerui.ui.page_view import PageView

if TYPE_CHECKING:
    from readerui.ui.desk import ReadingDesk


class StatusLine(Horizontal):
    """One line at the bottom: what is open, the search or mentions, where the reader is."""

    title = reactive("")
    """What is open (or being loaded)."""
    badge = reactive("")
    """The search and its current match, or the chosen person's mentions on screen."""
    place = reactive("")
    """Page, percentage and reading time left (or "Laying out…")."""
    hint = reactive("")
    """The few keys a newcomer needs; shown only while the badge is empty."""

    def compose(self) -> ComposeResult:
        """Three labels; titles, queries and paths come from outside: never markup."""
        yield Label("", id="status-title", markup=False)
        yield Label("", id="status-search", markup=False)
        yield Label("", id="status-hint", markup=False)
        yield Label("", id="status-position", markup=False)

    def watch_title(self, value: str) -> None:
        """Show the title."""
        self._show("#status-title", value)

    def watch_badge(self, value: str) -> None:
        """Show the badge (the key hint yields to it)."""
        self._show("#status-search", value)
        self.watch_hint(self.hint)

    def watch_hint(self, value: str) -> None:
        """Show the key hint, unless a search or a person's mentions are shown."""
        shown = "" if self.badge else value
        self._show("#status-hint", shown)
        if self.is_mounted:
            self.query_one("#status-hint", Label).display = bool(shown)

    def watch_place(self, value: str) -> None:
        """Show the place."""
        self._show("#status-position", value)

    def _show(self, selector: str, value: str) -> None:
        if self.is_mounted:
            self.query_one(selector, Label).update(value)

    def follow(self, desk: ReadingDesk, hint: str) -> str:
        """Show what is on ``desk`` now (what is loading, the title, the marks, the place)
        and the key ``hint``; returns the title shown ("" when none)."""
        article = desk.view.article
        pending = desk.loader.pending
        shown = ""
        if pending:
            self.title = f"Loading {display_source(pending)}…"
        elif article is None:
            self.title = "No article open"
        else:
            shown = display_name(shown_title(article.title, article.source, article.text))
            progress = desk.analysis_progress
            analysing = "" if progress is None else f" · people and quotes {round(progress * 100)}%"
            self.title = shown + analysing
        self.badge = desk.marks.badge()
        self.hint = hint
        self.place = place_text(desk.view)
        return shown

    def on_mount(self) -> None:
        """Show what was set before the labels existed."""
        self.watch_title(self.title)
        self.watch_badge(self.badge)
        self.watch_hint(self.hint)
        self.watch_place(self.place)


def place_text(view: PageView) -> str:
    """``Page 3/12 · 25% · 4 min left`` for the view ("" with no article)."""
    if view.article is None:
        return ""
    if not view.page_count:
        return "Laying out…"
    first = view.page_index + 1
    shown = min(view.columns, view.page_count - view.page_index)
    pages = f"{first}" if shown == 1 else f"{first}–{first + shown - 1}"
    # Until a long text is laid out to its end, the page count is an estimate.
    total = f"{view.page_count}" if view.complete else f"≈{view.estimated_page_count:,}"
    left = view.minutes_left
    time_left = duration(left) + " left" if left else "end"
    return f"Page {pages}/{total} · {round(view.progress * 100)}% · {time_left}"


def search_badge(matches: SpanCursor, limit: int) -> str:
    """``“query” 2/14`` (``14+`` when the search stopped at ``limit`` matches)."""
    if not matches:
        return ""
    count = f"{len(matches)}" + ("+" if len(matches) >= limit else "")
    return f"“{matches.label}” {matches.index + 1}/{count}"


def mention_badge(mentions: SpanCursor, visible: Span) -> str:
    """``Name: mention 3 of 9`` for the mentions on screen (or how many there are)."""
    if not mentions:
        return ""
    here = mentions.within(visible)
    total = len(mentions)
    if len(here) > 1:
        return f"{mentions.label}: mentions {here[0] + 1}–{here[-1] + 1} of {total}"
    if here:
        return f"{mentions.label}: mention {here[0] + 1} of {total}"
    return f"{mentions.label}: {total} mentions"


def duration(minutes: int) -> str:
    """``95`` -> ``"1 h 35 min"``; short spans stay in minutes."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min"
