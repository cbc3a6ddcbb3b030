"""Work in a daemon thread whose answer, or error, is taken by the thread that waits for it.

A daemon thread never keeps the process alive: the command line and the app's workers hand
work that may run long without looking at a cancel event (extracting a huge page, a
pathological text) to one, and only wait for it, so quitting is never held up by it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["DaemonWork"]

T = TypeVar("T")


class DaemonWork(Generic[T]):
    """``work()`` running in a daemon thread named ``name``, started at once."""

    def __init__(self, work: Callable[[], T], name: str) -> None:
        self.done = threading.Event()
        """Set when the work has returned or raised."""
        self._outcome: list[T] = []
        self._failure: list[BaseException] = []

        def run() -> None:
            try:
                self._outcome.append(work())
            except BaseException as exc:  # handed to the waiting thread, raised there
                self._failure.append(exc)
            finally:
                self.done.set()

        threading.Thread(target=run, name=name, daemon=True).start()

    def result(self) -> T:
        """What the work returned; what it raised is raised here. Only once :attr:`done`."""
        if self._failure:
            raise self._failure[0]
        return self._outcome[0]
