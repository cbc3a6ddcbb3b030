"""What the empty reading view says: the keys a newcomer needs, and what was read lately."""

from __future__ import annotations

from readerui.core.sanitize import display_name
from readerui.data.library import Entry

WELCOME_KEYS = [
    ("o", "open a file or URL (recent ones are listed there)"),
    ("L", "the library: everything you read before"),
    ("?", "every key"),
    ("q", "quit"),
]
"""The keys the empty view lists, as a two-column table."""


def aligned(lines: list[str]) -> list[str]:
    """``lines`` padded to one width, so that centred as a block they stay left-aligned."""
    width = max((len(line) for line in lines), default=0)
    return [line.ljust(width) for line in lines]


WELCOME = aligned(
    [
        "readerui",
        "",
        *(f"{key}   {what}" for key, what in WELCOME_KEYS),
        "",
        "try:  readerui --sample",
    ]
)
"""What the empty view says before anything is opened."""


def welcome_lines(recent: list[Entry]) -> list[str]:
    """The welcome with the articles read lately under it, as one aligned block."""
    lines = [f"{round(e.progress * 100):>3}%  {display_name(e.title)[:60]}" for e in recent]
    return aligned([*WELCOME, "", "Recently read (o lists them, L is the library):", *lines])
