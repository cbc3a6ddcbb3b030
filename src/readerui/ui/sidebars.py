"""The panels either side of the text: which are open, and where the focus goes among them.

:class:`Sidebars` is a part of :class:`~readerui.ui.desk.ReadingDesk` with no looks of its
own: it owns the people panel, the quote index and their
:class:`~readerui.ui.arrangement.PanelArrangement`, shows the panels the arrangement has open,
and moves the focus between the text and them so that it never rests on a hidden widget.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget

from readerui.ui.arrangement import PanelArrangement, PanelName
from readerui.ui.list_panel import ListPanel
from readerui.ui.page_view import PageView
from readerui.ui.panels import PeoplePanel, QuotesPanel


class Sidebars:
    """The people panel and the quote index beside ``view``, in ``host``, arranged for the
    terminal's width."""

    def __init__(self, host: Widget, view: PageView) -> None:
        self.host = host
        """The widget that holds the panels and the view."""
        self.view = view
        """The reading view between the panels."""
        self.people = PeoplePanel(id="people")
        """The people sidebar."""
        self.quotes = QuotesPanel(id="quotes")
        """The quote index."""
        self.arrangement = PanelArrangement()
        """Which panels are open at this width."""
        self.mounted = False
        """Whether the panels are in the app (see :meth:`mount`)."""

    def mount(self) -> None:
        """Put the panels in the app, either side of the view (once; later calls do nothing).

        A reader that starts with both closed does this when one opens: a panel's widgets (a
        filter box, a list) take a good part of the time to the first page, and mounted just
        after it, the first page turns would wait for them. Until its parts are there a
        panel keeps what it is given (see
        :attr:`ListPanel.ready <readerui.ui.list_panel.ListPanel.ready>`).
        """
        if not self.mounted:
            self.mounted = True
            self.host.mount(self.people, before=self.view)
            self.host.mount(self.quotes, after=self.view)

    def when_ready(self, action: Callable[[], None]) -> None:
        """Run ``action`` once both panels are ready, or now when they are not coming yet
        (see :meth:`mount`)."""
        if not self.mounted:
            action()
        else:
            self.people.when_ready(lambda: self.quotes.when_ready(action))

    def panel(self, which: PanelName) -> ListPanel:
        """Panel ``which``."""
        return self.people if which == "people" else self.quotes

    def fit(self, width: int) -> None:
        """Arrange the panels for a terminal ``width`` columns wide."""
        arrangement = self.arrangement
        if arrangement.fit(width):
            for name in ("-wide", "-narrow", "-medium"):
                self.host.screen.set_class(name == arrangement.size_class, name)
            self.apply()

    def apply(self) -> None:
        """Show the panels the arrangement has open, and put focus where it can be seen."""
        arrangement, view = self.arrangement, self.view
        if arrangement.people or arrangement.quotes:
            self.mount()
        self.people.set_class(arrangement.people, "open")
        self.quotes.set_class(arrangement.quotes, "open")
        view.set_class(arrangement.covering, "covered")
        # Textual does not always send the view a Resize when a panel beside it opens or
        # closes: lay the text out again once the new widths are known.
        self.host.call_after_refresh(view.relayout)
        self.quotes.number_pages(view.pages_layout, view.position)
        focused = self.host.screen.focused
        if arrangement.covering:
            (self.people if arrangement.people else self.quotes).focus_list()
        elif focused is None or not _is_shown(focused):
            view.focus()

    def toggle(self, which: PanelName) -> bool:
        """Open or close a panel (focusing its list when it opens); True when it opened."""
        opening = self.arrangement.toggle(which)
        self.apply()
        if opening:
            self.panel(which).focus_list()
        return opening

    def uncover_text(self) -> None:
        """On a narrow terminal, close the panel that covers the text (else do nothing)."""
        if self.arrangement.uncover():
            self.apply()

    def back_to_text(self) -> None:
        """Focus the text (closing a panel that covers it)."""
        self.uncover_text()
        self.view.focus()

    def cycle_focus(self, step: int) -> None:
        """Move focus text → people → quotes and round, opening a closed panel on the way."""
        stops: list[PanelName | None] = [None, "people", "quotes"]
        focused = self.host.screen.focused
        current: PanelName | None = None
        if focused is not None:
            for name in ("people", "quotes"):
                if self.panel(name) in focused.ancestors_with_self:
                    current = name
        target = stops[(stops.index(current) + step) % len(stops)]
        if target is None:
            self.back_to_text()
            return
        if not self.arrangement.is_open(target):
            self.toggle(target)
        self.panel(target).focus_list()


def _is_shown(widget: Widget) -> bool:
    """Whether a widget and all its ancestors are displayed."""
    node: object = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True
