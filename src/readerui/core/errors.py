"""Errors the core raises for bad input: each carries a one-line message for the user."""

from __future__ import annotations


class ReaderError(Exception):
    """Base class for every error readerui reports to the user as one clear line."""


class LoadError(ReaderError):
    """A file, stream or URL could not be read or turned into an article."""
