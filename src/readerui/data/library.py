"""The library: articles you have opened and where you stopped reading, in SQLite.

Positions are character offsets into the article text, like everywhere else; a position is
only reused when the text is the same (same SHA-1), so a page that changed since is opened
at the start rather than at a meaningless offset.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

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
        """Fraction read (to the bottom of the last page seen), from 0 to 1.

        The same measure as the reader's status line, so the two never disagree.
        """
        return min(1.0, max(self.read_to, self.position) / self.length) if self.length else 0.0


class Library:
    """Reading positions and recently opened articles, kept in one SQLite file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        """The database file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread=False: the UI saves from its own thread but may open the library
        # in a worker; every call is short and serialised by SQLite itself.
        self._db = sqlite3.connect(self.path, timeout=0.5, check_same_thread=False)
        self._db.execute(SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(articles)")}
        if "read_to" not in columns:  # a library written by an earlier version
            self._db.execute("ALTER TABLE articles ADD COLUMN read_to INTEGER NOT NULL DEFAULT 0")
        self._db.commit()

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
        position = max(0, position)
        self._db.execute(
            "INSERT INTO articles (source, title, digest, length, position, opened_at, read_to) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
            "title=excluded.title, digest=excluded.digest, length=excluded.length, "
            "position=excluded.position, opened_at=excluded.opened_at, read_to=excluded.read_to",
            (
                source,
                title,
                digest or text_digest(text),
                len(text),
                position,
                time.time(),
                position if read_to is None else read_to,
            ),
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
