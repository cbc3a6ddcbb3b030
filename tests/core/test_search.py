"""Search across line breaks, case and typographic quotes."""

from __future__ import annotations

from readerui.core.search import compile_query, find_all


def test_phrase_across_a_line_break_and_paragraphs() -> None:
    text = "the harbour\nmaster said\n\nno more boats"
    assert find_all(text, "harbour master") == [(4, 18)]
    assert find_all(text, "said no more") == [(19, 32)]


def test_case_and_straight_quotes_match_curly() -> None:
    text = "It’s “Done” now; it's done."
    assert [text[a:b] for a, b in find_all(text, "it's")] == ["It’s", "it's"]
    assert find_all(text, '"done"') == [(5, 11)]


def test_regex_characters_are_literal_and_blank_query_finds_nothing() -> None:
    assert find_all("cost (est.) 5$", "(est.)") == [(5, 11)]
    assert find_all("a.b", "a.b") == [(0, 3)]
    assert find_all("axb", "a.b") == []
    assert compile_query("   ") is None
    assert find_all("text", "") == []
