"""The pages of the article on the reading view, for the view's size.

:class:`Pagination` is a part of :class:`~readerui.ui.page_view.PageView` with no looks. A
short text is laid out at once. A long one is laid out whole in a thread worker that the view
runs (its body is :func:`lay_out`), while the pages of its opening part, which are those of
the whole, are shown at once: the reader never waits for the first page. It knows whether the
pages shown are those of the view's current size, how many pages there will be while only
the opening part of a long text is read, and how far through the whole a place on them is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from readerui.core.background import opening_part
from readerui.core.layout import Layout, LayoutCancelled, paginate
from readerui.core.models import Article, reading_minutes, word_density
from readerui.data.library import reading_progress

SYNC_LAYOUT_CHARS = 40_000
"""Texts shorter than this are paginated at once (some ten milliseconds); longer ones in a
thread worker, with the first few pages (:func:`opening_chars`) laid out at once when the
reader's place is among them, so the reader never waits for the first page."""
OPENING_PAGES = 6
"""Pages' worth of a long text laid out at once while the whole is laid out in a worker: the
first page, and the next few for the keys of the first moments (three spreads)."""
OPENING_MIN_CHARS = 8_000
"""The least of a long text laid out at once."""


def opening_chars(measure: int, height: int) -> int:
    """How much of a long text is laid out at once for pages of ``measure`` by ``height``: a
    page holds no more characters than cells, so this fills :data:`OPENING_PAGES` pages."""
    return max(OPENING_MIN_CHARS, OPENING_PAGES * measure * height)


LayoutKey = tuple[int, int, int, int]
"""What a layout is for: the article (by identity), the measure, the height, the header rows."""


def lay_out(
    article: Article,
    measure: int,
    height: int,
    header: int,
    cancel: threading.Event | None = None,
) -> Layout | None:
    """Pages of ``measure`` cells by ``height`` rows, ``header`` rows of the first taken by the
    title; None when ``cancel`` is set before the end (the layout worker's body)."""
    try:
        return paginate(article, measure, height, first_page_height=height - header, cancel=cancel)
    except LayoutCancelled:
        return None


class Pagination:
    """The pages of :attr:`article` for the view's size, and how much of the text they cover.

    ``start`` runs :func:`lay_out` for a long text in a thread worker (a newer one replaces
    it) and hands the layout back to :meth:`take`; ``stop`` cancels that worker.
    """

    def __init__(
        self, start: Callable[[Article, int, int, int], object], stop: Callable[[], object]
    ) -> None:
        self.article: Article | None = None
        """The article laid out (None before one is opened)."""
        self.layout: Layout | None = None
        """The pages shown (None until laid out)."""
        self.expected_length = 0
        """How long the text will be while :attr:`article` is only its opening part (else 0)."""
        self._words_per_char = 0.0
        self._start = start
        self._stop = stop
        self._asked: LayoutKey | None = None
        self._shown: LayoutKey | None = None

    def show(self, article: Article, expected_length: int = 0) -> None:
        """Lay out ``article`` from now on (no pages until :meth:`lay_out`)."""
        self.article = article
        self._words_per_char = word_density(article.text)
        self.expected_length = expected_length
        self.layout = None
        self._asked = self._shown = None

    def extend(self, article: Article, expected_length: int = 0) -> None:
        """``article`` is the whole of the text whose opening part is laid out (or a longer
        opening part, of a text about ``expected_length`` long): the pages shown stay until
        it is laid out."""
        self.article = article
        self._words_per_char = word_density(article.text)
        self.expected_length = expected_length
        self._asked = None

    def lay_out(self, measure: int, height: int, header: int, position: int) -> bool:
        """Lay the article out for this size (now, or in the worker if it is long); True when
        the pages to show changed, or are those of this size already.

        ``position`` is the reader's place: the opening part's pages are shown at once only
        when it is among them.
        """
        article = self.article
        if article is None:
            return False
        key = (id(article), measure, height, header)
        if key == self._asked:
            # Laid out for this size already (or being laid out: let that worker finish).
            return self._shown == key
        self._asked = key
        # A layout under way is for another size or article now: stop it.
        self._stop()
        if len(article.text) < SYNC_LAYOUT_CHARS:
            self.layout = lay_out(article, measure, height, header)
            self._shown = key
            return True
        self._start(article, measure, height, header)
        layout = self.layout
        opening = opening_chars(measure, height)
        if position < opening and (
            layout is None or layout.width != measure or layout.height != height
        ):
            # The pages of the opening part are those of the whole: show them at once.
            self.layout = lay_out(opening_part(article, opening), measure, height, header)
            return True
        return False

    def take(self, layout: Layout) -> None:
        """The worker's layout, for the size asked for last (an older worker was cancelled)."""
        self.layout = layout
        self._shown = self._asked

    @property
    def laying_out(self) -> bool:
        """True while pages for the size asked for last are still being computed."""
        # lay_out() runs on every resize and records what it asked for, so comparing keys
        # says whether the pages shown are stale, without measuring again.
        return self.article is not None and (self.layout is None or self._shown != self._asked)

    @property
    def length(self) -> int:
        """How long the whole text is (or will be, while only its opening part is read)."""
        article = self.article
        return 0 if article is None else max(len(article.text), self.expected_length)

    @property
    def complete(self) -> bool:
        """Whether the pages shown cover the whole text at the size asked for last."""
        article, layout = self.article, self.layout
        return (
            article is not None
            and layout is not None
            and not self.laying_out
            and len(article.text) >= self.expected_length
            and (not layout.pages or layout.pages[-1].end >= len(article.text))
        )

    @property
    def estimated_page_count(self) -> int:
        """The page count once complete; before, an estimate from the part laid out."""
        layout = self.layout
        count = len(layout) if layout else 0
        if layout is None or not layout.pages or self.complete:
            return count
        covered, total = layout.pages[-1].end, self.length
        if covered <= 0 or covered >= total:
            return count
        return max(count, round(count * total / covered))

    def progress(self, start: int, end: int) -> float:
        """Fraction read with ``start`` to ``end`` on screen: 0 from the first page, 1 with
        the end of the whole text on screen."""
        if self.article is None or not self.article.text:
            return 0.0
        return reading_progress(start, end, self.length)

    def minutes_after(self, end: int) -> int:
        """Reading time left after offset ``end``, in whole minutes."""
        article = self.article
        if article is None or not article.text:
            return 0
        return reading_minutes(self._words_per_char * (self.length - end))
