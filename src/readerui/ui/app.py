"""The readerui application: a reading view, a status line and a few overlays."""

from __future__ import annotations

import threading
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widgets import Input, Label

from readerui.core.errors import ReaderError
from readerui.core.loading import display_name
from readerui.core.models import Analysis, Article, Person, Quote
from readerui.core.search import find_all
from readerui.data.library import Library, text_digest
from readerui.ui.keymap import load_keymap
from readerui.ui.messages import AnalysisReady, ArticleLoaded, LoadFailed
from readerui.ui.page_view import Highlight, PageView
from readerui.ui.panels import ListPanel, PeoplePanel, QuotesPanel
from readerui.ui.screens import HelpScreen, OpenScreen

SEARCH_LIMIT = 100_000
"""Matches found at most (a search for "e" in a novel stops there)."""
WIDE = 160
"""At this many columns or more, both panels are shown beside the text by default."""
NARROW = 100
"""Below this many columns, a panel covers the text instead of squeezing it."""

WELCOME = [
    "readerui",
    "",
    "o  open a file or URL (recent ones are listed there)",
    "?  every key",
    "q  quit",
    "",
    "try:  readerui --sample",
]

_KEY_NAMES = {
    "space": "space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "right": "→",
    "left": "←",
    "home": "Home",
    "end": "End",
    "colon": ":",
    "slash": "/",
    "question_mark": "?",
    "f1": "F1",
    "escape": "Esc",
    "tab": "Tab",
    "enter": "Enter",
}


def _pretty_keys(keys: str) -> str:
    """``"pagedown,right"`` -> ``"PgDn →"`` for the help screen."""
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


_HELP_SECTIONS = (
    ("Reading", ("next_page", "prev_page", "first_page", "last_page", "goto_page", "spread")),
    ("Search", ("search", "search_next", "search_prev", "close")),
    (
        "People and quotes",
        ("people", "quotes", "focus_next", "focus_prev", "copy_quote", "partial"),
    ),
    ("App", ("open", "help", "quit")),
)


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
        self.library = library
        """Where reading positions are kept (opened at start when not given)."""
        self.source = source
        """What to open at start (a path or URL), unless ``article`` is given."""
        self.initial_article = article
        """An article already loaded (stdin), shown at start."""
        self.initial_error: str | None = None
        """Why the article asked for on the command line could not be opened, if it failed."""
        self.keymap_file = keymap_file
        """Keymap to load instead of the user's default one (tests use this)."""
        self.matches: list[tuple[int, int]] = []
        """Offsets of the current search's matches."""
        self.match_index = -1
        """Which match is current (-1: none)."""
        self.query_text = ""
        """The current search."""
        self.analysis: Analysis | None = None
        """People and quotes of the article shown (None while the analysis runs)."""
        self.person: Person | None = None
        """The person selected in the sidebar, whose mentions are highlighted."""
        self.quote: Quote | None = None
        """The quote last chosen in the index."""
        self.nav = "search"
        """What n/N step through: "search" matches or the selected person's "mentions"."""
        self.show_people = False
        """Whether the people panel is open."""
        self.show_quotes = False
        """Whether the quote index is open."""
        self._panels_chosen = False
        self._size_class = ""
        self._prompt_mode: str | None = None
        self._loading_source: str | None = None
        self._paged_for: object = None
        self._saved: tuple[str, int] | None = None
        self._save_timer: Timer | None = None
        self._load_generation = 0
        self._load_cancel: threading.Event | None = None
        self._digest: tuple[int, str] | None = None
        self._view = PageView()

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        """Reading view, prompt line (hidden) and status line."""
        view = PageView(id="page-view")
        view.empty_message = WELCOME
        self._view = view
        with Horizontal(id="main"):
            yield PeoplePanel(id="people")
            yield view
            yield QuotesPanel(id="quotes")
        # Disabled while hidden so that focus can never land on it unseen.
        yield Input(id="prompt", disabled=True)
        with Horizontal(id="status"):
            # Titles, queries and paths come from outside: never read them as markup.
            yield Label("", id="status-title", markup=False)
            yield Label("", id="status-search", markup=False)
            yield Label("", id="status-position", markup=False)

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

    @property
    def view(self) -> PageView:
        """The reading view (kept by reference: the place is saved after it is unmounted)."""
        return self._view

    def on_mount(self) -> None:
        """Apply the user's keymap and open what the command line asked for."""
        if self.library is None:
            try:
                self.library = Library()
            except Exception as exc:  # a broken data folder must not stop the reader
                self.say(f"Reading positions will not be kept: {_one_line(exc)}")
        keymap, error = load_keymap(self.keymap_file)
        known = {b.id for b in self.BINDINGS if isinstance(b, Binding) and b.id}
        unknown = sorted(set(keymap) - known)
        if unknown:
            self.say(f"Unknown key ids in keymap.toml: {', '.join(unknown)}", severity="warning")
        if keymap:
            self.set_keymap(keymap)
        if error:
            self.say(error, severity="warning")
        self._arrange_for(self.size.width)
        self.view.focus()
        if self.initial_article is not None:
            self.show(self.initial_article)
        elif self.source:
            self.open_source(self.source, initial=True)
        else:
            self._welcome_with_recent()
        self._update_status()

    def _welcome_with_recent(self) -> None:
        """On an empty start, list what was read lately under the welcome text."""
        if self.library is None:
            return
        try:
            recent = self.library.recent(5)
        except Exception:
            return
        if recent:
            lines = [f"{display_name(e.title)[:60]}  ·  {round(e.progress * 100)}%" for e in recent]
            self.view.empty_message = [*WELCOME, "", "Recently read (o lists them):", *lines]
            self.view.refresh_view()

    # ------------------------------------------------------------------ loading

    def open_source(self, spec: str, *, initial: bool = False) -> None:
        """Load a path or URL in a worker; the current article stays until it succeeds."""
        from readerui.core.loading import is_url

        self._loading_source = spec
        self._initial_load = initial
        # A newer request wins: the older one is cancelled and its answer, if it still
        # comes, is dropped (a thread cannot be stopped, only told to stop).
        self._load_generation += 1
        if self._load_cancel is not None:
            self._load_cancel.set()
        self._load_cancel = threading.Event()
        if self.view.article is None:
            self.view.loading = True
        else:
            self.say(f"Opening {display_name(spec)}…", timeout=2)
        self._set_status_title(f"Loading {display_name(spec)}…")
        if is_url(spec):
            self._fetch(spec, self._load_generation)
        else:
            self._load_file(spec, self._load_generation, self._load_cancel)

    @work(exclusive=True, group="load")
    async def _fetch(self, url: str, generation: int) -> None:
        """Fetch a URL (async I/O) and extract its article."""
        from readerui.core.fetch import fetch_url

        try:
            article = await fetch_url(url)
        except ReaderError as exc:
            self.post_message(LoadFailed(url, str(exc), generation))
        except Exception as exc:  # never a traceback on screen: report and keep running
            self.post_message(LoadFailed(url, _one_line(exc), generation))
        else:
            self.post_message(ArticleLoaded(article, generation))

    @work(thread=True, exclusive=True, group="load")
    def _load_file(self, path: str, generation: int, cancel: threading.Event) -> None:
        """Read and extract a local file (CPU-bound for big HTML, so in a thread)."""
        from readerui.core.loading import load_path

        try:
            article = load_path(path, cancel=cancel)
        except ReaderError as exc:
            if not cancel.is_set():
                self.post_message(LoadFailed(path, str(exc), generation))
        except Exception as exc:  # never a traceback on screen: report and keep running
            self.post_message(LoadFailed(path, _one_line(exc), generation))
        else:
            self.post_message(ArticleLoaded(article, generation))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        """Show a freshly loaded article (unless a newer one was asked for since)."""
        if message.generation != self._load_generation:
            return
        self.view.loading = False
        self._loading_source = None
        self.initial_error = None
        self.show(message.article)

    def on_load_failed(self, message: LoadFailed) -> None:
        """Say why, keep whatever was open."""
        if message.generation != self._load_generation:
            return
        self.view.loading = False
        self._loading_source = None
        # The loading indicator took focus off the view; give it back.
        self.view.focus()
        self.say(message.error, title="Could not open", severity="error", timeout=8)
        if self.view.article is None:
            self.initial_error = message.error if getattr(self, "_initial_load", False) else None
            self.view.empty_message = [
                "Could not open it:",
                "",
                *message.error.splitlines()[:1],
                "",
                "o  open something else · q  quit",
            ]
            self.view.refresh_view()
        self._update_status()

    def show(self, article: Article) -> None:
        """Replace the article on screen; its analysis starts in the background."""
        self._clear_search()
        self.person = None
        self.quote = None
        self.analysis = None
        self.nav = "search"
        resume = self._stored_position(article)
        self.view.show_article(article, resume or 0)
        if resume:
            self.say("Back where you left off · g goes to the start", timeout=3)
        self.sub_title = article.title or display_name(article.source)
        self.view.focus()
        self.people_panel.reset()
        self.quotes_panel.speaker = None
        self.quotes_panel.reset()
        self._update_status()
        self._analyze(article)

    @work(thread=True, exclusive=True, group="analysis")
    def _analyze(self, article: Article) -> None:
        """Find people and quotes (CPU-bound) once the first page is on screen."""
        from readerui.core.analysis import analyze

        try:
            analysis = analyze(article)
        except Exception as exc:  # a bad analysis must never take the reader down
            self.call_from_thread(self.say, f"Analysis failed: {_one_line(exc)}", severity="error")
            analysis = Analysis()
        self.post_message(AnalysisReady(article, analysis))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        """Fill the panels (unless another article was opened meanwhile)."""
        if message.article is not self.view.article:
            return
        self.analysis = message.analysis
        self._paged_for = None
        self._refresh_page_numbers()
        self.people_panel.set_analysis(message.analysis)
        self.quotes_panel.set_analysis(message.analysis)

    # ------------------------------------------------------------------ panels

    @property
    def people_panel(self) -> PeoplePanel:
        """The people sidebar."""
        return self.query_one(PeoplePanel)

    @property
    def quotes_panel(self) -> QuotesPanel:
        """The quote index."""
        return self.query_one(QuotesPanel)

    def on_resize(self, event: Resize) -> None:
        """Pick the panel arrangement for the terminal's width."""
        self._arrange_for(event.size.width)

    def _arrange_for(self, width: int) -> None:
        size_class = "-wide" if width >= WIDE else "-narrow" if width < NARROW else "-medium"
        if size_class == self._size_class:
            return
        self._size_class = size_class
        for name in ("-wide", "-narrow", "-medium"):
            self.screen.set_class(name == size_class, name)
        if not self._panels_chosen:
            self.show_people = self.show_quotes = size_class == "-wide"
        elif size_class == "-narrow":
            # Beside the text they would squeeze it; reopened, they cover it instead.
            self.show_people = self.show_quotes = False
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
        elif (self.focused is None or not self.focused.display) or (
            self.focused is not None and not _is_shown(self.focused)
        ):
            self.view.focus()

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
            if self._size_class == "-narrow":
                self.show_people = self.show_quotes = False
                self._apply_panels()
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
        if self._size_class == "-narrow":
            self.show_people = self.show_quotes = False
            self._apply_panels()
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
        if self._size_class == "-narrow":
            self.show_people = self.show_quotes = False
            self._apply_panels()
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
            self.show_people = self.show_quotes = False
            self._apply_panels()
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

    def _mention_badge(self) -> str:
        person = self.person
        if person is None or not person.mentions:
            return ""
        start, end = self.view.visible_range()
        total = len(person.mentions)
        here = [i for i, (a, _) in enumerate(person.mentions) if start <= a < end]
        if here:
            return f"{person.name}: mention {here[0] + 1} of {total}"
        return f"{person.name}: {total} mentions"

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

    # ------------------------------------------------------------------ status

    def _set_status_title(self, text: str) -> None:
        self.query_one("#status-title", Label).update(text)

    def _update_status(self) -> None:
        view = self.view
        article = view.article
        if self._loading_source:
            self._set_status_title(f"Loading {display_name(self._loading_source)}…")
        elif article is None:
            self._set_status_title("No article open")
        else:
            self._set_status_title(article.title or display_name(article.source))
        search = ""
        if self.nav == "mentions" and self.person is not None:
            search = self._mention_badge()
        elif self.matches:
            count = f"{len(self.matches)}" + ("+" if len(self.matches) >= SEARCH_LIMIT else "")
            search = f"“{self.query_text}” {self.match_index + 1}/{count}"
        self.query_one("#status-search", Label).update(search)
        position = ""
        if article is not None and view.laying_out:
            position = "Laying out…"
        elif article is not None and view.pages_layout is not None and view.page_count:
            first = view.page_index + 1
            shown = min(view.columns, view.page_count - view.page_index)
            pages = f"{first}" if shown == 1 else f"{first}–{first + shown - 1}"
            percent = round(view.progress * 100)
            left = view.minutes_left
            time_left = _duration(left) + " left" if left else "end"
            position = f"Page {pages}/{view.page_count} · {percent}% · {time_left}"
        elif article is not None:
            position = "Laying out…"
        self.query_one("#status-position", Label).update(position)

    def on_page_view_changed(self, message: PageView.Changed) -> None:
        """Keep the status line and the quote index's page numbers in step with the view."""
        self._refresh_page_numbers()
        self._update_status()
        # Save the place a moment after the reader stops turning pages, not on every turn.
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.8, self.save_position)

    # ------------------------------------------------------------------ library

    def _library_key(self, article: Article) -> str | None:
        """The library's name for an article: a URL, or an absolute path; None for stdin."""
        from readerui.core.loading import is_url

        source = article.source
        if source in ("", "-"):
            return None
        if is_url(source):
            return source
        return str(Path(source).expanduser().resolve())

    def _stored_position(self, article: Article) -> int | None:
        key = self._library_key(article)
        if self.library is None or key is None:
            return None
        try:
            return self.library.position(key, article.text)
        except Exception:  # a damaged library only costs the reader their place
            return None

    def save_position(self, *, now: bool = False) -> None:
        """Record the first character on screen for the open article.

        Done in a thread worker (SQLite may wait on a lock), or at once when ``now`` (exit).
        """
        self._save_timer = None
        article = self.view.article
        if article is None or self.library is None or self.view.pages_layout is None:
            return
        key = self._library_key(article)
        position, read_to = self.view.visible_range()
        if key is None or self._saved == (key, position):
            return
        self._saved = (key, position)
        if self._digest is None or self._digest[0] != id(article):
            self._digest = (id(article), text_digest(article.text))
        args = (key, article.title or key, article.text, position, read_to, self._digest[1])
        if now:
            self._remember(*args)
        else:
            self._save_worker(*args)

    @work(thread=True, exclusive=True, group="library")
    def _save_worker(
        self, key: str, title: str, text: str, position: int, read_to: int, digest: str
    ) -> None:
        self._remember(key, title, text, position, read_to, digest)

    def _remember(
        self, key: str, title: str, text: str, position: int, read_to: int, digest: str
    ) -> None:
        assert self.library is not None
        try:
            self.library.remember(key, title, text, position, read_to=read_to, digest=digest)
        except Exception as exc:  # losing the place is bad, crashing the reader is worse
            self._saved = None
            self.call_later(self.say, f"Could not save the reading position: {_one_line(exc)}")

    def on_unmount(self) -> None:
        """Save the place on the way out."""
        self.save_position(now=True)

    # ------------------------------------------------------------------ actions

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
            hint = (
                " (close the panels with p and i)" if self.show_people or self.show_quotes else ""
            )
            self.say(f"Two-page spread on: it shows when the text area is 160+ columns{hint}")
        else:
            self.say("Two-page spread " + ("on" if view.spread else "off"), timeout=2)

    def action_open(self) -> None:
        """Ask for a file or URL and open it."""

        def opened(spec: str | None) -> None:
            if spec:
                self.open_source(spec)

        recent = []
        if self.library is not None:
            try:
                recent = self.library.recent()
            except Exception:
                recent = []
        self.push_screen(OpenScreen(recent), opened)

    def action_help(self) -> None:
        """Show every key."""
        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[tuple[str, str]]:
        """``(keys, description)`` rows for every binding, grouped under ``("", section)``.

        Keys are shown as bound now, the user's remapping included.
        """
        keymap = dict(self._keymap)
        by_id = {b.id: b for b in self.BINDINGS if isinstance(b, Binding) and b.id}
        rows: list[tuple[str, str]] = []
        for section, ids in _HELP_SECTIONS:
            rows.append(("", section))
            for binding_id in ids:
                binding = by_id[binding_id]
                keys = keymap.get(binding_id, binding.key)
                rows.append((_pretty_keys(keys), binding.description))
        rows.append(("", "Mouse"))
        rows.append(("click", "Left/right third of the page turns back/forward"))
        rows.append(("wheel", "Turns pages"))
        return rows

    # ------------------------------------------------------------------ prompt

    def _show_prompt(self, mode: str, placeholder: str, value: str = "") -> None:
        prompt = self.query_one("#prompt", Input)
        self._prompt_mode = mode
        prompt.placeholder = placeholder
        prompt.value = value
        prompt.type = "integer" if mode == "goto" else "text"
        prompt.disabled = False
        prompt.add_class("visible")
        # The prompt takes the status line's row, so the pages keep their size and the
        # page number typed means the page the reader sees.
        self.query_one("#status").display = False
        prompt.focus()

    def _hide_prompt(self) -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.remove_class("visible")
        prompt.disabled = True
        self.query_one("#status").display = True
        self._prompt_mode = None
        self.view.focus()

    def action_goto_page(self) -> None:
        """Ask for a page number."""
        if self.view.page_count:
            self._show_prompt("goto", f"Go to page (1–{self.view.page_count}), enter to go")

    def action_search(self) -> None:
        """Ask for a phrase to find."""
        if self.view.article is not None:
            self._show_prompt(
                "search", "Search (enter to find, n/N next/previous)", self.query_text
            )

    def action_close_overlay(self) -> None:
        """Escape: close the prompt, else clear the search, the person, the quote highlight."""
        if self._prompt_mode is not None:
            self._hide_prompt()
        elif self.matches and self.nav == "search":
            self._clear_search()
            self._update_status()
        elif self.person is not None:
            self.select_person(None)
        elif self.quote is not None:
            self.quote = None
            self.view.set_highlights("quote", [])
        elif self.matches:
            self._clear_search()
            self._update_status()

    @on(Input.Submitted, "#prompt")
    def _prompt_submitted(self, event: Input.Submitted) -> None:
        mode = self._prompt_mode
        value = event.value.strip()
        self._hide_prompt()
        if mode == "goto" and value:
            try:
                number = int(value)
            except ValueError:
                self.say(f"Not a page number: {value}", severity="error")
                return
            if not 1 <= number <= self.view.page_count:
                self.say(f"There are pages 1 to {self.view.page_count}", severity="warning")
            self.view.go_to_page(number - 1)
        elif mode == "search":
            self.run_search(value)

    # ------------------------------------------------------------------ search

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


def _duration(minutes: int) -> str:
    """``95`` -> ``"1 h 35 min"``; short spans stay in minutes."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min"


def _is_shown(widget: object) -> bool:
    """Whether a widget and all its ancestors are displayed."""
    from textual.widget import Widget

    node = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True


def _one_line(exc: BaseException) -> str:
    """An unexpected error as one line: its type and first line of message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
