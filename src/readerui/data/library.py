"""The library: articles you have opened and where you stopped reading, in SQLite.

Positions are character offsets into the article text, like everywhere else; a position is
only reused when the text is the same (same SHA-1), so a page that changed since is opened
at the start rather than at a meaningless offset.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from platformdirs import user_data_path

from readerui.core.errors import describe
from readerui.core.sources import is_url

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    source     TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    digest     TEXT NOT NULL,
    length     INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    opened_at  REAL NOT NULL,
    read_to    INTEGER NOT NULL DEFAULT 0
)
"""


def default_path() -> Path:
    """``library.sqlite3`` in the user data folder (``$READERUI_DATA_DIR`` overrides it)."""
    override = os.environ.get("READERUI_DATA_DIR")
    base = Path(override) if override else user_data_path("readerui")
    return base / "library.sqlite3"


def text_digest(text: str) -> str:
    """A fingerprint of an article's text."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """One article in the library."""

    source: str
    """Path or URL it was opened from."""
    title: str
    """Its title when last opened."""
    length: int
    """Length of its text."""
    position: int
    """Offset of the first character on screen when last read."""
    opened_at: float
    """When it was last opened (Unix time)."""
    read_to: int = 0
    """Offset just past the last character on screen when last read."""

    @property
    def progress(self) -> float:
        """Fraction read, from 0 to 1 (see :func:`reading_progress`).

        The same measure as the reader's status line, so the two never disagree.
        """
        return reading_progress(self.position, self.read_to, self.length)


def reading_progress(position: int, read_to: int, length: int) -> float:
    """How far a reader is, from 0 to 1: the text above the page on screen (``position``),
    so an article only opened is 0% read, and 1 once its end (``read_to``) has been shown."""
    if length <= 0:
        return 0.0
    if read_to >= length:
        return 1.0
    return min(1.0, max(0, position) / length)


class LibraryError(Exception):
    """The library could not be read or written; the message is one line for the user."""

    def __init__(self, message: str, *, busy: bool = False) -> None:
        super().__init__(message)
        self.busy = busy
        """True when another program holds the database for now (worth trying again)."""


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` means another connection holds the database for the moment."""
    if isinstance(exc, LibraryError):
        return exc.busy
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower()


class Library:
    """Reading positions and recently opened articles, kept in one SQLite file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        """The database file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        # check_same_thread=False: the UI saves from its own thread but may open the library
        # in a worker; every call is short and serialised by SQLite itself.
        db = sqlite3.connect(self.path, timeout=0.5, check_same_thread=False)
        try:
            self._upgrade(db)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _upgrade(db: sqlite3.Connection) -> None:
        db.execute(SCHEMA)
        columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
        if "read_to" not in columns:  # a library written by an earlier version
            db.execute("ALTER TABLE articles ADD COLUMN read_to INTEGER NOT NULL DEFAULT 0")
        db.commit()

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def remember(
        self,
        source: str,
        title: str,
        text: str,
        position: int,
        *,
        read_to: int | None = None,
        digest: str | None = None,
    ) -> None:
        """Record that ``source`` was shown from ``position`` to ``read_to`` just now.

        ``digest`` is :func:`text_digest` of ``text`` when the caller already has it.
        """
        row = (
            source,
            title,
            digest or text_digest(text),
            len(text),
            max(0, position),
            time.time(),
            max(0, position) if read_to is None else read_to,
        )
        try:
            self._write(row)
        except sqlite3.OperationalError:
            if self.path.is_file():
                raise
            # The file was deleted while open: SQLite then calls it "readonly", which sends
            # the reader looking for the wrong fault. Start a new file, as on a first run.
            self._db.close()
            try:
                self._db = self._connect()
                self._write(row)
            except sqlite3.Error as exc:
                raise LibraryError(
                    f"the library file {self.path} was removed and cannot be made again "
                    f"({describe(exc)})"
                ) from exc

    def _write(self, row: tuple[str, str, str, int, int, float, int]) -> None:
        self._db.execute(
            "INSERT INTO articles (source, title, digest, length, position, opened_at, read_to) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
            "title=excluded.title, digest=excluded.digest, length=excluded.length, "
            "position=excluded.position, opened_at=excluded.opened_at, read_to=excluded.read_to",
            row,
        )
        self._db.commit()

    def position(self, source: str, text: str) -> int | None:
        """Where reading of ``source`` stopped, if its text has not changed since."""
        row = self._db.execute(
            "SELECT digest, position FROM articles WHERE source = ?", (source,)
        ).fetchone()
        if row is None or row[0] != text_digest(text):
            return None
        return min(int(row[1]), len(text))

    def recent(self, limit: int = 20) -> list[Entry]:
        """The most recently opened articles, newest first."""
        rows = self._db.execute(
            "SELECT source, title, length, position, opened_at, read_to FROM articles "
            "ORDER BY opened_at DESC, rowid DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [Entry(*row) for row in rows]

    def forget(self, source: str) -> None:
        """Remove ``source`` from the library."""
        self._db.execute("DELETE FROM articles WHERE source = ?", (source,))
        self._db.commit()


def library_key(source: str) -> str | None:
    """The library's name for an article's source: a URL, an absolute path; None for stdin."""
    if source in ("", "-"):
        return None
    if is_url(source):
        return source
    return str(Path(source).expanduser().resolve())


@dataclass(frozen=True, slots=True)
class Place:
    """One reading position to store: what :meth:`Library.remember` is given."""

    key: str
    """The article's library key."""
    title: str
    """Its title."""
    text: str
    """Its text (its length and digest are stored)."""
    position: int
    """Offset of the first character on screen."""
    read_to: int
    """Offset just past the last character on screen."""
    digest: str
    """:func:`text_digest` of ``text``."""


RETRY_DEADLINE = 30.0
"""Seconds a busy library is retried for (opening it, saving a place) before giving up."""


class ReadingPlaces:
    """The reader's bookkeeping of reading positions over a :class:`Library`.

    Which key an article is stored under, what was saved last (a place is written once),
    and errors said once: a read-only data folder is reported on the first failed save, not
    on every page turn. Every method is safe without a library (nothing is kept then).
    """

    def __init__(self, library: Library | None = None) -> None:
        self.library = library
        """The library (None: positions are not kept, or not yet: it may still be opening)."""
        self._saved: tuple[str, int] | None = None
        self._digest: tuple[str, str] | None = None
        self._reported: str | None = None

    def resume(self, source: str, text: str) -> int | None:
        """Where reading of this article stopped, if known.

        Raises :class:`LibraryError` with ``busy`` set when another program holds the
        library (ask again later); any other failure only costs the place, so it is None.
        """
        key = library_key(source)
        if self.library is None or key is None:
            return None
        try:
            return self.library.position(key, text)
        except Exception as exc:
            if is_busy(exc):
                raise LibraryError(describe(exc), busy=True) from exc
            return None

    def wait_for_place(self, source: str, text: str, cancel: threading.Event) -> int | None:
        """:meth:`resume`, waiting while the library is busy (for a worker thread).

        Raises :class:`RetryCancelled` when ``cancel`` is set first.
        """
        try:
            return _while_busy(lambda: self.resume(source, text), cancel)
        except RetryCancelled:
            raise
        except LibraryError:
            return None

    def recent(self, limit: int = 20) -> list[Entry]:
        """The articles read lately, newest first ([] without a readable library)."""
        if self.library is None:
            return []
        try:
            return self.library.recent(limit)
        except Exception:  # a damaged library must never stop the reader opening things
            return []

    def place(self, source: str, title: str, text: str, visible: tuple[int, int]) -> Place | None:
        """What to save for an article shown from ``visible[0]`` to ``visible[1]``.

        None when there is no library, the article has no key (stdin), or this very place
        was saved already.
        """
        key = library_key(source)
        position, read_to = visible
        if self.library is None or key is None or self._saved == (key, position):
            return None
        self._saved = (key, position)
        if self._digest is None or self._digest[0] is not text:
            self._digest = (text, text_digest(text))
        return Place(key, title or key, text, position, read_to, self._digest[1])

    def save(
        self, place: Place, cancel: threading.Event | None = None, *, retry: bool = True
    ) -> str | None:
        """Store ``place``; returns a one-line error to show, or None.

        A busy library is tried again until :data:`RETRY_DEADLINE` (or until ``cancel`` is
        set: a newer place replaces this one), unless ``retry`` is False (on the way out).
        The same error is returned once only, until a save succeeds again.
        """
        library = self.library
        if library is None:
            return None
        try:
            _while_busy(
                lambda: library.remember(
                    place.key,
                    place.title,
                    place.text,
                    place.position,
                    read_to=place.read_to,
                    digest=place.digest,
                ),
                cancel,
                retry=retry,
            )
        except RetryCancelled:
            return None  # a newer place is on its way
        except Exception as exc:  # losing the place is bad, crashing the reader is worse
            if self._saved == (place.key, place.position):
                self._saved = None  # try this place again on the next page turn
            message = describe(exc)
            if message == self._reported:
                return None
            self._reported = message
            return f"Could not save the reading position: {message}"
        self._reported = None
        return None


class RetryCancelled(LibraryError):
    """Waiting for a busy library was cancelled."""


def open_library(path: Path | None = None, cancel: threading.Event | None = None) -> Library:
    """Open the library, waiting (until :data:`RETRY_DEADLINE`, or ``cancel``) while another
    program holds it. Raises :class:`LibraryError` when it cannot be opened."""
    try:
        return _while_busy(lambda: Library(path), cancel)
    except LibraryError:
        raise
    except Exception as exc:
        raise LibraryError(describe(exc), busy=is_busy(exc)) from exc


def _while_busy(
    attempt: Callable[[], T], cancel: threading.Event | None, *, retry: bool = True
) -> T:
    """``attempt()``, tried again with growing pauses while the library is busy.

    Gives up after :data:`RETRY_DEADLINE` (at once without ``retry``), raising the last
    error, or raises :class:`RetryCancelled` as soon as ``cancel`` is set.
    """
    deadline = time.monotonic() + (RETRY_DEADLINE if retry else 0.0)
    delay = 0.05
    while True:
        try:
            return attempt()
        except Exception as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
            if cancel is None:
                time.sleep(delay)
            elif cancel.wait(delay):
                raise RetryCancelled("cancelled while the library was busy", busy=True) from exc
            delay = min(delay * 2, 1.0)
