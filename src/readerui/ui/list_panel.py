"""A titled panel with a filter above a list, where typing a letter starts filtering."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList

from readerui.core.models import Analysis

LIST_LIMIT = 300
"""Most rows a panel lists at once. Textual's OptionList measures every row when it is filled,
about half a millisecond each on the UI thread, and a novel has tens of thousands of quotes:
the panel lists a window of them and typing filters the whole."""


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
        self._ready = False
        self._waiting: list[Callable[[], None]] = []
        # Made here, not in compose: the list is there to wait for (a key after "p" waits
        # for its focus) even before the panel is in the app.
        # No select-on-focus: typing in the list moves here mid-word, and the next key must
        # add to the first one, not replace it.
        self._filter = Input(
            placeholder=self.placeholder, classes="panel-filter", select_on_focus=False
        )
        self._list = TypeToFilterList(classes="panel-list")
        self._list.reserved = self.reserved_keys

    # The app's command keys keep their meaning in a list (toggle panels, quit, open, spread,
    # mentions, help); any other letter starts a filter, and "/" always does.
    reserved_keys: frozenset[str] = frozenset(
        {"p", "i", "q", "o", "d", "n", "N", "y", "x", "question_mark"}
    )
    """Keys that keep their binding in the list instead of starting a filter."""

    def compose(self) -> ComposeResult:
        """Title, filter, list, a detail line (hidden while empty), hint."""
        yield Label(self.title, classes="panel-title")
        yield self._filter
        yield self._list
        yield Label("", classes="panel-detail", markup=False)
        yield Label(self.hint, classes="panel-hint")

    def on_mount(self) -> None:
        """In the app at last (see :attr:`ready`): list what was given meanwhile."""
        self._ready = True
        self._fill()
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def when_ready(self, action: Callable[[], None]) -> None:
        """Run ``action`` now if the panel is :attr:`ready`, else once it is."""
        if self._ready:
            action()
        else:
            self._waiting.append(action)

    @property
    def ready(self) -> bool:
        """Whether the panel's parts are there. A reader that starts with the panels closed
        puts them in the app just after its first page is drawn (their widgets would delay
        it); until then the panel keeps what it is given and lists it once it is ready."""
        return self._ready

    def show_detail(self, text: str) -> None:
        """Say something about the highlighted row under the list ("" hides the line)."""
        detail = self.query_one(".panel-detail", Label)
        detail.update(text)
        detail.set_class(bool(text), "shown")

    @property
    def filter_input(self) -> Input:
        """The filter box."""
        return self._filter

    @property
    def option_list(self) -> TypeToFilterList:
        """The list."""
        return self._list

    def focus_list(self) -> None:
        """Focus the list with an item highlighted, ready for enter."""
        if not self._ready:
            self.when_ready(self.focus_list)
            return
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
        if self._ready:
            with self.filter_input.prevent(Input.Changed):
                self.filter_input.value = ""
        self.set_analysis(None)

    def refill(self) -> None:
        """Rebuild the list from the analysis, the filter and the panel's own state (once
        the panel is :attr:`ready`)."""
        if self._ready:
            self._fill()

    def _fill(self) -> None:
        raise NotImplementedError
