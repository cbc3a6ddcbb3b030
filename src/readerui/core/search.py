"""Find a phrase anywhere in the article text, across line breaks and typographic quotes."""

from __future__ import annotations

import re

_QUOTE_CLASSES = {
    "'": "['‘’`]",
    "‘": "['‘’`]",
    "’": "['‘’`]",
    '"': '["“”„]',
    "“": '["“”„]',
    "”": '["“”„]',
    "-": "[-‐‑‒–—]",
}


def compile_query(query: str) -> re.Pattern[str] | None:
    """A case-insensitive pattern for ``query``; None for a blank query.

    Whitespace in the query matches any run of whitespace in the text (so a phrase that the
    page wraps over two lines, or that spans a paragraph break, is still found), and straight
    quotes/hyphens match their typographic forms: people type ``it's`` for ``it’s``.
    """
    words = query.split()
    if not words:
        return None
    parts = []
    for word in words:
        parts.append("".join(_QUOTE_CLASSES.get(ch, re.escape(ch)) for ch in word))
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def find_all(text: str, query: str, limit: int = 100_000) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``query`` in ``text`` as ``(start, end)`` offsets."""
    pattern = compile_query(query)
    if pattern is None:
        return []
    matches: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            matches.append(match.span())
            if len(matches) >= limit:
                break
    return matches
