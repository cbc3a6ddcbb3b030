"""The readerui application: a reading view, a status line and a few overlays."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label

from readerui.core.errors import ReaderError
from readerui.core.models import Article
from readerui.core.search import find_all
from readerui.ui.keymap import load_keymap
from readerui.ui.messages import ArticleLoaded, LoadFailed
from readerui.ui.page_view import Highlight, PageView
from readerui.ui.screens import HelpScreen, OpenScreen

WELCOME = [
    "readerui",
    "",
    "o  open a file or URL",
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
    "escape": "Esc",
    "tab": "Tab",
    "enter": "Enter",
}


def _pretty_keys(keys: str) -> str:
    """``"pagedown,right"`` -> ``"PgDn →"`` for the help screen."""
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


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
        Binding("n", "search_next", "Next match", id="search_next"),
        Binding("N", "search_prev", "Previous match", id="search_prev"),
        Binding("d", "toggle_spread", "Two-page spread on/off (wide terminals)", id="spread"),
        Binding("o", "open", "Open a file or URL…", id="open"),
        Binding("question_mark,f1", "help", "Show keys", id="help"),
        Binding("escape", "close_overlay", "Close search / prompt", id="close", show=False),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        source: str | None = None,
        *,
        article: Article | None = None,
        keymap_file: Path | None = None,
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
        self.matches: list[tuple[int, int]] = []
        """Offsets of the current search's matches."""
        self.match_index = -1
        """Which match is current (-1: none)."""
        self.query_text = ""
        """The current search."""
        self._prompt_mode: str | None = None
        self._loading_source: str | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        """Reading view, prompt line (hidden) and status line."""
        view = PageView(id="page-view")
        view.empty_message = WELCOME
        yield view
        yield Input(id="prompt")
        with Horizontal(id="status"):
            yield Label("", id="status-title")
            yield Label("", id="status-search")
            yield Label("", id="status-position")

    @property
    def view(self) -> PageView:
        """The reading view."""
        return self.query_one(PageView)

    def on_mount(self) -> None:
        """Apply the user's keymap and open what the command line asked for."""
        keymap, error = load_keymap(self.keymap_file)
        if keymap:
            self.set_keymap(keymap)
        if error:
            self.notify(error, severity="warning")
        self.view.focus()
        if self.initial_article is not None:
            self.show(self.initial_article)
        elif self.source:
            self.open_source(self.source, initial=True)
        self._update_status()

    # ------------------------------------------------------------------ loading

    def open_source(self, spec: str, *, initial: bool = False) -> None:
        """Load a path or URL in a worker; the current article stays until it succeeds."""
        from readerui.core.loading import is_url

        self._loading_source = spec
        self._initial_load = initial
        if self.view.article is None:
            self.view.loading = True
        else:
            self.notify(f"Opening {spec}…", timeout=2)
        self._set_status_title(f"Loading {spec}…")
        if is_url(spec):
            self._fetch(spec)
        else:
            self._load_file(spec)

    @work(exclusive=True, group="load")
    async def _fetch(self, url: str) -> None:
        """Fetch a URL (async I/O) and extract its article."""
        from readerui.core.fetch import fetch_url

        try:
            article = await fetch_url(url)
        except ReaderError as exc:
            self.post_message(LoadFailed(url, str(exc)))
        except Exception as exc:  # never a traceback on screen: report and keep running
            self.post_message(LoadFailed(url, _one_line(exc)))
        else:
            self.post_message(ArticleLoaded(article))

    @work(thread=True, exclusive=True, group="load")
    def _load_file(self, path: str) -> None:
        """Read and extract a local file (CPU-bound for big HTML, so in a thread)."""
        from readerui.core.loading import load_path

        try:
            article = load_path(path)
        except ReaderError as exc:
            self.post_message(LoadFailed(path, str(exc)))
        except Exception as exc:  # never a traceback on screen: report and keep running
            self.post_message(LoadFailed(path, _one_line(exc)))
        else:
            self.post_message(ArticleLoaded(article))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        """Show a freshly loaded article."""
        self.view.loading = False
        self._loading_source = None
        self.initial_error = None
        self.show(message.article)

    def on_load_failed(self, message: LoadFailed) -> None:
        """Say why, keep whatever was open."""
        self.view.loading = False
        self._loading_source = None
        self.notify(message.error, title="Could not open", severity="error", timeout=8)
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
        """Replace the article on screen."""
        self._clear_search()
        self.view.show_article(article)
        self.sub_title = article.title or article.source
        self.view.focus()
        self._update_status()

    # ------------------------------------------------------------------ status

    def _set_status_title(self, text: str) -> None:
        self.query_one("#status-title", Label).update(text)

    def _update_status(self) -> None:
        view = self.view
        article = view.article
        if self._loading_source:
            self._set_status_title(f"Loading {self._loading_source}…")
        elif article is None:
            self._set_status_title("No article open")
        else:
            self._set_status_title(article.title or article.source)
        search = ""
        if self.matches:
            search = f"“{self.query_text}” {self.match_index + 1}/{len(self.matches)}"
        self.query_one("#status-search", Label).update(search)
        position = ""
        if article is not None and view.pages_layout is not None and view.page_count:
            first = view.page_index + 1
            shown = min(view.columns, view.page_count - view.page_index)
            pages = f"{first}" if shown == 1 else f"{first}–{first + shown - 1}"
            percent = round(view.progress * 100)
            left = view.minutes_left
            time_left = f"{left} min left" if left else "end"
            position = f"Page {pages}/{view.page_count} · {percent}% · {time_left}"
        elif article is not None:
            position = "Laying out…"
        self.query_one("#status-position", Label).update(position)

    def on_page_view_changed(self, message: PageView.Changed) -> None:
        """Keep the status line in step with the page shown."""
        self._update_status()

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
            self.notify("Two-page spread on: it shows when the window is 160+ columns wide")
        else:
            self.notify("Two-page spread " + ("on" if view.spread else "off"), timeout=2)

    def action_open(self) -> None:
        """Ask for a file or URL and open it."""

        def opened(spec: str | None) -> None:
            if spec:
                self.open_source(spec)

        self.push_screen(OpenScreen(), opened)

    def action_help(self) -> None:
        """Show every key."""
        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[tuple[str, str]]:
        """``(keys, description)`` for every binding, with the user's remapping applied."""
        keymap = dict(self._keymap)
        rows = []
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            keys = keymap.get(binding.id or "", binding.key)
            rows.append((_pretty_keys(keys), binding.description))
        rows.append(("Esc", "Close search, prompts and dialogs"))
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
        prompt.add_class("visible")
        prompt.focus()

    def _hide_prompt(self) -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.remove_class("visible")
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
        """Escape: close the prompt, or clear the search highlights."""
        if self._prompt_mode is not None:
            self._hide_prompt()
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
                self.notify(f"Not a page number: {value}", severity="error")
                return
            if not 1 <= number <= self.view.page_count:
                self.notify(f"There are pages 1 to {self.view.page_count}", severity="warning")
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
        self.matches = find_all(article.text, query) if query else []
        if not self.matches:
            self.match_index = -1
            self.view.set_highlights("search", [])
            if query:
                self.notify(f"Not found: {query}", severity="warning")
            self._update_status()
            return
        start = self.view.visible_range()[0]
        self.match_index = next((i for i, (a, _) in enumerate(self.matches) if a >= start), 0)
        self._show_match()

    def _show_match(self) -> None:
        a, b = self.matches[self.match_index]
        highlights = [Highlight(s, e, "pageview--match") for s, e in self.matches]
        highlights.append(Highlight(a, b, "pageview--match-current"))
        self.view.set_highlights("search", highlights)
        self.view.go_to_offset(a)
        self._update_status()

    def _clear_search(self) -> None:
        self.matches = []
        self.match_index = -1
        self.view.set_highlights("search", [])

    def action_search_next(self) -> None:
        """Go to the next match (wrapping round)."""
        if not self.matches:
            self.notify("No search: press / to find something", timeout=2)
            return
        self.match_index = (self.match_index + 1) % len(self.matches)
        self._show_match()

    def action_search_prev(self) -> None:
        """Go to the previous match (wrapping round)."""
        if not self.matches:
            self.notify("No search: press / to find something", timeout=2)
            return
        self.match_index = (self.match_index - 1) % len(self.matches)
        self._show_match()


def _one_line(exc: BaseException) -> str:
    """An unexpected error as one line: its type and first line of message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
