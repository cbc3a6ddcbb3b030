"""Half of a long analysis in a second process, for ``readerui analyze`` on a book.

The analysis is one Python thread, and Python runs one thread at a time; a machine has two
cores or more. Finding the name runs of each paragraph (the costliest stage: a third of the
time) and the quotes depend on nothing but the text and the article's lower-case vocabulary,
so they split cleanly: a forked child takes the runs of the later paragraphs and all the
quotes, the parent the runs of the earlier ones, and the child's results come back pickled
through a pipe. The people, the attribution and the output are the same as with one process:
the stages that follow read runs and quotes in text order, however they were found.

Only for the one-shot command, never in the reader: there the analysis already runs in a
child process, and a third one would take the core the reader's page turns use. ``os.fork``
only where it exists and while the process runs one thread (a fork copies only the calling
thread, and locks other threads held would stay held in the child).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["SPLIT_MIN_CHARS", "Forked", "can_fork"]

T = TypeVar("T")

SPLIT_MIN_CHARS = 1_000_000
"""Texts shorter than this are analysed in one process: forking, pickling and reading back
cost some tens of milliseconds, more than the half of a short text's runs takes."""


def can_fork() -> bool:
    """Whether this process may fork a helper now: the platform has ``fork``, there is a
    second core for it, and only one thread runs."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2 and threading.active_count() == 1


class Forked(Generic[T]):
    """``work()`` run in a forked child; :meth:`result` collects its value.

    Whatever goes wrong in the child (an exception, a value that cannot be pickled, a child
    killed) costs only time: :meth:`result` then runs ``work()`` in this process instead.
    """

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._pid = 0
        self._fd = -1
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to be had (EAGAIN, ENOMEM): result() works here
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:  # the child: work, send the pickled value, leave without cleaning up
            os.close(read_end)
            code = 1
            try:
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(data)
                code = 0
            except BaseException:  # the parent computes it itself instead
                pass
            # os._exit: no atexit handlers, no flushing of the parent's buffered output twice.
            os._exit(code)
        os.close(write_end)
        self._pid, self._fd = pid, read_end

    def abandon(self) -> None:
        """Stop the child and reap it (when its value is no longer wanted)."""
        if self._pid:
            os.close(self._fd)
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0

    def result(self) -> T:
        """The child's value (read once; waits for the child)."""
        if not self._pid:  # no child was started, or it was abandoned
            return self._work()
        try:
            with os.fdopen(self._fd, "rb") as pipe:
                data = pipe.read()  # to the end: the child closes the pipe when it is done
        finally:
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
        if os.waitstatus_to_exitcode(status) == 0 and data:
            try:
                value: T = pickle.loads(data)
            except Exception:  # a damaged answer: computed here instead
                return self._work()
            return value
        return self._work()
