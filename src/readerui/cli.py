"""Command line: ``readerui [FILE|URL|-]``, ``readerui --sample`` and ``readerui analyze``."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from readerui.core.loading import PendingArticle

from readerui import __version__
from readerui.core.daemon import DaemonWork
from readerui.core.errors import ReaderError, describe
from readerui.core.sanitize import display_name
from readerui.heap import fewer_collections, settle_startup, steady_heap

if TYPE_CHECKING:
    from readerui.core.models import Article
    from readerui.ui.app import ReaderApp

T = TypeVar("T")

PROG = "readerui"


class _Parser(argparse.ArgumentParser):
    """argparse, with what it prints made safe: its errors quote the arguments as given, and
    a file name can carry escape codes (``readerui ev*l.txt`` in a hostile folder)."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            lines = message.split("\n")
            message = "\n".join(display_name(line, limit=2000) for line in lines)
        super()._print_message(message, file)


def _reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Read news and long-form articles in the terminal, page by page.",
        epilog=(
            "Also: 'readerui analyze FILE|URL|- --json' prints the article and its analysis; "
            "'readerui quotes [TEXT] [--person NAME]' and 'readerui people' search who said "
            "what across your library."
        ),
    )
    parser.add_argument(
        "source", nargs="?", help="a file (.txt, .md, .html, …), an http(s) URL, or - for stdin"
    )
    parser.add_argument(
        "--sample",
        nargs="?",
        const="harbour",
        metavar="NAME",
        help="open a bundled sample article (harbour, lighthouse)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} analyze",
        description="Print an article with the people and quotes found in it.",
    )
    parser.add_argument("source", help="a file, an http(s) URL, or - for stdin")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON (the default)")
    fmt.add_argument("--markdown", action="store_true", help="readable Markdown")
    parser.add_argument("--no-analysis", action="store_true", help="skip people and quotes")
    return parser


def _library_parser(command: str) -> argparse.ArgumentParser:
    if command == "quotes":
        parser = _Parser(
            prog=f"{PROG} quotes",
            description="Quotes from every article in your library (who said what).",
        )
        parser.add_argument("text", nargs="?", default="", help="words the quote contains")
        parser.add_argument("--person", metavar="NAME", help="only quotes by this person")
    else:
        parser = _Parser(
            prog=f"{PROG} people",
            description="The people of every article in your library, merged across articles.",
        )
    parser.add_argument("--json", action="store_true", help="JSON for scripts")
    return parser


def library_main(command: str, argv: Sequence[str]) -> int:
    """``readerui quotes`` and ``readerui people``: who said what across the library."""
    import json

    from readerui.data.across import find_quotes, gather, quoted_words, said_by
    from readerui.data.library import Library, LibraryError

    args = _library_parser(command).parse_args(list(argv))
    try:
        library = Library()
    except (LibraryError, OSError) as exc:
        return _error(f"cannot read the library: {exc}")
    try:
        people, quotes = gather(library)
    finally:
        library.close()
    out = sys.stdout
    if command == "people":
        if args.json:
            rows = [
                {
                    "name": p.name,
                    "forms": sorted(p.forms),
                    "roles": p.roles,
                    "quotes": p.quotes,
                    "articles": [{"key": k, "title": t} for k, t in p.articles],
                }
                for p in people
            ]
            out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return 0
        for p in people:
            role = f" ({display_name(', '.join(p.roles), 120)})" if p.roles else ""
            titles = "; ".join(display_name(t, 80) for _, t in p.articles)
            out.write(f"{display_name(p.name, 120)}{role} · {p.quotes} quotes · {titles}\n")
        return 0
    found = find_quotes(quotes, args.text)
    if args.person:
        found = [q for q in found if said_by(args.person, q)]
    if args.json:
        rows = [
            {
                "text": q.text,
                "speaker": q.speaker,
                "speaker_label": q.speaker_label,
                "article": {"key": q.key, "title": q.title},
                "start": q.start,
                "partial": q.partial,
            }
            for q in found
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for q in found:
        who = q.speaker or q.speaker_label or "unattributed"
        out.write(
            f"“{display_name(quoted_words(q.text), 2000)}” — {display_name(who, 120)} · "
            f"{display_name(q.title, 120)}\n"
        )
    return 0


def _error(message: str, code: int = 1) -> int:
    first = message.strip().splitlines()[0] if message.strip() else "unknown error"
    print(f"{PROG}: error: {display_name(first, limit=1000)}", file=sys.stderr)
    return code


def analyze_main(argv: Sequence[str]) -> int:
    """``readerui analyze``: load, analyse and print."""
    args = _analyze_parser().parse_args(list(argv))
    # A book's freed copies go back to the system (see readerui.heap). Only here: a one-shot
    # job that holds a whole book, not the reader, whose page turns are left as they were.
    steady_heap()
    from readerui.core.analysis import analyze
    from readerui.core.export import to_markdown, write_json
    from readerui.core.sources import load_source

    with fewer_collections():
        article = load_source(args.source)
        # Two processes on a book (see core.analysis.twofold): nothing else runs here.
        analysis = None if args.no_analysis else analyze(article, processes=2)
        if args.markdown:
            sys.stdout.write(to_markdown(article, analysis))
        else:
            write_json(article, analysis, sys.stdout)
    return 0


def _reattach_terminal() -> bool:
    """After reading an article from a pipe, make the terminal stdin again for the keys."""
    try:
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        return False
    os.dup2(fd, 0)
    os.close(fd)
    return True


READER_FPS = 240
"""Most frames a second the reader draws (Textual's default is 60)."""

PROGRESS_AFTER = 0.4
"""Seconds a load may take before a progress line is shown on stderr."""


class _Progress:
    """A one-line "loading …" on stderr (a terminal only) when a load takes more than a moment;
    erased when it is done, so an error that follows is still the only line."""

    def __init__(self, source: str) -> None:
        from readerui.core.sanitize import display_source

        self._line = f"{PROG}: loading {display_source(source)}… (q stops)"
        self._shown = False
        self._timer = threading.Timer(PROGRESS_AFTER, self._show)
        self._timer.daemon = True

    def _show(self) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(self._line[:200])
            sys.stderr.flush()
            self._shown = True

    def __enter__(self) -> _Progress:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        self._timer.join(timeout=1)
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


class _Quit(Exception):
    """q was pressed while the article was being loaded."""


def _while_keys_wait(
    work: Callable[[], T], early: threading.Event | None = None
) -> tuple[T | None, str]:
    """``work()`` in a thread while the terminal's keys are watched: ``q`` (or ctrl+q) quits
    at once, as in the reader; other keys typed meanwhile are returned, to be replayed in the
    reader once it shows the article. When ``early`` is set before the work is done, this
    returns None at once and the work goes on in its thread (its owner collects it)."""
    if not sys.stdin.isatty():
        if early is None:
            return work(), ""
        DaemonWork(work, "readerui-load")
        early.wait()
        return None, ""
    import select
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    typed = ""

    def read_keys() -> None:
        nonlocal typed
        while select.select([fd], [], [], 0)[0]:
            chunk = os.read(fd, 256).decode("utf-8", "replace")
            if not chunk:
                return
            if "q" in chunk or "\x11" in chunk:
                raise _Quit
            typed = (typed + chunk)[-MAX_TYPED:]

    # Keys one by one, not echoed, so they can be kept for the reader; TCSANOW, not the
    # default TCSAFLUSH, which would throw away keys typed before this moment.
    tty.setcbreak(fd, termios.TCSANOW)
    try:
        job = DaemonWork(work, "readerui-load")
        # Short waits: the opening part of a book is ready long before the work ends, and
        # the reader starts as soon as it is seen here (a wait is part of the first page).
        while not job.done.wait(0.001):
            if early is not None and early.is_set() and not job.done.is_set():
                break
            read_keys()
        # Keys typed before this started (the shell had the terminal) or in the last moment:
        # read now, or they would reach the reader before it has the text they are for.
        read_keys()
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    if not job.done.is_set():
        return None, typed
    return job.result(), typed


MAX_TYPED = 64
"""Most keys typed during a load that are kept for the reader."""


def _load(source: str) -> tuple[Article, str | None, str, PendingArticle | None]:
    """Load what the command line names before the reader starts (a failure raises).

    A URL that cannot be fetched opens from the library's kept copy when there is one; the
    second value then says so (shown in the reader). The third is what was typed meanwhile.
    A long plain-text file comes back as its opening part, with the fourth value to collect
    the whole from once the reader shows it: a book opens as fast as a short story.
    """
    from readerui.core.loading import PendingArticle
    from readerui.core.sources import is_url, kind_of, load_source

    try:
        with _Progress(source):
            if kind_of(source) == "file":
                pending = PendingArticle()
                whole, typed = _while_keys_wait(lambda: pending.read(source), pending.previewed)
                if whole is None and pending.preview is not None:
                    return pending.preview, None, typed, pending
                if whole is None:  # ended without a preview: take its answer (or error)
                    whole = pending.wait()
                assert whole is not None
                return whole, None, typed, None
            article, typed = _while_keys_wait(lambda: load_source(source))
            assert article is not None
            return article, None, typed, None
    except ReaderError as exc:
        kept = _kept_copy(source) if is_url(source) else None
        if kept is None:
            raise
        return kept, f"Offline: the copy kept in your library ({exc})", "", None


def _kept_copy(url: str) -> Article | None:
    """The library's copy of ``url``, if the library can be read and keeps one."""
    from readerui.data.copies import open_copy
    from readerui.data.library import Library, library_key

    try:
        library = Library()
        try:
            return open_copy(library, library_key(url) or url)
        finally:
            library.close()
    except Exception:  # no library, a busy or damaged one: the fetch error stands
        return None


def reader_main(argv: Sequence[str]) -> int:
    """``readerui [SOURCE]``: load the article, then open the reader on it.

    The article is loaded first, so that a source that cannot be read is one line and exit
    code 1, and the full-screen reader only starts with something to show.
    """
    args = _reader_parser().parse_args(list(argv))
    from readerui.core.loading import load_stdin

    article = None
    notice: str | None = None
    typed = ""
    rest: PendingArticle | None = None
    source: str | None = args.source
    if args.sample:
        from readerui.samples import SAMPLES, sample_path

        if args.sample not in SAMPLES:
            return _error(f"no sample called {args.sample!r} (try: {', '.join(SAMPLES)})", 2)
        source = str(sample_path(args.sample))
    if source == "-":
        if sys.stdin.isatty():
            return _error("nothing on standard input (pipe an article in: cat a.txt | readerui -)")
        article = load_stdin(sys.stdin.buffer)
        if not article.title.strip():  # the header and the library need a name for it
            import dataclasses

            from readerui.data.library import shown_title

            title = shown_title("", "-", article.text)
            article = dataclasses.replace(article, title=title)
        if not _reattach_terminal():
            return _error("no terminal to read keys from; use 'readerui analyze -' instead")
    elif source:
        try:
            article, notice, typed, rest = _load(source)
        except _Quit:
            return 0

    if not sys.stdout.isatty() and not os.environ.get("READERUI_FORCE_TUI"):
        return _error("the reader needs a terminal; use 'readerui analyze' for scripts")

    # Textual draws at most 60 frames a second: a key that comes soon after a frame waits
    # for the next one, 8 ms on average, 17 at worst, on every page turn. A reader draws
    # little and seldom (no animation), so it may draw sooner. A user's own setting wins.
    os.environ.setdefault("TEXTUAL_FPS", str(READER_FPS))
    from readerui.ui.app import ReaderApp

    app = ReaderApp(source, article=article, notice=notice, typed=typed, rest=rest)
    settle_startup()
    _run(app)
    if app.initial_error:
        return _error(app.initial_error)
    return app.return_code or 0


def _run(app: ReaderApp) -> None:
    """``app.run()`` on an event loop that tells background work when the reader is busy
    (see core.courtesy.reader_loop); cleaned up as ``asyncio.run`` cleans up its own."""
    import asyncio

    from readerui.core.courtesy import READER, reader_loop

    loop = reader_loop()
    asyncio.set_event_loop(loop)
    try:
        app.run(loop=loop)
    finally:
        try:
            # As asyncio.run ends: tasks still pending are cancelled and awaited first.
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()
            READER.waiting()  # no reader any more: threads still at work need not wait


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``readerui`` command; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "analyze":
            return analyze_main(args[1:])
        if args and args[0] in ("quotes", "people") and not os.path.exists(args[0]):
            return library_main(args[0], args[1:])
        return reader_main(args)
    except ReaderError as exc:
        return _error(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `readerui analyze x --json | head` closing the pipe early is not an error.
        return 0
    except Exception as exc:  # the last line of defence: one line, never a traceback
        return _error(f"unexpected error: {describe(exc)}")
