"""The marks on the text: search matches, a person's mentions, the chosen quote.

:class:`Marks` keeps a :class:`~readerui.ui.navigation.Selection` and draws it on the
reading view: it highlights, turns to the page of a match or mention, and steps through
them for n/N. Its methods return a line to tell the reader, or None.
"""

from __future__ import annotations

from readerui.core.models import Person, Quote
from readerui.core.search import find_all
from readerui.ui.navigation import Selection
from readerui.ui.page_view import Highlight, PageView
from readerui.ui.status import mention_badge, search_badge

SEARCH_LIMIT = 100_000
"""Matches found at most (a search for "e" in a novel stops there)."""


class Marks:
    """Search, mentions and the chosen quote, drawn on ``view``."""

    def __init__(self, view: PageView) -> None:
        self.view = view
        """The reading view the marks are drawn on."""
        self.selection = Selection()
        """What is marked."""

    def badge(self) -> str:
        """The status line's badge: the current match, or the mentions on screen."""
        stepping = self.selection.stepping
        if stepping is None:
            return ""
        if stepping is self.selection.mentions:
            return mention_badge(stepping, self.view.visible_range())
        return search_badge(stepping, SEARCH_LIMIT)

    def search(self, query: str) -> str | None:
        """Find every match of ``query``; go to the first one at or after this page."""
        article = self.view.article
        if article is None:
            return None
        matches = find_all(article.text, query, limit=SEARCH_LIMIT) if query else []
        self.selection.set_search(query, matches)
        cursor = self.selection.search
        self.view.set_highlights("search", [Highlight(a, b, "pageview--match") for a, b in matches])
        if not matches:
            self.view.set_highlights("search-current", [])
            self.selection.clear_search()
            return f"Not found: {query}" if query else None
        cursor.seek(self.view.visible_range()[0])
        self._show_match()
        return None

    def _show_match(self) -> None:
        span = self.selection.search.current
        if span is None:
            return
        self.selection.follow_search()
        start, end = span
        self.view.set_highlights(
            "search-current", [Highlight(start, end, "pageview--match-current")]
        )
        self.view.go_to_offset(start)

    def clear_search(self) -> None:
        """Forget the search and its highlights (a chosen person's mentions take n/N)."""
        self.selection.clear_search()
        self.view.set_highlights("search", [])
        self.view.set_highlights("search-current", [])

    def step(self, forward: bool) -> str | None:
        """n/N: the next/previous match (wrapping), or page with a mention of the person."""
        selection = self.selection
        cursor = selection.stepping
        if cursor is None:
            if selection.person is not None:
                return None
            return "No search: press / to find something"
        if cursor is selection.search:
            before = cursor.index
            cursor.step(forward)
            self._show_match()
            if len(cursor.spans) == 1:
                return "The only match"
            if (cursor.index < before) if forward else (cursor.index > before):
                return (
                    "Wrapped round to the first match"
                    if forward
                    else ("Wrapped round to the last match")
                )
            return None
        # Mentions step by page and wrap round like the search, saying so at the wrap.
        offset = cursor.beyond(self.view.visible_range(), forward)
        if offset is None:
            starts = [start for start, _ in cursor.spans]
            if not starts:
                return None
            offset = starts[0] if forward else starts[-1]
            self.view.go_to_offset(offset)
            which = "first" if forward else "last"
            return f"Wrapped round to the {which} mention of {cursor.label}"
        self.view.go_to_offset(offset)
        return None

    def choose_person(self, person: Person | None) -> None:
        """Highlight ``person``'s mentions (None: clear) and show a page that has one."""
        self.selection.choose_person(person)
        mentions = person.mentions if person else []
        self.view.set_highlights(
            "mentions", [Highlight(a, b, "pageview--mention") for a, b in mentions]
        )
        visible = self.view.visible_range()
        cursor = self.selection.mentions
        if cursor and not cursor.within(visible):
            span = cursor.seek(visible[0])
            if span is not None:
                self.view.go_to_offset(span[0])

    def choose_quote(self, quote: Quote | None) -> None:
        """Highlight ``quote`` (None: clear) and turn to its page."""
        self.selection.quote = quote
        if quote is None:
            self.view.set_highlights("quote", [])
            return
        self.view.set_highlights("quote", [Highlight(quote.start, quote.end, "pageview--quote")])
        self.view.go_to_offset(quote.start)

    def forget(self) -> None:
        """Forget every mark: another article is shown (which clears the view's highlights).

        The last query is kept, to edit it again.
        """
        self.selection.reset()
