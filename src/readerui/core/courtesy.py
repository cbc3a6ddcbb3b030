"""Background work that gives way to the reader's keys.

Reading a book and laying it out run in threads of the reader's process, and Python runs one
thread at a time: while such a thread holds the interpreter, a page turn waits for its turn
(every few milliseconds, many times over for one screen). So the reader says when it is busy
with a key, and long loops in the core call :meth:`Courtesy.give_way` now and then: it
returns at once when the reader is idle, and otherwise waits until the reader has drawn the
answer to the key (never longer than a moment, so the work always goes on).
"""

from __future__ import annotations

import threading

__all__ = ["GIVE_WAY_LIMIT", "READER", "Courtesy"]

GIVE_WAY_LIMIT = 0.1
"""The longest a background loop waits for the reader at one time, in seconds."""


class Courtesy:
    """Whether the reader is busy with a key, for threads that should wait until it is not."""

    def __init__(self) -> None:
        self._quiet = threading.Event()
        self._quiet.set()
        self._reader_thread: int | None = None

    def busy(self) -> None:
        """The reader is handling a key: background loops wait (called in the reader's thread)."""
        self._reader_thread = threading.get_ident()
        self._quiet.clear()

    def quiet(self) -> None:
        """The reader has drawn its answer: background loops go on."""
        self._quiet.set()

    @property
    def is_busy(self) -> bool:
        """True between :meth:`busy` and :meth:`quiet`."""
        return not self._quiet.is_set()

    def give_way(self, limit: float = GIVE_WAY_LIMIT) -> None:
        """Return at once when the reader is idle, else when it is or after ``limit`` s.

        The reader's own thread never waits here: the same loops also run there, on short
        texts, and would wait for themselves."""
        if not self._quiet.is_set() and threading.get_ident() != self._reader_thread:
            self._quiet.wait(limit)


READER = Courtesy()
"""The reader of this process (one per process: the interpreter lock is per process too)."""
