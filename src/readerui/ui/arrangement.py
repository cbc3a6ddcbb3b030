"""Which panels show at which terminal width: a plain object the app applies to its widgets.

Wide terminals show both panels beside the text, medium ones one at a time, narrow ones let
an open panel cover the text; panels closed because the window became narrow come back when
it is widened again.
"""

from __future__ import annotations

from typing import Literal

WIDE = 160
"""At this many columns or more, both panels are shown beside the text by default."""
NARROW = 100
"""Below this many columns, a panel covers the text instead of squeezing it."""

PanelName = Literal["people", "quotes"]
"""The two panels."""
SizeClass = Literal["", "-wide", "-medium", "-narrow"]
"""The screen classes the stylesheet knows ("" before the first fit)."""


def size_class_for(width: int) -> SizeClass:
    """The size class of a terminal ``width`` columns wide."""
    return "-wide" if width >= WIDE else "-narrow" if width < NARROW else "-medium"


class PanelArrangement:
    """Which of the people panel and the quote index are open, for the terminal's width."""

    def __init__(self) -> None:
        self.size_class: SizeClass = ""
        """The current width's class (set by :meth:`fit`)."""
        self.people = False
        """Whether the people panel is open."""
        self.quotes = False
        """Whether the quote index is open."""
        self._chosen = False
        self._before_narrow: tuple[bool, bool] | None = None

    @property
    def narrow(self) -> bool:
        """Whether an open panel covers the text."""
        return self.size_class == "-narrow"

    @property
    def one_panel_only(self) -> bool:
        """Below WIDE there is room for one panel at most (beside or over the text)."""
        return self.size_class != "-wide"

    @property
    def covering(self) -> bool:
        """Whether a panel covers the text now."""
        return self.narrow and (self.people or self.quotes)

    def is_open(self, which: PanelName) -> bool:
        """Whether panel ``which`` is open."""
        return self.people if which == "people" else self.quotes

    def fit(self, width: int) -> bool:
        """Arrange for a terminal ``width`` columns wide; False when nothing changed."""
        size_class = size_class_for(width)
        if size_class == self.size_class:
            return False
        was_narrow = self.narrow
        self.size_class = size_class
        if not self._chosen:
            self.people = self.quotes = size_class == "-wide"
        elif self.narrow:
            # Beside the text they would squeeze it; reopened, they cover it instead. What
            # was open comes back when the window is widened again.
            self._before_narrow = (self.people, self.quotes)
            self.people = self.quotes = False
        elif was_narrow and self._before_narrow is not None:
            if not (self.people or self.quotes):
                self.people, self.quotes = self._before_narrow
            self._before_narrow = None
        self._one_at_a_time()
        return True

    def prefer(self, people: bool | None, quotes: bool | None) -> None:
        """Start with the panels the reader chose last time (None: as the width decides)."""
        if people is None and quotes is None:
            return
        self._chosen = True
        self.people, self.quotes = bool(people), bool(quotes)
        self.size_class = ""  # the next fit arranges them for the width

    def toggle(self, which: PanelName) -> bool:
        """Open or close panel ``which`` (closing the other if there is room for one only).

        Returns True when it was opened.
        """
        self._chosen = True
        opening = not self.is_open(which)
        other_stays = not (opening and self.one_panel_only)
        if which == "people":
            self.people, self.quotes = opening, self.quotes and other_stays
        else:
            self.quotes, self.people = opening, self.people and other_stays
        return opening

    def uncover(self) -> bool:
        """Close a panel that covers the text; True when one was closed."""
        if not self.covering:
            return False
        self.people = self.quotes = False
        return True

    def _one_at_a_time(self) -> None:
        if self.one_panel_only and self.people and self.quotes:
            self.people = False
