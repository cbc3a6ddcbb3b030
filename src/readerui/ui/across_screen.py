"""Who said what across the library: every person over every kept article, and their quotes.

``P`` in the reader. The people list (merged across articles by their name forms) is on the
left, the quotes on the right; ``enter`` on a person lists only their quotes, ``/`` searches
the quotes' words, ``enter`` on a quote opens its article at that quote.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from readerui.core.sanitize import display_name
from readerui.data.across import KeptPerson, KeptQuote, find_quotes, gather, quoted_words, said_by
from readerui.data.library import Library


def person_label(person: KeptPerson) -> Content:
    """``Name`` over ``6 quotes · 2 articles · Role``."""
    count = len(person.articles)
    details = [f"{person.quotes} quotes", f"{count} article{'s' * (count != 1)}"]
    if person.roles:
        details.append(display_name(", ".join(person.roles), 60))
    return Content.assemble(
        (display_name(person.name, 80), "bold"), ("\n" + " · ".join(details), "dim")
    )


def quote_label(quote: KeptQuote) -> Content:
    """The quote's words over ``— Speaker · Article``."""
    who = quote.speaker or quote.speaker_label or "unattributed"
    return Content.assemble(
        f"“{display_name(quoted_words(quote.text), 600)}”",
        (f"\n— {display_name(who, 80)} · {display_name(quote.title, 80)}", "dim italic"),
    )


class AcrossScreen(Screen[KeptQuote | None]):
    """People and quotes of the whole library; dismissed with the quote to open (or None)."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="across_back"),
        Binding("slash", "search", "Search the quotes", id="across_search"),
        Binding("q", "app.quit", "Quit", id="across_quit"),
    ]

    def __init__(self, library: Library | None) -> None:
        super().__init__()
        self.library = library
        """The library to read (None: nothing is listed)."""
        self.people: list[KeptPerson] = []
        """Everyone, most quoted first."""
        self.quotes: list[KeptQuote] = []
        """Every kept quote."""
        self.person: KeptPerson | None = None
        """The person whose quotes alone are listed (None: everyone's)."""
        self.shown: list[KeptQuote] = []
        """The quotes listed now."""

    def compose(self) -> ComposeResult:
        """A heading with the search box, then people | quotes, then the keys."""
        with Vertical(id="across"):
            with Horizontal(id="across-top"):
                yield Label("Who said what · reading your library…", id="across-title")
                yield Input(
                    placeholder="/ search the quotes", id="across-search", select_on_focus=False
                )
            with Horizontal(id="across-lists"):
                yield OptionList(id="across-people")
                yield OptionList(id="across-quotes")
            yield Label(
                "enter: a person's quotes / open a quote · / search · tab switches · esc back",
                id="across-hint",
            )

    @property
    def people_list(self) -> OptionList:
        """The people."""
        return self.query_one("#across-people", OptionList)

    @property
    def quotes_list(self) -> OptionList:
        """The quotes."""
        return self.query_one("#across-quotes", OptionList)

    @property
    def search_box(self) -> Input:
        """The quote search."""
        return self.query_one("#across-search", Input)

    def on_mount(self) -> None:
        """Read the library in a worker (many articles take a moment)."""
        self.set_focus(self.people_list)
        self._read()

    @work(thread=True, exclusive=True, group="across")
    def _read(self) -> None:
        library = self.library
        try:
            found = gather(library) if library is not None else ([], [])
        except Exception:  # a damaged library lists nothing rather than crashing
            found = ([], [])
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._fill, *found)

    def _fill(self, people: list[KeptPerson], quotes: list[KeptQuote]) -> None:
        self.people, self.quotes = people, quotes
        listing = self.people_list
        listing.clear_options()
        listing.add_options(Option(person_label(p), id=str(i)) for i, p in enumerate(people))
        if people:
            listing.highlighted = 0
        self.refill()

    def refill(self) -> None:
        """List the quotes of the chosen person that hold the words searched for."""
        shown = [q for q in find_quotes(self.quotes, self.search_box.value) if not q.partial]
        if self.person is not None:
            shown = [q for q in shown if said_by(self.person, q)]
        self.shown = shown
        listing = self.quotes_list
        listing.clear_options()
        listing.add_options(Option(quote_label(q), id=str(i)) for i, q in enumerate(shown))
        if shown:
            listing.highlighted = 0
        articles = len({q.key for q in self.quotes})
        heading = (
            f"Who said what · {len(self.people)} people · {len(self.quotes)} quotes "
            f"in {articles} article{'s' * (articles != 1)}"
        )
        if self.person is not None:
            heading += f" · {display_name(self.person.name, 60)}: {len(shown)}"
        self.query_one("#across-title", Label).update(heading)

    @on(OptionList.OptionSelected, "#across-people")
    def _person_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        person = self.people[int(event.option.id)]
        self.person = None if person is self.person else person
        self.refill()
        if self.person is not None:
            self.set_focus(self.quotes_list)

    @on(OptionList.OptionSelected, "#across-quotes")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.shown[int(event.option.id)])

    @on(Input.Changed, "#across-search")
    def _searched(self) -> None:
        self.refill()

    @on(Input.Submitted, "#across-search")
    def _search_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_focus(self.quotes_list)

    def action_search(self) -> None:
        """Focus the quote search."""
        self.set_focus(self.search_box)

    def action_back(self) -> None:
        """Clear the search, then the person, then go back to the reader."""
        if self.search_box.value:
            self.search_box.value = ""
            self.set_focus(self.quotes_list)
        elif self.person is not None:
            self.person = None
            self.refill()
            self.set_focus(self.people_list)
        else:
            self.dismiss(None)

    def complete(self) -> bool:
        """Tab: switch between the people and the quotes."""
        target = self.quotes_list if self.people_list.has_focus else self.people_list
        self.set_focus(target)
        return True
