"""The readerui application: wires the reading view, the panels and a few plain parts.

The parts own their state: :class:`~readerui.ui.navigation.Selection` (search, person,
quote, what n/N step through), :class:`~readerui.ui.arrangement.PanelArrangement` (which
panels show at this width), :class:`~readerui.data.library.ReadingPlaces` (where reading
stopped), the :class:`~readerui.ui.status.StatusLine` and the
:class:`~readerui.ui.prompt.PromptLine`. Workers run the functions of
:mod:`readerui.ui.tasks` and post their results back as messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from readerui.core.errors import describe
from readerui.core.loading import display_name
from readerui.core.models import Analysis, Article, Person, Quote
from readerui.data.library import Library, ReadingPlaces, is_busy
from readerui.ui import tasks
from readerui.ui.arrangement import PanelArrangement, PanelName
from readerui.ui.help import key_help
from readerui.ui.keymap import keymap_warnings, load_keymap
from readerui.ui.list_panel import ListPanel
from readerui.ui.marks import Marks
from readerui.ui.messages import (
    AnalysisReady,
    ArticleLoaded,
    LibraryOpened,
    LoadFailed,
    PlaceFound,
    Said,
)
from readerui.ui.page_view import PageView
from readerui.ui.panels import PeoplePanel, QuotesPanel, citation_for
from readerui.ui.prompt import PromptLine, PromptMode
from readerui.ui.screens import HelpScreen, OpenScreen
from readerui.ui.status import StatusLine, place_text

__all__ = ["WELCOME", "ReaderApp"]

WELCOME = [
    "readerui",
    "",
    "o  open a file or URL (recent ones are listed there)",
    "?  every key",
    "q  quit",
    "",
    "try:  readerui --sample",
]
"""What the empty view says before anything is opened."""


class ReaderApp(App[None]):
    """Read an article page by page."""

    CSS_PATH = "readerui.tcss"
    TITLE = "readerui"

    BINDINGS = [
        Binding("space,pagedown,right,l", "next_page", "Next page", id="next_page"),
        Binding("b,pageup,left,h", "prev_page", "Previous page", id="prev_page"),
        Binding("g,home", "first_page", "First page", id="first_page"),
        Binding("G,end", "last_page", "Last page", id="last_page"),
        Binding("colon", "goto_page", "Go to page…", id="goto_page"),
        Binding("slash", "search", "Search…", id="search"),
        Binding("n", "search_next", "Next match / page with a mention", id="search_next"),
        Binding("N", "search_prev", "Previous match / mention", id="search_prev"),
        Binding("d", "toggle_spread", "Two-page spread on/off (wide terminals)", id="spread"),
        Binding("p", "toggle_people", "People panel on/off", id="people"),
        Binding("i", "toggle_quotes", "Quote index on/off", id="quotes"),
        Binding(
            "tab", "cycle_focus(1)", "Focus text → people → quotes", id="focus_next", priority=True
        ),
        Binding("shift+tab", "cycle_focus(-1)", "Focus back", id="focus_prev", priority=True),
        Binding("y", "copy_quote", "Copy a citation of the quote", id="copy_quote"),
        Binding("x", "toggle_partial", "Show/hide fragment quotes", id="partial"),
        Binding("o", "open", "Open a file or URL…", id="open"),
        Binding("question_mark,f1", "help", "Show keys", id="help"),
        Binding(
            "escape", "close_overlay", "Close prompt, clear highlights", id="close", show=False
        ),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        source: str | None = None,
        *,
        article: Article | None = None,
        keymap_file: Path | None = None,
        library: Library | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        """What to open at start (a path or URL), unless ``article`` is given."""
        self.initial_article = article
        """An article already loaded (stdin), shown at start."""
        self.initial_error: str | None = None
        """Why the article asked for on the command line could not be opened, if it failed."""
        self.keymap_file = keymap_file
        """Keymap to load instead of the user's default one (tests use this)."""
        self.places = ReadingPlaces(library)
        """Where reading stopped in each article (the library opens at start when not given)."""
        self.arrangement = PanelArrangement()
        """Which panels are open at this width."""
        self.analysis: Analysis | None = None
        """People and quotes of the article shown (None while the analysis runs)."""
        self._loading: str | None = None
        self._initial_load = False
        self._save_timer: Timer | None = None
        self._view = PageView(id="page-view")
        self._view.empty_message = WELCOME
        self.marks = Marks(self._view)
        """Search matches, the chosen person's mentions and quote, drawn on the view."""

    # ------------------------------------------------------------------ parts

    @property
    def view(self) -> PageView:
        """The reading view (kept by reference: the place is saved after it is unmounted)."""
        return self._view

    @property
    def people_panel(self) -> PeoplePanel:
        """The people sidebar."""
        return self.query_one(PeoplePanel)

    @property
    def quotes_panel(self) -> QuotesPanel:
        """The quote index."""
        return self.query_one(QuotesPanel)

    @property
    def prompt(self) -> PromptLine:
        """The one-line prompt (page number, search)."""
        return self.query_one(PromptLine)

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one(StatusLine)

    def say(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None:
        """Notify without reading markup: our messages quote paths, titles and queries."""
        self.notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def compose(self) -> ComposeResult:
        """Panels beside the reading view, prompt line (hidden) and status line."""
        with Horizontal(id="main"):
            yield PeoplePanel(id="people")
            yield self._view
            yield QuotesPanel(id="quotes")
        yield PromptLine(id="prompt")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        """Open the library, apply the user's keymap, open what the command line asked for."""
        if self.places.library is None:
            try:
                self.places.library = Library()
            except Exception as exc:  # a broken data folder must not stop the reader
                if is_busy(exc):  # another readerui is writing: wait for it in the background
                    self._reopen_library()
                else:
                    self.say(f"Reading positions will not be kept: {describe(exc)}")
        keymap, error = load_keymap(self.keymap_file)
        for warning in keymap_warnings(self._bindings_with_ids(), keymap):
            self.say(warning, severity="warning")
        if keymap:
            self.set_keymap(keymap)
        if error:
            self.say(error, severity="warning")
        self._fit(self.size.width)
        self.view.focus()
        if self.initial_article is not None:
            self.show(self.initial_article)
        elif self.source:
            self.open_source(self.source, initial=True)
        else:
            self._welcome_with_recent()
        self.refresh_status()

    def _bindings_with_ids(self) -> list[Binding]:
        return [b for b in self.BINDINGS if isinstance(b, Binding) and b.id]

    # ------------------------------------------------------------------ loading

    def open_source(self, spec: str, *, initial: bool = False) -> None:
        """Load a path or URL in a worker; the current article stays until it succeeds.

        A newer request wins: starting its worker cancels the older one (exclusive group),
        whose answer, if it still comes, is dropped.
        """
        from readerui.core.loading import is_url

        self._loading = spec
        self._initial_load = initial
        if self.view.article is None:
            self.view.loading = True
        else:
            self.say(f"Opening {display_name(spec)}…", timeout=2)
        self.refresh_status()
        if is_url(spec):
            self._fetch(spec)
        else:
            self._load_file(spec)

    @work(exclusive=True, group="load")
    async def _fetch(self, url: str) -> None:
        message = await tasks.fetch(url)
        message.worker = get_current_worker()
        self.post_message(message)

    @work(thread=True, exclusive=True, group="load")
    def _load_file(self, path: str) -> None:
        worker = get_current_worker()
        message = tasks.load_file(path, worker.cancelled_event)
        if message is not None:
            message.worker = worker
            self.post_message(message)

    @staticmethod
    def _outdated(worker: Worker[Any] | None) -> bool:
        return worker is not None and worker.is_cancelled

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        """Show a freshly loaded article (unless a newer one was asked for since)."""
        if self._outdated(message.worker):
            return
        self.view.loading = False
        self._loading = None
        self.initial_error = None
        self.show(message.article)

    def on_load_failed(self, message: LoadFailed) -> None:
        """Say why, keep whatever was open."""
        if self._outdated(message.worker):
            return
        self.view.loading = False
        self._loading = None
        self.view.focus()  # the loading indicator took focus off the view; give it back
        self.say(message.error, title="Could not open", severity="error", timeout=8)
        if self.view.article is None:
            self.initial_error = message.error if self._initial_load else None
            self.view.empty_message = [
                "Could not open it:",
                "",
                *message.error.splitlines()[:1],
                "",
                "o  open something else · q  quit",
            ]
            self.view.refresh_view()
        self.refresh_status()

    def show(self, article: Article) -> None:
        """Replace the article on screen; its analysis starts in the background."""
        self.marks.forget()
        self.analysis = None
        try:
            resume = self.places.resume(article.source, article.text)
        except Exception:  # busy: another readerui is writing; look again in the background
            resume = None
            self._find_place(article)
        self.view.show_article(article, resume or 0)
        if resume:
            self.say("Back where you left off · g goes to the start", timeout=3)
        self.sub_title = article.title or display_name(article.source)
        self.view.focus()
        self.people_panel.reset()
        self.quotes_panel.speaker = None
        self.quotes_panel.reset()
        self.refresh_status()
        self._analyze(article)

    @work(thread=True, exclusive=True, group="analysis")
    def _analyze(self, article: Article) -> None:
        """Find people and quotes once the first page is on screen (stops when cancelled)."""
        message = tasks.analyse(article, get_current_worker().cancelled_event)
        if message is not None:
            self.post_message(message)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        """Fill the panels (unless another article was opened meanwhile)."""
        if message.article is not self.view.article:
            return
        if message.error:
            self.say(message.error, severity="error")
        self.analysis = message.analysis
        self.people_panel.set_analysis(message.analysis)
        self.quotes_panel.set_analysis(message.analysis)
        self.quotes_panel.number_pages(self.view.pages_layout)

    def on_said(self, message: Said) -> None:
        """Say what a worker had to say."""
        severity: SeverityLevel = "warning" if message.severity == "warning" else "error"
        if message.severity == "information":
            severity = "information"
        self.say(message.text, severity=severity)

    # ------------------------------------------------------------------ library

    def _welcome_with_recent(self) -> None:
        """On an empty start, list what was read lately under the welcome text."""
        recent = self.places.recent(5)
        if recent:
            lines = [f"{display_name(e.title)[:60]}  ·  {round(e.progress * 100)}%" for e in recent]
            self.view.empty_message = [*WELCOME, "", "Recently read (o lists them):", *lines]
            self.view.refresh_view()

    @work(thread=True, exclusive=True, group="library")
    def _reopen_library(self) -> None:
        message = tasks.reopen_library(get_current_worker().cancelled_event)
        if message is not None:
            self.post_message(message)

    def on_library_opened(self, message: LibraryOpened) -> None:
        """The library was busy at start and is open now: resume, list recent articles."""
        self.places.library = message.library
        article = self.view.article
        if article is not None:
            self._find_place(article)
        elif self._loading is None:
            self._welcome_with_recent()

    @work(thread=True, exclusive=True, group="place")
    def _find_place(self, article: Article) -> None:
        message = tasks.find_place(self.places, article, get_current_worker().cancelled_event)
        if message is not None:
            self.post_message(message)

    def on_place_found(self, message: PlaceFound) -> None:
        """Resume at a place found late, unless the reader has moved on since."""
        if message.article is self.view.article and self.view.position == 0:
            self.view.go_to_offset(message.position)
            self.say("Back where you left off · g goes to the start", timeout=3)

    def on_page_view_changed(self, message: PageView.Changed) -> None:
        """Keep the status line and the index's page numbers in step; save the place soon."""
        self.quotes_panel.number_pages(self.view.pages_layout)
        self.refresh_status()
        # Save the place a moment after the reader stops turning pages, not on every turn.
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.8, self.save_position)

    def save_position(self, *, now: bool = False) -> None:
        """Record the first character on screen for the open article.

        In a thread worker (SQLite may wait on a lock), or at once when ``now`` (exit).
        """
        self._save_timer = None
        article, view = self.view.article, self.view
        if article is None or view.pages_layout is None:
            return
        place = self.places.place(article.source, article.title, article.text, view.visible_range())
        if place is None:
            return
        if now:
            error = self.places.save(place, retry=False)
            if error:
                self.say(error, severity="warning")
        else:
            self._save_worker(place)

    @work(thread=True, exclusive=True, group="save")
    def _save_worker(self, place: Any) -> None:
        message = tasks.save_place(self.places, place, get_current_worker().cancelled_event)
        if message is not None:
            self.post_message(message)

    def on_unmount(self) -> None:
        """Save the place on the way out."""
        self.save_position(now=True)

    # ------------------------------------------------------------------ panels

    def on_resize(self, event: Resize) -> None:
        """Pick the panel arrangement for the terminal's width."""
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        arrangement = self.arrangement
        if arrangement.fit(width):
            for name in ("-wide", "-narrow", "-medium"):
                self.screen.set_class(name == arrangement.size_class, name)
            self.apply_panels()

    def apply_panels(self) -> None:
        """Show the panels the arrangement has open, and put focus where it can be seen."""
        arrangement = self.arrangement
        people, quotes = self.people_panel, self.quotes_panel
        people.set_class(arrangement.people, "open")
        quotes.set_class(arrangement.quotes, "open")
        self.view.set_class(arrangement.covering, "covered")
        quotes.number_pages(self.view.pages_layout)
        if arrangement.covering:
            (people if arrangement.people else quotes).focus_list()
        elif self.focused is None or not _is_shown(self.focused):
            self.view.focus()

    def toggle_panel(self, which: PanelName) -> None:
        """Open or close a panel (focusing its list when it opens)."""
        opening = self.arrangement.toggle(which)
        self.apply_panels()
        if opening:
            (self.people_panel if which == "people" else self.quotes_panel).focus_list()

    def uncover_text(self) -> None:
        """On a narrow terminal, close the panel that covers the text (else do nothing)."""
        if self.arrangement.uncover():
            self.apply_panels()

    def refresh_status(self) -> None:
        """Bring the status line's fields up to date."""
        article = self.view.article
        status = self.status
        if self._loading:
            status.title = f"Loading {display_name(self._loading)}…"
        elif article is None:
            status.title = "No article open"
        else:
            status.title = article.title or display_name(article.source)
        status.badge = self.marks.badge()
        status.place = place_text(self.view)

    def _tell(self, note: str | None, *, severity: SeverityLevel = "information") -> None:
        if note:
            self.say(note, severity=severity, timeout=2 if severity == "information" else None)

    # ------------------------------------------------------------------ reading

    def action_next_page(self) -> None:
        """Turn forward."""
        if not self.view.next_page() and self.view.article is not None:
            self.bell()

    def action_prev_page(self) -> None:
        """Turn back."""
        if not self.view.previous_page() and self.view.article is not None:
            self.bell()

    def action_first_page(self) -> None:
        """Go to the first page."""
        self.view.go_to_page(0)

    def action_last_page(self) -> None:
        """Go to the last page."""
        self.view.go_to_page(self.view.page_count - 1)

    def action_toggle_spread(self) -> None:
        """Switch the two-page spread on or off."""
        view = self.view
        view.spread = not view.spread
        view.relayout()
        if view.spread and view.columns == 1:
            panels = self.arrangement.people or self.arrangement.quotes
            hint = " (close the panels with p and i)" if panels else ""
            self.say(f"Two-page spread on: it shows when the text area is 160+ columns{hint}")
        else:
            self.say("Two-page spread " + ("on" if view.spread else "off"), timeout=2)

    def action_goto_page(self) -> None:
        """Ask for a page number."""
        if self.view.page_count:
            self._ask("goto", f"Go to page (1–{self.view.page_count}), enter to go")

    def action_search(self) -> None:
        """Ask for a phrase to find."""
        if self.view.article is not None:
            query = self.marks.selection.query
            self._ask("search", "Search (enter to find, n/N next/previous)", query)

    def _ask(self, mode: PromptMode, placeholder: str, value: str = "") -> None:
        # The prompt takes the status line's row, so the pages keep their size and the
        # page number typed means the page the reader sees.
        self.status.display = False
        self.prompt.ask(mode, placeholder, value)

    def _prompt_closed(self) -> None:
        self.status.display = True
        self.view.focus()

    def on_prompt_line_answered(self, message: PromptLine.Answered) -> None:
        """Go to the page typed, or search for the phrase."""
        self._prompt_closed()
        value = message.value
        if message.mode == "search":
            self.run_search(value)
        elif value:
            try:
                number = int(value)
            except ValueError:
                self.say(f"Not a page number: {value}", severity="error")
                return
            if not 1 <= number <= self.view.page_count:
                self.say(f"There are pages 1 to {self.view.page_count}", severity="warning")
            self.view.go_to_page(number - 1)

    def run_search(self, query: str) -> None:
        """Find every match of ``query`` and go to the first one at or after this page."""
        self._tell(self.marks.search(query), severity="warning")
        self.refresh_status()

    def action_search_next(self) -> None:
        """Go to the next match (wrapping round), or the next page with a mention."""
        self._tell(self.marks.step(forward=True))
        self.refresh_status()

    def action_search_prev(self) -> None:
        """Go to the previous match (wrapping round), or the previous page with a mention."""
        self._tell(self.marks.step(forward=False))
        self.refresh_status()

    def action_close_overlay(self) -> None:
        """Escape: close the prompt, else clear the search, the person, the quote highlight."""
        if self.prompt.mode is not None:
            self.prompt.close()
            self._prompt_closed()
            return
        target = self.marks.selection.escape_target()
        if target == "search":
            self.marks.clear_search()
        elif target == "person":
            self.select_person(None)
        elif target == "quote":
            self.marks.choose_quote(None)
        self.refresh_status()

    # ------------------------------------------------------------------ people and quotes

    def on_people_panel_selected(self, message: PeoplePanel.Selected) -> None:
        """Highlight a person's mentions, list only their quotes, go to the next mention."""
        self.select_person(message.person)

    def select_person(self, person: Person | None) -> None:
        """Make ``person`` the selection (None clears it)."""
        quotes = self.quotes_panel
        quotes.speaker = person.name if person else None
        quotes.refill()
        self.marks.choose_person(person)
        if person is not None:
            self.uncover_text()
            self.view.focus()
        self.refresh_status()

    def on_quotes_panel_chosen(self, message: QuotesPanel.Chosen) -> None:
        """Go to the quote's page with the quote highlighted."""
        self.show_quote(message.quote)

    def show_quote(self, quote: Quote) -> None:
        """Highlight ``quote`` and turn to its page."""
        self.marks.choose_quote(quote)
        if self.arrangement.narrow:
            self.uncover_text()
            self.view.focus()

    def action_copy_quote(self) -> None:
        """Copy a citation of the highlighted (or last chosen) quote to the clipboard."""
        quote = None
        if self.quotes_panel.option_list.has_focus:
            quote = self.quotes_panel.current()
        quote = quote or self.marks.selection.quote
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

    def action_toggle_people(self) -> None:
        """Open or close the people panel."""
        self.toggle_panel("people")

    def action_toggle_quotes(self) -> None:
        """Open or close the quote index."""
        self.toggle_panel("quotes")

    def action_cycle_focus(self, step: int) -> None:
        """Move focus text → people → quotes and round, opening a closed panel on the way."""
        if len(self.screen_stack) > 1:  # a dialog: tab belongs to it, not to the panels
            self.screen.focus_next() if step > 0 else self.screen.focus_previous()
            return
        if self.prompt.mode is not None:
            return
        stops: list[PanelName | None] = [None, "people", "quotes"]
        current: PanelName | None = None
        for name, panel in (("people", self.people_panel), ("quotes", self.quotes_panel)):
            if self.focused is not None and panel in self.focused.ancestors_with_self:
                current = "people" if name == "people" else "quotes"
        target = stops[(stops.index(current) + step) % len(stops)]
        if target is None:
            self.uncover_text()
            self.view.focus()
            return
        if not self.arrangement.is_open(target):
            self.toggle_panel(target)
        (self.people_panel if target == "people" else self.quotes_panel).focus_list()

    def on_list_panel_leave(self, message: ListPanel.Leave) -> None:
        """Escape in a panel: back to the text (closing the panel when it covers it)."""
        self.uncover_text()
        self.view.focus()

    # ------------------------------------------------------------------ overlays

    def action_open(self) -> None:
        """Ask for a file or URL and open it."""

        def opened(spec: str | None) -> None:
            if spec:
                self.open_source(spec)

        self.push_screen(OpenScreen(self.places.recent()), opened)

    def action_help(self) -> None:
        """Show every key."""
        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[tuple[str, str]]:
        """``(keys, description)`` rows for every binding, as bound now, by section."""
        return key_help(self._bindings_with_ids(), dict(self._keymap), self.get_key_display)


def _is_shown(widget: Widget) -> bool:
    """Whether a widget and all its ancestors are displayed."""
    node: object = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True
