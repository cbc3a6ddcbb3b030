"""Finding direct quotations: spans between quote marks, paragraph by paragraph.

Curly marks say which way they face; straight ones are read from their neighbours (a mark
after a space opens, a mark before a space closes). A quote left open at the end of a
paragraph is the first part of a multi-paragraph quote: it ends there, and the next
paragraph's opening mark starts the next part. Single marks inside a double-quoted span are
nested quotes and belong to the outer one; outside, a single-quoted span is a quote only when
its marks sit at word edges, so apostrophes ("it’s", "Jones’") are not taken for quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readerui.core.analysis.cancel import EVERY, Check, never
from readerui.core.models import Article

__all__ = ["RawQuote", "find_quotes"]

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_DOUBLES = _OPEN_DOUBLE + _CLOSE_DOUBLE + '"'
_SINGLES = "‘’'"
_EDGE_SPACE = " \t\n\u00a0"
_ANY_MARK = re.compile("[" + _DOUBLES + _SINGLES + "]")
_SINGLE_MARK = re.compile("[" + _SINGLES + "]")


@dataclass(slots=True)
class RawQuote:
    """A quoted span before attribution."""

    start: int
    """First quoted character (after the opening mark and any space)."""
    end: int
    """Just past the last quoted character."""
    open_at: int
    """Offset of the opening mark (or of the paragraph start for a continuation)."""
    close_at: int
    """Offset just past the closing mark, or the paragraph end when the quote runs on."""
    para: int
    """Index of the paragraph holding the quote."""
    closed: bool
    """False when the paragraph ended before a closing mark (a multi-paragraph quote)."""


def _is_space(c: str) -> bool:
    return c == "" or c.isspace()


def _opens(prev: str, nxt: str) -> bool:
    """A straight mark opens when it follows a space/bracket and precedes a non-space."""
    return (_is_space(prev) or prev in "([{—–-/") and not _is_space(nxt)


def _emit(
    out: list[RawQuote], text: str, open_at: int, close_at: int, end: int, para: int, closed: bool
) -> None:
    """Add the span between the marks, trimmed of spaces, when it holds any word."""
    s, e = open_at + 1, end
    while s < e and text[s] in _EDGE_SPACE:
        s += 1
    while e > s and text[e - 1] in _EDGE_SPACE:
        e -= 1
    if e > s and any(c.isalnum() for c in text[s:e]):
        out.append(RawQuote(s, e, open_at, close_at, para, closed))


def _singles(text: str, start: int, end: int, para: int, out: list[RawQuote]) -> None:
    """Single-quoted spans in ``text[start:end]``, a stretch outside any double quote."""
    open_at: int | None = None
    for m in _SINGLE_MARK.finditer(text, start, end):
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i > start else ""
        nxt = text[i + 1] if i + 1 < end else ""
        if open_at is None:
            if (c != "’" and _opens(prev, nxt) and nxt.isalnum()) or (c == "‘" and nxt.isalnum()):
                open_at = i
        elif c != "‘" and not _is_space(prev) and not nxt.isalnum():
            # "Jones’ book": a plural possessive is followed by a space and a lower-case word;
            # a closing mark is mostly followed by punctuation, a space and a capital, or the end.
            after = text[i + 1 : i + 3]
            if c == "’" and prev == "s" and after[:1] == " " and after[1:2].islower():
                continue
            _emit(out, text, open_at, i + 1, i, para, True)
            open_at = None


_NESTED_REACH = 2000
"""How far after a straight mark inside a quote the marks that would close it are looked for."""


def _closes_later(text: str, pos: int, end: int) -> bool:
    """Whether, after a straight mark at ``pos``, two more close-shaped straight marks follow
    within :data:`_NESTED_REACH` characters (one for a nested quote, one for the outer
    quote). The reach keeps the look-ahead bounded, so the scan stays linear."""
    end = min(end, pos + _NESTED_REACH)
    closers = 0
    i = text.find('"', pos, end)
    while i != -1 and closers < 2:
        prev = text[i - 1]
        nxt = text[i + 1] if i + 1 < end else ""
        if not _is_space(prev) and not nxt.isalnum():
            closers += 1
        elif _is_space(prev) and nxt.isalnum():
            return False  # another quote opens first: this mark closed the outer one
        i = text.find('"', i + 1, end)
    return closers >= 2


def find_quotes(article: Article, check: Check = never) -> list[RawQuote]:
    """Every quoted span of ``article``, in text order, not overlapping.

    Single-quoted spans count only in a text that uses single marks for speech (more
    sentence-long single-quoted spans than double-quoted ones); in a text quoting with double
    marks, single marks outside them are headlines' quotes and terms, not speech.
    """
    doubles: list[RawQuote] = []
    singles: list[RawQuote] = []
    _scan(article, doubles, singles, check)
    long_singles = sum(1 for q in singles if _words(article.text, q) >= 4)
    out = doubles + singles if long_singles > len(doubles) else doubles
    out.sort(key=lambda q: q.start)
    return out


def _words(text: str, q: RawQuote) -> int:
    return len(text[q.start : q.end].split())


def _scan(article: Article, out: list[RawQuote], singles_out: list[RawQuote], check: Check) -> None:
    """Collect double-quoted spans into ``out`` and single-quoted ones into ``singles_out``."""
    text = article.text
    for pi, para in enumerate(article.paragraphs):
        open_at: int | None = None
        outside_from = para.start
        # With an even number of straight marks they pair off in order, whatever spaces
        # surround them ("Hello " she said); only an odd count needs the spacing heuristic.
        straight_even = text.count('"', para.start, para.end) % 2 == 0
        i = para.start - 1
        check()
        marks = 0
        nested = False
        # Jump from mark to mark: most characters are not quote marks.
        while True:
            marks += 1
            if marks % EVERY == 0:
                check()
            m = _ANY_MARK.search(text, i + 1, para.end)
            if m is None:
                break
            i = m.start()
            c = text[i]
            mark_end = i + 1
            if c in _SINGLES and text[i + 1 : i + 2] == c and c != "‘":
                # Two apostrophes typed for one double mark: ''like this'' or ’’this’’.
                mark_end = i + 2
                c = '"'
            elif c not in _DOUBLES:
                continue
            prev = text[i - 1] if i > para.start else ""
            nxt = text[mark_end] if mark_end < para.end else ""
            if c in _OPEN_DOUBLE:
                is_open = not (open_at is not None and _is_space(nxt) and not _is_space(prev))
            elif c in _CLOSE_DOUBLE:
                # A closing mark used as an opener (bad typesetting): space before, word after.
                is_open = open_at is None and _is_space(prev) and nxt.isalnum()
            else:
                if open_at is not None and c == '"' and mark_end - i == 1:
                    if nested:
                        if not _is_space(prev) and not nxt.isalnum():
                            nested = False  # the nested quote closes: “… "States" is …”
                        i = mark_end - 1
                        continue
                    if (
                        _is_space(prev)
                        and nxt.isalnum()
                        and _closes_later(text, mark_end, para.end)
                    ):
                        # A straight quote inside a straight quote ("… The "United States"
                        # is not …," he said): part of the outer one.
                        nested = True
                        i = mark_end - 1
                        continue
                is_open = open_at is None and (straight_even or _opens(prev, nxt))
                if open_at is None and not is_open:
                    continue  # a stray straight mark ("12" pipe") opens nothing
            if is_open:
                if open_at is not None:
                    # Opening twice: the first quote lost its closing mark; end it here.
                    _emit(out, text, open_at, i, i, pi, False)
                _singles(text, outside_from, i, pi, singles_out)
                # Read each stretch once: a run of quotes that never close would otherwise
                # rescan the paragraph from its start for every one of them.
                outside_from = max(outside_from, i)
                open_at = mark_end - 1
            elif open_at is not None:
                _emit(out, text, open_at, mark_end, i, pi, True)
                open_at = None
                outside_from = mark_end
            i = mark_end - 1
        if open_at is not None:
            _emit(out, text, open_at, para.end, para.end, pi, False)
        else:
            _singles(text, outside_from, para.end, pi, singles_out)
