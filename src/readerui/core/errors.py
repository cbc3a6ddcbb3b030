"""Errors the core raises for bad input: each carries a one-line message for the user."""

from __future__ import annotations

from readerui.core.sanitize import display_name


class ReaderError(Exception):
    """Base class for every error readerui reports to the user as one clear line.

    The message is sanitised when the error is made: it often quotes outside strings (a file
    name, a server's reason phrase), and whoever shows it must never pass an escape code on.
    """

    def __init__(self, message: str = "") -> None:
        lines = message.strip().splitlines()
        super().__init__(display_name(lines[0] if lines else message, limit=1000))


class LoadError(ReaderError):
    """A file, stream or URL could not be read or turned into an article."""


def describe(exc: BaseException) -> str:
    """An unexpected error as one safe line: its type and the first line of its message."""
    text = str(exc).strip().splitlines()
    line = f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
    return display_name(line, limit=1000)
