"""The readerui application: a reading view, a status line and a few overlays.

:class:`ReaderApp` holds the bindings, the layout, loading and the reading keys; the panels,
search and library behaviour come from the mixins beside it (see :mod:`readerui.ui.base`).
"""

from __future__ import annotations

import threading

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label

from readerui.core.errors import ReaderError, describe
from readerui.core.models import Analysis, Article
from readerui.core.sanitize import display_name, display_source
from readerui.data.library import Library
from readerui.ui.base import WELCOME
from readerui.ui.keymap import load_keymap
from readerui.ui.library_mixin import LibraryMixin
from readerui.ui.messages import AnalysisReady, ArticleLoaded, LoadFailed
from readerui.ui.page_view import PageView
from readerui.ui.panels import PeoplePanel, QuotesPanel
from readerui.ui.panels_mixin import PanelsMixin
from readerui.ui.screens import HelpScreen, OpenScreen
from readerui.ui.search_mixin import SearchMixin

__all__ = ["WELCOME", "ReaderApp"]

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


class ReaderApp(PanelsMixin, LibraryMixin, SearchMixin):
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

    def on_mount(self) -> None:
        """Apply the user's keymap and open what the command line asked for."""
        if self.library is None:
            try:
                self.library = Library()
            except Exception as exc:  # a broken data folder must not stop the reader
                self.say(f"Reading positions will not be kept: {describe(exc)}")
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

    # ------------------------------------------------------------------ loading

    def open_source(self, spec: str, *, initial: bool = False) -> None:
        """Load a path or URL in a worker; the current article stays until it succeeds."""
        from readerui.core.sources import is_url

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
            self.say(f"Opening {display_source(spec)}…", timeout=2)
        self._set_status_title(f"Loading {display_source(spec)}…")
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
            self.post_message(LoadFailed(url, describe(exc), generation))
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
            self.post_message(LoadFailed(path, describe(exc), generation))
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
            self.call_from_thread(self.say, f"Analysis failed: {describe(exc)}", severity="error")
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

    # ------------------------------------------------------------------ status

    def on_page_view_changed(self, message: PageView.Changed) -> None:
        """Keep the status line and the quote index's page numbers in step with the view."""
        self._refresh_page_numbers()
        self._update_status()
        # Save the place a moment after the reader stops turning pages, not on every turn.
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.8, self.save_position)

    # ------------------------------------------------------------------ library

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
