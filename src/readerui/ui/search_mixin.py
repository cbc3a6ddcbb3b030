"""Search in the reader: find every match, step through them, highlight them."""

from __future__ import annotations

from readerui.core.search import find_all
from readerui.ui.base import SEARCH_LIMIT, ReaderBase
from readerui.ui.page_view import Highlight


class SearchMixin(ReaderBase):
    """``/`` search with ``n``/``N`` (which step through mentions when a person is chosen)."""

    def run_search(self, query: str) -> None:
        """Find every match of ``query`` and go to the first one at or after this page."""
        article = self.view.article
        if article is None:
            return
        self.query_text = query
        self.matches = find_all(article.text, query, limit=SEARCH_LIMIT) if query else []
        if not self.matches:
            self.match_index = -1
            self.view.set_highlights("search", [])
            if query:
                self.say(f"Not found: {query}", severity="warning")
            self._update_status()
            return
        start = self.view.visible_range()[0]
        self.match_index = next((i for i, (a, _) in enumerate(self.matches) if a >= start), 0)
        self.view.set_highlights(
            "search", [Highlight(s, e, "pageview--match") for s, e in self.matches]
        )
        self._show_match()

    def _show_match(self) -> None:
        self.nav = "search"
        a, b = self.matches[self.match_index]
        self.view.set_highlights("search-current", [Highlight(a, b, "pageview--match-current")])
        self.view.go_to_offset(a)
        self._update_status()

    def _clear_search(self) -> None:
        self.matches = []
        self.match_index = -1
        self.view.set_highlights("search", [])
        self.view.set_highlights("search-current", [])
        # With the search gone, a selected person's mentions take over n/N again.
        self.nav = "mentions" if self.person else "search"

    def action_search_next(self) -> None:
        """Go to the next match (wrapping round), or the next page with a mention."""
        if self.nav == "mentions" and self.person is not None:
            self._step_mentions(forward=True)
            return
        if not self.matches:
            self.say("No search: press / to find something", timeout=2)
            return
        self.match_index = (self.match_index + 1) % len(self.matches)
        self._show_match()

    def action_search_prev(self) -> None:
        """Go to the previous match (wrapping round), or the previous page with a mention."""
        if self.nav == "mentions" and self.person is not None:
            self._step_mentions(forward=False)
            return
        if not self.matches:
            self.say("No search: press / to find something", timeout=2)
            return
        self.match_index = (self.match_index - 1) % len(self.matches)
        self._show_match()
