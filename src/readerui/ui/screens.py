"""Overlays: the key help, the open dialog and the error screen."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


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
            yield Label("escape closes · keys can be remapped in keymap.toml", id="help-footer")

    def action_dismiss_help(self) -> None:
        """Close the help."""
        self.dismiss(None)


class OpenScreen(ModalScreen[str | None]):
    """Ask for a file path or URL to open."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_open")]

    def compose(self) -> ComposeResult:
        """A one-line input with a hint."""
        with Vertical(id="open-dialog"):
            yield Label("Open a file or URL", id="open-title")
            yield Input(placeholder="path/to/article.html or https://…", id="open-input")
            yield Label("enter opens · escape cancels", id="open-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Open what was typed (nothing when blank)."""
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
