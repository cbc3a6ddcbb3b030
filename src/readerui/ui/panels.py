"""The people sidebar and the quote index."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from readerui.core.layout import Layout
from readerui.core.models import Analysis, Article, Person, Quote
from readerui.ui.list_panel import LIST_LIMIT, ListPanel
from readerui.ui.naming import source_label

_KIND_BADGES = {"byline": "byline", "credit": "photo credit"}


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

    def _fill(self) -> None:
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
        if len(people) > LIST_LIMIT:  # the most prominent; typing finds the others
            title.update(f"People · {LIST_LIMIT} of {len(people)}")
            people = people[:LIST_LIMIT]
        else:
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
        self._paged_for: Layout | None = None
        self.reading_at = 0
        """The reader's place: a long index lists the quotes around it (see LIST_LIMIT)."""
        self._window: tuple[int, int] | None = None  # first and last start listed, when cut

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show a new analysis (None: analysing); page numbers are taken again."""
        self._paged_for = None
        super().set_analysis(analysis)

    def number_pages(self, layout: Layout | None, anchor: int = 0) -> None:
        """Take each quote's page number from ``layout`` (the pages on screen now), and list
        a long index around ``anchor`` (the reader's place).

        Only while the index is open: rebuilding a long index (thousands of quotes in a
        novel) on every resize is wasted work while it is hidden, so it is brought up to
        date when it opens.
        """
        if self.analysis is None or layout is None or not self.has_class("open"):
            return
        window = self._window
        if window is not None and not window[0] <= anchor <= window[1]:
            self.reading_at = anchor  # read past the quotes listed: list the ones here
            if layout is self._paged_for:
                self.refill()
                return
        if layout is self._paged_for:
            return
        self.reading_at = anchor
        self._paged_for = layout
        self.page_of = {q.start: layout.page_at(q.start) + 1 for q in self.analysis.quotes}
        self.refill()

    def _fill(self) -> None:
        """List the quotes that pass the speaker filter, the text filter and the partial toggle."""
        options = self.option_list
        # Keep the same quote highlighted (not the same row) when the list changes.
        previous = self.current()
        options.clear_options()
        self.show_detail("")
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
        label = f"Quotes · {len(quotes)}"
        self._window = None
        if len(quotes) > LIST_LIMIT:
            label = f"Quotes · {LIST_LIMIT} of {len(quotes)}"
            # A few before the reader's place, the rest after it.
            first = (
                bisect.bisect_left([q.start for q in quotes], self.reading_at) - LIST_LIMIT // 10
            )
            first = max(0, min(first, len(quotes) - LIST_LIMIT))
            quotes = quotes[first : first + LIST_LIMIT]
            self._window = (quotes[0].start if first else 0, quotes[-1].start)
        self.shown = quotes
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
        words = quote.text
        if len(words) > 160:  # cut after the last whole word that fits, never inside one
            head = words[:158]
            if not (head[-1].isspace() or words[158].isspace()):
                head = head.rsplit(None, 1)[0]
            words = head.rstrip().rstrip(",;:") + "…"
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
        if not self.ready:
            return None
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

    @on(OptionList.OptionHighlighted, ".panel-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        # What made the analysis choose the speaker (``Quote.how``), so a reader can judge it.
        quote = self.current()
        self.show_detail(how_shown(quote) if quote is not None else "")


# Short forms of the analysis's reasons (core.analysis.attribution.HOW has the long ones):
# the quote index is narrow.
_HOW_SHOWN = {
    "said-after": "“…,” said Name",
    "said-before": "Name said: “…”",
    "colon-before": "Name: “…”",
    "according-to": "“according to Name”",
    "name-after": "the name right after the quote",
    "continuation": "carries on the quote before",
    "topic": "the sentence before is about them",
    "subject": "the subject of the sentence",
    "label": "an unnamed source",
    "it": "an organisation or document",
}


def how_shown(quote: Quote) -> str:
    """``Why: …`` — how the speaker of ``quote`` was chosen, in a few words ("" for nothing)."""
    how = quote.how
    if how == "none":
        return "Why: no speaker found" if quote.speaker is None else ""
    if how.startswith("pronoun:"):
        return f"Why: “{how.partition(':')[2]}”, the person in focus"
    if how.startswith("role:"):
        return f"Why: “{how.partition(':')[2]}”, who holds that role"
    return f"Why: {_HOW_SHOWN.get(how, how)}"


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


def citation_for(quote: Quote, article: Article, analysis: Analysis | None) -> str:
    """``“…” — Speaker (Role), Title (source)`` for the clipboard."""
    # Imported here: the library's cross-article module is not on the way to the first page.
    from readerui.data.across import quoted_words

    who = quote.speaker or quote.speaker_label or "unattributed"
    if quote.speaker and analysis is not None:
        role = next((p.role for p in analysis.people if p.name == quote.speaker), None)
        if role:
            who = f"{who} ({role})"
    where = article.site or source_label(article.source)
    title = article.title or source_label(article.source)
    return f"“{quoted_words(quote.text)}” — {who}, {title} ({where})"
