"""Half of a long analysis in a forked child: the same result, and nothing lost when the child
fails (speed itself is measured in bench/)."""

from __future__ import annotations

import os
import threading

import pytest

from readerui.core.analysis import analyze, twofold
from readerui.core.loading import load_path
from readerui.core.models import Article
from readerui.samples import SAMPLES, sample_path

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")


def both_samples(repeats: int) -> Article:
    """The bundled samples' paragraphs, over and over: people, quotes and credits throughout."""
    blocks = []
    for name in SAMPLES:
        base = load_path(sample_path(name))
        blocks += [(base.paragraph_text(p), p.kind) for p in base.paragraphs]
    return Article.from_blocks("long.txt", "Two towns", blocks * repeats)


class Counted(twofold.Forked[object]):
    """The real Forked, counting the children it starts."""

    started = 0

    def __init__(self, work: object) -> None:
        type(self).started += 1
        super().__init__(work)  # type: ignore[arg-type]


def test_two_processes_find_what_one_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    article = both_samples(6)
    monkeypatch.setattr(twofold, "SPLIT_MIN_CHARS", 1_000)
    monkeypatch.setattr(twofold, "Forked", Counted)
    alone = analyze(article)
    assert Counted.started == 0  # one process unless asked
    split = analyze(article, processes=2)
    assert Counted.started == 1
    assert split == alone
    assert split.people
    assert split.quotes


def test_a_short_text_or_a_cancel_event_keeps_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    article = both_samples(1)
    monkeypatch.setattr(twofold, "Forked", Counted)
    Counted.started = 0
    analyze(article, processes=2)  # shorter than SPLIT_MIN_CHARS
    monkeypatch.setattr(twofold, "SPLIT_MIN_CHARS", 1_000)
    analyze(article, threading.Event(), processes=2)  # a reader's run: cancellable
    assert Counted.started == 0


def test_a_child_that_fails_costs_only_time() -> None:
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child's half went wrong")
        return 42

    assert twofold.Forked(work).result() == 42


def test_a_value_that_cannot_be_pickled_is_computed_here() -> None:
    lock = threading.Lock()
    assert twofold.Forked(lambda: lock).result() is lock


def test_the_child_sends_what_it_found() -> None:
    parent = os.getpid()
    found = twofold.Forked(lambda: (os.getpid(), "x" * 3_000_000)).result()
    assert found[0] != parent  # computed in the child
    assert found[1] == "x" * 3_000_000  # bigger than a pipe holds at once


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert not twofold.can_fork()
    finally:
        stop.set()
        other.join()


def test_a_fork_that_fails_costs_only_time(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert twofold.Forked(lambda: 7).result() == 7


def test_an_abandoned_child_is_stopped_and_reaped() -> None:
    import time

    child = twofold.Forked(lambda: time.sleep(60))
    pid = child._pid
    assert pid > 0
    started = time.monotonic()
    child.abandon()
    assert time.monotonic() - started < 10  # killed, not waited for
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped already: no such child any more
