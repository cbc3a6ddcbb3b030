"""Quitting ends every worker: no thread keeps the process alive after q or ctrl+q.

In-process, the analysis is held at a gate until the app has quit, then let go: it must see
the worker's cancelled_event and stop at once; a step deaf to the event must not keep a
worker thread busy either. As a real process in a pseudo-terminal, a text whose analysis
takes long must not keep readerui running after q.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from readerui.core import analysis as analysis_module
from readerui.core.models import Analysis, Article
from readerui.ui.app import ReaderApp


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quitting_cancels_the_analysis(
    key: str, long_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_analyze = analysis_module.analyze
    started, gate = threading.Event(), threading.Event()
    outcome: list[str] = []

    def gated_analyze(article: Article, cancel: threading.Event | None = None) -> Analysis:
        started.set()
        assert gate.wait(30)
        try:
            result = real_analyze(article, cancel)
        except analysis_module.AnalysisCancelled:
            outcome.append("cancelled")
            raise
        outcome.append("finished")
        return result

    monkeypatch.setattr(analysis_module, "analyze", gated_analyze)
    app = ReaderApp(article=long_article)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await asyncio.to_thread(started.wait, 30)
        worker = next(w for w in app.workers if w.group == "analysis")
        await pilot.press(key)
        await pilot.pause()
    assert not app.is_running
    assert worker.cancelled_event.is_set()
    gate.set()
    for _ in range(300):  # the thread returns as soon as it looks at the event
        if outcome:
            break
        time.sleep(0.01)
    assert outcome == ["cancelled"]


async def test_a_step_deaf_to_cancel_does_not_keep_a_worker_thread(
    long_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An analysis step that never looks at the cancel event (held at a gate here) must not
    keep a worker thread busy after quit: Python waits for worker threads before it exits."""
    started, gate = threading.Event(), threading.Event()

    def deaf_analyze(article: Article, cancel: threading.Event | None = None) -> Analysis:
        started.set()
        gate.wait(60)  # deaf: no look at ``cancel`` while it runs
        return Analysis()

    monkeypatch.setattr(analysis_module, "analyze", deaf_analyze)
    app = ReaderApp(article=long_article)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert await asyncio.to_thread(started.wait, 30)
            await pilot.press("q")
        # What asyncio.run does before the process can exit: wait for the worker threads.
        # With the step still held at its gate, this returns only if no worker waits on it.
        loop = asyncio.get_running_loop()
        await asyncio.wait_for(loop.shutdown_default_executor(), timeout=30)
    finally:
        gate.set()


async def test_quitting_while_a_fifo_blocks_the_load(tmp_path: Path) -> None:
    """``readerui f.txt`` on a FIFO nobody writes to: whatever the loader makes of it, quit
    must not wait for the load (issue 6, case 6: ctrl+q left the process alive)."""
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    app = ReaderApp(str(fifo))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.2)
            await pilot.press("ctrl+q")
        assert not app.is_running
        loop = asyncio.get_running_loop()
        await asyncio.wait_for(loop.shutdown_default_executor(), timeout=30)
    finally:
        # Let a reader still blocked on the FIFO see its end (OSError: nobody reads it).
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def _slow_article(path: Path) -> Path:
    """20,000 unclosed quotes with a speech verb in one paragraph: the hostile text of issue
    6 (case 9), whose analysis ran for minutes and kept the process alive after q."""
    sentences = ["\u201cword word, said First Last." for _ in range(20_000)]
    path.write_text("A Long Quarrel\n\n" + " ".join(sentences) + "\n", encoding="utf-8")
    return path


def _read_until(fd: int, needle: bytes, deadline: float) -> bytes:
    seen = b""
    while time.monotonic() < deadline and needle not in seen:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


@pytest.mark.parametrize("keys", [b"q", b"\x11"])  # q, ctrl+q
def test_the_process_ends_after_quit(keys: bytes, tmp_path: Path) -> None:
    story = _slow_article(tmp_path / "quarrel.txt")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("READERUI_FORCE_TUI", None)
    process: subprocess.Popen[Any] = subprocess.Popen(
        [sys.executable, "-m", "readerui", str(story)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    try:
        shown = _read_until(leader, b"Page 1/", time.monotonic() + 60)
        assert b"Page 1/" in shown, shown[-500:]
        os.write(leader, keys)
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            _read_until(leader, b"\x00never", time.monotonic() + 0.5)  # keep the pty drained
        assert process.poll() == 0, "readerui was still running after quit"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        os.close(leader)


def test_q_quits_while_the_command_line_loads_a_url(tmp_path: Path) -> None:
    """A server that accepts and never answers: q on the terminal ends readerui at once,
    and the terminal is given back as it was."""
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        leader, follower = pty.openpty()
        before = termios.tcgetattr(follower)
        env = {**os.environ, "TERM": "xterm-256color"}
        env.pop("READERUI_FORCE_TUI", None)
        process: subprocess.Popen[Any] = subprocess.Popen(
            [sys.executable, "-m", "readerui", f"http://127.0.0.1:{server.getsockname()[1]}/"],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
            start_new_session=True,
        )
        try:
            shown = _read_until(leader, b"loading", time.monotonic() + 60)
            assert b"readerui: loading http://127.0.0.1:" in shown, shown[-500:]
            os.write(leader, b"q")
            deadline = time.monotonic() + 30
            while process.poll() is None and time.monotonic() < deadline:
                _read_until(leader, b"\x00never", time.monotonic() + 0.2)
            assert process.poll() == 0, "readerui was still loading after q"
            assert termios.tcgetattr(follower) == before
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
            os.close(follower)
            os.close(leader)
