"""Prefix-factored word alternations find exactly what a longest-first list of the words finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from readerui.core.analysis.alternation import alternation

words = st.lists(st.text(alphabet="abdes -", min_size=1, max_size=6), max_size=12)
texts = st.text(alphabet="abdes -ABDESſ.\n", max_size=60)


def _listed(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@settings(max_examples=400, deadline=None)
@given(words, texts, st.sampled_from([r"\b", r"\s", "", "e"]), st.booleans())
def test_same_matches_as_a_longest_first_list(
    words: list[str], text: str, after: str, blind: bool
) -> None:
    flags = re.IGNORECASE if blind else 0
    factored = re.compile(f"(?:{alternation(words)}){after}", flags)
    listed = re.compile(f"(?:{_listed(words)}){after}", flags)
    assert [m.span() for m in factored.finditer(text)] == [m.span() for m in listed.finditer(text)]


@given(words)
def test_matches_each_word_and_nothing_else(words: list[str]) -> None:
    pattern = re.compile(alternation(words))
    for word in words:
        assert pattern.fullmatch(word)
    for other in ["", "z", *(w + "z" for w in words)]:
        assert bool(pattern.fullmatch(other)) == (other in words)


def test_no_words_match_nothing() -> None:
    assert re.search(alternation([]), "anything at all") is None
