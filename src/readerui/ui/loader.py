"""Loading articles and analysing them in workers, as a part of the app with no looks.

:class:`ArticleLoader` starts the workers (a thread for files and the analysis, async I/O
for URLs) and posts :class:`~readerui.ui.messages.ArticleLoaded`,
:class:`~readerui.ui.messages.LoadFailed` and :class:`~readerui.ui.messages.AnalysisReady`
on to the app. A newer request cancels the older worker (exclusive groups) through its
``cancelled_event``; an answer that still comes from a cancelled worker is stopped here.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from readerui.core.models import Article
from readerui.ui import tasks
from readerui.ui.messages import AnalysisReady, ArticleLoaded, LoadFailed


class ArticleLoader(Widget):
    """Loads what the reader opens and analyses what is shown (never displayed)."""

    DEFAULT_CSS = "ArticleLoader { display: none; }"

    def __init__(self) -> None:
        super().__init__()
        self.pending: str | None = None
        """The source being loaded now (None: nothing)."""
        self.initial = False
        """Whether the load under way is the one asked for on the command line."""

    def open(self, spec: str, *, initial: bool = False) -> None:
        """Load a path or URL; the answer is posted when it comes (a newer open wins)."""
        from readerui.core.sources import is_url

        self.pending = spec
        self.initial = initial
        if is_url(spec):
            self._fetch(spec)
        else:
            self._load_file(spec)

    @work(exclusive=True, group="load")
    async def _fetch(self, url: str) -> None:
        message = await tasks.fetch(url)
        message.worker = get_current_worker()
        self.post_message(message)

    @work(thread=True, exclusive=True, group="load")
    def _load_file(self, path: str) -> None:
        worker = get_current_worker()
        message = tasks.load_file(path, worker.cancelled_event)
        if message is not None:
            message.worker = worker
            self.post_message(message)

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

    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self, article: Article) -> None:
        """Find people and quotes in a thread; a newer article cancels the older analysis."""
        message: AnalysisReady | None = tasks.analyse(article, get_current_worker().cancelled_event)
        if message is not None:
            self.post_message(message)
