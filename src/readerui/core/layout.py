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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from rich.cells import cell_len

from readerui.core.errors import ReaderError
from readerui.core.models import Article, Paragraph, ParagraphKind

LineKind = ParagraphKind | Literal["blank"]
"""A wrapped line's kind: that of its paragraph, or ``"blank"`` for the gap between two."""

INDENTS: dict[str, int] = {"blockquote": 2, "list": 2}
"""Cells of indentation for paragraph kinds that are drawn indented."""

_WORD = re.compile(r"\S+")
_CANCEL_EVERY = 512


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


@dataclass(frozen=True)
class Layout:
    """An article cut into pages for one width and height."""

    width: int
    """Measure the text was wrapped to, in cells."""
    height: int
    """Lines per page."""
    first_page_height: int
    """Lines available on the first page (the header takes the rest)."""
    pages: tuple[Page, ...]
    """The pages, in order; together they cover the whole text once."""
    text_length: int
    """Length of the article text the layout was made for."""

    @cached_property
    def starts(self) -> tuple[int, ...]:
        """First offset of each page (for bisection)."""
        return tuple(page.start for page in self.pages)

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


def wrap_spans(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` to ``width`` cells.

    Returns ``(start, end)`` spans of the lines; hard line breaks inside the range start a new
    line; words wider than the width are split.  Spaces between words stay in the line they
    follow, so the spans of consecutive lines cover the range with no gap but whitespace.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    segment_start = start
    while segment_start <= end:
        newline = text.find("\n", segment_start, end)
        segment_end = end if newline == -1 else newline
        line_start = -1
        line_end = segment_start
        used = 0
        for match in _WORD.finditer(text, segment_start, segment_end):
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
            spans.append((segment_start, segment_start))
        else:
            spans.append((line_start, line_end))
        if newline == -1:
            break
        segment_start = newline + 1
    return spans


def wrap_lines(text: str, width: int) -> list[str]:
    """Wrap a standalone string (a title, a help line) the same way the body is wrapped."""
    return [text[a:b] for a, b in wrap_spans(text, 0, len(text), width)]


def _paragraph_lines(text: str, paragraph: Paragraph, width: int) -> list[Line]:
    indent = INDENTS.get(paragraph.kind, 0)
    spans = wrap_spans(text, paragraph.start, paragraph.end, max(1, width - indent))
    return [Line(a, b, paragraph.kind, indent, first=(i == 0)) for i, (a, b) in enumerate(spans)]


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
    stream: list[Line] = []
    paragraphs: Sequence[Paragraph] = article.paragraphs or (
        (Paragraph(0, len(text)),) if text else ()
    )
    for number, paragraph in enumerate(paragraphs):
        if cancel is not None and number % _CANCEL_EVERY == 0 and cancel.is_set():
            raise LayoutCancelled("layout cancelled")
        if stream:
            stream.append(Line(paragraph.start, paragraph.start, "blank"))
        stream.extend(_paragraph_lines(text, paragraph, width))

    pages: list[tuple[Line, ...]] = []
    current: list[Line] = []
    capacity = first
    index = 0
    while index < len(stream):
        line = stream[index]
        if not current and line.kind == "blank":
            index += 1
            continue
        if len(current) >= capacity:
            pages.append(_keep_heading_with_next(current, stream, index))
            index -= len(current) - len(pages[-1])
            current, capacity = [], height
            continue
        current.append(line)
        index += 1
    if current or not pages:
        pages.append(tuple(current))

    starts = [0] + [page[0].start if page else 0 for page in pages[1:]]
    result = tuple(
        Page(i, starts[i], starts[i + 1] if i + 1 < len(pages) else len(text), lines)
        for i, lines in enumerate(pages)
    )
    return Layout(width, height, first, result, len(text))


def _keep_heading_with_next(
    page: list[Line], stream: list[Line], next_index: int
) -> tuple[Line, ...]:
    """Move a heading (and the blank above it) that ends a page over to the next page."""
    cut = len(page)
    while cut > 1 and page[cut - 1].kind in ("heading", "blank"):
        cut -= 1
    if cut == len(page) or cut <= len(page) // 2 or next_index >= len(stream):
        return tuple(page)
    return tuple(page[:cut])
