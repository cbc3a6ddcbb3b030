"""The library keeps reading positions in a real SQLite file, and says clearly when it cannot."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

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


def _block_the_journal(path: Path) -> Path:
    """Make every write to ``path`` fail for good, as in a read-only data folder.

    Tests run as root, for whom permissions do not stop writes: a directory where SQLite
    wants to create its rollback journal does.
    """
    journal = path.with_name(path.name + "-journal")
    journal.mkdir()
    return journal


def test_a_library_deleted_while_open_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    lib.remember("/a.txt", "A", "text", 1)
    path.unlink()  # SQLite would call this "attempt to write a readonly database"
    lib.remember("/b.txt", "B", "text", 2)
    assert path.is_file()
    assert [e.source for e in Library(path).recent()] == ["/b.txt"]


def test_a_deleted_library_that_cannot_be_made_again_says_so(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    path.unlink()
    path.mkdir()  # something else took its name
    with pytest.raises(LibraryError) as caught:
        lib.remember("/b.txt", "B", "text", 2)
    assert "was removed" in str(caught.value)
    assert "readonly" not in str(caught.value)


def test_a_failing_save_is_reported_once_until_it_works_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    places = ReadingPlaces(Library(path))
    journal = _block_the_journal(path)
    text = "some article text " * 20
    first = places.place("/a.txt", "A", text, (10, 50))
    assert first is not None
    error = places.save(first)
    assert error is not None
    assert error.startswith("Could not save the reading position")
    second = places.place("/a.txt", "A", text, (60, 90))
    assert second is not None
    assert places.save(second) is None  # the same failure: said once
    journal.rmdir()
    third = places.place("/a.txt", "A", text, (100, 120))
    assert third is not None
    assert places.save(third) is None
    assert Library(path).position("/a.txt", text) == 100
    _block_the_journal(path)
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
    journal = _block_the_journal(path)
    assert places.save(place) is not None
    journal.rmdir()
    again = places.place("/a.txt", "", text, (5, 40))  # the failed place is offered again
    assert again is not None
    assert places.save(again) is None
    assert places.resume("/a.txt", text) == 5
    piped = places.place("-", "", "Piped headline\n\nand its story", (0, 10))
    assert piped is not None  # standard input is kept under its text's digest
    assert piped.key.startswith("stdin:")
    assert piped.title == "Piped headline"


def test_a_busy_library_is_waited_for_and_cancel_stops_the_wait(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).remember("/a.txt", "A", "text", 3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
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
    assert not waiting.is_alive()
    assert opened[0].position("/a.txt", "text") == 3
