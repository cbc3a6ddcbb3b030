"""Background loops give way to the reader while it answers a key, and never for long."""

from __future__ import annotations

import threading
import time

import pytest

from readerui.core.courtesy import Courtesy


def _in_thread(courtesy: Courtesy, limit: float) -> threading.Event:
    passed = threading.Event()

    def loop() -> None:
        courtesy.give_way(limit)
        passed.set()

    threading.Thread(target=loop, daemon=True).start()
    return passed


def test_an_idle_reader_is_not_waited_for() -> None:
    courtesy = Courtesy()
    assert not courtesy.is_busy
    assert _in_thread(courtesy, 30).wait(5)


def test_a_busy_reader_is_waited_for_until_it_is_quiet() -> None:
    courtesy = Courtesy()
    courtesy.busy(30)
    assert courtesy.is_busy
    passed = _in_thread(courtesy, 30)
    assert not passed.wait(0.2)  # the loop waits while the reader answers its key
    courtesy.quiet()
    assert passed.wait(5)
    assert not courtesy.is_busy


def test_a_key_keeps_the_reader_busy_for_a_moment_only() -> None:
    courtesy = Courtesy()
    courtesy.busy(0.05)  # and nobody says quiet: the moment passes by itself
    assert _in_thread(courtesy, 30).wait(5)
    assert not courtesy.is_busy


def test_the_wait_has_a_limit() -> None:
    courtesy = Courtesy()
    courtesy.busy(30)  # a key whose answer takes for ever
    assert _in_thread(courtesy, 0.05).wait(5)


def test_the_readers_own_thread_never_waits_for_itself() -> None:
    courtesy = Courtesy()
    courtesy.busy(30)
    started = time.monotonic()
    courtesy.give_way(30)  # the same loops run in the reader's thread on short texts
    assert time.monotonic() - started < 5


def test_items_come_through_in_order_with_a_look_every_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from readerui.core import courtesy

    looks: list[int] = []
    monkeypatch.setattr(courtesy.READER, "give_way", lambda: looks.append(len(seen)))
    seen: list[int] = []
    for item in courtesy.courteously(range(10), 4):
        seen.append(item)
    assert seen == list(range(10))
    assert looks == [0, 4, 8]  # before the 1st, 5th and 9th item


def _calls_in(seconds: float, stop: threading.Event) -> list[int]:
    """Count a background loop's give_way calls for ``seconds`` (in a thread)."""
    from readerui.core.courtesy import READER

    counted = [0]

    def loop() -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not stop.is_set():
            READER.give_way()
            counted[0] += 1

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    thread.join(seconds + 5)
    return counted


def test_background_loops_wait_while_the_readers_event_loop_works() -> None:
    """With the reader's own event loop, a loop gives way whenever the reader is at work,
    not only after a key: while a callback runs, a loop's steps slow to one per
    WORK_WAIT_LIMIT; while the event loop waits for input, they run freely."""
    import asyncio

    from readerui.core.courtesy import READER, WORK_WAIT_LIMIT, reader_loop

    stop = threading.Event()
    loop = reader_loop()
    counts: dict[str, int] = {}

    async def scenario() -> None:
        await asyncio.sleep(0)
        # The event loop waits (in select) while the thread counts.
        counts["idle"] = (await asyncio.to_thread(_calls_in, 0.3, stop))[0]

        # The event loop is at work (a callback that takes its time): counted meanwhile.
        results: list[list[int]] = []
        thread = threading.Thread(target=lambda: results.append(_calls_in(0.3, stop)))
        thread.start()
        time.sleep(0.3)  # blocks the event loop, as a long page turn would
        thread.join(5)
        counts["working"] = results[0][0]

    try:
        loop.run_until_complete(scenario())
    finally:
        stop.set()
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()
        READER.waiting()
    assert counts["working"] <= 0.3 / WORK_WAIT_LIMIT + 5  # one step per wait, at most
    assert counts["idle"] > 10 * counts["working"]


def test_the_readers_loop_starts_its_worker_threads_at_once() -> None:
    """Starting a thread later, while a book is read in another, held a page turn up."""
    from readerui.core.courtesy import READER, READER_THREADS, reader_loop

    loop = reader_loop()
    try:
        started = [t for t in threading.enumerate() if t.name.startswith("readerui-worker")]
        assert len(started) >= READER_THREADS

        async def in_a_worker() -> str:
            return await loop.run_in_executor(None, lambda: threading.current_thread().name)

        assert loop.run_until_complete(in_a_worker()).startswith("readerui-worker")
    finally:
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()
        READER.waiting()
    assert not [t for t in threading.enumerate() if t.name.startswith("readerui-worker")]
