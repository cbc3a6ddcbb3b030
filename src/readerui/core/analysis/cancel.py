"""Cooperative cancellation for the analysis: a check callable and bounded work units.

The analysis runs in a worker thread that cannot be killed; it stops by calling ``check``
(which raises when the caller's cancel event is set) often enough that a set event ends a
10 MB run within a fraction of a second. Loops call it every :data:`EVERY` items, and a long
stretch of text is cut into :func:`pieces` so that no single regex call runs for long.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

__all__ = ["EVERY", "PIECE", "Check", "finditer", "never", "pieces", "ticking"]

T = TypeVar("T")

Check = Callable[[], None]
"""Raises when the analysis should stop; returns otherwise."""

EVERY = 512
"""Items (words, runs, quotes, mentions) between two checks: cheap, yet frequent."""

PIECE = 1 << 16
"""Characters handed to one regex call over a long stretch between two checks."""


def never() -> None:
    """A check that never stops the analysis (no cancel event given)."""


def pieces(text: str, start: int, end: int, check: Check, size: int = PIECE) -> Iterator[int]:
    """Cut points of ``text[start:end]`` about ``size`` apart, each at a space (so no word is
    cut), ending with ``end``; ``check`` runs before each piece after the first."""
    pos = start
    while end - pos > size:
        cut = text.find(" ", pos + size, end)
        if cut == -1:
            break
        yield cut
        check()
        pos = cut
    yield end


def ticking(items: Iterable[T], check: Check) -> Iterator[T]:
    """``items``, calling ``check`` before every :data:`EVERY`-th one."""
    for i, item in enumerate(items):
        if i % EVERY == 0:
            check()
        yield item


def finditer(
    pattern: re.Pattern[str], text: str, start: int, end: int, check: Check, size: int = PIECE
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` read piece by piece (see :func:`pieces`), with
    ``check`` between pieces and every :data:`EVERY` matches. Only for patterns whose
    matches do not span a space-cut of a stretch longer than :data:`PIECE`, and that use no
    ``$`` (each piece ends where the pattern can see an end)."""
    if end - start <= size:
        # One piece (most paragraphs): no bookkeeping beyond a check every EVERY matches.
        for n, m in enumerate(pattern.finditer(text, start, end), 1):
            if n % EVERY == 0:
                check()
            yield m
        return
    pos = start
    n = 0
    for cut in pieces(text, start, end, check, size):
        for m in pattern.finditer(text, pos, cut):
            n += 1
            if n % EVERY == 0:
                check()
            yield m
        pos = cut
