"""The reader's side of the people sidebar and the quote index: arranging, focusing,
selecting a person, jumping to a quote, copying a citation."""

from __future__ import annotations

from textual.events import Resize

from readerui.core.models import Analysis, Article, Person, Quote
from readerui.ui.base import ReaderBase, _is_shown
from readerui.ui.page_view import Highlight
from readerui.ui.panels import ListPanel, PeoplePanel, QuotesPanel

WIDE = 160
"""At this many columns or more, both panels are shown beside the text by default."""
NARROW = 100
"""Below this many columns, a panel covers the text instead of squeezing it."""


class PanelsMixin(ReaderBase):
    """People and quotes panels, and what choosing in them does to the page."""

    def on_resize(self, event: Resize) -> None:
        """Pick the panel arrangement for the terminal's width."""
        self._arrange_for(event.size.width)

    def _arrange_for(self, width: int) -> None:
        size_class = "-wide" if width >= WIDE else "-narrow" if width < NARROW else "-medium"
        if size_class == self._size_class:
            return
        was_narrow = self._size_class == "-narrow"
        self._size_class = size_class
        for name in ("-wide", "-narrow", "-medium"):
            self.screen.set_class(name == size_class, name)
        if not self._panels_chosen:
            self.show_people = self.show_quotes = size_class == "-wide"
        elif size_class == "-narrow":
            # Beside the text they would squeeze it; reopened, they cover it instead. What
            # was open comes back when the window is widened again.
            self._panels_before_narrow = (self.show_people, self.show_quotes)
            self.show_people = self.show_quotes = False
        elif was_narrow and self._panels_before_narrow is not None:
            if not (self.show_people or self.show_quotes):
                self.show_people, self.show_quotes = self._panels_before_narrow
            self._panels_before_narrow = None
        self._apply_panels()

    @property
    def one_panel_only(self) -> bool:
        """Below WIDE there is room for one panel at most (beside or over the text)."""
        return self._size_class != "-wide"

    def _apply_panels(self) -> None:
        narrow = self._size_class == "-narrow"
        if self.one_panel_only and self.show_people and self.show_quotes:
            self.show_people = False
        people, quotes = self.people_panel, self.quotes_panel
        people.set_class(self.show_people, "open")
        quotes.set_class(self.show_quotes, "open")
        covering = narrow and (self.show_people or self.show_quotes)
        self.view.set_class(covering, "covered")
        if self.show_quotes:
            self._refresh_page_numbers()
        if covering:
            (people if self.show_people else quotes).focus_list()
        elif self.focused is None or not _is_shown(self.focused):
            self.view.focus()

    def _uncover_text(self) -> None:
        """On a narrow terminal, close the panel that covers the text (else do nothing)."""
        if self._size_class == "-narrow":
            self.show_people = self.show_quotes = False
            self._apply_panels()

    def action_toggle_people(self) -> None:
        """Open or close the people panel."""
        self._toggle_panel("people")

    def action_toggle_quotes(self) -> None:
        """Open or close the quote index."""
        self._toggle_panel("quotes")

    def _toggle_panel(self, which: str) -> None:
        self._panels_chosen = True
        opening = not (self.show_people if which == "people" else self.show_quotes)
        if which == "people":
            self.show_people = opening
            self.show_quotes = self.show_quotes and not (opening and self.one_panel_only)
        else:
            self.show_quotes = opening
            self.show_people = self.show_people and not (opening and self.one_panel_only)
        self._apply_panels()
        if opening:
            (self.people_panel if which == "people" else self.quotes_panel).focus_list()

    def action_cycle_focus(self, step: int) -> None:
        """Move focus text → people → quotes and round, opening a closed panel on the way."""
        if self._prompt_mode is not None or len(self.screen_stack) > 1:
            # A dialog is open: tab belongs to it, not to the panels behind it.
            if len(self.screen_stack) > 1:
                if step > 0:
                    self.screen.focus_next()
                else:
                    self.screen.focus_previous()
            return
        stops = ["reader", "people", "quotes"]
        focused = self.focused
        current = "reader"
        for name, panel in (("people", self.people_panel), ("quotes", self.quotes_panel)):
            if focused is not None and panel in focused.ancestors_with_self:
                current = name
        target = stops[(stops.index(current) + step) % len(stops)]
        if target == "reader":
            self._uncover_text()
            self.view.focus()
        elif target == "people":
            if not self.show_people:
                self.action_toggle_people()
            self.people_panel.focus_list()
        else:
            if not self.show_quotes:
                self.action_toggle_quotes()
            self.quotes_panel.focus_list()

    def on_list_panel_leave(self, message: ListPanel.Leave) -> None:
        """Escape in a panel: back to the text (closing the panel when it covers it)."""
        self._uncover_text()
        self.view.focus()

    def on_people_panel_selected(self, message: PeoplePanel.Selected) -> None:
        """Highlight a person's mentions, list only their quotes, go to the next mention."""
        self.select_person(message.person)

    def select_person(self, person: Person | None) -> None:
        """Make ``person`` the selection (None clears it)."""
        self.person = person
        quotes = self.quotes_panel
        quotes.speaker = person.name if person else None
        quotes.refill()
        if person is None:
            self.view.set_highlights("mentions", [])
            self.nav = "search"
            self._update_status()
            return
        self.view.set_highlights(
            "mentions", [Highlight(a, b, "pageview--mention") for a, b in person.mentions]
        )
        self.nav = "mentions"
        self._uncover_text()
        start, end = self.view.visible_range()
        if person.mentions and not any(start <= a < end for a, _ in person.mentions):
            following = [a for a, _ in person.mentions if a >= start]
            self.view.go_to_offset(following[0] if following else person.mentions[0][0])
        self.view.focus()
        self._update_status()

    def on_quotes_panel_chosen(self, message: QuotesPanel.Chosen) -> None:
        """Go to the quote's page with the quote highlighted."""
        self.show_quote(message.quote)

    def show_quote(self, quote: Quote) -> None:
        """Highlight ``quote`` and turn to its page."""
        self.quote = quote
        self.view.set_highlights("quote", [Highlight(quote.start, quote.end, "pageview--quote")])
        self.view.go_to_offset(quote.start)
        if self._size_class == "-narrow":
            self._uncover_text()
            self.view.focus()

    def action_copy_quote(self) -> None:
        """Copy a citation of the highlighted (or last chosen) quote to the clipboard."""
        quote = None
        if self.quotes_panel.option_list.has_focus:
            quote = self.quotes_panel.current()
        quote = quote or self.quote
        article = self.view.article
        if quote is None or article is None:
            self.say("Choose a quote in the quote index (i) first", timeout=3)
            return
        citation = citation_for(quote, article, self.analysis)
        self.copy_to_clipboard(citation)
        self.say(f"Copied: {citation[:70]}{'…' if len(citation) > 70 else ''}", timeout=3)

    def action_toggle_partial(self) -> None:
        """Show or hide scare quotes and fragments in the quote index."""
        panel = self.quotes_panel
        panel.show_partial = not panel.show_partial
        panel.refill()
        self.say(
            "Fragments shown (dimmed)" if panel.show_partial else "Fragments hidden", timeout=2
        )

    def _refresh_page_numbers(self) -> None:
        layout = self.view.pages_layout
        if self.analysis is None or layout is None or layout is self._paged_for:
            return
        if not self.show_quotes:
            # Rebuilding a long index (thousands of quotes in a novel) on every resize is
            # wasted work while it is hidden: it is brought up to date when it opens.
            return
        self._paged_for = layout
        self.quotes_panel.page_of = {
            q.start: layout.page_at(q.start) + 1 for q in self.analysis.quotes
        }
        self.quotes_panel.refill()

    def _step_mentions(self, forward: bool) -> None:
        person = self.person
        if person is None or not person.mentions:
            return
        start, end = self.view.visible_range()
        if forward:
            following = [a for a, _ in person.mentions if a >= end]
            if not following:
                self.say(f"No more mentions of {person.name}", timeout=2)
                return
            self.view.go_to_offset(following[0])
        else:
            before = [a for a, _ in person.mentions if a < start]
            if not before:
                self.say(f"No earlier mention of {person.name}", timeout=2)
                return
            self.view.go_to_offset(before[-1])
        self._update_status()


def citation_for(quote: Quote, article: Article, analysis: Analysis | None) -> str:
    """``“…” — Speaker, Title (source)`` for the clipboard."""
    who = quote.speaker or quote.speaker_label or "unattributed"
    if quote.speaker and analysis is not None:
        role = next((p.role for p in analysis.people if p.name == quote.speaker), None)
        if role:
            who = f"{who} ({role})"
    where = article.site or article.source
    title = article.title or article.source
    return f"“{quote.text}” — {who}, {title} ({where})"
