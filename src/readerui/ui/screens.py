"""Overlays: the key help, the open dialog and the error screen."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from readerui.core.sanitize import display_name
from readerui.data.library import Entry
from readerui.ui.completion import PathSuggester
from readerui.ui.naming import source_label


class HelpScreen(ModalScreen[None]):
    """Every key the reader answers to, as bound now (remapped keys included)."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss_help", "Close", id="close_help"),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows
        """``(keys, description)`` pairs to list."""

    def compose(self) -> ComposeResult:
        """A titled, scrollable table of keys."""
        table = Text()
        width = max((cell_len(keys) for keys, _ in self.rows), default=0)
        for i, (keys, description) in enumerate(self.rows):
            if not keys:  # a section heading
                table.append(("\n" if i else "") + description + "\n", style="bold italic")
                continue
            table.append(" " * (width - cell_len(keys)) + keys, style="bold")
            table.append("   ")
            table.append(description + "\n")
        table.rstrip()
        with Vertical(id="help-dialog"):
            yield Label("Keys", id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(table, id="help-table")
            yield Label("esc closes · remap keys in keymap.toml", id="help-footer")

    def on_mount(self) -> None:
        """Fit the list to the terminal and let the arrow keys scroll it."""
        self._fit()
        self.query_one("#help-body").focus()

    def on_resize(self) -> None:
        """Keep the list inside the terminal."""
        self._fit()

    def _fit(self) -> None:
        # Title, footer, border and padding take 7 rows; the keys scroll in what is left.
        self.query_one("#help-body").styles.max_height = max(3, self.size.height - 9)

    def action_dismiss_help(self) -> None:
        """Close the help."""
        self.dismiss(None)


class OpenScreen(ModalScreen[str | Entry | None]):
    """Ask for a file path or URL to open, listing the articles read recently.

    Returns what was typed, or the library's entry of the recent article chosen.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_open")]

    def __init__(self, recent: list[Entry] | None = None) -> None:
        super().__init__()
        self.recent = recent or []
        """Recently opened articles, newest first."""

    def compose(self) -> ComposeResult:
        """A one-line input, the recent articles, a hint."""
        with Vertical(id="open-dialog"):
            yield Label("Open a file or URL", id="open-title")
            yield Input(
                placeholder="path/to/article.html or https://…",
                id="open-input",
                suggester=PathSuggester(),
            )
            if self.recent:
                yield Label("Recent", id="open-recent-title")
                yield OptionList(
                    *(Option(_recent_label(e), id=str(i)) for i, e in enumerate(self.recent)),
                    id="open-recent",
                )
            hint = "enter opens · tab completes · ↓ recent articles · escape cancels"
            if not self.recent:
                hint = "enter opens · tab completes · escape cancels"
            yield Label(hint, id="open-hint")

    def complete(self) -> bool:
        """Tab: take the path suggested in the input; False when there is none."""
        return _complete(self.query_one(Input))

    def on_key(self, event: events.Key) -> None:
        """Down from the input goes to the recent list."""
        if event.key == "down" and self.recent and self.query_one(Input).has_focus:
            event.stop()
            recent = self.query_one("#open-recent", OptionList)
            # Focus now, not on the next idle: a second quick "down" must reach the list.
            self.set_focus(recent)
            if recent.highlighted is None:
                recent.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open a recent article."""
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.recent[int(event.option.id)])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Open what was typed (nothing when blank)."""
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)


def _recent_label(entry: Entry) -> Content:
    """``Title  45% · source`` for the recent list."""
    return Content.assemble(
        (display_name(entry.title), "bold"),
        (f"  {round(entry.progress * 100)}% read", "dim"),
        (f"\n{source_label(entry.source)}", "dim italic"),
    )


class SaveScreen(ModalScreen[str | None]):
    """Ask where to save the article (a Markdown file), prefilled with a suggested path."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_save")]

    def __init__(self, suggested: str) -> None:
        super().__init__()
        self.suggested = suggested
        """The path offered (the title as a file name, in the current folder)."""

    def compose(self) -> ComposeResult:
        """A one-line input and a hint."""
        with Vertical(id="open-dialog"):
            yield Label("Save the article as Markdown", id="open-title")
            yield Input(value=self.suggested, id="save-input", suggester=PathSuggester())
            yield Label("enter saves · tab completes · escape cancels", id="open-hint")

    def complete(self) -> bool:
        """Tab: take the path suggested in the input; False when there is none."""
        return _complete(self.query_one(Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Save where it says (nothing when blank)."""
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


def _complete(box: Input) -> bool:
    if not box.has_focus:
        return False
    before = box.value
    box.cursor_position = len(before)
    box.action_cursor_right()  # at the end of the input, → takes the suggestion
    return box.value != before
