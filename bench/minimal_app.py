"""The floor for bench_reader.py: the least a Textual app can do to show a file and page it.

    python bench/minimal_app.py FILE

Reads the file, shows the first screenful of its lines in a Static, and shows the next
screenful on space. No wrapping beyond what Static does, no analysis, no library: whatever
readerui spends above this is readerui's own cost.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static


class Pager(App[None]):
    """Show ``lines`` a screenful at a time."""

    BINDINGS = [("space", "next", "next page"), ("q", "quit", "quit")]

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines
        self.top = 0

    def compose(self) -> ComposeResult:
        yield Static(id="page", markup=False)

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        height = max(1, self.size.height)
        self.query_one("#page", Static).update("\n".join(self.lines[self.top : self.top + height]))

    def action_next(self) -> None:
        self.top += max(1, self.size.height)
        self.show()


def main() -> None:
    text = Path(sys.argv[1]).read_text(encoding="utf-8", errors="replace")
    Pager(text.splitlines()).run()


if __name__ == "__main__":
    main()
