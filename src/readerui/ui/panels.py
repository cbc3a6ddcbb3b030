"""The people sidebar and the quote index."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from readerui.core.models import Analysis, Person, Quote

_KIND_BADGES = {"byline": "byline", "credit": "photo credit"}


class TypeToFilterList(OptionList):
    """An option list where typing a letter starts filtering (focus moves to the filter)."""

    reserved: frozenset[str] = frozenset()
    """Keys left to the bindings (not typed into the filter)."""

    def on_key(self, event: events.Key) -> None:
        """Send printable characters to the panel's filter input."""
        if event.key in self.reserved:
            return
        if event.key == "slash":
            # "/" filters here as it searches in the text.
            panel = self.parent
            if isinstance(panel, ListPanel):
                event.stop()
                event.prevent_default()
                # Focus at once, not on the next idle: keys typed right after "/" must
                # reach the filter, not the list (where some are commands).
                self.screen.set_focus(panel.filter_input)
            return
        if event.is_printable and event.character and event.character.strip():
            panel = self.parent
            if isinstance(panel, ListPanel):
                event.stop()
                event.prevent_default()
                panel.start_filter(event.character)


class ListPanel(Vertical):
    """A titled panel with a filter input above an option list."""

    BINDINGS = [Binding("escape", "leave", "Back to the text", id="panel_leave", show=False)]

    @dataclass
    class Leave(Message):
        """The user wants to go back to the text."""

        panel: ListPanel
        """The panel left."""

    title = "Panel"
    placeholder = "Filter…"
    hint = "esc back to the text"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.analysis: Analysis | None = None
        """What the panel lists (None while the analysis runs)."""

    # The app's command keys keep their meaning in a list (toggle panels, quit, open, spread,
    # mentions, help); any other letter starts a filter, and "/" always does.
    reserved_keys: frozenset[str] = frozenset(
        {"p", "i", "q", "o", "d", "n", "N", "y", "x", "question_mark"}
    )
    """Keys that keep their binding in the list instead of starting a filter."""

    def compose(self) -> ComposeResult:
        """Title, filter, list."""
        yield Label(self.title, classes="panel-title")
        # No select-on-focus: typing in the list moves here mid-word, and the next key must
        # add to the first one, not replace it.
        yield Input(placeholder=self.placeholder, classes="panel-filter", select_on_focus=False)
        options = TypeToFilterList(classes="panel-list")
        options.reserved = self.reserved_keys
        yield options
        yield Label(self.hint, classes="panel-hint")

    @property
    def filter_input(self) -> Input:
        """The filter box."""
        return self.query_one(".panel-filter", Input)

    @property
    def option_list(self) -> TypeToFilterList:
        """The list."""
        return self.query_one(TypeToFilterList)

    def focus_list(self) -> None:
        """Focus the list with an item highlighted, ready for enter."""
        options = self.option_list
        # At once when the list is already shown ("p" then enter, typed fast, must work);
        # a panel that has only just been opened takes focus on the next refresh instead.
        if self.is_mounted and options.focusable:
            self.screen.set_focus(options)
        options.focus()
        if options.highlighted is None and options.option_count:
            options.highlighted = 0

    def start_filter(self, character: str) -> None:
        """Begin filtering with ``character``."""
        box = self.filter_input
        box.value = box.value + character
        box.cursor_position = len(box.value)
        self.screen.set_focus(box)  # at once: the next key typed must land here too

    @on(Input.Changed, ".panel-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refill()

    @on(Input.Submitted, ".panel-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.option_list
        enabled = [i for i, option in enumerate(options.options) if not option.disabled]
        if len(enabled) == 1:
            # One match left: enter chooses it, no second enter needed.
            options.focus()
            options.highlighted = enabled[0]
            options.action_select()
        elif enabled:
            self.focus_list()

    def on_key(self, event: events.Key) -> None:
        """Down from the filter goes into the list."""
        if event.key == "down" and self.filter_input.has_focus:
            event.stop()
            self.option_list.focus()

    def action_leave(self) -> None:
        """Escape: clear the filter first, then go back to the text."""
        if self.filter_input.value:
            # Refill now (not on the Changed message) so the list has its rows, and a row
            # highlighted, before enter can be pressed.
            with self.filter_input.prevent(Input.Changed):
                self.filter_input.value = ""
            self.refill()
            self.focus_list()
        else:
            self.post_message(self.Leave(self))

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show a new analysis (None: analysing)."""
        self.analysis = analysis
        self.refill()

    def reset(self) -> None:
        """Forget the filter and the list, for a new article."""
        with self.filter_input.prevent(Input.Changed):
            self.filter_input.value = ""
        self.set_analysis(None)

    def refill(self) -> None:
        """Rebuild the list from the analysis, the filter and the panel's own state."""
        raise NotImplementedError


class PeoplePanel(ListPanel):
    """Everyone named in the article, most prominent first, with role and counts."""

    title = "People"
    placeholder = "Type to filter people"
    hint = "/ filter · enter highlight mentions, then n/N · esc back"

    @dataclass
    class Selected(Message):
        """A person was chosen (None: the selection was cleared)."""

        person: Person | None
        """The person."""

    def refill(self) -> None:
        """List the people that match the filter."""
        options = self.option_list
        options.clear_options()
        title = self.query_one(".panel-title", Label)
        if self.analysis is None:
            title.update("People · analysing…")
            return
        needle = self.filter_input.value.strip().casefold()
        people = [p for p in self.analysis.people if _person_matches(p, needle)]
        total = len(self.analysis.people)
        title.update(f"People · {len(people)}" + (f" of {total}" if needle else ""))
        if not people:
            options.add_option(Option(Content.styled("No one found", "dim"), disabled=True))
            return
        options.add_options(_spaced(Option(_person_label(p), id=_person_id(p)) for p in people))

    @on(OptionList.OptionSelected, ".panel-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.analysis is None or event.option.id is None:
            return
        for person in self.analysis.people:
            if _person_id(person) == event.option.id:
                self.post_message(self.Selected(person))
                return


class QuotesPanel(ListPanel):
    """Every quote with its speaker and page; filtered by speaker or by typing."""

    title = "Quotes"
    placeholder = "Type to filter quotes or speakers"
    hint = "/ filter · enter go to quote · y copy · x fragments · esc back"

    @dataclass
    class Chosen(Message):
        """A quote was chosen."""

        quote: Quote
        """The quote."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.speaker: str | None = None
        """Only this person's quotes are listed (None: everyone's)."""
        self.show_partial = True
        """Whether scare quotes and fragments are listed (dimmed)."""
        self.page_of: dict[int, int] = {}
        """1-based page number of each quote's start offset, from the current layout."""
        self.shown: list[Quote] = []
        """The quotes listed now, in list order."""

    def refill(self) -> None:
        """List the quotes that pass the speaker filter, the text filter and the partial toggle."""
        options = self.option_list
        # Keep the same quote highlighted (not the same row) when the list changes.
        previous = self.current()
        options.clear_options()
        title = self.query_one(".panel-title", Label)
        if self.analysis is None:
            title.update("Quotes · analysing…")
            self.shown = []
            return
        needle = self.filter_input.value.strip().casefold()
        quotes = [
            q
            for q in self.analysis.quotes
            if (self.show_partial or not q.partial)
            and (self.speaker is None or q.speaker == self.speaker)
            and (not needle or needle in _quote_haystack(q))
        ]
        self.shown = quotes
        label = f"Quotes · {len(quotes)}"
        if self.speaker:
            label += f" · {self.speaker}"
        if not self.show_partial:
            label += " · no fragments"
        title.update(label)
        if not quotes:
            options.add_option(Option(Content.styled("No quotes", "dim"), disabled=True))
            return
        options.add_options(_spaced(Option(self._quote_label(q), id=f"q{q.start}") for q in quotes))
        if previous is not None and previous in quotes:
            options.highlighted = quotes.index(previous)

    def _quote_label(self, quote: Quote) -> Content:
        words = quote.text if len(quote.text) <= 160 else quote.text[:157].rstrip() + "…"
        who = quote.speaker or quote.speaker_label or "unattributed"
        page = self.page_of.get(quote.start)
        parts: list[str | tuple[str, str]] = [
            (f"“{words}”", "italic dim" if quote.partial else ""),
            "\n— ",
            (who, "bold" if quote.speaker else "dim"),
        ]
        if page:
            parts.append((f" · p. {page}", "dim"))
        if quote.partial:
            parts.append((" · fragment", "dim"))
        return Content.assemble(*parts)

    def current(self) -> Quote | None:
        """The highlighted quote."""
        index = self.option_list.highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    @on(OptionList.OptionSelected, ".panel-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        quote = self.current()
        if quote is not None:
            self.post_message(self.Chosen(quote))


def _spaced(options: Iterable[Option]) -> list[Option | None]:
    """Options with a separator line between them, for air."""
    spaced: list[Option | None] = []
    for option in options:
        if spaced:
            spaced.append(None)
        spaced.append(option)
    return spaced


def _person_id(person: Person) -> str:
    first = person.mentions[0][0] if person.mentions else 0
    return f"p{first}-{abs(hash(person.name))}"


def _person_matches(person: Person, needle: str) -> bool:
    if not needle:
        return True
    forms = [person.name, *person.aliases, person.role or ""]
    return any(needle in form.casefold() for form in forms)


def _person_label(person: Person) -> Content:
    parts: list[str | tuple[str, str]] = [(person.name, "bold")]
    badge = _KIND_BADGES.get(person.kind)
    if badge:
        parts.append((f" · {badge}", "italic dim"))
    if person.role:
        parts.append((f"\n{person.role}", "italic"))
    mentions = len(person.mentions)
    counts = f"{mentions} mention{'s' * (mentions != 1)}"
    if person.quoted:
        counts += f" · {person.quoted} quote{'s' * (person.quoted != 1)}"
    parts.append((f"\n{counts}", "dim"))
    return Content.assemble(*parts)


def _quote_haystack(quote: Quote) -> str:
    return " ".join(
        part for part in (quote.text, quote.speaker or "", quote.speaker_label or "") if part
    ).casefold()
