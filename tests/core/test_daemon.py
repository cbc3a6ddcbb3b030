"""Work in a daemon thread: its answer, or its error, reaches the thread that waits."""

from __future__ import annotations

import threading

import pytest

from readerui.core.daemon import DaemonWork


def test_the_answer_is_taken_by_the_waiting_thread() -> None:
    names: list[str] = []

    def work() -> int:
        names.append(threading.current_thread().name)
        assert threading.current_thread().daemon  # never keeps the process alive
        return 42

    job = DaemonWork(work, "test-work")
    assert job.done.wait(5)
    assert job.result() == 42
    assert names == ["test-work"]


def test_an_error_is_raised_in_the_waiting_thread() -> None:
    def work() -> int:
        raise ValueError("broken page")

    job = DaemonWork(work, "test-work")
    assert job.done.wait(5)
    with pytest.raises(ValueError, match="broken page"):
        job.result()


def test_done_waits_for_the_work() -> None:
    gate = threading.Event()
    job = DaemonWork(lambda: gate.wait(5), "test-work")
    assert not job.done.wait(0.1)
    gate.set()
    assert job.done.wait(5)
    assert job.result() is True
