"""Background work that gives way to the reader's keys.

Reading a book and laying it out run in threads of the reader's process, and Python runs one
thread at a time: while such a thread holds the interpreter, a page turn waits for its turn
(every millisecond, many times over for one screen). So the reader says when a key comes in,
and long loops in the core call :meth:`Courtesy.give_way` now and then: it returns at once
when the reader is idle, and otherwise waits while the reader answers the key — for
:data:`ANSWER_TIME` after it, or until the reader says it is done, and never longer than
:data:`GIVE_WAY_LIMIT` at a time, so the work always goes on.

A span of time rather than "until the next refresh": the app's refresh can come before the
screen has even been handed the key (each has its own message queue), and a loop let go that
early competes with the very page turn it should wait for.

The reader's event loop also says when it has nothing to do (:func:`reader_loop`): a loop
gives way while the reader is at work on anything, not only after a key. That covers the
moment between a key's arrival and its handling, and the work no key asked for (an article
that arrives, an analysis to show): until now a page turn that met them waited for the
threads besides, a millisecond at a time, to twice its time.
"""

from __future__ import annotations

import asyncio
import selectors
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = [
    "ANSWER_TIME",
    "GIVE_WAY_LIMIT",
    "READER",
    "READER_THREADS",
    "WORK_WAIT_LIMIT",
    "Courtesy",
    "courteously",
    "reader_loop",
]

T = TypeVar("T")

ANSWER_TIME = 0.05
"""Seconds the reader is taken to be busy after a key: a page turn is drawn in 10 to 20 ms,
this covers a slow one."""

GIVE_WAY_LIMIT = 0.1
"""The longest a background loop waits for the reader at one time, in seconds."""

WORK_WAIT_LIMIT = 0.02
"""The longest a background loop waits at one time for the reader's event loop to have
nothing to do, in seconds: short, so that a reader kept busy for long (a resize, a burst of
messages) slows the loop down but never stops it."""


class Courtesy:
    """Whether the reader is busy with a key, for threads that should wait until it is not."""

    def __init__(self) -> None:
        self._until = 0.0
        self._quiet = threading.Event()
        self._quiet.set()
        self._idle = threading.Event()
        self._idle.set()  # no reader's loop says otherwise: nothing to wait for
        self._reader_thread: int | None = None

    def busy(self, seconds: float = ANSWER_TIME) -> None:
        """A key came in: background loops wait for ``seconds`` (called in the reader's
        thread; another key extends the wait)."""
        self._reader_thread = threading.get_ident()
        self._until = time.monotonic() + seconds
        self._quiet.clear()

    def quiet(self) -> None:
        """The reader is done with its keys: background loops go on at once."""
        self._until = 0.0
        self._quiet.set()

    def working(self) -> None:
        """The reader's event loop has work to do (called in its thread)."""
        self._reader_thread = threading.get_ident()
        self._idle.clear()

    def waiting(self) -> None:
        """The reader's event loop waits for something to happen: loops may go on."""
        self._idle.set()

    @property
    def is_busy(self) -> bool:
        """True from :meth:`busy` until its time is up or :meth:`quiet` is called."""
        return time.monotonic() < self._until

    def give_way(self, limit: float = GIVE_WAY_LIMIT) -> None:
        """Return at once when the reader is idle, else when it is or after ``limit`` s.

        The reader's own thread never waits here: the same loops also run there, on short
        texts, and would wait for themselves."""
        if threading.get_ident() == self._reader_thread:
            return
        left = self._until - time.monotonic()
        if left > 0:
            self._quiet.wait(min(left, limit))
        if not self._idle.is_set():
            self._idle.wait(min(WORK_WAIT_LIMIT, limit))


READER = Courtesy()
"""The reader of this process (one per process: the interpreter lock is per process too)."""


def courteously(items: Iterable[T], every: int) -> Iterator[T]:
    """``items``, giving way to the reader before every ``every``-th one."""
    for number, item in enumerate(items):
        if number % every == 0:
            READER.give_way()
        yield item


class _WatchedSelector(selectors.DefaultSelector):
    """The event loop's selector, telling :data:`READER` when the loop waits for events (a
    select that may block) and when it has work again."""

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        """Select; the reader is idle meanwhile unless ``timeout`` is 0 (a mere poll)."""
        if timeout is not None and timeout <= 0:
            return super().select(timeout)
        READER.waiting()
        try:
            return super().select(timeout)
        finally:
            READER.working()


READER_THREADS = 8
"""Threads of the reader's pool for its thread workers (loading, laying out, analysing,
keeping the place and the copy): more than run at once."""


def reader_loop() -> asyncio.AbstractEventLoop:
    """A new event loop for the reader that keeps :data:`READER` told whether it is idle:
    background loops then give way to everything it does (see the module's docstring).

    Its thread pool is started at once: a pool starts a thread when it has no idle one, and
    starting one waits until the new thread has run, which, while a book is read in another
    thread, held a page turn up for 10 to 20 ms (measured)."""
    loop = asyncio.SelectorEventLoop(_WatchedSelector())
    loop.set_default_executor(_started_pool(READER_THREADS))
    return loop


def _started_pool(count: int) -> ThreadPoolExecutor:
    """A thread pool whose ``count`` threads are already running (idle)."""
    pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="readerui-worker")
    # Each task waits for all the others: no thread is idle when the next is submitted, so
    # each submission starts a thread of its own.
    everyone = threading.Barrier(count, timeout=5)
    for _ in range(count):
        pool.submit(everyone.wait)
    return pool
