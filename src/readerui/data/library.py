"""The library: articles you have opened and where you stopped reading, in SQLite.

Positions are character offsets into the article text, like everywhere else; a position is
only reused when the text is the same (same SHA-1), so a page that changed since is opened
at the start rather than at a meaningless offset.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

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

MIGRATIONS = (
    # 1: reading places (a library from before schema versions may lack read_to).
    (),
    # 2: offline copies of the article and its analysis; what the library list shows.
    (
        "ALTER TABLE articles ADD COLUMN site TEXT",
        "ALTER TABLE articles ADD COLUMN people INTEGER NOT NULL DEFAULT 0",
        "CREATE TABLE IF NOT EXISTS copies ("
        " source TEXT PRIMARY KEY REFERENCES articles(source) ON DELETE CASCADE,"
        " digest TEXT NOT NULL, article TEXT NOT NULL, analysis TEXT, kept_at REAL NOT NULL)",
    ),
    # 3: the size of each copy in bytes, for the limits on what copies take.
    (
        "ALTER TABLE copies ADD COLUMN size INTEGER NOT NULL DEFAULT 0",
        "UPDATE copies SET size = length(CAST(article AS BLOB)) "
        "+ coalesce(length(CAST(analysis AS BLOB)), 0)",
    ),
)
"""Schema steps: step ``n`` (1-based) brings a library to ``PRAGMA user_version = n``."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The schema this version of readerui reads and writes."""

COPY_LIMIT = 32 * 1024 * 1024
"""Bytes one offline copy (its article and analysis as JSON) may take; a bigger one is not
kept (its place still is; it is read from its source again). A long novel takes a few MB."""

COPIES_LIMIT = 256 * 1024 * 1024
"""Bytes all offline copies may take together; past it, the copies of the articles read
longest ago are dropped (they stay in the library list, with their places)."""


def default_path() -> Path:
    """``library.sqlite3`` in the user data folder (``$READERUI_DATA_DIR`` overrides it)."""
    override = os.environ.get("READERUI_DATA_DIR")
    base = Path(override) if override else user_data_path("readerui")
    return base / "library.sqlite3"


_last_digest: tuple[str, str] | None = None


def text_digest(text: str) -> str:
    """A fingerprint of an article's text.

    The last text's fingerprint is kept (by the identity of the string, so no comparison):
    the article on screen is fingerprinted for its place, its offline copy and its kept
    analysis, each a pass over a whole book otherwise, one of them on the UI thread."""
    global _last_digest
    last = _last_digest
    if last is not None and last[0] is text:
        return last[1]
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    _last_digest = (text, digest)
    return digest


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
    site: str | None = None
    """The site or publication, when known."""
    people: int = 0
    """How many people its analysis found (0 until analysed)."""
    kept: bool = False
    """Whether an offline copy of it is kept (it reopens without its source)."""

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
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):  # the primary code is the low byte of an extended one
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc).lower()


BUSY_TIMEOUT = 0.5
"""Seconds one statement waits for another program's write to finish before it fails as
busy (callers then try again with pauses until :data:`RETRY_DEADLINE`)."""

LOG_SIZE_LIMIT = 4 * 1024 * 1024
"""Bytes the write-ahead log file is cut back to after a checkpoint: a long book's copy
passes through it once, and must not keep that much disk for good."""

_SIDE_FILES = ("-wal", "-shm", "-journal")
"""What SQLite keeps next to the database: the write-ahead log and its index, or the
rollback journal (when the log cannot be used)."""


def _file_id(path: Path) -> tuple[int, int] | None:
    """Which file ``path`` names now (device and inode), None when it names no file."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino) if stat.S_ISREG(found.st_mode) else None


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: the write lock is taken first (``BEGIN IMMEDIATE``), so it
    waits on another writer for :data:`BUSY_TIMEOUT` instead of failing half-way on an old
    snapshot of the log; rolled back on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            with suppress(sqlite3.Error):  # the error that got here is the one to report
                db.execute("ROLLBACK")
        raise


class Library:
    """Reading positions, recently opened articles and offline copies, in one SQLite file.

    The file is written through a write-ahead log (WAL): a reader never waits for a writer,
    so several readerui windows can share one library and a save never holds up a lookup.
    Where the log cannot be made (a read-only file or folder) the rollback journal is used.
    Every call is serialised by a lock, so the UI and its workers may share the object.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        """The database file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.copy_limit = COPY_LIMIT
        """Bytes one offline copy may take (see :data:`COPY_LIMIT`)."""
        self.copies_limit = COPIES_LIMIT
        """Bytes all offline copies may take (see :data:`COPIES_LIMIT`)."""
        self._lock = threading.RLock()
        self._file: tuple[int, int] | None = None
        self._closed = False
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            db = self._open(self.path, uri=False)
        except sqlite3.OperationalError as exc:
            if is_busy(exc) or not self._log_out_of_reach():
                raise
            # SQLite cannot read a logged library whose folder it may not write (the log's
            # index cannot be made); with no log left to read, the file alone is whole.
            db = self._open(self.path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        self._file = _file_id(self.path)
        return db

    def _open(self, target: Path | str, *, uri: bool) -> sqlite3.Connection:
        # isolation_level=None: transactions are begun explicitly (see _transaction).
        # check_same_thread=False: worker threads use the connection too, under self._lock.
        db = sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT,
            isolation_level=None,
            check_same_thread=False,
            uri=uri,
        )
        try:
            self._use_log(db)
            self._upgrade(db)
        except BaseException:
            db.close()
            raise
        return db

    def _log_out_of_reach(self) -> bool:
        """Whether the library is a logged one, closed cleanly (no log file left), in a folder
        this program may not write: it can then be read as it is, and not written."""
        log = self.path.with_name(self.path.name + "-wal")
        if os.access(self.path.parent, os.W_OK) or log.exists():
            return False
        try:
            with self.path.open("rb") as file:
                header = file.read(20)
        except OSError:
            return False
        return header.startswith(b"SQLite format 3\0") and header[18:20] == b"\x02\x02"

    @staticmethod
    def _use_log(db: sqlite3.Connection) -> None:
        """Switch ``db`` to the write-ahead log (it stays so in the file) where it can be."""
        try:
            mode = str(db.execute("PRAGMA journal_mode=WAL").fetchone()[0]).lower()
        except sqlite3.OperationalError as exc:
            if is_busy(exc):  # an older readerui is writing: the switch waits for it
                raise
            # A read-only file or folder cannot hold the log; the rollback journal still
            # reads the library, and a write says why it fails when one is tried.
            return
        if mode == "wal":
            # NORMAL loses at most the last saves on a power cut, never the file, under WAL
            # (not under the rollback journal, which keeps SQLite's FULL default).
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA journal_size_limit={LOG_SIZE_LIMIT}")

    @staticmethod
    def _upgrade(db: sqlite3.Connection) -> None:
        """Bring a library written by an earlier readerui up to :data:`SCHEMA_VERSION`."""
        if Library._version(db) == SCHEMA_VERSION:
            return
        with _transaction(db):
            version = Library._version(db)  # another readerui may have upgraded it meanwhile
            if version == SCHEMA_VERSION:
                return
            db.execute(SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
            if "read_to" not in columns:  # a library written before schema versions
                db.execute("ALTER TABLE articles ADD COLUMN read_to INTEGER NOT NULL DEFAULT 0")
            for step in MIGRATIONS[version:]:
                for statement in step:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @staticmethod
    def _version(db: sqlite3.Connection) -> int:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"the library was written by a newer readerui (schema {version}); "
                "upgrade readerui to use it"
            )
        return version

    def _current(self) -> sqlite3.Connection:
        """The connection to the file at :attr:`path` now (call with the lock held).

        A file deleted or replaced while open is opened again: SQLite would go on writing
        to the deleted one without a word (under WAL even its log survives), and every
        save after it would be lost.
        """
        if self._closed:  # a worker finishing after the reader closed the library
            raise LibraryError("the library was closed")
        if self._file is not None and _file_id(self.path) == self._file:
            return self._db
        self._db.close()
        self._file = None
        if not self.path.is_file():
            # The log, index or journal left by the deleted file must not be paired with a
            # new one (SQLite would read the old pages into it); another readerui still
            # holding them keeps its own open copies.
            for suffix in _SIDE_FILES:
                with suppress(OSError):
                    self.path.with_name(self.path.name + suffix).unlink()
        try:
            self._db = self._connect()
        except sqlite3.Error as exc:
            if is_busy(exc):
                raise
            raise LibraryError(
                f"the library file {self.path} was removed and cannot be made again "
                f"({describe(exc)})"
            ) from exc
        return self._db

    def _rows(self, sql: str, parameters: tuple[object, ...] = ()) -> list[Any]:
        """The rows of a query."""
        with self._lock:
            return self._current().execute(sql, parameters).fetchall()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """The connection, in a write transaction that no other call interleaves with."""
        with self._lock, _transaction(self._current()) as db:
            yield db

    def _write(self, *statements: tuple[str, tuple[object, ...]]) -> None:
        """Run ``statements`` as one transaction."""
        with self._writing() as db:
            for sql, parameters in statements:
                db.execute(sql, parameters)

    def close(self) -> None:
        """Close the database (every later call raises :class:`LibraryError`)."""
        with self._lock:
            self._closed = True
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
        self._write(
            (
                "INSERT INTO articles (source, title, digest, length, position, opened_at, "
                "read_to) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
                "title=excluded.title, digest=excluded.digest, length=excluded.length, "
                "position=excluded.position, opened_at=excluded.opened_at, "
                "read_to=excluded.read_to",
                row,
            )
        )

    def position(self, source: str, text: str) -> int | None:
        """Where reading of ``source`` stopped, if its text has not changed since."""
        rows = self._rows("SELECT digest, position FROM articles WHERE source = ?", (source,))
        if not rows or rows[0][0] != text_digest(text):
            return None
        return min(int(rows[0][1]), len(text))

    def recent(self, limit: int | None = 20) -> list[Entry]:
        """The most recently opened articles, newest first (all of them: ``limit`` None)."""
        rows = self._rows(
            "SELECT a.source, a.title, a.length, a.position, a.opened_at, a.read_to, a.site, "
            "a.people, c.source IS NOT NULL FROM articles a "
            "LEFT JOIN copies c ON c.source = a.source "
            "ORDER BY a.opened_at DESC, a.rowid DESC LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [
            Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], kept=bool(r[8])) for r in rows
        ]

    def forget(self, source: str) -> None:
        """Remove ``source`` (and its offline copy) from the library."""
        self._write(
            ("DELETE FROM copies WHERE source = ?", (source,)),
            ("DELETE FROM articles WHERE source = ?", (source,)),
        )

    def touch(self, source: str, title: str, digest: str, length: int) -> None:
        """Note that ``source`` was opened now, keeping its place unless its text changed."""
        self._write(
            (
                "INSERT INTO articles (source, title, digest, length, position, opened_at, "
                "read_to) VALUES (?, ?, ?, ?, 0, ?, 0) ON CONFLICT(source) DO UPDATE SET "
                "title=excluded.title, opened_at=excluded.opened_at, length=excluded.length, "
                "position=CASE WHEN articles.digest = excluded.digest THEN articles.position "
                "ELSE 0 END, "
                "read_to=CASE WHEN articles.digest = excluded.digest THEN articles.read_to "
                "ELSE 0 END, digest=excluded.digest",
                (source, title, digest, length, time.time()),
            )
        )

    def keep(self, source: str, digest: str, article: str, analysis: str | None) -> bool:
        """Keep an offline copy of ``source`` (``article``/``analysis``: JSON documents).

        ``analysis`` None keeps the one already stored for the same text, if any. The
        article must have been remembered first. False when the copy is bigger than
        :attr:`copy_limit` and not kept (a copy of an earlier text goes then, so it never
        stands in for the new one); copies read longest ago are dropped to keep all of them
        within :attr:`copies_limit`.
        """
        size = len(article.encode("utf-8", "surrogatepass"))
        if analysis is not None:
            size += len(analysis.encode("utf-8", "surrogatepass"))
        if size > self.copy_limit:  # checked first: a huge copy is not even written
            self._write(("DELETE FROM copies WHERE source = ? AND digest != ?", (source, digest)))
            return False
        with self._writing() as db:
            db.execute(
                "INSERT INTO copies (source, digest, article, analysis, kept_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
                "article=excluded.article, kept_at=excluded.kept_at, "
                "analysis=CASE WHEN excluded.analysis IS NOT NULL THEN excluded.analysis "
                "WHEN copies.digest = excluded.digest THEN copies.analysis END, "
                "digest=excluded.digest",
                (source, digest, article, analysis, time.time()),
            )
            db.execute(
                "UPDATE copies SET size = length(CAST(article AS BLOB)) "
                "+ coalesce(length(CAST(analysis AS BLOB)), 0) WHERE source = ?",
                (source,),
            )
            (stored,) = db.execute("SELECT size FROM copies WHERE source = ?", (source,))
            if stored[0] > self.copy_limit:  # with the analysis kept from before
                db.execute("DELETE FROM copies WHERE source = ?", (source,))
                return False
            self._make_room(db, source)
        return True

    def _make_room(self, db: sqlite3.Connection, kept: str) -> None:
        """Drop the copies read longest ago (never ``kept``) until all fit the limit."""
        total = int(db.execute("SELECT coalesce(sum(size), 0) FROM copies").fetchone()[0])
        if total <= self.copies_limit:
            return
        oldest = db.execute(
            "SELECT c.source, c.size FROM copies c LEFT JOIN articles a ON a.source = c.source "
            "WHERE c.source != ? ORDER BY coalesce(a.opened_at, 0), c.kept_at",
            (kept,),
        ).fetchall()
        for source, size in oldest:
            db.execute("DELETE FROM copies WHERE source = ?", (source,))
            total -= int(size)
            if total <= self.copies_limit:
                return

    def describe(self, source: str, site: str | None, people: int | None) -> None:
        """Set what the library list shows of ``source`` besides its title."""
        if people is None:
            self._write(("UPDATE articles SET site = ? WHERE source = ?", (site, source)))
        else:
            self._write(
                (
                    "UPDATE articles SET site = ?, people = ? WHERE source = ?",
                    (site, people, source),
                )
            )

    def copy(self, source: str) -> tuple[str, str, str | None] | None:
        """The offline copy of ``source``: ``(digest, article JSON, analysis JSON or None)``."""
        rows = self._rows(
            "SELECT digest, article, analysis FROM copies WHERE source = ?", (source,)
        )
        return (str(rows[0][0]), str(rows[0][1]), rows[0][2]) if rows else None

    def analysis_json(self, source: str, digest: str) -> str | None:
        """The stored analysis of ``source`` when its text is still ``digest``."""
        rows = self._rows(
            "SELECT analysis FROM copies WHERE source = ? AND digest = ?", (source, digest)
        )
        return None if not rows or rows[0][0] is None else str(rows[0][0])

    def copies(self) -> list[tuple[str, str, str | None]]:
        """Every offline copy, newest read first: ``(source, article JSON, analysis JSON)``."""
        rows = self._rows(
            "SELECT c.source, c.article, c.analysis FROM copies c "
            "JOIN articles a ON a.source = c.source ORDER BY a.opened_at DESC"
        )
        return [(str(r[0]), str(r[1]), r[2]) for r in rows]


def library_key(source: str) -> str | None:
    """The library's name for an article's source: a URL, an absolute path; None for stdin
    (see :func:`article_key`)."""
    if source in ("", "-"):
        return None
    if is_url(source):
        return source
    return str(Path(source).expanduser().resolve())


STDIN_KEY = "stdin:"
"""Prefix of the key of an article read from standard input (its text's digest follows)."""


def article_key(source: str, text: str, digest: str | None = None) -> str:
    """The library's name for an article: its :func:`library_key`, or for standard input
    ``stdin:`` and its text's digest (the same text piped again is the same article)."""
    key = library_key(source)
    return key if key is not None else STDIN_KEY + (digest or text_digest(text))


def shown_title(title: str, source: str, text: str) -> str:
    """What to call an article: its title, else the first line of standard input's text
    (or "standard input"), else its source."""
    if title.strip():
        return title
    if library_key(source) is None:
        first = text.lstrip().split("\n", 1)[0].strip()
        return first[:80] + ("…" if len(first) > 80 else "") if first else "standard input"
    return library_key(source) or source


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
        self._reported: str | None = None

    def resume(self, source: str, text: str) -> int | None:
        """Where reading of this article stopped, if known.

        Raises :class:`LibraryError` with ``busy`` set when another program holds the
        library (ask again later); any other failure only costs the place, so it is None.
        """
        if self.library is None:
            return None
        try:
            return self.library.position(article_key(source, text), text)
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

    def recent(self, limit: int | None = 20) -> list[Entry]:
        """The articles read lately, newest first ([] without a readable library; all of
        them with ``limit`` None)."""
        if self.library is None:
            return []
        try:
            return self.library.recent(limit)
        except Exception:  # a damaged library must never stop the reader opening things
            return []

    def place(self, source: str, title: str, text: str, visible: tuple[int, int]) -> Place | None:
        """What to save for an article shown from ``visible[0]`` to ``visible[1]``.

        None when there is no library or this very place was saved already.
        """
        if self.library is None:
            return None
        digest = text_digest(text)
        key = article_key(source, text, digest)
        position, read_to = visible
        if self._saved == (key, position):
            return None
        self._saved = (key, position)
        return Place(key, shown_title(title, source, text), text, position, read_to, digest)

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
