"""The library screen: every article read before, to reopen where reading stopped.

What ``readerui`` with no argument shows (when something was read before) and what ``L``
opens from the reader. One row per article, last read first; typing filters, ``enter`` opens
(the kept copy when the source is a URL or gone), ``d`` removes after a confirmation.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Label

from readerui.core.sanitize import display_name
from readerui.core.sources import is_url
from readerui.data.library import STDIN_KEY, Entry
from readerui.ui.naming import source_label

SITE_WIDTH = 26
"""Most columns the "Site or file" column takes."""


def where_from(entry: Entry) -> str:
    """The site, else the file's name, the URL's host, or "standard input"."""
    if entry.site:
        return display_name(entry.site, 60)
    source = entry.source
    if source.startswith(STDIN_KEY):
        return "standard input"
    if is_url(source):
        return display_name(urlsplit(source).hostname or source, 60)
    label = source_label(source)
    return label if label.startswith("readerui ") else display_name(Path(source).name, 60)


def read_on(entry: Entry, now: float | None = None) -> str:
    """When it was last read: ``today``, ``yesterday`` or the date."""
    day = time.strftime("%Y-%m-%d", time.localtime(entry.opened_at))
    now = time.time() if now is None else now
    if day == time.strftime("%Y-%m-%d", time.localtime(now)):
        return "today"
    if day == time.strftime("%Y-%m-%d", time.localtime(now - 86400)):
        return "yesterday"
    return day


def matches(entry: Entry, query: str) -> bool:
    """Whether every word of ``query`` is in the entry's title, site or source."""
    haystack = f"{entry.title} {entry.site or ''} {entry.source}".casefold()
    return all(word in haystack for word in query.casefold().split())


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; ``y`` or ``enter`` say yes, ``n`` or ``escape`` no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
        """What is asked (from outside: shown literally)."""

    def compose(self) -> ComposeResult:
        """The question and the keys that answer it."""
        with Vertical(id="confirm-dialog"):
            yield Label(self.question, id="confirm-question", markup=False)
            yield Label("y removes · n keeps", id="confirm-hint")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)


class LibraryScreen(Screen[str | None]):
    """Every article in the library; dismissed with the key of the one to open (or None)."""

    BINDINGS = [
        Binding("escape", "back", "Back to the reader", id="library_back"),
        Binding("d,delete", "remove", "Remove from the library", id="library_remove"),
        Binding("slash", "filter", "Filter", id="library_filter"),
        Binding("q", "app.quit", "Quit", id="library_quit"),
    ]

    COMMAND_KEYS = frozenset({"d", "q", "slash", "escape", "enter", "delete"})
    """Keys that are commands in the list rather than letters of the filter."""

    def __init__(
        self, entries: list[Entry], forget: Callable[[str], str | None] | None = None
    ) -> None:
        super().__init__()
        self.entries = entries
        """Every article in the library, last read first."""
        self.shown: list[Entry] = list(entries)
        """The entries the filter lets through, as listed."""
        self._forget = forget

    def compose(self) -> ComposeResult:
        """A title, the filter, the table and the keys."""
        with Vertical(id="library"):
            with Horizontal(id="library-top"):
                yield Label("Library", id="library-title")
                yield Input(
                    placeholder="type to filter", id="library-filter", select_on_focus=False
                )
            table: DataTable[Text] = DataTable(id="library-table", cursor_type="row")
            table.add_column("Title", key="title")
            table.add_column("Site or file", key="site")
            table.add_column("Read", key="read")
            table.add_column("Progress", key="progress")
            table.add_column("People", key="people")
            yield table
            yield Label(
                "enter opens · d removes · type to filter · esc back · q quits",
                id="library-hint",
            )

    @property
    def table(self) -> DataTable[Text]:
        """The list of articles."""
        return self.query_one("#library-table", DataTable)

    @property
    def filter_input(self) -> Input:
        """The filter box."""
        return self.query_one("#library-filter", Input)

    def on_mount(self) -> None:
        """Fill the table and focus it."""
        self.refill()
        self.set_focus(self.table)

    def refill(self) -> None:
        """List the entries that match the filter."""
        query = self.filter_input.value
        self.shown = [e for e in self.entries if matches(e, query)]
        table = self.table
        table.clear()
        now = time.time()
        # The title takes the room the other columns leave (each cell has 2 of padding).
        title_width = max(16, self.size.width - 2 - SITE_WIDTH - 11 - 8 - 6 - 10)
        for entry in self.shown:
            title = Text(display_name(entry.title, 200), style="bold")
            title.truncate(title_width, overflow="ellipsis")
            site = Text(where_from(entry))
            site.truncate(SITE_WIDTH, overflow="ellipsis")
            table.add_row(
                title,
                site,
                Text(read_on(entry, now)),
                Text(f"{round(entry.progress * 100)}%", justify="right"),
                Text(str(entry.people) if entry.people else "–", justify="right"),
                key=entry.source,
            )
        count = len(self.entries)
        heading = f"Library · {count} article{'s' * (count != 1)}"
        if query:
            heading += f" · {len(self.shown)} shown"
        self.query_one("#library-title", Label).update(heading)

    def on_resize(self) -> None:
        """Fit the titles to the new width."""
        if self.is_mounted:
            self.refill()

    def current(self) -> Entry | None:
        """The entry under the cursor."""
        row = self.table.cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def on_key(self, event: events.Key) -> None:
        """Letters typed in the list start filtering; down from the filter goes to the list."""
        table, box = self.table, self.filter_input
        if table.has_focus and event.key not in self.COMMAND_KEYS and event.is_printable:
            if event.character and event.character.strip():
                event.stop()
                event.prevent_default()
                box.value += event.character
                box.cursor_position = len(box.value)
                self.set_focus(box)
        elif box.has_focus and event.key == "down":
            event.stop()
            self.set_focus(table)

    @on(Input.Changed, "#library-filter")
    def _filtered(self) -> None:
        self.refill()

    @on(Input.Submitted, "#library-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        if len(self.shown) == 1:
            self.dismiss(self.shown[0].source)
        else:
            self.set_focus(self.table)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entry = self.current()
        if entry is not None:
            self.dismiss(entry.source)

    def action_filter(self) -> None:
        """Focus the filter."""
        self.set_focus(self.filter_input)

    def action_back(self) -> None:
        """Clear the filter, else go back to the reader."""
        if self.filter_input.value:
            self.filter_input.value = ""
            self.set_focus(self.table)
        else:
            self.dismiss(None)

    def action_remove(self) -> None:
        """Ask, then remove the entry under the cursor from the library."""
        entry = self.current()
        if entry is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_entry(entry)

        title = display_name(entry.title, 80)
        self.app.push_screen(ConfirmScreen(f"Remove “{title}” from the library?"), answered)

    def remove_entry(self, entry: Entry) -> None:
        """Forget ``entry`` (its place and its kept copy) and list the rest."""
        forget = self._forget
        error = forget(entry.source) if forget is not None else None
        if error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.entries = [e for e in self.entries if e.source != entry.source]
        self.refill()
        self.notify(f"Removed {display_name(entry.title, 80)}", timeout=3, markup=False)
