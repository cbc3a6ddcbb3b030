"""The readerui application: wires a few parts that own their state.

:class:`~readerui.ui.desk.ReadingDesk` holds the panels, the reading view and the article on
them (with its :class:`~readerui.ui.loader.ArticleLoader`, its
:class:`~readerui.ui.keeper.PlaceKeeper`, the panel arrangement and the marks on the text);
the app adds the keys, the :class:`~readerui.ui.prompt.PromptLine`, the
:class:`~readerui.ui.status.StatusLine` and the dialogs. README "Design" maps them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.events import Resize
from textual.notifications import SeverityLevel

from readerui.core.models import Analysis, Article
from readerui.core.sanitize import display_name, display_source
from readerui.data.library import Library, shown_title
from readerui.ui.across_screen import AcrossScreen
from readerui.ui.arrangement import PanelName
from readerui.ui.bindings import BINDINGS, key_help, key_hint
from readerui.ui.desk import WELCOME, ReadingDesk
from readerui.ui.keymap import keymap_warnings, load_keymap
from readerui.ui.keyroute import KeyRouter
from readerui.ui.messages import Said
from readerui.ui.page_view import PageView
from readerui.ui.panels import PeoplePanel, QuotesPanel
from readerui.ui.prompt import PromptLine, PromptMode
from readerui.ui.screens import HelpScreen, OpenScreen, SaveScreen
from readerui.ui.settings import SettingsKeeper
from readerui.ui.shelf import Shelf
from readerui.ui.status import StatusLine, place_text

__all__ = ["WELCOME", "ReaderApp"]


class ReaderApp(App[None]):
    """Read an article page by page."""

    CSS_PATH = "readerui.tcss"
    TITLE = "readerui"

    BINDINGS: ClassVar[list[BindingType]] = list(BINDINGS)

    def __init__(
        self,
        source: str | None = None,
        *,
        article: Article | None = None,
        keymap_file: Path | None = None,
        library: Library | None = None,
        notice: str | None = None,
    ) -> None:
        super().__init__()
        self.notice = notice
        """Something to say once the reader is up (e.g. that a kept copy is shown)."""
        self.source = source
        """What to open at start (a path or URL), unless ``article`` is given."""
        self.initial_article = article
        """An article already loaded (stdin), shown at start."""
        self.keymap_file = keymap_file
        """Keymap to load instead of the user's default one (tests use this)."""
        self._view = PageView(id="page-view")
        self._view.empty_message = WELCOME
        self.desk = ReadingDesk(self._view, library, id="main")
        """The panels and the reading view, and what is chosen in them."""
        self.marks = self.desk.marks
        """Search matches, the chosen person's mentions and quote, drawn on the view."""
        self.keys = KeyRouter(lambda: self.screen.focused, self.call_after_refresh)
        """Sends keys typed in a burst after the focus they were typed for."""
        self.shelf = Shelf(self)
        """The Open, library and Save dialogs."""
        self.settings = SettingsKeeper()
        """config.toml: the theme, the panels and the spread, remembered between launches."""

    async def on_event(self, event: events.Event) -> None:
        """Note where each key is handed; hand a key that comes back astray on again."""
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self.keys.arrived(event)
            elif self.keys.astray(event):
                return
        await super().on_event(event)

    # ------------------------------------------------------------------ parts

    @property
    def view(self) -> PageView:
        """The reading view (kept by reference: the place is saved after it is unmounted)."""
        return self._view

    @property
    def people_panel(self) -> PeoplePanel:
        """The people sidebar."""
        return self.desk.people_panel

    @property
    def quotes_panel(self) -> QuotesPanel:
        """The quote index."""
        return self.desk.quotes_panel

    @property
    def analysis(self) -> Analysis | None:
        """People and quotes of the article shown (None while the analysis runs)."""
        return self.desk.analysis

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
        yield self.desk
        yield PromptLine(id="prompt")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        """Open the library, apply the user's keymap, open what the command line asked for."""
        self.desk.open_library()
        keymap, error = load_keymap(self.keymap_file)
        for warning in keymap_warnings(BINDINGS, keymap):
            self.say(warning, severity="warning")
        if keymap:
            self.set_keymap(keymap)
        if error:
            self.say(error, severity="warning")
        self._apply_settings()
        self.desk.fit(self.size.width)
        self.view.focus()
        if self.notice:
            self.say(self.notice, severity="warning", timeout=8)
        if self.initial_article is not None:
            self.show(self.initial_article)
        elif self.source:
            self.open_source(self.source, initial=True)
        else:
            self.desk.welcome()
            if self.desk.keeper.entries():
                self.action_library()
        self.refresh_status()

    def _apply_settings(self) -> None:
        for warning in self.settings.load():
            self.say(warning, severity="warning")
        chosen = self.settings.settings
        if chosen.theme in self.available_themes:
            self.theme = chosen.theme
        elif chosen.theme:
            self.say(f"Unknown theme {chosen.theme!r} in config.toml", severity="warning")
        self.view.spread = chosen.spread
        self.desk.arrangement.prefer(chosen.people, chosen.quotes)
        self.theme_changed_signal.subscribe(self, lambda theme: self.remember("theme", theme.name))

    def remember(self, key: str, value: str | bool) -> None:
        """Write a setting to config.toml (a failure is said once)."""
        self._tell(self.settings.remember(key, value), severity="warning")

    def open_source(self, spec: str, *, initial: bool = False) -> None:
        """Load a path or URL in a worker; the current article stays until it succeeds."""
        self.desk.open(spec, initial=initial)

    def show(self, article: Article) -> None:
        """Replace the article on screen; its analysis starts in the background."""
        self.desk.show(article)

    @property
    def initial_error(self) -> str | None:
        """Why the article asked for on the command line could not be opened, if it failed."""
        return self.desk.initial_error

    def on_said(self, message: Said) -> None:
        """Say what a worker had to say."""
        self.say(message.text, severity=message.severity)

    def on_reading_desk_changed(self, message: ReadingDesk.Changed) -> None:
        """What is open, loading or marked changed: the status line follows."""
        self.refresh_status()

    def on_page_view_changed(self, message: PageView.Changed) -> None:
        """Keep the status line in step with the pages."""
        self.refresh_status()

    def refresh_status(self) -> None:
        """Bring the status line's fields up to date."""
        article = self.view.article
        status = self.status
        pending = self.desk.loader.pending
        if pending:
            status.title = f"Loading {display_source(pending)}…"
        elif article is None:
            status.title = "No article open"
        else:
            status.title = display_name(shown_title(article.title, article.source, article.text))
            self.sub_title = status.title
            progress = self.desk.analysis_progress
            if progress is not None:
                status.title += f" · people and quotes {round(progress * 100)}%"
        status.badge = self.marks.badge()
        status.hint = key_hint(dict(self._keymap), self.get_key_display, self.size.width)
        status.place = place_text(self.view)

    def _tell(self, note: str | None, *, severity: SeverityLevel = "information") -> None:
        if note:
            self.say(note, severity=severity, timeout=2 if severity == "information" else None)

    # ------------------------------------------------------------------ reading

    def _still_loading(self, action: Callable[[], object]) -> bool:
        """Keep ``action`` for when the article shows, if none is shown and one is coming."""
        if self.view.article is None and self.desk.loader.pending is not None:
            self.desk.when_read(action)
            return True
        return False

    def action_next_page(self) -> None:
        """Turn forward."""
        if self._still_loading(self.action_next_page):
            return
        if not self.view.next_page() and self.view.article is not None:
            self.bell()

    def action_prev_page(self) -> None:
        """Turn back."""
        if self._still_loading(self.action_prev_page):
            return
        if not self.view.previous_page() and self.view.article is not None:
            self.bell()

    def action_first_page(self) -> None:
        """Go to the first page."""
        if not self._still_loading(self.action_first_page):
            self.view.go_to_page(0)

    def action_last_page(self) -> None:
        """Go to the last page (of the whole text, when a long one is still being read)."""
        self.desk.when_read(self.view.go_to_end)

    def action_toggle_spread(self) -> None:
        """Switch the two-page spread on or off."""
        view = self.view
        view.spread = not view.spread
        self.remember("spread", view.spread)
        view.relayout()
        if view.spread and view.columns == 1:
            panels = self.desk.arrangement.people or self.desk.arrangement.quotes
            hint = " (close the panels with p and i)" if panels else ""
            self.say(f"Two-page spread on: it shows when the text area is 160+ columns{hint}")
        else:
            self.say("Two-page spread " + ("on" if view.spread else "off"), timeout=2)

    def action_goto_page(self) -> None:
        """Ask for a page number."""
        view = self.view
        if view.page_count:
            count = f"{view.page_count}" if view.complete else f"≈{view.estimated_page_count:,}"
            self._ask("goto", f"Go to page (1–{count}), enter to go")

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
        self.keys.await_focus(self.prompt)

    def _prompt_closed(self) -> None:
        self.status.display = True
        self.view.focus()

    def on_prompt_line_answered(self, message: PromptLine.Answered) -> None:
        """Go to the page typed, or search for the phrase."""
        self._prompt_closed()
        value = message.value
        if message.mode == "search":
            if self.desk.preview:
                self.say("Searching as soon as the whole text is read…", timeout=2)
            self.desk.when_read(lambda: self.run_search(value))
        elif value:
            try:
                number = int(value)
            except ValueError:
                self.say(f"Not a page number: {value}", severity="error")
                return
            view = self.view
            if number < 1 or (view.complete and number > view.page_count):
                self.say(f"There are pages 1 to {view.page_count}", severity="warning")
            # A page past the part laid out is shown once the whole text is laid out.
            self.desk.when_read(lambda: view.go_to_page(max(0, number - 1)))

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
            self.desk.select_person(None)
        elif target == "quote":
            self.marks.choose_quote(None)
        self.refresh_status()

    def on_resize(self, event: Resize) -> None:
        """Arrange the panels (and the key hint) for the terminal's width."""
        self.desk.fit(event.size.width)
        self.refresh_status()

    def action_toggle_people(self) -> None:
        """Open or close the people panel."""
        self._toggle_panel("people")

    def action_toggle_quotes(self) -> None:
        """Open or close the quote index."""
        self._toggle_panel("quotes")

    def _toggle_panel(self, which: PanelName) -> None:
        opened = self.desk.toggle_panel(which)
        self.remember("people", self.desk.arrangement.people)
        self.remember("quotes", self.desk.arrangement.quotes)
        if opened:
            # Letters typed right after p or i filter the panel: held until its list has
            # the focus (a panel that has just opened takes it on the next refresh).
            panel = self.people_panel if which == "people" else self.quotes_panel
            self.keys.await_focus(panel.option_list)

    def action_cycle_focus(self, step: int) -> None:
        """Move focus text → people → quotes and round, opening a closed panel on the way."""
        if len(self.screen_stack) > 1:  # a dialog: tab belongs to it, not to the panels
            screen = self.screen
            tabbed = (OpenScreen, SaveScreen, AcrossScreen)
            if step > 0 and isinstance(screen, tabbed) and screen.complete():
                return  # tab completed a path
            screen.focus_next() if step > 0 else screen.focus_previous()
        elif self.prompt.mode is None:
            self.desk.cycle_focus(step)

    def action_copy_quote(self) -> None:
        """Copy a citation of the highlighted (or last chosen) quote to the clipboard."""
        citation = self.desk.citation()
        if citation is None:
            self.say("Choose a quote in the quote index (i) first", timeout=3)
            return
        self.copy_to_clipboard(citation)
        self.say(f"Copied: {citation[:70]}{'…' if len(citation) > 70 else ''}", timeout=3)

    def action_toggle_partial(self) -> None:
        """Show or hide scare quotes and fragments in the quote index."""
        shown = self.desk.toggle_partial()
        self.say("Fragments shown (dimmed)" if shown else "Fragments hidden", timeout=2)

    # ------------------------------------------------------------------ overlays

    def action_open(self) -> None:
        """Ask for a file or URL and open it."""
        self.shelf.ask_open()

    def action_library(self) -> None:
        """Show every article read before; open the one chosen."""
        self.shelf.show_library()

    def action_across(self) -> None:
        """Who said what across the library."""
        self.shelf.show_across()

    def action_save(self) -> None:
        """Save the article to a Markdown file that reopens with the same title and text."""
        self.shelf.ask_save()

    def action_help(self) -> None:
        """Show every key."""
        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[tuple[str, str]]:
        """``(keys, description)`` rows for every binding, as bound now, by section."""
        return key_help(BINDINGS, dict(self._keymap), self.get_key_display)
