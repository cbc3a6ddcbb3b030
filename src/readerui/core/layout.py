"""Pagination: paragraphs x width x height -> pages of wrapped lines.

Written by hand rather than with Rich's ``Text.wrap`` because the reader needs every wrapped
line as a ``(start, end)`` span of the article text: positions are character offsets and pages
are derived from them, so that a resize can reflow the text and still find the first
character that was on screen.  The reading view draws exactly the lines computed here, so
what is measured is what is shown.
"""

from __future__ import annotations

import bisect
import re
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args, overload

from rich.cells import cell_len

from readerui.core.courtesy import READER
from readerui.core.errors import ReaderError
from readerui.core.models import Article, Paragraph, ParagraphKind

LineKind = ParagraphKind | Literal["blank"]
"""A wrapped line's kind: that of its paragraph, or ``"blank"`` for the gap between two."""

INDENTS: dict[str, int] = {"blockquote": 2, "list": 2}
"""Cells of indentation for paragraph kinds that are drawn indented."""

_WORD = re.compile(r"\S+")
_GIVE_WAY_EVERY = 8
"""Paragraphs laid out between two looks at the cancel event and at whether the reader is
busy (well under a millisecond of work: a page turn should not wait longer)."""
_GIVE_WAY_LINES = 1024
"""Lines cut into pages between two such looks."""


class LayoutCancelled(ReaderError):
    """Pagination was cancelled (the view was resized again before it finished)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One wrapped line: ``text[start:end]`` drawn at ``indent`` cells from the left."""

    start: int
    """Offset of the first character on the line."""
    end: int
    """Offset just past the last character drawn (trailing spaces are not drawn)."""
    kind: LineKind
    """Kind of the paragraph the line belongs to, or ``"blank"``."""
    indent: int = 0
    """Cells of indentation."""
    first: bool = False
    """True for the first line of its paragraph (list bullets go there)."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page: the lines that fit the view, and the slice of text they cover."""

    index: int
    """0-based page number."""
    start: int
    """First offset that belongs to this page."""
    end: int
    """First offset of the next page (the text length on the last page)."""
    lines: tuple[Line, ...]
    """The lines drawn on the page, top to bottom, never more than the view's height."""


_KINDS: tuple[LineKind, ...] = (*get_args(ParagraphKind), "blank")
_KIND_CODE = {kind: code for code, kind in enumerate(_KINDS)}
_BLANK = _KIND_CODE["blank"]
_HEADING = _KIND_CODE["heading"]


class _Lines:
    """Every wrapped line of a layout in four flat arrays (no object per line): a book has a
    few hundred thousand lines, and only the ones on screen are ever made into :class:`Line`."""

    __slots__ = ("ends", "firsts", "kinds", "starts")

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.kinds = bytearray()
        self.firsts = bytearray()

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, index: int) -> Line:
        kind = _KINDS[self.kinds[index]]
        return Line(
            self.starts[index],
            self.ends[index],
            kind,
            INDENTS.get(kind, 0),
            bool(self.firsts[index]),
        )


class _Pages(Sequence[Page]):
    """The pages of a layout, made on demand from the line arrays and where each page begins."""

    __slots__ = ("_counts", "_firsts", "_lines", "_starts", "_text_length")

    def __init__(
        self, lines: _Lines, firsts: array[int], counts: array[int], starts: array[int], length: int
    ) -> None:
        self._lines = lines
        self._firsts = firsts
        self._counts = counts
        self._starts = starts
        self._text_length = length

    def __len__(self) -> int:
        return len(self._starts)

    def _page(self, index: int) -> Page:
        first = self._firsts[index]
        lines = tuple(self._lines.line(i) for i in range(first, first + self._counts[index]))
        end = self._starts[index + 1] if index + 1 < len(self._starts) else self._text_length
        return Page(index, self._starts[index], end, lines)

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | Sequence[Page]:
        if isinstance(index, slice):
            return tuple(self._page(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("page index out of range")
        return self._page(index)


@dataclass(frozen=True)
class Layout:
    """An article cut into pages for one width and height."""

    width: int
    """Measure the text was wrapped to, in cells."""
    height: int
    """Lines per page."""
    first_page_height: int
    """Lines available on the first page (the header takes the rest)."""
    pages: Sequence[Page]
    """The pages, in order; together they cover the whole text once. Made on access from
    compact arrays, so a layout of a whole book stays small."""
    starts: Sequence[int]
    """First offset of each page (for bisection)."""

    def page_at(self, offset: int) -> int:
        """Index of the page that holds ``offset`` (clamped to the first/last page)."""
        if not self.pages:
            return 0
        index = bisect.bisect_right(self.starts, max(0, offset)) - 1
        return max(0, min(index, len(self.pages) - 1))

    def __len__(self) -> int:
        return len(self.pages)


def _split_long_word(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut a word wider than ``width`` into chunks that fit, by cell width."""
    chunks: list[tuple[int, int]] = []
    chunk_start = start
    used = 0
    for index in range(start, end):
        cells = cell_len(text[index])
        if used + cells > width and index > chunk_start:
            chunks.append((chunk_start, index))
            chunk_start, used = index, 0
        used += cells
    chunks.append((chunk_start, end))
    return chunks


def _width(text: str) -> int:
    # Most article text is ASCII; len() is exact there and far cheaper than cell_len.
    return len(text) if text.isascii() else cell_len(text)


# Characters one cell wide that are not spaces: Latin, Greek and Cyrillic letters with their
# punctuation, and the typographic quotes and dashes. A segment made only of these and plain
# spaces is wrapped by one regular expression (in C) instead of word by word in Python: the
# same greedy result, several times faster on a book.
_NOT_NARROW = re.compile(
    "[^\n !-~\u00a1-\u02ff\u0370-\u03ff\u0400-\u04ff\u2010-\u2027\u2030-\u205e]"
)
_FAST_LINES: dict[int, re.Pattern[str]] = {}


def _fast_line_pattern(width: int) -> re.Pattern[str]:
    """Greedy line of at most ``width`` one-cell characters ending at a word end, else a
    ``width``-long piece of a word too long for any line (as _split_long_word cuts it)."""
    pattern = _FAST_LINES.get(width)
    if pattern is None:
        if width == 1:
            pattern = re.compile("[^ ]")
        else:
            pattern = re.compile(f"[^ ](?:.{{0,{width - 2}}}[^ ])?(?= |$)|[^ ]{{{width}}}")
        _FAST_LINES[width] = pattern
    return pattern


def _wrap_narrow(text: str, start: int, end: int, width: int, spans: list[tuple[int, int]]) -> None:
    """Wrap one line-break-free segment of one-cell characters (see _NOT_NARROW)."""
    found = False
    for match in _fast_line_pattern(width).finditer(text, start, end):
        spans.append(match.span())
        found = True
    if not found:
        spans.append((start, start))


def _wrap_segment(
    text: str, start: int, end: int, width: int, spans: list[tuple[int, int]]
) -> None:
    """Wrap one line-break-free segment word by word, measuring each word in cells."""
    line_start = -1
    line_end = start
    used = 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        word_cells = _width(match.group())
        gap = 0 if line_start == -1 else _width(text[line_end:word_start])
        if line_start != -1 and used + gap + word_cells <= width:
            used += gap + word_cells
            line_end = word_end
            continue
        if line_start != -1:
            spans.append((line_start, line_end))
        if word_cells > width:
            chunks = _split_long_word(text, word_start, word_end, width)
            spans.extend(chunks[:-1])
            line_start, line_end = chunks[-1]
            used = _width(text[line_start:line_end])
        else:
            line_start, line_end, used = word_start, word_end, word_cells
    if line_start == -1:
        spans.append((start, start))
    else:
        spans.append((line_start, line_end))


def wrap_spans(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` to ``width`` cells.

    Returns ``(start, end)`` spans of the lines; hard line breaks inside the range start a new
    line; words wider than the width are split.  Spaces between words stay in the line they
    follow, so the spans of consecutive lines cover the range with no gap but whitespace.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    # Normalised article text has single plain spaces between words; anything else (tabs,
    # wide or zero-width characters) takes the word-by-word path, which measures cells.
    narrow = _NOT_NARROW.search(text, start, end) is None
    segment_start = start
    while segment_start <= end:
        newline = text.find("\n", segment_start, end)
        segment_end = end if newline == -1 else newline
        if narrow:
            _wrap_narrow(text, segment_start, segment_end, width, spans)
        else:
            _wrap_segment(text, segment_start, segment_end, width, spans)
        if newline == -1:
            break
        segment_start = newline + 1
    return spans


def wrap_lines(text: str, width: int) -> list[str]:
    """Wrap a standalone string (a title, a help line) the same way the body is wrapped."""
    return [text[a:b] for a, b in wrap_spans(text, 0, len(text), width)]


def _add_paragraph(lines: _Lines, text: str, paragraph: Paragraph, width: int) -> None:
    indent = INDENTS.get(paragraph.kind, 0)
    spans = wrap_spans(text, paragraph.start, paragraph.end, max(1, width - indent))
    lines.starts.extend([a for a, _ in spans])
    lines.ends.extend([b for _, b in spans])
    lines.kinds.extend(bytes([_KIND_CODE[paragraph.kind]]) * len(spans))
    lines.firsts.append(1)
    lines.firsts.extend(bytes(len(spans) - 1))


def paginate(
    article: Article,
    width: int,
    height: int,
    *,
    first_page_height: int | None = None,
    cancel: threading.Event | None = None,
) -> Layout:
    """Cut ``article`` into pages of ``height`` lines wrapped to ``width`` cells.

    ``first_page_height`` is what is left on the first page under the header.  Paragraphs are
    separated by one blank line, which is never drawn at the top of a page; a heading is not
    left alone at the bottom of a page.  Raises :class:`LayoutCancelled` when ``cancel`` is
    set before the work is done.
    """
    width = max(1, width)
    height = max(1, height)
    first = height if first_page_height is None else max(1, min(height, first_page_height))
    text = article.text
    lines = _Lines()
    paragraphs: Sequence[Paragraph] = article.paragraphs or (
        (Paragraph(0, len(text)),) if text else ()
    )
    for number, paragraph in enumerate(paragraphs):
        if number % _GIVE_WAY_EVERY == 0:
            READER.give_way()
            if cancel is not None and cancel.is_set():
                raise LayoutCancelled("layout cancelled")
        if lines.starts:
            lines.starts.append(paragraph.start)
            lines.ends.append(paragraph.start)
            lines.kinds.append(_BLANK)
            lines.firsts.append(0)
        _add_paragraph(lines, text, paragraph, width)

    kinds = lines.kinds
    total = len(kinds)
    page_firsts = array("q")
    page_counts = array("q")
    current_first, current = 0, 0  # the page being filled: its first line and line count
    capacity = first
    index = 0
    while index < total:
        if index % _GIVE_WAY_LINES == 0:
            READER.give_way()
        if not current and kinds[index] == _BLANK:
            index += 1  # no blank line at the top of a page
            continue
        if current >= capacity:
            kept = _keep_heading_with_next(kinds, current_first, current, index)
            page_firsts.append(current_first)
            page_counts.append(kept)
            index -= current - kept
            current, capacity = 0, height
            continue
        if not current:
            current_first = index
        current += 1
        index += 1
    if current or not page_firsts:
        page_firsts.append(current_first if current else 0)
        page_counts.append(current)

    starts = array("q", [0])
    starts.extend(lines.starts[page_firsts[i]] for i in range(1, len(page_firsts)))
    pages = _Pages(lines, page_firsts, page_counts, starts, len(text))
    return Layout(width, height, first, pages, starts)


def _keep_heading_with_next(kinds: bytearray, first: int, count: int, next_index: int) -> int:
    """How many of a full page's lines stay on it: a heading (and the blank above it) that
    ends the page moves over to the next page, with the text it heads."""
    cut = count
    while cut > 1 and kinds[first + cut - 1] in (_HEADING, _BLANK):
        cut -= 1
    if cut == count or cut <= count // 2 or next_index >= len(kinds):
        return count
    return cut
