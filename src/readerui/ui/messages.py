"""Messages that carry worker results back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from readerui.core.models import Analysis, Article


@dataclass
class ArticleLoaded(Message):
    """An article was loaded and is ready to show."""

    article: Article
    """The article."""
    generation: int = 0
    """Which open request this answers; answers to older requests are dropped."""


@dataclass
class LoadFailed(Message):
    """Loading a source failed; ``error`` is one line for the user."""

    source: str
    """What the user asked to open."""
    error: str
    """Why it failed."""
    generation: int = 0
    """Which open request this answers; answers to older requests are dropped."""


@dataclass
class AnalysisReady(Message):
    """People and quotes were found in the current article."""

    article: Article
    """The article analysed (dropped when another one has been opened since)."""
    analysis: Analysis
    """What was found."""
