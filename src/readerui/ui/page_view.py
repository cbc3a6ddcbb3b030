"""The paginated reading view: draws the pages the core lays out, one or two at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from readerui.core.layout import Layout, Page
from readerui.core.models import Article
from readerui.ui.deferred import Action, DeferredActions
from readerui.ui.page_paint import (
    COMPONENTS,
    Highlight,
    HighlightGroups,
    draw_centred,
    draw_page,
    header_lines,
)
from readerui.ui.pagination import Pagination, lay_out

__all__ = ["Highlight", "PageView"]

MAX_MEASURE = 80
"""Widest comfortable line, in cells; wider views centre the text."""
SPREAD_MIN_WIDTH = 160
"""A two-page spread is used only when the text area is at least this wide."""
SPREAD_GUTTER = 6
"""Cells between the two pages of a spread."""


class PageView(Widget, can_focus=True):
    """Shows the article as real pages that fit the view, like a book.

    Positions are character offsets: :attr:`position` is the first character on screen, and
    the page shown is whichever page holds it, so a resize keeps the reader's place.
    """

    COMPONENT_CLASSES = COMPONENTS

    class Changed(Message):
        """The page shown, the page count or the layout changed."""

    @dataclass
    class _LayoutDone(Message):
        layout: Layout
        worker: Worker[None]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pagination = Pagination(
            self._layout_worker, lambda: self.workers.cancel_group(self, "layout")
        )
        """The pages of the article for this size (laid out in a worker when it is long)."""
        self.position = 0
        """Offset of the first character on screen: the reader's place in the text."""
        self.spread = True
        """Whether a two-page spread is wanted (used only when the view is wide enough)."""
        self.empty_message: list[str] = []
        """Lines shown centred when no article is open."""
        self._highlights = HighlightGroups()
        self._rows: list[Strip] = []
        self._rows_size = Size(0, 0)  # the size the rows were drawn for
        self._deferred = DeferredActions(lambda: self.complete)

    @property
    def article(self) -> Article | None:
        """The article shown (None before one is opened)."""
        return self.pagination.article

    @property
    def pages_layout(self) -> Layout | None:
        """The current pages (None until laid out)."""
        return self.pagination.layout

    # ------------------------------------------------------------------ geometry

    @property
    def columns(self) -> int:
        """Pages shown side by side: 2 for a spread, else 1."""
        return 2 if self.spread and self.size.width >= SPREAD_MIN_WIDTH else 1

    @property
    def measure(self) -> int:
        """Width of one page of text, in cells."""
        width = max(1, self.size.width)
        if self.columns == 2:
            return min(MAX_MEASURE, (width - SPREAD_GUTTER) // 2)
        return min(MAX_MEASURE, width)

    def _header_lines(self, measure: int, height: int) -> list[tuple[str, str]]:
        """Title, metadata and a rule drawn above the text on the first page."""
        return [] if self.article is None else header_lines(self.article, measure, height)

    # ------------------------------------------------------------------ state

    def highlights(self, group: str) -> list[Highlight]:
        """The highlights of one group, in text order (empty when none were set)."""
        return self._highlights.get(group)

    def show_article(self, article: Article, anchor: int = 0, *, expected_length: int = 0) -> None:
        """Open ``article`` at ``anchor`` (a character offset).

        ``expected_length`` is how long the text will be when ``article`` is only the opening
        part of it (see :meth:`extend_article`): pages are counted as an estimate till then.
        """
        self.pagination.show(article, expected_length)
        self.position = max(0, min(anchor, len(article.text)))
        self._highlights.clear()
        self._deferred.clear()
        self.relayout()

    def extend_article(self, article: Article, *, expected_length: int = 0) -> None:
        """Show the whole of an article whose opening part is shown now (its text starts with
        the text shown), or a longer opening part (``expected_length`` as for
        :meth:`show_article`): the place, the highlights and the pages on screen stay while
        the rest is laid out."""
        self.pagination.extend(article, expected_length)
        self.relayout()

    def set_highlights(self, group: str, highlights: Iterable[Highlight]) -> None:
        """Replace one group of highlights (search matches, mentions, a quote)."""
        self._highlights.set(group, highlights)
        self._rebuild()

    @property
    def page_index(self) -> int:
        """Index of the (left) page shown."""
        if self.pages_layout is None:
            return 0
        index = self.pages_layout.page_at(self.position)
        return index - index % self.columns

    @property
    def page_count(self) -> int:
        """Number of pages laid out at the current size (see :attr:`complete`)."""
        return len(self.pages_layout) if self.pages_layout else 0

    @property
    def complete(self) -> bool:
        """Whether the pages laid out cover the whole text at the current size."""
        return self.pagination.complete

    @property
    def estimated_page_count(self) -> int:
        """:attr:`page_count` once complete; before, an estimate from the part laid out."""
        return self.pagination.estimated_page_count

    def when_complete(self, action: Action) -> None:
        """Run ``action`` now if the whole text is laid out, else as soon as it is (keys typed
        while a book is laid out act then, in order, instead of being lost)."""
        self._deferred.when_ready(action)

    def visible_pages(self) -> list[Page]:
        """The pages on screen, left to right."""
        if self.pages_layout is None or not self.pages_layout.pages:
            return []
        first = self.page_index
        return list(self.pages_layout.pages[first : first + self.columns])

    def visible_range(self) -> tuple[int, int]:
        """Offsets of the first and past-the-last character on screen."""
        pages = self.visible_pages()
        if not pages:
            return (0, 0)
        return (pages[0].start, pages[-1].end)

    @property
    def progress(self) -> float:
        """Fraction of the text read: 0 on the first page, 1 with the end on screen."""
        return self.pagination.progress(*self.visible_range())

    @property
    def minutes_left(self) -> int:
        """Reading time left after the visible page(s), in whole minutes."""
        return self.pagination.minutes_after(self.visible_range()[1])

    # ------------------------------------------------------------------ navigation

    def go_to_page(self, index: int) -> None:
        """Show page ``index`` (0-based, clamped); a page not laid out yet is shown when it is."""
        if self.pages_layout is None or not self.pages_layout.pages:
            if self.article is not None:
                self._deferred.keep(lambda: self.go_to_page(index))
            return
        if index >= len(self.pages_layout.pages) and not self.complete:
            self._deferred.keep(lambda: self.go_to_page(index))
            return
        index = max(0, min(index, len(self.pages_layout.pages) - 1))
        self.position = self.pages_layout.pages[index].start
        self._changed()

    def go_to_offset(self, offset: int) -> None:
        """Show the page that holds ``offset``."""
        if self.pages_layout is None:
            self.position = offset
            return
        self.go_to_page(self.pages_layout.page_at(offset))

    def go_to_end(self) -> None:
        """Show the last page (once the whole text is laid out)."""
        self.when_complete(lambda: self.go_to_page(self.page_count - 1))

    def next_page(self) -> bool:
        """Turn forward one page (or spread); False at the end."""
        if self.article is not None and self.pages_layout is None:
            self._deferred.keep(self.next_page)
            return True
        if self.pages_layout is None:
            return False
        if self.page_index + self.columns >= self.page_count:
            if self.complete:
                return False
            self._deferred.keep(self.next_page)  # the next page is being laid out
            return True
        self.go_to_page(self.page_index + self.columns)
        return True

    def previous_page(self) -> bool:
        """Turn back one page (or spread); False at the start."""
        if self.pages_layout is None or self.page_index == 0:
            return False
        self.go_to_page(self.page_index - self.columns)
        return True

    def _changed(self) -> None:
        self._rebuild()
        self.post_message(self.Changed())

    # ------------------------------------------------------------------ layout

    def on_resize(self, event: events.Resize) -> None:
        """Reflow the pages for the new size, keeping the anchor."""
        self.relayout()

    def relayout(self) -> None:
        """Lay the article out for the current size (now, or in a worker if it is big)."""
        if self._ask_pages():
            self._changed()
            self._deferred.run()
        elif self.article is None or self.size.height < 1 or self.size.width < 1:
            self._rebuild()

    def _ask_pages(self) -> bool:
        """Ask for the pages of the current size (see :meth:`Pagination.lay_out`); True when
        the pages to show changed. False with no article, or no size yet."""
        if self.article is None or self.size.height < 1 or self.size.width < 1:
            return False
        measure, height = self.measure, self.size.height
        header = len(self._header_lines(measure, height))
        return self.pagination.lay_out(measure, height, header, self.position)

    # A description, or Textual describes the worker by repr() of its arguments: a whole
    # book, turned into a string on the UI thread.
    @work(thread=True, exclusive=True, group="layout", description="layout")
    def _layout_worker(self, article: Article, measure: int, height: int, header: int) -> None:
        worker = get_current_worker()
        layout = lay_out(article, measure, height, header, worker.cancelled_event)
        if layout is not None:
            self.post_message(self._LayoutDone(layout, worker))

    def on_page_view__layout_done(self, message: _LayoutDone) -> None:
        """Take a layout from the worker unless a newer one was asked for since."""
        if not message.worker.is_cancelled:
            self.pagination.take(message.layout)
            self._changed()
            self._deferred.run()

    @property
    def laying_out(self) -> bool:
        """True while pages for the current size are still being computed."""
        return self.pagination.laying_out

    # ------------------------------------------------------------------ mouse

    def on_click(self, event: events.Click) -> None:
        """Click the right third of the page to turn forward, the left third to turn back."""
        width = self.size.width
        if event.x >= width * 2 // 3:
            self.next_page()
        elif event.x < width // 3:
            self.previous_page()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel turns pages."""
        event.stop()
        self.next_page()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel turns pages."""
        event.stop()
        self.previous_page()

    # ------------------------------------------------------------------ drawing

    def _style(self, component: str) -> Style:
        return self.get_component_rich_style(component, partial=True)

    def _rebuild(self) -> None:
        """Recompute the rows on screen from the current state."""
        width, height = self.size.width, self.size.height
        base = self.rich_style
        rows: list[list[Segment]] = [[] for _ in range(max(0, height))]
        if self.article is None or self.pages_layout is None:
            draw_centred(rows, width, self.empty_message, self._style("pageview--empty"))
        else:
            measure = self.pages_layout.width
            columns = self.columns
            total = measure * columns + SPREAD_GUTTER * (columns - 1)
            left = max(0, (width - total) // 2)
            for column, page in enumerate(self.visible_pages()):
                x = left + column * (measure + SPREAD_GUTTER)
                header = self._header_lines(measure, height) if page.index == 0 else []
                draw_page(rows, x, header, self.article.text, page, self._highlights, self._style)
        self._rows = [self._finish(row, width, base) for row in rows]
        self._rows_size = self.size
        self.refresh()

    def refresh_view(self) -> None:
        """Redraw from the current state (after changing :attr:`empty_message`, say)."""
        self._rebuild()

    def _finish(self, row: list[Segment], width: int, base: Style) -> Strip:
        strip = Strip(row).crop_extend(0, width, None)
        return strip.apply_style(base)

    def render_line(self, y: int) -> Strip:
        """Draw one row of the view."""
        if self._rows_size != self.size:
            # The view has a new size (its first one, at start) and is drawn before it hears
            # of it (the Resize event comes after this frame): lay out now, so that the first
            # frame holds the first page rather than "Laying out…" a frame before it.
            self._catch_up()
        if 0 <= y < len(self._rows):
            return self._rows[y]
        return Strip.blank(self.size.width, self.rich_style)

    def _catch_up(self) -> None:
        """Pages and rows for the current size, before its Resize event comes."""
        self._rows_size = self.size  # once per size, even when the pages come from a worker
        if self._ask_pages():
            # Drawn now; the status line and keys kept for the text hear of it once this
            # frame is done (the Resize event that follows finds the pages laid out).
            self.call_later(self._laid_out)
        self._rebuild()

    def _laid_out(self) -> None:
        self.post_message(self.Changed())
        self._deferred.run()

    def on_mount(self) -> None:
        """Draw as soon as the view has a size."""
        self._rebuild()

    def notify_style_update(self) -> None:
        """Redraw when the theme or stylesheet changes."""
        super().notify_style_update()
        if self.is_mounted:
            self._rebuild()
