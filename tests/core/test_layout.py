"""Pagination: every character on exactly one page, pages never too tall, offsets stable."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from readerui.core.layout import paginate, wrap_lines, wrap_spans
from readerui.core.models import Article

WORD = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDE,.;’“”—éü日本語")),
    min_size=1,
    max_size=14,
)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=60).map(" ".join)
KIND = st.sampled_from(["body", "body", "heading", "caption", "blockquote", "list", "byline"])
ARTICLE = st.lists(st.tuples(PARAGRAPH, KIND), min_size=1, max_size=25).map(
    lambda blocks: Article.from_blocks("t", "Title", blocks)
)


def _check(article: Article, width: int, height: int, first: int) -> None:
    layout = paginate(article, width, height, first_page_height=first)
    text = article.text
    pages = layout.pages
    assert pages[0].start == 0
    assert pages[-1].end == len(text)
    for before, after in itertools.pairwise(pages):
        assert before.end == after.start
        assert before.start < after.start
    assert len(pages[0].lines) <= min(height, first)
    for page in pages:
        assert len(page.lines) <= height
        for line in page.lines:
            assert page.start <= line.start <= line.end <= page.end
            assert cell_len(text[line.start : line.end]) + line.indent <= max(
                width, 1 + line.indent
            )
    # Every non-space character is drawn exactly once, in order.
    drawn = [i for page in pages for line in page.lines for i in range(line.start, line.end)]
    assert drawn == sorted(drawn)
    assert len(drawn) == len(set(drawn))
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= set(drawn)
    # Offsets map to the page that holds them.
    for page in pages:
        for offset in {page.start, (page.start + page.end) // 2, max(page.start, page.end - 1)}:
            if page.start <= offset < page.end:
                assert layout.page_at(offset) == page.index


@settings(max_examples=60, deadline=None)
@given(ARTICLE, st.integers(20, 200), st.integers(3, 60), st.integers(0, 10))
def test_pagination_properties(article: Article, width: int, height: int, header: int) -> None:
    _check(article, width, height, max(1, height - header))


@settings(max_examples=30, deadline=None)
@given(ARTICLE, st.integers(20, 200), st.integers(20, 200), st.integers(5, 50))
def test_resize_keeps_position(article: Article, w1: int, w2: int, height: int) -> None:
    before = paginate(article, w1, height)
    for page in before.pages:
        anchor = page.start
        after = paginate(article, w2, height)
        shown = after.pages[after.page_at(anchor)]
        assert shown.start <= anchor < max(shown.end, shown.start + 1)


def test_every_width_from_20_to_200_keeps_all_text() -> None:
    blocks = [
        (f"Paragraph {i}: " + "words that wrap around the page " * (i % 7 + 1), "body")
        for i in range(30)
    ]
    article = Article.from_blocks("t", "T", blocks)
    for width in range(20, 201):
        _check(article, width, 24, 20)


def test_long_words_are_split_and_hard_breaks_kept() -> None:
    text = "a" * 50 + " end\nnext line"
    spans = wrap_spans(text, 0, len(text), 20)
    assert [text[a:b] for a, b in spans] == ["a" * 20, "a" * 20, "a" * 10 + " end", "next line"]


def test_wide_characters_measured_in_cells() -> None:
    lines = wrap_lines("日本語 日本語 日本語", 13)
    assert lines == ["日本語 日本語", "日本語"]
    assert all(cell_len(line) <= 13 for line in lines)


def test_heading_not_left_alone_at_page_bottom() -> None:
    blocks = [("one " * 30, "body"), ("Heading", "heading"), ("two " * 30, "body")]
    article = Article.from_blocks("t", "T", blocks)
    # width 40: body is 3 lines, blank, heading -> heading would be the 5th and last line.
    layout = paginate(article, 40, 5)
    for page in layout.pages:
        assert page.lines[-1].kind != "heading" or page is layout.pages[-1]


def test_empty_article_has_one_empty_page() -> None:
    layout = paginate(Article.from_blocks("t", "T", []), 40, 10)
    assert len(layout) == 1
    assert layout.pages[0].lines == ()
    assert layout.page_at(0) == 0


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab cdé—“”.\n"), max_size=300),
    st.integers(min_value=1, max_value=30),
)
def test_the_fast_wrap_is_the_word_by_word_wrap(text: str, width: int) -> None:
    from readerui.core.layout import _wrap_narrow, _wrap_segment

    text = " ".join(text.split(" "))  # normalised text: no runs of spaces
    for segment in text.split("\n"):
        slow: list[tuple[int, int]] = []
        fast: list[tuple[int, int]] = []
        _wrap_segment(segment, 0, len(segment), width, slow)
        _wrap_narrow(segment, 0, len(segment), width, fast)
        assert fast == slow
