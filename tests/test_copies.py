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
    from readerui.data import copies

    article = Article(source="book.txt", title="A book", text=text, paragraphs=())
    saved = copies._PIECE
    copies._PIECE = piece
    try:
        encoded = copies.article_json(article)
    finally:
        copies._PIECE = saved
    assert json.loads(encoded)["text"] == text
    assert read_article(encoded).text == text
