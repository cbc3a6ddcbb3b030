"""Property tests: spans are exact and in range, quotes never overlap, nothing crashes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readerui.core.analysis import analyze
from readerui.core.models import Article, ParagraphKind

_MARKS = "\"'“”‘’„«» "
_WORDS = ["Mr", "Ana", "Lund", "said", "she", "he", "the", "Minister", "told", "von", "de"]

paragraph = st.lists(
    st.one_of(
        st.sampled_from(_WORDS),
        st.sampled_from(list(_MARKS)),
        st.text(min_size=1, max_size=8),
    ),
    max_size=30,
).map(" ".join)
kind = st.sampled_from(["body", "caption", "byline", "heading"])


def _article(paras: list[tuple[str, ParagraphKind]]) -> Article:
    return Article.from_blocks("prop", "", [(p.strip(), k) for p, k in paras])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(paragraph, kind), max_size=6))
def test_spans_exact_in_range_and_quotes_disjoint(paras: list[tuple[str, ParagraphKind]]) -> None:
    article = _article(paras)
    result = analyze(article)
    text = article.text
    last_end = -1
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
    people = {p.name for p in result.people}
    for q in result.quotes:
        assert q.speaker is None or q.speaker in people
    for p in result.people:
        assert p.mentions == tuple(sorted(p.mentions))
        for s, e in p.mentions:
            assert 0 <= s < e <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes(raw: str) -> None:
    blocks = [(b.strip(), "body") for b in raw.split("\n\n")]
    article = Article.from_blocks("prop", "", blocks)  # type: ignore[arg-type]
    result = analyze(article)
    for q in result.quotes:
        assert article.text[q.start : q.end] == q.text
