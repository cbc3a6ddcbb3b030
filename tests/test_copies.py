"""Offline copies in the library: an article and its analysis kept and read back, the schema
upgraded from earlier libraries, damaged copies refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readerui.core.analysis import analyze
from readerui.core.models import Article
from readerui.data.copies import keep_copy, open_copy, read_article, stored_analysis
from readerui.data.library import SCHEMA_VERSION, Library, LibraryError, article_key

STORY = Article.from_blocks(
    "https://news.test/pilots",
    "Harbour Pilots Vote to Keep the Night Watch",
    [
        ("By Imelda Ferrante", "byline"),
        (
            "\u201cA ship does not wait for office hours,\u201d said Tobias Lindqvist, who "
            "chairs the association.",
            "body",
        ),
        ("The port authority's director, Margarethe Oyelaran, disagreed.", "body"),
    ],
    byline="By Imelda Ferrante",
    site="The Harbour Gazette",
    published="2026-02-01",
)


def test_a_kept_article_and_its_analysis_come_back_the_same(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite3")
    analysis = analyze(STORY)
    assert analysis.quotes
    keep_copy(library, STORY)
    assert stored_analysis(library, STORY) is None  # kept before the analysis was done
    keep_copy(library, STORY, analysis)
    assert open_copy(library, STORY.source) == STORY
    assert stored_analysis(library, STORY) == analysis
    (entry,) = library.recent()
    assert (entry.title, entry.site, entry.kept) == (STORY.title, "The Harbour Gazette", True)
    assert entry.people == sum(p.kind == "subject" for p in analysis.people) > 0
    keep_copy(library, STORY)  # kept again without analysis: the analysis stays
    assert stored_analysis(library, STORY) == analysis


def test_a_changed_text_drops_the_old_analysis_and_place(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite3")
    keep_copy(library, STORY, analyze(STORY))
    library.remember(STORY.source, STORY.title, STORY.text, 40)
    changed = Article.from_blocks(STORY.source, STORY.title, [("A shorter story now.", "body")])
    keep_copy(library, changed)
    assert stored_analysis(library, changed) is None
    assert open_copy(library, STORY.source) == changed
    assert library.position(STORY.source, changed.text) == 0


def test_forgetting_an_article_drops_its_copy(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite3")
    keep_copy(library, STORY)
    library.forget(STORY.source)
    assert open_copy(library, STORY.source) is None
    assert library.recent() == []


def test_standard_input_is_kept_under_its_digest(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite3")
    piped = Article.from_blocks("-", "", [("just some words piped in", "body")])
    keep_copy(library, piped)
    key = article_key("-", piped.text)
    assert key.startswith("stdin:")
    assert open_copy(library, key) == piped
    assert library.recent()[0].title == "just some words piped in"


def test_a_damaged_copy_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    library = Library(path)
    keep_copy(library, STORY)
    db = sqlite3.connect(path)
    db.execute('UPDATE copies SET article = \'{"text": "x", "paragraphs": [[0, 99]]}\'')
    db.commit()
    db.close()
    assert open_copy(library, STORY.source) is None
    with pytest.raises(ValueError, match="damaged"):
        read_article("{not json")


def test_an_old_library_is_upgraded_and_a_newer_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE articles (source TEXT PRIMARY KEY, title TEXT NOT NULL, digest TEXT NOT "
        "NULL, length INTEGER NOT NULL, position INTEGER NOT NULL, opened_at REAL NOT NULL)"
    )
    db.execute("INSERT INTO articles VALUES ('/old.txt', 'Old', 'd', 10, 5, 1.0)")
    db.commit()
    db.close()
    library = Library(path)
    (entry,) = library.recent()
    assert (entry.title, entry.people, entry.kept) == ("Old", 0, False)
    keep_copy(library, STORY)
    library.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    check.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    check.commit()
    check.close()
    with pytest.raises(LibraryError, match="newer readerui"):
        Library(path)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(min_value=1, max_value=9))
def test_a_long_text_encoded_in_pieces_reads_back_whole(text: str, piece: int) -> None:
    """A book's text is written to JSON a piece at a time: the pieces join into one string
    that reads back as the very text (quotes, backslashes, controls, emoji, surrogates)."""
    from readerui.core import export
    from readerui.data import copies

    article = Article(source="book.txt", title="A book", text=text, paragraphs=())
    saved = export.JSON_SLICE
    export.JSON_SLICE = piece
    try:
        encoded = copies.article_json(article)
    finally:
        export.JSON_SLICE = saved
    assert json.loads(encoded)["text"] == text
    assert read_article(encoded).text == text


def _copy_size(path: Path, source: str) -> int:
    check = sqlite3.connect(path)
    try:
        row = check.execute(
            "SELECT length(CAST(article AS BLOB)) + coalesce(length(CAST(analysis AS BLOB)), 0) "
            "FROM copies WHERE source = ?",
            (source,),
        ).fetchone()
    finally:
        check.close()
    return int(row[0])


def test_a_copy_too_big_to_keep_leaves_its_place_and_no_stale_copy(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    library = Library(path)
    assert keep_copy(library, STORY)
    library.copy_limit = _copy_size(path, STORY.source) + 10
    longer = Article.from_blocks(
        STORY.source, STORY.title, [("A much longer story. " * 40, "body")]
    )
    assert not keep_copy(library, longer)
    assert open_copy(library, STORY.source) is None  # the copy of the earlier text went
    library.remember(STORY.source, STORY.title, longer.text, 21)
    (entry,) = library.recent()
    assert (entry.title, entry.kept, entry.position) == (STORY.title, False, 21)
    assert keep_copy(library, STORY)  # a copy within the limit is kept again
    assert not keep_copy(library, STORY, analyze(STORY))  # with its analysis: too big
    assert open_copy(library, STORY.source) == STORY  # the same text: its copy stays


def test_the_copies_read_longest_ago_make_room(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    library = Library(path)
    stories = [
        Article.from_blocks(f"https://news.test/{n}", f"Story {n}", [(f"Story {n}. " * 50, "body")])
        for n in range(4)
    ]
    for story in stories[:3]:
        assert keep_copy(library, story)
    one = _copy_size(path, stories[0].source)
    library.copies_limit = 3 * one
    assert keep_copy(library, stories[3])  # one copy too many: the oldest goes
    assert open_copy(library, stories[0].source) is None
    assert all(open_copy(library, s.source) == s for s in stories[1:])
    assert len(library.recent(None)) == 4  # still listed, with their places
    library.copies_limit = one // 2  # the newest is never dropped for the others
    assert keep_copy(library, stories[1])
    assert [s.source for s in stories if open_copy(library, s.source)] == [stories[1].source]


def test_sizes_are_filled_in_for_copies_of_an_earlier_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    keep_copy(Library(path), STORY, analyze(STORY))
    old = sqlite3.connect(path)  # as schema 2 had it: no sizes
    old.execute("ALTER TABLE copies DROP COLUMN size")
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()
    library = Library(path)
    library.copies_limit = _copy_size(path, STORY.source) - 1
    other = Article.from_blocks("/other.txt", "Other", [("A short note.", "body")])
    assert keep_copy(library, other)
    assert open_copy(library, STORY.source) is None  # its size was known: it made room
