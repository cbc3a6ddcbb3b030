"""The readerui application: wires a few parts that own their state.

:class:`~readerui.ui.desk.ReadingDesk` holds the panels, the reading view and the article on
them (with its :class:`~readerui.ui.loader.ArticleLoader`, its
:class:`~readerui.ui.keeper.PlaceKeeper`, its :class:`~readerui.ui.sidebars.Sidebars` and the
marks on the text); the app adds the keys, the :class:`~readerui.ui.prompt.PromptLine`, the
:class:`~readerui.ui.status.StatusLine`, the dialogs (its :class:`~readerui.ui.shelf.Shelf`)
and what the command line asked to show first (its :class:`~readerui.ui.launch.Launch`).
README "Design" maps them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.screen import Screen

from readerui.core.courtesy import READER
from readerui.core.loading import PendingArticle
from readerui.core.models import Analysis, Article
from readerui.data.library import Library
from readerui.ui.arrangement import PanelName, size_class_for
from readerui.ui.asking import Asker
from readerui.ui.bindings import BINDINGS, key_help, key_hint
from readerui.ui.desk import ReadingDesk
from readerui.ui.keymap import user_keymap
from readerui.ui.keyroute import KeyRouter
from readerui.ui.launch import Launch
from readerui.ui.messages import Said
from readerui.ui.page_view import PageView
from readerui.ui.panels import PeoplePanel, QuotesPanel
from readerui.ui.prompt import PromptLine
from readerui.ui.settings import SettingsKeeper
from readerui.ui.shelf import Shelf
from readerui.ui.status import StatusLine
from readerui.ui.welcome import WELCOME

__all__ = ["WELCOME", "ReaderApp"]

_TURNS = (events.Key, events.MouseScrollDown, events.MouseScrollUp)  # the reader acting

SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the interpreter lock while another waits (Python's default: 5 ms)."""


class ReadingScreen(Screen[None]):
    """The app's own screen: the reading view has the focus from the start.

    Textual would focus the first focusable widget (a hidden panel's filter box) and the
    app would move the focus to the view: two restyles more before the first page.
    """

    AUTO_FOCUS = "#page-view"


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
        typed: str = "",
        rest: PendingArticle | None = None,
    ) -> None:
        super().__init__()
        self.launch = Launch(source, article, rest=rest, typed=typed, notice=notice)
        """What the command line asked to show first."""
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
        self.asker = Asker(self)
        """The page-number and search questions, and what their answers do."""

    async def on_event(self, event: events.Event) -> None:
        """Note where each key is handed; hand a key that comes back astray on again."""
        if isinstance(event, _TURNS) and not event.is_forwarded:
            # Threads reading or laying out a book give way while the answer is drawn (keys
            # and the wheel turn pages; a mouse that merely moves does not hold them up).
            READER.busy()
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self.keys.arrived(event)
            elif self.keys.astray(event):
                return
        await super().on_event(event)
        if isinstance(event, events.Key):
            self.keys.handled(event)

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

    def get_default_screen(self) -> Screen[None]:
        """The reading screen (see :class:`ReadingScreen`)."""
        return ReadingScreen(id="_default")

    def compose(self) -> ComposeResult:
        """Panels beside the reading view, prompt line (hidden) and status line."""
        # The width's class on the screen before its widgets are there: set later, it would
        # restyle every widget once more before the first page is drawn.
        self.screen.add_class(size_class_for(self.size.width))
        yield self.desk
        yield PromptLine(id="prompt")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        """Open the library, apply the user's keymap, open what the command line asked for."""
        # Loading and laying out a book run in threads: a shorter switch interval hands the
        # interpreter lock back to the UI thread sooner, so a page turn waits less for them.
        sys.setswitchinterval(SWITCH_INTERVAL)
        self.desk.open_library()
        keymap, warnings = user_keymap(BINDINGS, self.keymap_file)
        for warning in warnings:
            self.say(warning, severity="warning")
        if keymap:
            self.set_keymap(keymap)
        self.settings.apply(self)
        self.desk.sidebars.fit(self.size.width)
        self.view.focus()
        self.launch.begin(self)
        self.refresh_status()

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
        hint = key_hint(dict(self._keymap), self.get_key_display, self.size.width)
        self.sub_title = self.status.follow(self.desk, hint)

    def _tell(self, note: str | None, *, severity: SeverityLevel = "information") -> None:
        if note:
            self.say(note, severity=severity, timeout=2 if severity == "information" else None)

    # ------------------------------------------------------------------ reading

    def action_next_page(self) -> None:
        """Turn forward."""
        if self.desk.kept_until_shown(self.action_next_page):
            return
        if not self.view.next_page() and self.view.article is not None:
            self.bell()

    def action_prev_page(self) -> None:
        """Turn back."""
        if self.desk.kept_until_shown(self.action_prev_page):
            return
        if not self.view.previous_page() and self.view.article is not None:
            self.bell()

    def action_first_page(self) -> None:
        """Go to the first page."""
        if not self.desk.kept_until_shown(self.action_first_page):
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
            arrangement = self.desk.sidebars.arrangement
            panels = arrangement.people or arrangement.quotes
            hint = " (close the panels with p and i)" if panels else ""
            self.say(f"Two-page spread on: it shows when the text area is 160+ columns{hint}")
        else:
            self.say("Two-page spread " + ("on" if view.spread else "off"), timeout=2)

    def action_goto_page(self) -> None:
        """Ask for a page number."""
        self.asker.goto()

    def action_search(self) -> None:
        """Ask for a phrase to find."""
        self.asker.search()

    def on_prompt_line_answered(self, message: PromptLine.Answered) -> None:
        """Go to the page typed, or search for the phrase."""
        self.asker.answered(message.mode, message.value)

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
        if not self.asker.close():
            self.desk.unmark()
            self.refresh_status()

    def on_resize(self, event: Resize) -> None:
        """Arrange the panels (and the key hint) for the terminal's width."""
        self.desk.sidebars.fit(event.size.width)
        self.refresh_status()

    def action_toggle_people(self) -> None:
        """Open or close the people panel."""
        self._toggle_panel("people")

    def action_toggle_quotes(self) -> None:
        """Open or close the quote index."""
        self._toggle_panel("quotes")

    def _toggle_panel(self, which: PanelName) -> None:
        sidebars = self.desk.sidebars
        opened = sidebars.toggle(which)
        self.remember("people", sidebars.arrangement.people)
        self.remember("quotes", sidebars.arrangement.quotes)
        if opened:
            # Letters typed right after p or i filter the panel: held until its list has
            # the focus (a panel that has just opened takes it on the next refresh).
            self.keys.await_focus(sidebars.panel(which).option_list)

    def action_cycle_focus(self, step: int) -> None:
        """Move focus text → people → quotes and round, opening a closed panel on the way."""
        if not self.shelf.tab(step) and self.prompt.mode is None:
            self.desk.sidebars.cycle_focus(step)

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
        from readerui.ui.screens import HelpScreen  # (dialogs: not before the first page)

        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[tuple[str, str]]:
        """``(keys, description)`` rows for every binding, as bound now, by section."""
        return key_help(BINDINGS, dict(self._keymap), self.get_key_display)
