"""Tab completion of file paths in the Open and Save dialogs (a Textual ``Suggester``).

Textual's suggesters complete from a fixed list; paths need the folder typed so far read
from disk, so this one lists it (at most :data:`MAX_ENTRIES` names, so a huge folder cannot
stall typing) and suggests the first name that continues what was typed.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

from readerui.core.sources import is_url

MAX_ENTRIES = 2000
"""Most names read from one folder for a suggestion."""


def complete_path(value: str) -> str | None:
    """``value`` completed to the first file or folder (``/`` after a folder) it starts, or
    None (nothing matches, a URL, an unreadable folder)."""
    if not value or is_url(value) or value.startswith(("http:", "https:")):
        return None
    folder_part, _, prefix = value.rpartition("/")
    folder = Path(os.path.expanduser(folder_part + "/" if folder_part or value[0] == "/" else "."))
    names: list[tuple[str, bool]] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_ENTRIES:
                    break
                if entry.name.startswith(prefix) and (prefix or not entry.name.startswith(".")):
                    names.append((entry.name, entry.is_dir()))
    except OSError:
        return None
    if not names:
        return None
    name, is_dir = sorted(names)[0]
    head = value[: len(value) - len(prefix)]
    completed = head + name + ("/" if is_dir else "")
    return completed if completed != value else None


class PathSuggester(Suggester):
    """Suggests the rest of a path as it is typed (accepted with tab or →)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        """The first path that continues ``value``."""
        return complete_path(value)
