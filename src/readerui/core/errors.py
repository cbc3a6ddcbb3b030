"""Errors the core raises for bad input: each carries a one-line message for the user."""

from __future__ import annotations


class ReaderError(Exception):
    """Base class for every error readerui reports to the user as one clear line."""


class LoadError(ReaderError):
    """A file, stream or URL could not be read or turned into an article."""


def describe(exc: BaseException) -> str:
    """An unexpected error as one line: its type and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
