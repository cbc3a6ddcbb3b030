"""Messages that carry worker results back to the UI thread.

Each carries the worker that sent it where a newer request can overtake an older one: the
answer of a cancelled worker is dropped (a thread cannot be stopped, only told to stop).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message
from textual.notifications import SeverityLevel
from textual.worker import Worker

from readerui.core.models import Analysis, Article
from readerui.data.library import Library


@dataclass
class ArticleLoaded(Message):
    """An article was loaded and is ready to show."""

    article: Article
    """The article."""
    worker: Worker[Any] | None = None
    """The load worker that sent it (dropped when cancelled by a newer open)."""


@dataclass
class ArticlePreview(Message):
    """The opening part of a long text, to show while the rest is read (same offsets)."""

    article: Article
    """The opening part: its text is a prefix of the whole article's text."""
    length: int
    """About how long the whole text is (to estimate the page count meanwhile)."""
    worker: Worker[Any] | None = None
    """The load worker that sent it (dropped when cancelled by a newer open)."""


@dataclass
class LoadFailed(Message):
    """Loading a source failed; ``error`` is one line for the user."""

    source: str
    """What the user asked to open."""
    error: str
    """Why it failed."""
    worker: Worker[Any] | None = None
    """The load worker that sent it (dropped when cancelled by a newer open)."""


@dataclass
class AnalysisReady(Message):
    """People and quotes were found in an article (or the analysis failed: ``error``)."""

    article: Article
    """The article analysed (dropped when another one has been opened since)."""
    analysis: Analysis
    """What was found (empty when it failed)."""
    error: str | None = None
    """Why the analysis failed, one line, or None."""
    partial: bool = False
    """True for the analysis of the opening part of a long text (the whole one follows)."""
    kept: bool = False
    """True when it comes from the library's copy (nothing new to keep)."""


@dataclass
class AnalysisProgress(Message):
    """How far the analysis of a long text has got."""

    article: Article
    """The article being analysed."""
    fraction: float
    """From 0 to 1."""


@dataclass
class LibraryOpened(Message):
    """The library could be opened after all (it was busy when the app started)."""

    library: Library
    """The library."""


@dataclass
class PlaceFound(Message):
    """Where reading of an article stopped, found late (the library was busy)."""

    article: Article
    """The article."""
    position: int
    """The offset to resume at."""


@dataclass
class Said(Message):
    """A worker has something to tell the reader (one line)."""

    text: str
    """What to say."""
    severity: SeverityLevel = "information"
    """How it is shown."""
