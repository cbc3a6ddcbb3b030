"""What the app's workers do, as plain functions: each takes the worker's ``cancelled_event``
and returns the message to post (None: nothing to say), so it runs and is tested without an
app. :class:`~readerui.ui.app.ReaderApp` runs them in its workers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from readerui.core.daemon import DaemonWork
from readerui.core.errors import ReaderError, describe
from readerui.core.models import Analysis, Article
from readerui.data.library import (
    Library,
    LibraryError,
    Place,
    ReadingPlaces,
    RetryCancelled,
    open_library,
)
from readerui.ui.messages import (
    AnalysisProgress,
    AnalysisReady,
    ArticleLoaded,
    LibraryOpened,
    LoadFailed,
    PlaceFound,
    Said,
)

T = TypeVar("T")

POLL = 0.05
"""Seconds between two looks at the cancel event while waiting for abandonable work."""


class Abandoned(Exception):
    """The work was cancelled before it finished (and was left to run out unseen)."""


def run_abandonable(work: Callable[[], T], cancel: threading.Event) -> T:
    """``work()`` in a daemon thread; raises :class:`Abandoned` as soon as ``cancel`` is set.

    The core checks ``cancel`` between its steps, but a step that runs long without looking
    would keep a worker thread busy, and Python waits for worker threads before the process
    can exit: the worker hands the work to a :class:`DaemonWork` and only waits for it, so
    quitting ends the worker at once whatever the work is doing.
    """
    job = DaemonWork(work, "readerui-work")
    while not job.done.wait(POLL):
        if cancel.is_set():
            raise Abandoned
    if cancel.is_set():  # finished, but for nobody: a newer request or quitting came first
        raise Abandoned
    return job.result()


def load_file(
    path: str,
    cancel: threading.Event,
    on_preview: Callable[[Article, int], None] | None = None,
) -> ArticleLoaded | LoadFailed | None:
    """Read and extract a local file (CPU-bound for big HTML: run in a thread).

    ``on_preview`` gets the opening part of a long plain text first (see ``load_bytes``).
    """
    from readerui.core.loading import load_path

    try:
        article = run_abandonable(lambda: load_path(path, cancel, on_preview), cancel)
    except Exception as exc:  # never a traceback on screen: report and keep running
        if cancel.is_set():
            return None
        error = str(exc) if isinstance(exc, ReaderError) else describe(exc)
        return LoadFailed(path, error)
    return ArticleLoaded(article)


async def fetch(url: str) -> ArticleLoaded | LoadFailed:
    """Fetch a URL (async I/O; cancelling the worker cancels the request) and extract it."""
    from readerui.core.fetch import fetch_url

    try:
        article = await fetch_url(url)
    except ReaderError as exc:
        return LoadFailed(url, str(exc))
    except Exception as exc:  # never a traceback on screen: report and keep running
        return LoadFailed(url, describe(exc))
    return ArticleLoaded(article)


CHILD_ANALYSIS_CHARS = 300_000
"""Texts longer than this are analysed in a child process (see core.background): in a
thread, a long analysis would share the interpreter lock with every page turn."""


def analyse(
    article: Article,
    cancel: threading.Event,
    post: Callable[[AnalysisReady | AnalysisProgress], None] | None = None,
    library: Library | None = None,
) -> AnalysisReady | None:
    """Find people and quotes; None when cancelled.

    The analysis the library keeps for this very text is used as it is (reopening is
    instant). A long text goes to a child process, which reports progress and the people and
    quotes of the opening part early: they are given to ``post`` as they come.
    """
    from readerui.core.background import analyze_in_child

    if library is not None:
        # Imported here: the copies' JSON is not needed on the way to the first page.
        from readerui.data.copies import stored_analysis

        try:
            kept = stored_analysis(library, article)
        except Exception:  # a damaged or busy library only costs the shortcut
            kept = None
        if kept is not None:
            return AnalysisReady(article, kept, kept=True)

    def work() -> Analysis | None:
        if len(article.text) <= CHILD_ANALYSIS_CHARS or post is None:
            # Imported here, not above: a long text is analysed in the child, and importing
            # the engine (a tenth of a second of regexes and word lists) in the reader would
            # only compete with its page turns.
            from readerui.core.analysis import AnalysisCancelled, analyze

            try:
                return analyze(article, cancel)
            except AnalysisCancelled:
                return None
        return analyze_in_child(
            article,
            cancel,
            on_progress=lambda fraction: post(AnalysisProgress(article, fraction)),
            on_partial=lambda part: post(AnalysisReady(article, part, partial=True)),
        )

    try:
        analysis = run_abandonable(work, cancel)
    except Abandoned:
        return None
    except Exception as exc:  # a bad analysis must never take the reader down
        if cancel.is_set():
            return None
        return AnalysisReady(article, Analysis(), error=f"Analysis failed: {describe(exc)}")
    if analysis is None or cancel.is_set():
        return None
    return AnalysisReady(article, analysis)


def reopen_library(cancel: threading.Event) -> LibraryOpened | Said | None:
    """Open the library that was busy at start, waiting for the other program."""
    try:
        return LibraryOpened(open_library(cancel=cancel))
    except RetryCancelled:
        return None
    except LibraryError as exc:
        return Said(f"Reading positions will not be kept: {exc}", "warning")


def find_place(
    places: ReadingPlaces, article: Article, cancel: threading.Event
) -> PlaceFound | None:
    """Where reading of ``article`` stopped, waiting while the library is busy."""
    try:
        position = places.wait_for_place(article.source, article.text, cancel)
    except RetryCancelled:
        return None
    return PlaceFound(article, position) if position else None


def save_place(places: ReadingPlaces, place: Place, cancel: threading.Event) -> Said | None:
    """Store a reading position (SQLite may wait on a lock: run in a thread)."""
    error = places.save(place, cancel)
    return Said(error, "warning") if error else None


def keep(library: Library, article: Article, analysis: Analysis | None) -> None:
    """Keep an offline copy of ``article`` (and its analysis) in the library.

    Nothing is said when it fails (the reading position's save reports a broken library)
    or when the copy is too big to keep (the article is read from its source again).
    """
    from readerui.data.copies import keep_copy  # (see analyse: not before the first page)

    try:
        keep_copy(library, article, analysis)
    except Exception:
        return


def reopen(library: Library | None, key: str, cancel: threading.Event) -> ArticleLoaded | None:
    """The article kept in the library under ``key`` (None: none kept, or cancelled)."""
    if library is None:
        return None
    from readerui.data.copies import open_copy

    try:
        article = open_copy(library, key)
    except Exception:
        return None
    if article is None or cancel.is_set():
        return None
    return ArticleLoaded(article)
