"""The name-run scanner steps over lower-case words in one regex call: it must see exactly the
words a plain word-by-word reading sees."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readerui.core.analysis.runs import _NEXT_WORD, _SKIP_LOWER, _SKIP_TO_WORD, _WORD

# Letters of both cases and scripts, and everything that sits inside or between words.
_PIECES = [*"aAzZéÉßçǅ9_-’'. ,;\n—“()", "von", "al-", "O’", "x-ray", "Jean-", "U.S.", "well-"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _skippable(word: str) -> bool:
    return "a" <= word[0] <= "z" and "-" not in word


@settings(max_examples=400, deadline=None)
@given(texts)
def test_skip_stops_at_the_first_word_that_is_not_skipped(text: str) -> None:
    words = list(_WORD.finditer(text))
    for i, word in enumerate(words):
        # From the end of any word (or the start), the scanner stops at the next word that
        # does not open in ASCII lower case or holds a hyphen, having passed only such words.
        pos = words[i - 1].end() if i else 0
        found = next((w for w in words[i:] if not _skippable(w.group())), None)
        stop = found.start() if found else len(text)
        skipped = _SKIP_LOWER.match(text, pos)
        assert skipped is not None
        assert skipped.end() == stop
        with_word = _SKIP_TO_WORD.match(text, pos)
        assert with_word is not None
        assert with_word.span(1) == (found.span() if found else (-1, -1))
        nxt = _NEXT_WORD.match(text, pos)
        assert nxt is not None
        assert nxt.span(1) == word.span()
