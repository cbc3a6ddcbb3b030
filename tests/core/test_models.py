"""Reading time: words per character, exact for an article and estimated for a book."""

from __future__ import annotations

from readerui.core.models import WORD_SAMPLE, reading_minutes, word_density


def test_an_articles_words_per_character_is_exact() -> None:
    text = "one two three\n\nfour  five"
    assert word_density(text) == 5 / len(text)
    assert word_density("") == 0.0


def test_a_books_words_per_character_comes_from_its_opening() -> None:
    book = "abc " * WORD_SAMPLE + "x" * (4 * WORD_SAMPLE)  # what follows is not counted
    assert word_density(book) == 0.25


def test_time_left_for_a_book_is_its_length_at_that_density() -> None:
    text = "word " * 100_000  # 500,000 characters, 100,000 words
    assert reading_minutes(word_density(text) * len(text)) == reading_minutes(100_000)
