"""Loading articles and analysing them in workers, as a part of the app with no looks.

:class:`ArticleLoader` starts the workers (a thread for files and the analysis, async I/O
for URLs) and posts :class:`~readerui.ui.messages.ArticleLoaded`,
:class:`~readerui.ui.messages.LoadFailed` and :class:`~readerui.ui.messages.AnalysisReady`
on to the app. A newer request cancels the older worker (exclusive groups) through its
``cancelled_event``; an answer that still comes from a cancelled worker is stopped here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from textual import work
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from readerui.core.errors import ReaderError, describe
from readerui.core.loading import PendingArticle
from readerui.core.models import Article
from readerui.data.library import Library
from readerui.ui import tasks
from readerui.ui.messages import (
    AnalysisProgress,
    AnalysisReady,
    ArticleLoaded,
    ArticlePreview,
    LoadFailed,
)


class ArticleLoader(Widget):
    """Loads what the reader opens and analyses what is shown (never displayed)."""

    DEFAULT_CSS = "ArticleLoader { display: none; }"

    def __init__(self, library: Callable[[], Library | None] = lambda: None) -> None:
        super().__init__()
        self.library = library
        """Gives the library (once open): its copies and analyses are used when they fit."""
        self.pending: str | None = None
        """The source being loaded now (None: nothing)."""
        self.initial = False
        """Whether the load under way is the one asked for on the command line."""

    def follow(self, spec: str, rest: PendingArticle) -> None:
        """Collect the whole of a text whose opening part is shown (read on in a thread)."""
        self.pending = spec
        self.initial = True
        self._follow(spec, rest)

    @work(thread=True, exclusive=True, group="load")
    def _follow(self, spec: str, rest: PendingArticle) -> None:
        worker = get_current_worker()

        def longer(part: Article, length: int) -> None:
            self.post_message(ArticlePreview(part, length, worker))

        # The longer opening part read after the first page is shown like the first one.
        rest.when_longer(longer)
        try:
            article = rest.wait(worker.cancelled_event)
        except Exception as exc:  # never a traceback on screen: report and keep running
            error = str(exc) if isinstance(exc, ReaderError) else describe(exc)
            self.post_message(LoadFailed(spec, error, worker))
            return
        if article is not None:
            self.post_message(ArticleLoaded(article, worker))

    def open(self, spec: str, *, initial: bool = False, key: str | None = None) -> None:
        """Load a path or URL; the answer is posted when it comes (a newer open wins).

        With the library ``key`` of an article kept there, the kept copy is opened (no
        network needed), unless ``spec`` is a file that is still there (it may have changed).
        """
        from readerui.core.sources import is_url

        self.pending = spec
        self.initial = initial
        if key is not None and (is_url(spec) or not os.path.isfile(spec)):
            self._reopen(spec, key)
        elif is_url(spec):
            self._fetch(spec)
        else:
            self._load_file(spec)

    @work(thread=True, exclusive=True, group="load")
    def _reopen(self, spec: str, key: str) -> None:
        worker = get_current_worker()
        message: ArticleLoaded | LoadFailed | None = tasks.reopen(
            self.library(), key, worker.cancelled_event
        )
        if message is None and not worker.is_cancelled:
            if spec in ("", "-"):
                message = LoadFailed(spec, "its copy is gone from the library")
            else:
                self.app.call_from_thread(self.open, spec)  # no copy after all: load the source
                return
        if message is not None:
            message.worker = worker
            self.post_message(message)

    @work(exclusive=True, group="load")
    async def _fetch(self, url: str) -> None:
        message = await tasks.fetch(url)
        message.worker = get_current_worker()
        self.post_message(message)

    @work(thread=True, exclusive=True, group="load")
    def _load_file(self, path: str) -> None:
        worker = get_current_worker()

        def preview(article: Article, length: int) -> None:
            self.post_message(ArticlePreview(article, length, worker))

        message = tasks.load_file(path, worker.cancelled_event, preview)
        if message is not None:
            message.worker = worker
            self.post_message(message)

    def on_article_preview(self, message: ArticlePreview) -> None:
        """Pass the opening part of a long text on (unless a newer open was asked for)."""
        if message.worker is not None and message.worker.is_cancelled:
            message.stop()

    def _answered(self, message: ArticleLoaded | LoadFailed) -> None:
        worker: Worker[Any] | None = message.worker
        if worker is not None and worker.is_cancelled:
            message.stop()  # a newer open was asked for since: drop the older answer
        else:
            self.pending = None

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        """Pass a fresh article on to the app."""
        self._answered(message)

    def on_load_failed(self, message: LoadFailed) -> None:
        """Pass a fresh failure on to the app."""
        self._answered(message)

    # A description, or Textual describes the worker by repr() of its arguments: a whole
    # book, turned into a string on the UI thread.
    @work(thread=True, exclusive=True, group="analysis", description="analysis")
    def analyse(self, article: Article) -> None:
        """Find people and quotes in a thread; a newer article cancels the older analysis."""
        worker = get_current_worker()

        def post(message: AnalysisReady | AnalysisProgress) -> None:
            if not worker.is_cancelled:
                self.post_message(message)

        message = tasks.analyse(article, worker.cancelled_event, post, self.library())
        if message is not None:
            self.post_message(message)
