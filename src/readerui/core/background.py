"""Run the analysis of an article in a child process, so it never competes with reading.

Python threads share one interpreter lock: a 10 MB analysis in a thread of the reader made
every page turn wait for it. A child process runs on the other core instead. It is started
with the same interpreter, gets the article (pickled) on its standard input, and answers on
its standard output with framed messages: progress, results for the opening part of a long
text (so panels fill early), and the final result. The parent polls with a deadline and kills
the child as soon as the caller's cancel event is set; the child also exits by itself if its
parent goes away, so no analysis outlives the reader.

Wire format, both ways: one byte of type, eight bytes of big-endian length, the payload.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import selectors
import struct
import subprocess
import sys
import tempfile
import threading
import time
from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import fields, replace
from operator import attrgetter
from typing import IO, Any

from readerui.core.courtesy import courteously
from readerui.core.errors import ReaderError
from readerui.core.models import Analysis, Article, Paragraph, Person, Quote

__all__ = ["PARTIAL_CHARS", "AnalysisFailed", "analyze_in_child", "opening_part"]

PARTIAL_CHARS = 200_000
"""A text longer than this first has its opening part analysed and sent back on its own."""

_HEADER = struct.Struct(">cQ")
_PROGRESS, _PARTIAL, _RESULT, _ERROR = b"P", b"A", b"R", b"E"
_POLL = 0.1  # seconds between checks of the cancel event while waiting for the child
_MAX_MESSAGE = 1 << 31  # a frame larger than this is corrupt


class AnalysisFailed(ReaderError):
    """The child process failed or died before it sent a result."""


def opening_part(article: Article, chars: int = PARTIAL_CHARS) -> Article:
    """The first paragraphs of ``article``, up to about ``chars`` characters of text.

    Offsets stay valid: the part's text is a prefix of the whole text.
    """
    paragraphs = article.paragraphs
    # Paragraphs are in text order: the last one that fits is found by bisection (a book's
    # tens of thousands are not looked at one by one on the way to its first page).
    count = bisect_right(paragraphs, chars, key=attrgetter("end")) or min(1, len(paragraphs))
    kept = paragraphs[:count]
    end = kept[-1].end if kept else 0
    return replace(article, text=article.text[:end], paragraphs=tuple(kept))


# What crosses the pipe is plain tuples and arrays, not the dataclasses: pickle takes a frozen
# dataclass apart and puts it together again in Python, one object at a time (a tenth of a
# second each way for a novel's paragraphs or quotes, in the reader's process, holding the
# interpreter lock against page turns); tuples and arrays go through pickle's C code, and the
# reader rebuilds the objects in a loop that gives way to its keys.
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article) if f.name != "paragraphs")
_PERSON_FIELDS = tuple(f.name for f in fields(Person))
_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))


def pack_article(article: Article) -> bytes:
    """``article`` as bytes for the child (see :func:`unpack_article`)."""
    paragraphs = article.paragraphs
    return pickle.dumps(
        (
            tuple(getattr(article, name) for name in _ARTICLE_FIELDS),
            array("q", [p.start for p in paragraphs]),
            array("q", [p.end for p in paragraphs]),
            [p.kind for p in paragraphs],
        ),
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def unpack_article(payload: bytes) -> Article:
    """The article :func:`pack_article` packed."""
    values, starts, ends, kinds = pickle.loads(payload)
    paragraphs = tuple(map(Paragraph, starts, ends, kinds))
    return Article(paragraphs=paragraphs, **dict(zip(_ARTICLE_FIELDS, values, strict=True)))


def pack_analysis(analysis: Analysis) -> bytes:
    """``analysis`` as bytes for the reader (see :func:`unpack_analysis`)."""
    return pickle.dumps(
        (
            [tuple(getattr(p, name) for name in _PERSON_FIELDS) for p in analysis.people],
            [tuple(getattr(q, name) for name in _QUOTE_FIELDS) for q in analysis.quotes],
        ),
        protocol=pickle.HIGHEST_PROTOCOL,
    )


_GIVE_WAY_EVERY = 512


def unpack_analysis(payload: bytes) -> Analysis:
    """The analysis :func:`pack_analysis` packed, rebuilt giving way to the reader's keys."""
    people_rows, quote_rows = pickle.loads(payload)
    return Analysis(
        people=tuple(_rebuild(Person, people_rows)), quotes=tuple(_rebuild(Quote, quote_rows))
    )


def _rebuild(cls: Any, rows: list[tuple[Any, ...]]) -> list[Any]:
    return [cls(*row) for row in courteously(rows, _GIVE_WAY_EVERY)]


def _write_frame(stream: IO[bytes], kind: bytes, payload: bytes) -> None:
    stream.write(_HEADER.pack(kind, len(payload)))
    stream.write(payload)
    stream.flush()


class _Reader:
    """Reads frames from a pipe without ever blocking past a deadline or a cancel request."""

    def __init__(self, stream: IO[bytes], cancel: threading.Event | None) -> None:
        self.fd = stream.fileno()
        self.cancel = cancel
        self.buffer = bytearray()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)

    def _fill(self, size: int) -> bool:
        """Read until ``size`` bytes are buffered; False at end of stream or when cancelled."""
        while len(self.buffer) < size:
            if self.cancel is not None and self.cancel.is_set():
                return False
            if not self.selector.select(_POLL):
                continue
            chunk = os.read(self.fd, max(65536, size - len(self.buffer)))
            if not chunk:
                return False
            self.buffer += chunk
        return True

    def frame(self) -> tuple[bytes, bytes] | None:
        """The next ``(kind, payload)``, or None at end of stream or when cancelled."""
        if not self._fill(_HEADER.size):
            return None
        kind, length = _HEADER.unpack(bytes(self.buffer[: _HEADER.size]))
        if length > _MAX_MESSAGE:
            raise AnalysisFailed("the analysis process sent a corrupt answer")
        if not self._fill(_HEADER.size + length):
            return None
        payload = bytes(self.buffer[_HEADER.size : _HEADER.size + length])
        del self.buffer[: _HEADER.size + length]
        return kind, payload

    def close(self) -> None:
        self.selector.close()


def analyze_in_child(
    article: Article,
    cancel: threading.Event | None = None,
    *,
    on_progress: Callable[[float], None] | None = None,
    on_partial: Callable[[Analysis], None] | None = None,
    executable: str | None = None,
) -> Analysis | None:
    """The analysis of ``article``, computed in a child process.

    Returns None when ``cancel`` was set (the child is killed at once). ``on_progress`` gets
    a fraction from 0 to 1 now and then; ``on_partial`` gets the analysis of the opening part
    of a long text before the whole is done. Raises :class:`AnalysisFailed` when the child
    fails. ``executable`` is the Python that runs the child (this one by default).
    """
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [executable or sys.executable, "-m", "readerui.core.background"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            close_fds=True,
        )
        assert child.stdin is not None
        assert child.stdout is not None
        reader = _Reader(child.stdout, cancel)
        try:
            # Written from a thread: the article can be larger than the pipe's buffer, and
            # the child may already be answering (progress) while it is still reading.
            feeder = threading.Thread(
                target=_feed, args=(child.stdin, article), daemon=True, name="analysis-feed"
            )
            feeder.start()
            while True:
                frame = reader.frame()
                if frame is None:
                    break
                kind, payload = frame
                if kind == _PROGRESS and on_progress is not None:
                    on_progress(struct.unpack(">d", payload)[0])
                elif kind == _PARTIAL and on_partial is not None:
                    on_partial(unpack_analysis(payload))
                elif kind == _RESULT:
                    return unpack_analysis(payload)
                elif kind == _ERROR:
                    raise AnalysisFailed(payload.decode("utf-8", "replace"))
            if cancel is not None and cancel.is_set():
                return None
            child.wait(timeout=5)
            errors.seek(0)
            detail = errors.read(4096).decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit status {child.returncode}"
            raise AnalysisFailed(f"the analysis process stopped: {reason}")
        finally:
            reader.close()
            _stop(child)


def _feed(stream: IO[bytes], article: Article) -> None:
    with contextlib.suppress(OSError):  # the child was killed (cancelled) while reading
        _write_frame(stream, b"I", pack_article(article))
        stream.close()


def _stop(child: subprocess.Popen[bytes]) -> None:
    """End the child now if it still runs, and reap it."""
    if child.poll() is None:
        child.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=5)
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


# --- the child ------------------------------------------------------------------------------


def _watch_parent(parent: int) -> None:
    """Exit when the parent process is gone: the analysis is of no use to anyone then."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _report_progress(
    send: Callable[[bytes, bytes], None], start: float, estimate: float, done: threading.Event
) -> None:
    """Send the estimated fraction done twice a second until ``done`` is set."""
    while not done.wait(0.5):
        fraction = min(0.99, (time.perf_counter() - start) / estimate)
        send(_PROGRESS, struct.pack(">d", fraction))


def _child_main() -> int:
    """Read one article, send the analysis back (see the module docstring)."""
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    # Below the reader for the scheduler: on a busy machine its page turns come first.
    with contextlib.suppress(OSError, AttributeError):  # (no nice() on Windows)
        os.nice(5)
    from readerui.core.analysis import analyze

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    header = stdin.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return 1
    _, length = _HEADER.unpack(header)
    article = unpack_article(stdin.read(length))
    lock = threading.Lock()  # frames from the progress thread and this one must not mix

    def send(kind: bytes, payload: bytes) -> None:
        with lock:
            _write_frame(stdout, kind, payload)

    try:
        send(_PROGRESS, struct.pack(">d", 0.0))
        if len(article.text) > PARTIAL_CHARS * 2:
            started = time.perf_counter()
            part = opening_part(article)
            send(_PARTIAL, pack_analysis(analyze(part)))
            # The analysis is linear in the text: the opening part's pace says how long the
            # whole will take, and progress is reported on that estimate (never past 99%).
            pace = (time.perf_counter() - started) / max(1, len(part.text))
            estimate = max(pace * len(article.text), 1e-3)
            done = threading.Event()
            threading.Thread(
                target=_report_progress,
                args=(send, time.perf_counter(), estimate, done),
                daemon=True,
            ).start()
            analysis = analyze(article)
            done.set()
        else:
            analysis = analyze(article)
        send(_RESULT, pack_analysis(analysis))
    except Exception as exc:  # reported to the parent as one line, never a traceback
        from readerui.core.errors import describe

        _write_frame(stdout, _ERROR, describe(exc).encode("utf-8"))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(_child_main())
