"""The whole-text he/she scan finds exactly the pronouns the plain pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readerui.core.analysis.attribution import _HE_SHE, _HE_SHE_SCAN

texts = st.lists(
    st.sampled_from(["he", "He", "she", "She", "the", "shed", "ash", "é", "_", "3", " ", ".", "’"]),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 5))
def test_scan_finds_what_the_plain_pattern_finds(text: str, pos: int) -> None:
    plain = [(m.start(), m.group(1)) for m in _HE_SHE.finditer(text, pos)]
    assert [(m.start(), m.group()) for m in _HE_SHE_SCAN.finditer(text, pos)] == plain
