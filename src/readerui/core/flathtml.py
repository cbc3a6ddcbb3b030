"""The text of an HTML page read as a stream of tags, without building a tree.

libxml2 (under lxml and trafilatura) stops building the tree at a nesting depth of 256 and
drops everything below it, so a page of 10,000 nested ``<div>`` elements would read as empty.
The standard library's :class:`html.parser.HTMLParser` is event-based: it sees every start
tag, end tag and text run in order, at any depth, in time linear in the page. That is all a
fallback needs: text runs, broken into paragraphs at block elements.
"""

from __future__ import annotations

from html.parser import HTMLParser

from readerui.core.models import ParagraphKind
from readerui.core.normalize import clean_inline

__all__ = ["flat_blocks"]

# Elements whose content is never text to read.
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "button"}
)
# Elements that start and end a paragraph; the value is the kind of what is inside.
_BLOCKS: dict[str, ParagraphKind] = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list", "blockquote": "blockquote", "figcaption": "caption",
    "p": "body", "div": "body", "section": "body", "article": "body", "main": "body",
    "br": "body", "tr": "body", "td": "body", "th": "body", "dd": "body", "dt": "body",
    "pre": "body", "table": "body", "ul": "body", "ol": "body", "header": "body",
    "footer": "body", "nav": "body", "aside": "body", "form": "body", "hr": "body",
    "body": "body", "html": "body",
}  # fmt: skip
# Void elements never get an end tag, so they must not open a skipped region.
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col"})


class _TextCollector(HTMLParser):
    """Collects ``(text, kind)`` paragraphs from the tag stream."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, ParagraphKind]] = []
        self._parts: list[str] = []
        self._kind: ParagraphKind = "body"
        self._skip_depth = 0

    def _flush(self) -> None:
        """End the paragraph being collected, if it holds any text."""
        text = clean_inline("".join(self._parts))
        if text:
            self.blocks.append((text, self._kind))
        self._parts = []
        self._kind = "body"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a skipped region or a new paragraph."""
        if tag in _SKIP and tag not in _VOID:
            self._skip_depth += 1
        elif tag in _BLOCKS and not self._skip_depth:
            self._flush()
            self._kind = _BLOCKS[tag]

    def handle_endtag(self, tag: str) -> None:
        """Close a skipped region or the current paragraph."""
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCKS and not self._skip_depth:
            self._flush()

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped regions."""
        if not self._skip_depth:
            self._parts.append(data)

    def close(self) -> None:
        """Finish the stream and the last paragraph."""
        super().close()
        self._flush()


def flat_blocks(html: str) -> list[tuple[str, ParagraphKind]]:
    """Every paragraph of text in ``html``, in page order, whatever its nesting depth."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.blocks
