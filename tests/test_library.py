"""The library keeps reading positions in a real SQLite file, and says clearly when it cannot."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from readerui.data.library import (
    Library,
    LibraryError,
    ReadingPlaces,
    RetryCancelled,
    default_path,
    is_busy,
    open_library,
)


def test_position_round_trip_and_recent_order(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    lib.remember("/a.txt", "A", "alpha text " * 10, 42)
    lib.remember("https://x.test/b", "B", "beta text", 3)
    lib.close()

    again = Library(path)  # a new connection reads what the first one wrote
    assert again.position("/a.txt", "alpha text " * 10) == 42
    assert [e.source for e in again.recent()] == ["https://x.test/b", "/a.txt"]
    entry = again.recent()[1]
    assert entry.title == "A"
    assert round(entry.progress, 2) == round(42 / 110, 2)
    rows = sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()
    assert rows == (2,)


def test_changed_text_is_not_resumed(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    lib.remember("/a.txt", "A", "the first version", 10)
    assert lib.position("/a.txt", "the second version") is None
    assert lib.position("/unknown.txt", "x") is None


def test_remember_again_updates_and_forget_removes(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    lib.remember("/a.txt", "A", "text", 1)
    lib.remember("/a.txt", "A2", "text", 3)
    assert lib.position("/a.txt", "text") == 3
    assert [e.title for e in lib.recent()] == ["A2"]
    lib.forget("/a.txt")
    assert lib.recent() == []


def test_default_path_follows_the_environment(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("READERUI_DATA_DIR", str(tmp_path / "d"))
    assert default_path() == tmp_path / "d" / "library.sqlite3"
    Library()  # creates the folder and the file
    assert (tmp_path / "d" / "library.sqlite3").is_file()


def test_progress_is_the_text_above_the_page_and_full_at_the_end(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    lib.remember("/a.txt", "A", "x" * 100, 40, read_to=70)
    (entry,) = lib.recent()
    assert entry.position == 40
    assert entry.progress == 0.4
    lib.remember("/a.txt", "A", "x" * 100, 0, read_to=30)
    assert lib.recent()[0].progress == 0.0  # only opened: nothing read yet
    lib.remember("/a.txt", "A", "x" * 100, 80, read_to=100)
    assert lib.recent()[0].progress == 1.0  # the end was on screen
    assert lib.position("/a.txt", "x" * 100) == 80  # resuming uses the top of the page


def test_a_library_from_an_earlier_version_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE articles (source TEXT PRIMARY KEY, title TEXT NOT NULL, digest TEXT NOT "
        "NULL, length INTEGER NOT NULL, position INTEGER NOT NULL, opened_at REAL NOT NULL)"
    )
    db.execute("INSERT INTO articles VALUES ('/old.txt', 'Old', 'd', 10, 5, 1.0)")
    db.commit()
    db.close()
    lib = Library(path)
    (entry,) = lib.recent()
    assert (entry.title, entry.position, entry.read_to) == ("Old", 5, 0)
    assert entry.progress == 0.5
    lib.remember("/new.txt", "New", "text", 1, read_to=4)
    assert lib.recent()[0].progress == 1.0


# ----------------------------------------------------------------------------- failures


def _take_the_name(path: Path) -> Path:
    """Make every write to the library at ``path`` fail until the returned folder is removed:
    the file deleted and a folder put in its place, as a broken data folder would.

    Tests run as root, for whom permissions stop no write, and under the write-ahead log
    an open connection writes on to its own (deleted) file whatever happens to the folder.
    """
    path.unlink()
    path.mkdir()
    return path


def _journal_mode(path: Path) -> str:
    check = sqlite3.connect(path)
    try:
        return str(check.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        check.close()


def test_the_library_is_written_through_a_write_ahead_log(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    lib.remember("/a.txt", "A", "text", 1)
    assert _journal_mode(path) == "wal"
    assert path.with_name("lib.sqlite3-wal").exists()  # the log sits next to the library
    lib.close()
    old = tmp_path / "old.sqlite3"  # an earlier readerui used the rollback journal
    sqlite3.connect(old).close()
    assert _journal_mode(old) == "delete"
    Library(old).close()
    assert _journal_mode(old) == "wal"


def test_a_library_deleted_while_open_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    lib.remember("/a.txt", "A", "text", 1)
    path.unlink()  # under WAL, SQLite would go on writing to the deleted file
    lib.remember("/b.txt", "B", "text", 2)
    assert path.is_file()
    assert [e.source for e in Library(path).recent()] == ["/b.txt"]
    assert [e.source for e in lib.recent()] == ["/b.txt"]


def test_a_deleted_library_is_not_mixed_up_with_the_one_made_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    lib.remember("/a.txt", "A", "text", 1)
    # Another program still has the deleted file open and goes on writing to it (its log
    # and index are where the new file's would go).
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("SELECT count(*) FROM articles").fetchone()
    path.unlink()
    lib.remember("/b.txt", "B", "text", 2)  # makes a new file, with a log of its own
    other.execute("UPDATE articles SET position = 9")
    assert [e.source for e in lib.recent()] == ["/b.txt"]
    assert lib.position("/b.txt", "text") == 2
    other.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert check.execute("SELECT source, position FROM articles").fetchall() == [("/b.txt", 2)]


def test_a_deleted_library_that_cannot_be_made_again_says_so(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    _take_the_name(path)  # something else took its name
    with pytest.raises(LibraryError) as caught:
        lib.remember("/b.txt", "B", "text", 2)
    assert "was removed" in str(caught.value)
    assert "readonly" not in str(caught.value)


def test_a_failing_save_is_reported_once_until_it_works_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    places = ReadingPlaces(Library(path))
    blocked = _take_the_name(path)
    text = "some article text " * 20
    first = places.place("/a.txt", "A", text, (10, 50))
    assert first is not None
    error = places.save(first)
    assert error is not None
    assert error.startswith("Could not save the reading position")
    assert "\n" not in error
    second = places.place("/a.txt", "A", text, (60, 90))
    assert second is not None
    assert places.save(second) is None  # the same failure: said once
    assert places.recent() == []  # and the reader goes on without its list
    blocked.rmdir()
    third = places.place("/a.txt", "A", text, (100, 120))
    assert third is not None
    assert places.save(third) is None
    assert Library(path).position("/a.txt", text) == 100
    _take_the_name(path)
    fourth = places.place("/a.txt", "A", text, (130, 150))
    assert fourth is not None
    assert places.save(fourth) is not None  # after a success, a new failure is said again


def test_a_place_is_saved_once_and_retried_after_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    places = ReadingPlaces(Library(path))
    text = "words " * 50
    place = places.place("/a.txt", "", text, (5, 40))
    assert place is not None
    assert place.title == str(Path("/a.txt").resolve())  # no title: the key stands in
    assert places.place("/a.txt", "", text, (5, 40)) is None  # nothing new to save
    blocked = _take_the_name(path)
    assert places.save(place) is not None
    blocked.rmdir()
    again = places.place("/a.txt", "", text, (5, 40))  # the failed place is offered again
    assert again is not None
    assert places.save(again) is None
    assert places.resume("/a.txt", text) == 5
    piped = places.place("-", "", "Piped headline\n\nand its story", (0, 10))
    assert piped is not None  # standard input is kept under its text's digest
    assert piped.key.startswith("stdin:")
    assert piped.title == "Piped headline"


def test_a_write_elsewhere_holds_up_saves_but_not_reading(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).remember("/a.txt", "A", "text", 3)
    holder = sqlite3.connect(path, isolation_level=None)  # another readerui, mid-write
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE articles SET position = 4")
    try:
        lib = Library(path)  # opens at once: readers do not wait for a writer
        assert lib.position("/a.txt", "text") == 3  # what was last committed
        with pytest.raises(sqlite3.OperationalError) as caught:
            lib.remember("/b.txt", "B", "text", 1)
        assert is_busy(caught.value)
        places = ReadingPlaces(lib)
        place = places.place("/b.txt", "B", "text", (1, 4))
        assert place is not None
        error = places.save(place, retry=False)  # on the way out: no waiting
        assert error is not None
        assert "locked" in error
        saved: list[str | None] = []
        waiting = threading.Thread(target=lambda: saved.append(places.save(place)))
        waiting.start()  # a worker's save waits for the other program
        holder.execute("COMMIT")
        waiting.join(timeout=60)
        assert not waiting.is_alive()
        assert saved == [None]
        assert lib.position("/a.txt", "text") == 4
        assert lib.position("/b.txt", "text") == 1
    finally:
        holder.close()


def test_a_library_held_by_an_older_readerui_is_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    lib.remember("/a.txt", "A", "text", 3)
    lib.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")  # a readerui from before the log...
    holder.execute("BEGIN EXCLUSIVE")  # ...writing: nobody may even read
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            Library(path)
        assert is_busy(caught.value)
        cancel = threading.Event()
        cancel.set()
        with pytest.raises(RetryCancelled):
            open_library(path, cancel)
        opened: list[Library] = []
        waiting = threading.Thread(target=lambda: opened.append(open_library(path)))
        waiting.start()
        holder.execute("COMMIT")  # the other program lets go: the waiting open goes through
        waiting.join(timeout=60)
    finally:
        holder.close()
    assert not waiting.is_alive()
    assert opened[0].position("/a.txt", "text") == 3
    assert _journal_mode(path) == "wal"


def test_two_libraries_on_one_file_both_work(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    first, second = Library(path), Library(path)  # two readerui windows at once
    first.remember("/a.txt", "A", "alpha", 1)
    assert second.position("/a.txt", "alpha") == 1
    second.remember("/b.txt", "B", "beta", 2)
    second.forget("/a.txt")
    assert [e.source for e in first.recent()] == ["/b.txt"]
    # Both write at once, from two threads each: the UI's saves of places and a worker
    # keeping long copies share one library. A busy moment is waited for, nothing is lost.
    errors: list[str | None] = []

    def save_places(library: Library, name: str) -> None:
        places = ReadingPlaces(library)
        for i in range(25):
            place = places.place(f"/{name}{i}.txt", name, f"text of {name} {i}", (i, i + 1))
            assert place is not None
            errors.append(places.save(place))

    def keep_copies(library: Library, name: str) -> None:
        for i in range(8):
            try:
                library.touch(f"/{name}{i}.txt", name, "digest", 10)
                library.keep(f"/{name}{i}.txt", "digest", "x" * 1_000_000, None)
            except Exception as exc:
                errors.append(repr(exc))

    writers = [
        threading.Thread(target=work, args=(library, f"{n}-{work.__name__}"))
        for n, library in enumerate((first, second))
        for work in (save_places, keep_copies)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    assert [e for e in errors if e is not None] == []
    assert len(errors) == 50
    assert len(first.recent(None)) == len(second.recent(None)) == 1 + 50 + 16
    assert len(first.copies()) == 16


ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.skipif(ROOT, reason="permissions do not stop root")
@pytest.mark.parametrize(
    ("locked", "journal"), [("folder", "delete"), ("file", "delete"), ("folder", "wal")]
)
def test_a_read_only_library_is_read_and_says_why_it_is_not_written(
    tmp_path: Path, locked: str, journal: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "lib.sqlite3"
    lib = Library(path)
    lib.remember("/a.txt", "A", "text", 3)
    lib.close()
    if journal == "delete":  # a library from before the log, in rollback journal mode
        sqlite3.connect(path, isolation_level=None).execute("PRAGMA journal_mode=DELETE").close()
    target = folder if locked == "folder" else path
    mode = target.stat().st_mode
    target.chmod(0o555 if locked == "folder" else 0o444)
    try:
        places = ReadingPlaces(Library(path))  # no log can be made there: no error either
        assert places.resume("/a.txt", "text") == 3
        assert [e.source for e in places.recent()] == ["/a.txt"]
        place = places.place("/b.txt", "B", "text", (1, 2))
        assert place is not None
        error = places.save(place, retry=False)
        assert error is not None
        assert "readonly" in error
    finally:
        target.chmod(mode)
    assert _journal_mode(path) == journal


def test_a_closed_library_is_not_opened_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    lib.remember("/a.txt", "A", "text", 1)
    lib.close()
    path.unlink()  # a worker that still holds the library must not make a new one
    with pytest.raises(LibraryError, match="closed"):
        lib.remember("/b.txt", "B", "text", 2)
    assert not path.exists()
    assert ReadingPlaces(lib).recent() == []


def test_the_text_on_screen_is_fingerprinted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its place, its copy and its kept analysis all ask for the same book's fingerprint."""
    import hashlib

    from readerui.data import library

    passes: list[int] = []
    real_sha1 = hashlib.sha1

    def sha1(data: bytes) -> Any:
        passes.append(len(data))
        return real_sha1(data)

    monkeypatch.setattr(library.hashlib, "sha1", sha1)
    book = "A chapter. " * 1000
    first = library.text_digest(book)
    assert library.text_digest(book) == first
    assert len(passes) == 1
    same_words = "".join(["A chapter. "] * 1000)  # equal, but another string
    assert same_words is not book
    assert library.text_digest(same_words) == first
    assert library.text_digest("Another text") != first
