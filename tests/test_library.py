"""The library keeps reading positions in a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from readerui.data.library import Library, default_path


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


def test_progress_counts_to_the_bottom_of_the_page(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    lib.remember("/a.txt", "A", "x" * 100, 40, read_to=70)
    (entry,) = lib.recent()
    assert entry.position == 40
    assert entry.progress == 0.7
    assert lib.position("/a.txt", "x" * 100) == 40  # resuming uses the top of the page


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
