"""What the reading view draws, apart from the widget: the header above the first page,
the highlights over the text, and a line of the text as styled segments.

Plain functions and one plain class, so the drawing rules are tested without an app.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style

from readerui.core.layout import Line, Page, wrap_lines
from readerui.core.models import Article
from readerui.core.sanitize import display_name, display_source

COMPONENTS = {
    "pageview--title",
    "pageview--meta",
    "pageview--rule",
    "pageview--heading",
    "pageview--caption",
    "pageview--byline",
    "pageview--blockquote",
    "pageview--quote-bar",
    "pageview--match",
    "pageview--match-current",
    "pageview--mention",
    "pageview--quote",
    "pageview--empty",
}
"""The reading view's component classes: the stylesheet's rules for what is drawn here."""

KIND_CLASSES = {
    "heading": "pageview--heading",
    "caption": "pageview--caption",
    "byline": "pageview--byline",
    "blockquote": "pageview--blockquote",
}
"""The component class that styles each kind of line."""

StyleFor = Callable[[str], Style]
"""A component class -> its style (the widget's stylesheet)."""


@dataclass(frozen=True)
class Highlight:
    """A span of the article text drawn with one of the view's component styles."""

    start: int
    """First offset."""
    end: int
    """Offset past the end."""
    component: str
    """Component class whose style is applied."""


class HighlightGroups:
    """Highlights kept by group (search matches, current match, mentions, a quote).

    Groups are kept apart so that moving the current search match does not re-sort every
    other match; they are drawn in the order they were first set, later ones on top.
    """

    def __init__(self) -> None:
        # group -> (highlights sorted by start, their starts, the longest span's length)
        self._groups: dict[str, tuple[list[Highlight], list[int], int]] = {}

    def get(self, group: str) -> list[Highlight]:
        """The highlights of one group, in text order (empty when none were set)."""
        entry = self._groups.get(group)
        return list(entry[0]) if entry else []

    def set(self, group: str, highlights: Iterable[Highlight]) -> None:
        """Replace one group."""
        ordered = sorted(highlights, key=lambda h: h.start)
        longest = max((h.end - h.start for h in ordered), default=0)
        self._groups[group] = (ordered, [h.start for h in ordered], longest)

    def clear(self) -> None:
        """Forget every group."""
        self._groups.clear()

    def over(self, start: int, end: int) -> list[Highlight]:
        """The highlights that overlap ``[start, end)``, group by group."""
        spans: list[Highlight] = []
        for ordered, starts, longest in self._groups.values():
            # Sorted by start: look back far enough to catch long spans.
            lo = bisect.bisect_left(starts, start - longest)
            hi = bisect.bisect_left(starts, end)
            spans.extend(h for h in ordered[lo:hi] if h.end > start and h.start < end)
        return spans


def line_segments(
    text: str, line: Line, highlights: HighlightGroups, style: StyleFor
) -> list[Segment]:
    """One laid-out line of ``text`` as segments, with its highlights applied."""
    segments: list[Segment] = []
    if line.kind == "blank":
        return segments
    if line.kind == "blockquote":
        segments.append(Segment("│ ", style("pageview--quote-bar")))
    elif line.kind == "list":
        segments.append(Segment("• " if line.first else "  "))
    elif line.indent:
        segments.append(Segment(" " * line.indent))
    component = KIND_CLASSES.get(line.kind)
    base = style(component) if component else Style()
    spans = highlights.over(line.start, line.end)
    cuts = {line.start, line.end}
    for h in spans:
        cuts.add(max(h.start, line.start))
        cuts.add(min(h.end, line.end))
    for a, b in itertools.pairwise(sorted(cuts)):
        styled = base
        for h in spans:
            if h.start <= a and h.end >= b:
                styled = styled + style(h.component)
        chunk = text[a:b].replace("\n", " ")
        if chunk:
            segments.append(Segment(chunk, styled))
    return segments


def header_lines(article: Article, measure: int, height: int) -> list[tuple[str, str]]:
    """Title, metadata and a rule drawn above the text on the first page.

    ``(text, component class)`` rows; never more than half of ``height``.
    """
    lines: list[tuple[str, str]] = []
    if article.title:
        lines += [(t, "pageview--title") for t in wrap_lines(article.title, measure)]
    # The byline is shown here only when the body does not carry it as a paragraph.
    byline = article.byline
    if any(p.kind == "byline" for p in article.paragraphs[:4]):
        byline = None
    meta = [m for m in (byline, article.site, short_date(article.published)) if m]
    meta.append(source_label(article.source))
    if meta:
        lines += [(t, "pageview--meta") for t in wrap_lines(" · ".join(meta), measure)]
    if lines:
        lines += [("─" * measure, "pageview--rule"), ("", "")]
    # Never let the header take more than half the page, whatever the title's length.
    limit = max(0, height // 2)
    if len(lines) > limit:
        lines = [*lines[: max(0, limit - 1)], ("─" * measure, "pageview--rule")]
        lines = lines[:limit]
    return lines


def draw_page(
    rows: list[list[Segment]],
    x: int,
    header: list[tuple[str, str]],
    text: str,
    page: Page,
    highlights: HighlightGroups,
    style: StyleFor,
) -> None:
    """Draw ``header`` (first page only) and then ``page``'s lines at column ``x``."""
    y = 0
    for line_text, component in header:
        if y < len(rows):
            place(rows[y], x, [Segment(line_text, style(component) if component else Style())])
        y += 1
    for line in page.lines:
        if y >= len(rows):
            break
        place(rows[y], x, line_segments(text, line, highlights, style))
        y += 1


def draw_centred(rows: list[list[Segment]], width: int, lines: list[str], style: Style) -> None:
    """Draw ``lines`` centred in ``rows`` (what the view says with no article open)."""
    top = max(0, (len(rows) - len(lines)) // 2)
    for i, text in enumerate(lines):
        if top + i < len(rows):
            x = max(0, (width - len(text)) // 2)
            rows[top + i] = [Segment(" " * x), Segment(text, style)]


def place(row: list[Segment], x: int, segments: list[Segment]) -> None:
    """Put ``segments`` at column ``x`` of a row that is being drawn left to right."""
    used = sum(segment.cell_length for segment in row)
    if x > used:
        row.append(Segment(" " * (x - used)))
    row.extend(segments)


def source_label(source: str) -> str:
    """Where the article came from, short: a URL's host and path, a file's name."""
    if source == "-":
        return "standard input"
    # Shortened first, then made safe: the sanitiser writes control codes as "\x1b", and a
    # backslash would then be taken for a path separator.
    if "://" in source:
        return display_source(source).split("://", 1)[1].rstrip("/")
    return display_name(source.replace("\\", "/").rsplit("/", 1)[-1])


def short_date(value: str | None) -> str | None:
    """The date part of an ISO timestamp, for the header."""
    if not value:
        return None
    return value[:10]
