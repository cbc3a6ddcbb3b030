"""Plain text to :class:`Article`: paragraphs, headline, byline, captions, minus site chrome.

Text saved from a news page (copy-paste, "save as text", a terminal browser dump) carries the
page's furniture with it: "Advertisement", "Share this article", photo credits. This module
recovers the article's shape from such text with line-level heuristics that err on the side of
keeping text: a line is only dropped when it is short and is nothing but chrome.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice

from readerui.core.blocks import (
    GALLERY_PREFIX,
    is_byline,
    is_caption,
    is_chrome,
    is_contributor_line,
    is_credit_line,
)
from readerui.core.courtesy import courteously
from readerui.core.models import Article, ParagraphKind
from readerui.core.normalize import clean_inline, normalize_text

__all__ = ["parse_plaintext", "strip_gutenberg"]

# Lines such as "=====" or "* * *": underlines and separators, not text.
_RULE = re.compile(r"^[\s=\-_~*#+.·•]{3,}$")
_RULE_FIRST = frozenset("=-_~*#+.·•")
"""What a rule's first character is besides a space (a test in C before the pattern)."""

# --- headings and headline -----------------------------------------------------------------

_HEADLINE_MAX_WORDS = 24
# A long line ending in "?" is far more often the opening sentence than a headline.
_QUESTION_HEADLINE_MAX_WORDS = 16
_HEADLINE_MAX_CHARS = 220
_TERMINAL = (".", ",", ";", ":", "…", '."', ".”", ".'", ".’")
_BOOK_HEADING = re.compile(
    r"^(?:chapter|book|part|volume|section|act|scene|canto|epilogue|prologue|preface"
    r"|introduction|contents|appendix)\b[\w\s.:,'’-]{0,60}$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[-*•·‣◦–—+]|\d{1,3}[.)]|[a-z][.)])\s+\S")


def _all_caps(text: str) -> bool:
    """Whether every letter is upper case: wire headlines, never running text."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _looks_like_headline(text: str) -> bool:
    """Whether text is a plausible headline: short, one statement, no sentence-ending period."""
    words = text.split()
    return (
        0 < len(words) <= _HEADLINE_MAX_WORDS
        and len(text) <= _HEADLINE_MAX_CHARS
        and (not text.endswith(_TERMINAL) or _all_caps(text))
        and not (text.endswith("?") and len(words) > _QUESTION_HEADLINE_MAX_WORDS)
        and not is_byline(text)
        and not is_credit_line(text)
        and not is_caption(text)
        and not _LIST_ITEM.match(text)
        and any(ch.isalpha() for ch in text)
    )


def _is_heading(text: str) -> bool:
    """Whether a one-line block inside the body is a section heading (conservative)."""
    # Words counted up to the limit only (a split stopped there): most paragraphs are long.
    if "\n" in text or len(text.split(None, 12)) > 12 or text.endswith(_TERMINAL):
        return False
    return _all_caps(text) or _BOOK_HEADING.match(text) is not None


# --- Project Gutenberg ---------------------------------------------------------------------

_PG_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG.*$", re.M | re.I)
_PG_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG.*$", re.M | re.I)
_PG_TITLE = re.compile(r"^Title:[ \t]*(.+)$", re.M)
_PG_AUTHOR = re.compile(r"^Author:[ \t]*(.+)$", re.M)
_PG_PRODUCED = re.compile(r"^(?:Produced by|E-?text prepared by|Transcribed by)\b", re.I)


def _marker(pattern: re.Pattern[str], text: str, position: int = 0) -> re.Match[str] | None:
    """The first match of a ``^\\*{3}…`` marker line at or after ``position``: the same as
    ``pattern.search`` but looking only where a line starts with "***" (found by str.find
    in C at memory speed), because the regex engine walks a book's ten million characters
    one by one for a pattern that starts with ``^``, holding the interpreter lock meanwhile."""
    while True:
        found = text.find("***", position)
        if found == -1:
            return None
        if found == 0 or text[found - 1] == "\n":
            match = pattern.match(text, found)
            if match is not None:
                return match
        # No marker starts later on this line: on to the next (a line of ten million
        # asterisks is one step, not ten million).
        position = text.find("\n", found) + 1
        if position == 0:
            return None


def strip_gutenberg(text: str) -> tuple[str, str | None, str | None]:
    """Cut a Project Gutenberg book down to the book itself.

    Returns ``(body, title, author)``; when the text is not a Gutenberg book it comes back
    unchanged with no title or author.
    """
    start = _marker(_PG_START, text)
    if start is None:
        return text, None, None
    header = text[: start.start()]
    title_match = _PG_TITLE.search(header)
    author_match = _PG_AUTHOR.search(header)
    # A file may hold several books one after another (each with its header and licence):
    # every book's body is kept, never only the first one's.
    bodies: list[str] = []
    position = start.end()
    while True:
        end = _marker(_PG_END, text, position)
        bodies.append(text[position : end.start() if end else len(text)])
        following = _marker(_PG_START, text, end.end()) if end else None
        if following is None:
            break
        position = following.end()
    body = "\n\n".join(bodies)
    title = clean_inline(title_match.group(1)) if title_match else None
    author = clean_inline(author_match.group(1)) if author_match else None
    return body, title, author


# --- paragraphs ----------------------------------------------------------------------------

# Lines shorter than this in a block where every line is short are kept as separate lines
# (verse, addresses, lists); hard-wrapped prose has lines near its wrap width, at least ~60.
_VERSE_MAX_LINE = 56
_VERSE_SHORT_LINE = 40


def _join_lines(lines: list[str]) -> str:
    """Join the lines of one block: unwrap prose, keep verse-like short lines apart."""
    if len(lines) == 1:
        return lines[0]
    longest = max(map(len, lines))
    # Nobody hard-wraps prose at under 40 columns; between 40 and the verse limit, verse
    # lines mostly start with a capital while wrapped prose mostly continues in lower case.
    # (The count is only needed below the limit: a book's lines are longer.)
    if longest < _VERSE_SHORT_LINE or (
        longest < _VERSE_MAX_LINE
        and sum(1 for line in lines[1:] if line[:1].islower()) * 2 < len(lines) - 1
    ):
        # Verse or an address: each line was meant to stand alone.
        return "\n".join(lines)
    parts = [lines[0]]
    tail = lines[0][-2:]  # the last two characters joined so far
    for line in lines[1:]:
        if tail[-1:] == "-" and len(tail) > 1 and tail[0].isalpha() and line[:1].islower():
            parts.append(line)  # A word hyphenated at the wrap: keep the hyphen, drop the break.
            tail = (tail + line)[-2:]
        else:
            parts.append(" ")
            parts.append(line)
            tail = (" " + line)[-2:]
    return "".join(parts)


# No one hard-wraps text this wide: a block with a line this long uses one line per paragraph
# (what copying from a browser or many "save as text" tools produce) rather than blank lines.
_UNWRAPPED_LINE = 100


def _blocks(text: str) -> Iterator[list[str]]:
    """Blank-line separated blocks as lists of non-empty lines; in text that puts one
    paragraph on each line, every line is a block of its own."""
    # Cut with find rather than split: a book's blocks are made one at a time, never all
    # held at once (tens of thousands of strings that would stay in the heap).
    pos = 0
    while pos != -1:
        cut = text.find("\n\n", pos)
        block = text[pos:cut] if cut != -1 else text[pos:]
        pos = cut + 2 if cut != -1 else -1
        # Indentation carries no meaning in saved pages (it is often a first-line indent).
        lines = [stripped for line in block.split("\n") if (stripped := line.strip())]
        if len(lines) > 1 and max(map(len, lines)) > _UNWRAPPED_LINE:
            yield from ([line] for line in lines)
        elif lines:
            yield lines


_SENTENCE_END = (".", "!", "?", "”", '"', ":", ")")


def _split_block(lines: list[str]) -> Iterator[tuple[str, ParagraphKind | None]]:
    """Break one block into paragraphs, pulling out chrome, bylines and list items.

    Yields ``(text, kind)`` where kind None means "body unless decided otherwise later".
    Chrome lines are dropped here.
    """
    pending: list[str] = []
    for line in lines:
        first = line[:1]
        if (first in _RULE_FIRST or first.isspace()) and _RULE.match(line):
            continue
        # Inside a hard-wrapped paragraph a line like "close." or "search." is the end of a
        # sentence, not a button: only a line that starts afresh can be chrome.
        # (The cheap test first: most lines of a book continue a sentence.)
        # (Lines come stripped from _blocks.)
        if (not pending or pending[-1].endswith(_SENTENCE_END)) and is_chrome(line):
            continue
        special: ParagraphKind | None = None
        if is_byline(line):
            special = "byline"
        elif _LIST_ITEM.match(line) and len(lines) > 1:
            special = "list"
        if special is None:
            pending.append(line)
            continue
        if pending:
            yield _join_lines(pending), None
            pending = []
        yield line, special
    if pending:
        yield _join_lines(pending), None


_GIVE_WAY_EVERY = 16
"""Blocks between two looks at whether the reader is busy with a key (a millisecond or so)."""

# The byline is only looked for near the top; further down "By ..." lines are more likely
# to be something else (a list of contributors, a quoted sign).
_BYLINE_WINDOW = 8


def _paragraphs(text: str) -> Iterator[tuple[str, ParagraphKind | None]]:
    """The paragraphs of ``text`` as they come, each with the kind its block shape says."""
    # A book is read in a thread while its first pages are read: give way to their keys.
    for lines in courteously(_blocks(text), _GIVE_WAY_EVERY):
        yield from _split_block(lines)


def parse_plaintext(text: str, source: str, *, title: str | None = None) -> Article:
    """Turn plain text into an :class:`Article`.

    ``title`` overrides headline detection (for callers that already know it).
    """
    text = normalize_text(text)
    text, book_title, book_author = strip_gutenberg(text)
    is_book = book_title is not None
    if is_book:
        text = normalize_text(text)
        title = title or book_title

    stream = _paragraphs(text)
    # Only the opening paragraphs are looked at together (credit, repeated title, headline):
    # the rest streams through, so a book is never held as a list of paragraphs.
    head = list(islice(stream, _HEAD))

    if is_book:
        # The "Produced by" credit of the volunteers who transcribed the book is not the book.
        head = [p for i, p in enumerate(head) if not (i < 3 and _PG_PRODUCED.match(p[0]))]

    if is_book and title:
        # Books repeat their title on a line of its own after the licence header.
        for index, (para, _kind) in enumerate(head[:5]):
            if clean_inline(para).casefold() == title.casefold():
                del head[index]
                break

    # Headline: the first block, when it looks like one and something follows it.
    found_title = title or ""
    if head and len(head) > 1:
        first, first_kind = head[0]
        candidate = clean_inline(first)
        if first_kind is None and (
            (title and candidate.casefold() == title.casefold())
            or (not title and _looks_like_headline(candidate))
        ):
            found_title = found_title or candidate
            head = head[1:]

    found = _Found()
    article = Article.from_blocks(
        source, found_title, _final_blocks(chain(head, stream), found, is_book)
    )
    byline = found.byline
    if byline is None and book_author:
        byline = f"By {book_author}"
    return replace(article, byline=byline) if byline is not None else article


_HEAD = 10
"""Paragraphs read before the rest, enough for every test on the opening ones: the credit
among the first three, the repeated title among the first five after it, the headline."""


@dataclass(slots=True)
class _Found:
    """The byline met while the paragraphs stream past."""

    byline: str | None = None


def _final_blocks(
    raw: Iterable[tuple[str, ParagraphKind | None]], found: _Found, is_book: bool
) -> Iterator[tuple[str, ParagraphKind]]:
    """Each paragraph with its final kind, cleaned; notes the byline in ``found``."""
    for index, (para, kind) in enumerate(raw):
        final: ParagraphKind
        if kind == "byline":
            if index < _BYLINE_WINDOW or is_book:
                final = "byline"
                found.byline = found.byline or para
            else:
                final = "body"
        elif kind == "list":
            final = "list"
        elif index < 2 and found.byline is None and is_credit_line(para):
            final = "byline"
            found.byline = para
        elif is_contributor_line(para):
            final = "byline"  # "Jane Doe contributed to this report.": an author, at the end.
        elif is_caption(para):
            final = "caption"
            para = GALLERY_PREFIX.sub("", para)
        elif _is_heading(para):
            final = "heading"
        else:
            final = "body"
        yield para if "\n" in para else clean_inline(para), final
