"""What a capitalised run's own words say is worked out once per way of writing it in an
article: every run must come out exactly as if it had been classified on its own."""

from __future__ import annotations

from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from readerui.core.analysis import runs

# Names, titles and openers, in contexts that change what they are: at a sentence start,
# after a speech verb, a role, a place word, "the", with a possessive or an apposition.
_PIECES = [
    *(" ", " ", ". ", ", ", "\n\n", "“", "” "),
    *("Jane Roe", "Roe", "Roe’s", "Mr. Roe", "Dr Lund", "J. R. Lund", "Anna", "Pavel"),
    *("President Marlow", "former President Marlow", "St. Louis Park", "Harrow Vale"),
    *("said", "says", "told", "in", "at", "the", "lawyer", "his father", "a resident"),
    *("But", "The", "When", "Mrs", "Monday", "Ltd", "GmbH", "& Sons", "34", "who"),
]
texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join)
_VOCAB = frozenset({"said", "says", "told", "in", "at", "the", "lawyer", "resident", "roe"})


def _classified(text: str, memo_cap: int) -> list[runs.NameRun]:
    memo: runs.Memo = {}
    with mock.patch.object(runs, "_MEMO_CAP", memo_cap):
        out: list[runs.NameRun] = []
        start = 0
        for para in text.split("\n\n"):
            out += runs.find_runs(text, start, start + len(para), _VOCAB, memo=memo)
            start += len(para) + 2
        assert len(memo) <= memo_cap
        return out


@settings(max_examples=300, deadline=None)
@given(texts)
@example("Jane Roe said. Roe said, “Jane Roe” in Jane Roe.\n\nformer President Marlow said")
@example("at Harrow Vale, a resident. The Harrow Vale said Mr. Roe’s lawyer Jane Roe")
def test_shared_shapes_change_no_run(text: str) -> None:
    # A memo that keeps nothing classifies every run afresh.
    assert _classified(text, 1 << 15) == _classified(text, 0)


def test_memo_keeps_one_shape_per_way_of_writing_a_run() -> None:
    text = "Jane Roe said so. Then Jane Roe left, and Jane Roe wrote. " * 50
    memo: runs.Memo = {}
    found = runs.find_runs(text, 0, len(text), _VOCAB, memo=memo)
    assert [r.text for r in found].count("Jane Roe") == 150
    # Opening a sentence or not is part of the key: "Then Jane Roe" vs "Jane Roe" after ", and".
    assert len(memo) <= 4
