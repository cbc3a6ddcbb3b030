"""The reading desk: the people panel, the reading view and the quote index side by side.

:class:`ReadingDesk` holds the article on the desk: it opens it (through its
:class:`~readerui.ui.loader.ArticleLoader`), shows it where reading stopped (its
:class:`~readerui.ui.keeper.PlaceKeeper`), fills the panels with its analysis (which its
:class:`~readerui.ui.sidebars.Sidebars` arrange for the width), and does what choosing a
person or a quote does to the text (the :class:`~readerui.ui.marks.Marks`); actions asked for
before the whole article is read wait in :class:`~readerui.ui.deferred.DeferredActions`.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.notifications import SeverityLevel

from readerui.core.models import Analysis, Article, Person, Quote
from readerui.core.sanitize import display_source
from readerui.data.library import Library
from readerui.ui.arrangement import size_class_for
from readerui.ui.deferred import Action, DeferredActions
from readerui.ui.keeper import PlaceKeeper
from readerui.ui.list_panel import ListPanel
from readerui.ui.loader import ArticleLoader
from readerui.ui.marks import Marks
from readerui.ui.messages import (
    AnalysisProgress,
    AnalysisReady,
    ArticleLoaded,
    ArticlePreview,
    LibraryOpened,
    LoadFailed,
    PlaceFound,
)
from readerui.ui.page_view import PageView
from readerui.ui.panels import PeoplePanel, QuotesPanel, citation_for
from readerui.ui.sidebars import Sidebars
from readerui.ui.tasks import CHILD_ANALYSIS_CHARS
from readerui.ui.welcome import welcome_lines


class ReadingDesk(Horizontal):
    """People | text | quotes, arranged for the terminal's width; the article on it."""

    class Changed(Message):
        """What is open, being loaded or marked changed (the status line shows them)."""

    def __init__(
        self, view: PageView, library: Library | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.view = view
        """The reading view."""
        self.loader = ArticleLoader(lambda: self.keeper.places.library)
        """Loads articles and analyses them in workers."""
        self.keeper = PlaceKeeper(view, library)
        """Keeps the reader's place (the library opens at start when not given)."""
        self.initial_error: str | None = None
        """Why the article asked for on the command line could not be opened, if it failed."""
        self.sidebars = Sidebars(self, view)
        """The people panel and the quote index, arranged for the width."""
        self.marks = Marks(view)
        """Search matches, the chosen person's mentions and quote, drawn on the view."""
        self.analysis: Analysis | None = None
        """People and quotes of the article shown (None while the analysis runs)."""
        self.preview = False
        """Whether only the opening part of a long text is shown (the rest is being read)."""
        self.analysis_progress: float | None = None
        """How far the analysis of a long text has got (None when not running or short)."""
        self._waiting = DeferredActions(
            lambda: (
                self.view.article is not None and not self.preview and self.loader.pending is None
            )
        )
        self._quote_at: int | None = None
        self._numbering = False  # the quote index is to be numbered after the next refresh

    def compose(self) -> ComposeResult:
        """The view, with the two panels either side when they start open (else they come
        when one opens: see :meth:`Sidebars.mount`)."""
        if size_class_for(self.app.size.width) == "-wide":  # open from the start
            self.sidebars.mounted = True
            yield self.sidebars.people
            yield self.view
            yield self.sidebars.quotes
        else:
            yield self.view
        yield self.loader
        yield self.keeper

    @property
    def people_panel(self) -> PeoplePanel:
        """The people sidebar."""
        return self.sidebars.people

    @property
    def quotes_panel(self) -> QuotesPanel:
        """The quote index."""
        return self.sidebars.quotes

    # ------------------------------------------------------------------ article

    def say(self, message: str, *, severity: SeverityLevel = "information", **kw: Any) -> None:
        """Notify without reading markup: our messages quote paths, titles and queries."""
        self.notify(message, severity=severity, markup=False, **kw)

    def open(
        self, spec: str, *, initial: bool = False, key: str | None = None, at: int | None = None
    ) -> None:
        """Load a path or URL in a worker; the current article stays until it succeeds.

        ``key``: the article's name in the library, whose kept copy may be opened instead;
        ``at``: the offset of a quote to show (highlighted once the analysis is there).
        """
        self._quote_at = at
        if at is not None:
            self.when_read(lambda: self.view.go_to_offset(at))
        if self.view.article is None:
            # Said in the view rather than with Textual's loading indicator: a widget that is
            # loading gives up focus, and keys typed meanwhile (q, space, G) would go astray.
            self.view.empty_message = ["Loading…", "", display_source(spec)]
            self.view.refresh_view()
            self.view.focus()
        else:
            self.say(f"Opening {display_source(spec)}…", timeout=2)
        self.loader.open(spec, initial=initial, key=key)
        self.post_message(self.Changed())

    def when_read(self, action: Action) -> None:
        """Run ``action`` once the whole article is read: now, or when it is (keys typed while
        a book loads act then, in order, instead of being lost)."""
        self._waiting.when_ready(action)

    def kept_until_shown(self, action: Action) -> bool:
        """Keep ``action`` for when the article shows, if none is shown and one is coming;
        True when kept (keys typed at start act on the article once it is there)."""
        if self.view.article is None and self.loader.pending is not None:
            self.when_read(action)
            return True
        return False

    def on_article_preview(self, message: ArticlePreview) -> None:
        """Show the opening part of a long text at once; the rest follows."""
        self.show_preview(message.article, message.length)

    def show_preview(self, article: Article, length: int) -> None:
        """Show ``article``, the opening part of a text about ``length`` characters long, while
        the whole is read; :meth:`on_article_loaded` then extends it."""
        shown = self.view.article
        if (
            self.preview
            and shown is not None
            and len(article.text) > len(shown.text)
            and article.text.startswith(shown.text)
        ):
            # A longer opening part of the text shown: the reader reads on where they are.
            self.view.extend_article(article, expected_length=length)
            return
        self.initial_error = None
        self.preview = True
        self._lay_down(article, expected_length=length)
        self.post_message(self.Changed())

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        """Show a freshly loaded article (older answers were dropped by the loader)."""
        self.initial_error = None
        shown, article = self.view.article, message.article
        if self.preview and shown is not None and article.text.startswith(shown.text):
            # The rest of a text whose opening part is on screen: the reader keeps reading.
            self.preview = False
            self.view.extend_article(article)
            resume = self.keeper.resume(article)
            if resume and self.view.position == 0:
                self.view.when_complete(lambda: self._resumed(resume))
            self._analyse_and_keep(article)
        else:
            self.preview = False
            self.show(article)
        self._waiting.run()

    def _resumed(self, position: int) -> None:
        if self.view.position == 0:
            self.view.go_to_offset(position)
            self.say("Back where you left off · g goes to the start", timeout=3)

    def on_load_failed(self, message: LoadFailed) -> None:
        """Say why, keep whatever was open."""
        self.preview = False
        self._waiting.clear()
        self.view.focus()
        self.say(message.error, title="Could not open", severity="error", timeout=8)
        if self.view.article is None:
            self.initial_error = message.error if self.loader.initial else None
            self.view.empty_message = [
                "Could not open it:",
                "",
                *message.error.splitlines()[:1],
                "",
                "o  open something else · q  quit",
            ]
            self.view.refresh_view()
        self.post_message(self.Changed())

    def show(self, article: Article) -> None:
        """Show ``article`` where reading stopped; the panels wait for its analysis."""
        resume = self.keeper.resume(article)
        self._lay_down(article, resume or 0)
        if resume and self._quote_at is None:
            self.say("Back where you left off · g goes to the start", timeout=3)
        self._analyse_and_keep(article)

    def _lay_down(self, article: Article, at: int = 0, *, expected_length: int = 0) -> None:
        """Show ``article`` at offset ``at`` with nothing marked and the panels empty."""
        self.marks.forget()
        self.analysis = None
        self.analysis_progress = None
        self.view.show_article(article, at, expected_length=expected_length)
        self.view.focus()
        self.people_panel.reset()
        self.quotes_panel.speaker = None
        self.quotes_panel.reset()

    def _analyse_and_keep(self, article: Article) -> None:
        self.post_message(self.Changed())
        # After the first page is on screen: the first analysis of a session loads word
        # lists, and keeping the copy writes the text to SQLite; in threads, either would
        # hold the interpreter lock while the page is drawn.
        self.call_after_refresh(self.loader.analyse, article)
        if len(article.text) <= CHILD_ANALYSIS_CHARS:
            self.call_after_refresh(self.keeper.keep, article)
        # A long text's copy is kept once, with its analysis (on_analysis_ready): kept now as
        # well, it would be written twice, the first time during the first page turns.

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        """Fill the panels with the people and quotes found (unless it is an older article)."""
        if message.article is not self.view.article:
            return
        if message.error:
            self.say(message.error, severity="error")
        if message.partial and self.analysis is not None:
            return  # the whole analysis came first after all
        self.analysis_progress = self.analysis_progress if message.partial else None
        if not message.partial and not message.kept:
            # A failed analysis is not kept (it is tried again next time); the text is.
            analysis = None if message.error else message.analysis
            if len(message.article.text) > CHILD_ANALYSIS_CHARS:
                # Megabytes to write: once the pages stop turning, not while they turn.
                self.keeper.keep_when_still(message.article, analysis)
            elif analysis is not None:
                self.keeper.keep(message.article, analysis)
        self.analysis = message.analysis
        at, self._quote_at = self._quote_at, None
        quote = next((q for q in message.analysis.quotes if q.start == at), None)
        if quote is not None:
            self.call_after_refresh(self.show_quote, quote)
        self.people_panel.set_analysis(message.analysis)
        self.quotes_panel.set_analysis(message.analysis)
        self.quotes_panel.number_pages(self.view.pages_layout, self.view.position)
        self.post_message(self.Changed())

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        """Say how far the analysis of a long text has got."""
        if message.article is self.view.article and self.analysis_progress != message.fraction:
            self.analysis_progress = message.fraction
            self.post_message(self.Changed())

    def on_page_view_changed(self, message: PageView.Changed) -> None:
        """Keep the index's page numbers in step, save the place soon (the app sees it too)."""
        if not self._numbering:
            self._numbering = True
            # Once the page is drawn: numbering a book's quotes again, or listing the ones
            # around a new place, takes longer than the page turn that asked for it.
            self.call_after_refresh(self._number_quotes)
        self.keeper.moved()

    def _number_quotes(self) -> None:
        self._numbering = False
        self.quotes_panel.number_pages(self.view.pages_layout, self.view.position)

    # ------------------------------------------------------------------ library

    def open_library(self) -> None:
        """Open the library (waited for in the background when another program holds it)."""
        problem = self.keeper.open_library()
        if problem:
            self.say(problem)

    def welcome(self) -> None:
        """On an empty start, list what was read lately under the welcome text."""
        recent = self.keeper.recent(5)
        if recent:
            self.view.empty_message = welcome_lines(recent)
            self.view.refresh_view()

    def on_library_opened(self, message: LibraryOpened) -> None:
        """The library was busy at start and is open now: resume, list recent articles."""
        article = self.view.article
        if article is not None:
            self.keeper.find_place(article)
        elif self.loader.pending is None:
            self.welcome()

    def on_place_found(self, message: PlaceFound) -> None:
        """Resume at a place found late, unless the reader has moved on since."""
        if message.article is self.view.article and self.view.position == 0:
            self.view.go_to_offset(message.position)
            self.say("Back where you left off · g goes to the start", timeout=3)
            self.post_message(self.Changed())  # the status line shows the new place

    def on_unmount(self) -> None:
        """Save the place on the way out, then close the library."""
        error = self.keeper.save_on_exit()
        self.keeper.close_library()
        if error:
            self.say(error, severity="warning")

    def on_list_panel_leave(self, message: ListPanel.Leave) -> None:
        """Escape in a panel: back to the text (closing the panel when it covers it)."""
        message.stop()
        self.sidebars.back_to_text()

    # ------------------------------------------------------------------ people and quotes

    def on_people_panel_selected(self, message: PeoplePanel.Selected) -> None:
        """Highlight a person's mentions, list only their quotes, go to the next mention."""
        message.stop()
        self.select_person(message.person)

    def select_person(self, person: Person | None) -> None:
        """Make ``person`` the selection (None clears it)."""
        quotes = self.quotes_panel
        quotes.speaker = person.name if person else None
        quotes.refill()
        if person is not None:
            self.sidebars.back_to_text()
        self.marks.choose_person(person)
        self.post_message(self.Changed())

    def unmark(self) -> None:
        """Escape: clear the search, else the chosen person, else the quote highlight."""
        target = self.marks.selection.escape_target()
        if target == "search":
            self.marks.clear_search()
        elif target == "person":
            self.select_person(None)
        elif target == "quote":
            self.marks.choose_quote(None)

    def on_quotes_panel_chosen(self, message: QuotesPanel.Chosen) -> None:
        """Go to the quote's page with the quote highlighted."""
        message.stop()
        self.show_quote(message.quote)

    def show_quote(self, quote: Quote) -> None:
        """Highlight ``quote`` and turn to its page."""
        self.marks.choose_quote(quote)
        if self.sidebars.arrangement.narrow:
            self.sidebars.back_to_text()

    def citation(self) -> str | None:
        """A citation of the highlighted quote in the index (when focused) or the one chosen."""
        quote = None
        if self.quotes_panel.option_list.has_focus:
            quote = self.quotes_panel.current()
        quote = quote or self.marks.selection.quote
        article = self.view.article
        if quote is None or article is None:
            return None
        return citation_for(quote, article, self.analysis)

    def toggle_partial(self) -> bool:
        """Show or hide scare quotes and fragments in the index; True when shown."""
        panel = self.quotes_panel
        panel.show_partial = not panel.show_partial
        panel.refill()
        return panel.show_partial
