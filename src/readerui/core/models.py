"""Plain data the core hands around: articles, paragraphs, pages, people and quotes.

Every position is a character offset into :attr:`Article.text`; pages and line numbers are
derived from offsets and never stored.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

ParagraphKind = Literal["body", "heading", "caption", "byline", "blockquote", "list"]
"""What a paragraph is: ordinary text, a section heading, a photo caption or credit, the
byline, a block quotation or a list item."""

PersonKind = Literal["subject", "byline", "credit"]
"""Why a person is in the people list: named in the story, its author, or a photo credit."""

PARAGRAPH_SEPARATOR = "\n\n"
"""What joins two paragraphs in :attr:`Article.text`."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the body: ``Article.text[start:end]``."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset just past the last character."""
    kind: ParagraphKind = "body"
    """What the paragraph is (see :data:`ParagraphKind`)."""


@dataclass(frozen=True, slots=True)
class Article:
    """An article ready to read: metadata plus the body text all offsets refer to."""

    source: str
    """Where it came from: a path, a URL, or ``"-"`` for standard input."""
    title: str
    """The headline (may be empty when none was found)."""
    text: str
    """The body text: paragraphs joined by a blank line. Every offset indexes into this."""
    paragraphs: tuple[Paragraph, ...]
    """The paragraphs of :attr:`text`, in order, not overlapping."""
    byline: str | None = None
    """The author line as found, e.g. ``"By Jane Doe, CNN"``."""
    published: str | None = None
    """Publication date as an ISO 8601 string, when one was found."""
    site: str | None = None
    """Name of the publication or site, when known."""

    @classmethod
    def from_blocks(
        cls,
        source: str,
        title: str,
        blocks: Iterable[tuple[str, ParagraphKind]],
        *,
        byline: str | None = None,
        published: str | None = None,
        site: str | None = None,
    ) -> Article:
        """Build an article from ``(paragraph text, kind)`` pairs, joining them with blank lines.

        Blocks are taken as given (already cleaned); empty ones are skipped. Given an iterator,
        each block is written out and let go before the next is made: a book never exists as
        tens of thousands of paragraph strings at once (which leaves the heap fragmented, its
        memory never given back).
        """
        out = io.StringIO()
        paragraphs: list[Paragraph] = []
        offset = 0
        for text, kind in blocks:
            if not text:
                continue
            if paragraphs:
                out.write(PARAGRAPH_SEPARATOR)
                offset += len(PARAGRAPH_SEPARATOR)
            out.write(text)
            paragraphs.append(Paragraph(offset, offset + len(text), kind))
            offset += len(text)
        return cls(
            source=source,
            title=title,
            text=out.getvalue(),
            paragraphs=tuple(paragraphs),
            byline=byline,
            published=published,
            site=site,
        )

    def paragraph_text(self, paragraph: Paragraph) -> str:
        """The text of one paragraph."""
        return self.text[paragraph.start : paragraph.end]

    @property
    def word_count(self) -> int:
        """Number of words in the body."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Person:
    """One real person named in the article, all forms of their name merged."""

    name: str
    """The fullest form of the name used in the text."""
    aliases: tuple[str, ...] = ()
    """Other forms used: surname alone, "Mr Namah", a first name, ..."""
    role: str | None = None
    """Title or role the text gives, e.g. ``"French President"``."""
    mentions: tuple[tuple[int, int], ...] = ()
    """Every mention as a ``(start, end)`` span of :attr:`Article.text`, in order."""
    quoted: int = 0
    """How many quotes are attributed to this person."""
    kind: PersonKind = "subject"
    """Why the person is listed: in the story, its byline, or a photo credit."""


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct quotation: ``Article.text[start:end]`` is the words between the marks."""

    text: str
    """The quoted words, without the quote marks."""
    start: int
    """Offset of the first quoted character."""
    end: int
    """Offset just past the last quoted character."""
    speaker: str | None = None
    """Display name of the :class:`Person` who said it, or None for an unnamed source."""
    speaker_label: str | None = None
    """How the text names the source when it is not a person ("one European official")."""
    cue: str | None = None
    """The verb that attributes the quote ("said", "told", "according to")."""
    partial: bool = False
    """A scare quote, title or fragment of one to three words rather than real speech."""
    how: str = "none"
    """The evidence that chose the speaker: "said-after", "colon-before", "pronoun:she",
    "continuation", "role:the mayor", "label", "none" … (``analysis.attribution.HOW``)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Who is in an article and who said what."""

    people: tuple[Person, ...] = ()
    """People, most prominent first."""
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    """Quotes in text order."""


WORDS_PER_MINUTE = 230
"""An adult's silent reading speed for prose, used for "time left"."""


def reading_minutes(words: float, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Whole minutes (at least 1 when there are words) to read ``words`` words."""
    if words <= 0:
        return 0
    return max(1, round(words / words_per_minute))


WORD_SAMPLE = 1 << 15
"""Characters whose words are counted to estimate a long text's words per character (some
five thousand words: counted on the UI thread, which a page turn waits for)."""


def word_density(text: str) -> float:
    """Words per character of ``text``: exact up to :data:`WORD_SAMPLE` characters, beyond
    that estimated from the opening :data:`WORD_SAMPLE` (counting the words of a whole book
    is a tenth of a second on the UI thread, for a "time left" given in whole minutes)."""
    sample = text[:WORD_SAMPLE]
    return len(sample.split()) / len(sample) if sample else 0.0
