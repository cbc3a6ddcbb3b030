"""Cheap tests that spare a regex must never say no where the regex says yes."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from readerui.core import blocks
from readerui.core.analysis import people, runs

_PIECES = [
    *" ()/.:,é\n",
    "Photo",
    "IMAGE",
    "picture",
    "credit",
    "courtesy",
    "FILE",
    "by",
    "Jane Roe",
    "Reuters",
    "getty images",
    "via",
    "AP",
    "ſhutterstock",
    "İmage",
    "Alamy",
    "the",
    "trawler",
    "Ship",
    "firm",
    "called",
    "named",
    "shop",
    "non-profit",
    "consultancy",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(texts)
@example("(FILE)")
@example("(courtesy of Jane Roe)")
@example("(Jane Roe/Reuters)")
@example("Pictures by Jane Roe")
def test_credit_prefilter_never_hides_a_credit(text: str) -> None:
    if not people._may_hold_credit(text):
        assert people._CREDIT.search(text) is None


@settings(max_examples=500, deadline=None)
@given(texts)
def test_closing_credit_prefilter_never_hides_one(text: str) -> None:
    if not blocks._may_end_in_credit(text):
        assert blocks._CREDIT_END.search(text) is None


@settings(max_examples=500, deadline=None)
@given(texts)
def test_kind_and_vessel_tests_agree_with_their_patterns(text: str) -> None:
    assert runs._kind_before(text) == (runs._KIND_BEFORE.search(text) is not None)
    assert runs._vessel_before(text) == (runs._AFTER_VESSEL.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["By", "by", "ſtory by", "Written by", "Words by", "Story by", "x"]), texts)
def test_byline_first_letter_test_keeps_every_byline(lead: str, rest: str) -> None:
    line = f"{lead} {rest}"
    if blocks._BYLINE.match(line.strip()) is not None:
        assert line.strip()[:1] in blocks._BYLINE_FIRST
