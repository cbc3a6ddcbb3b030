"""Helpers for the analysis tests: build and query short invented articles."""

from __future__ import annotations

import threading

from readerui.core.analysis import analyze
from readerui.core.models import Analysis, Article, ParagraphKind, Person, Quote


def make_article(*paras: str | tuple[str, ParagraphKind]) -> Article:
    """An article from paragraphs (plain strings are body paragraphs)."""
    blocks: list[tuple[str, ParagraphKind]] = [
        (p, "body") if isinstance(p, str) else p for p in paras
    ]
    return Article.from_blocks("test", "Test", blocks)


def run(*paras: str | tuple[str, ParagraphKind]) -> Analysis:
    """Analyse an article made of ``paras``."""
    return analyze(make_article(*paras))


def person(result: Analysis, name: str) -> Person:
    """The person called ``name`` (fails the test when missing)."""
    for p in result.people:
        if p.name == name:
            return p
    raise AssertionError(f"{name!r} not in {[p.name for p in result.people]}")


def quote(result: Analysis, start_words: str) -> Quote:
    """The quote whose text starts with ``start_words``."""
    for q in result.quotes:
        if q.text.startswith(start_words):
            return q
    raise AssertionError(f"{start_words!r} not in {[q.text for q in result.quotes]}")


def names(result: Analysis) -> set[str]:
    """All people's display names."""
    return {p.name for p in result.people}


class SetAfter(threading.Event):
    """An event that reports itself set from its ``n``-th check on."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.calls = 0
        self.n = n

    def is_set(self) -> bool:
        self.calls += 1
        return self.calls >= self.n
