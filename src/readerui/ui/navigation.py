"""What the reader has picked in the text, and what ``n``/``N`` step through.

Plain objects, no Textual: :class:`SpanCursor` walks sorted spans of the article text (the
matches of a search, the mentions of a person) and :class:`Selection` holds the search, the
chosen person and quote, and decides which cursor the step keys follow.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from readerui.core.models import Person, Quote

Span = tuple[int, int]
"""``(start, end)`` character offsets into the article text."""


class SpanCursor:
    """Sorted spans of the article text and which one is current (``index``; -1: none)."""

    def __init__(self, spans: Sequence[Span] = (), label: str = "") -> None:
        self.spans: list[Span] = sorted(spans)
        """The spans, in text order."""
        self.label = label
        """What the spans are of: the query searched, the person's name."""
        self.index = -1
        """Which span is current (-1: none yet)."""
        self._starts = [start for start, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    @property
    def current(self) -> Span | None:
        """The current span, if any."""
        return self.spans[self.index] if 0 <= self.index < len(self.spans) else None

    def seek(self, offset: int) -> Span | None:
        """Make the first span starting at or after ``offset`` current (else the first)."""
        if not self.spans:
            return None
        index = bisect.bisect_left(self._starts, offset)
        self.index = index if index < len(self.spans) else 0
        return self.spans[self.index]

    def step(self, forward: bool) -> Span | None:
        """Move to the next (or previous) span, wrapping round at either end."""
        if not self.spans:
            return None
        self.index = (self.index + (1 if forward else -1)) % len(self.spans)
        return self.spans[self.index]

    def beyond(self, visible: Span, forward: bool) -> int | None:
        """Start of the first span after the ``visible`` range (or the last one before it).

        None when there is none: stepping by pages does not wrap round.
        """
        start, end = visible
        if forward:
            index = bisect.bisect_left(self._starts, end)
            return self._starts[index] if index < len(self._starts) else None
        index = bisect.bisect_left(self._starts, start)
        return self._starts[index - 1] if index > 0 else None

    def within(self, visible: Span) -> range:
        """Indices of the spans that start inside the ``visible`` range."""
        start, end = visible
        return range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end))


class Selection:
    """The search, the chosen person and quote; which of search and mentions n/N follow.

    The one chosen last wins: a search run after choosing a person takes n/N, choosing a
    person takes them back, and clearing either hands them to the other.
    """

    def __init__(self) -> None:
        self.query = ""
        """The last search typed (kept after the search is cleared, to edit it again)."""
        self.search = SpanCursor()
        """The matches of the current search."""
        self.person: Person | None = None
        """The person chosen in the sidebar, whose mentions are highlighted."""
        self.mentions = SpanCursor()
        """The chosen person's mentions."""
        self.quote: Quote | None = None
        """The quote last chosen in the index."""
        self._mentions_first = False

    def set_search(self, query: str, matches: Sequence[Span]) -> None:
        """Record a search and its matches; n/N now step through them."""
        self.query = query
        self.search = SpanCursor(matches, query)
        self._mentions_first = False

    def follow_search(self) -> None:
        """Let n/N step through the matches again (a match was shown)."""
        self._mentions_first = False

    def clear_search(self) -> None:
        """Forget the matches (a chosen person's mentions take n/N back)."""
        self.search = SpanCursor(label=self.query)

    def choose_person(self, person: Person | None) -> None:
        """Choose ``person`` (None: nobody); n/N step through their mentions."""
        self.person = person
        self.mentions = SpanCursor(person.mentions if person else (), person.name if person else "")
        self._mentions_first = person is not None

    @property
    def stepping(self) -> SpanCursor | None:
        """The cursor n/N step through: the one chosen last that has spans, or None."""
        if self._mentions_first and self.mentions:
            return self.mentions
        if self.search:
            return self.search
        return self.mentions or None

    def escape_target(self) -> str | None:
        """What escape clears first: ``"search"``, ``"person"``, ``"quote"``, or None."""
        stepping = self.stepping
        if stepping is not None and stepping is self.search:
            return "search"
        if self.person is not None:
            return "person"
        if self.quote is not None:
            return "quote"
        return "search" if self.search else None

    def reset(self) -> None:
        """Forget everything (another article was opened); the last query is kept."""
        self.clear_search()
        self.choose_person(None)
        self.quote = None
