"""Cheap tests that spare a regex must never say no where the regex says yes."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from readerui.core import blocks
from readerui.core.analysis import attribution, focus, people, runs

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


# What comes before a name: the endings the run classification tests before its patterns.
_BEFORE_PIECES = [
    *" \n\t.!?:;,”\"’')]-é",
    *("said", "SAID", "ſaid", "says", "asked", "according", "to", "TO", "in", "IN", "at"),
    *("near", "within", "inside", "throughout", "of", "from", "the", "The", "bathe", "Kelvin"),
    *("K", "x", "recalled", "quipped", "wrote"),
]
befores = st.lists(st.sampled_from(_BEFORE_PIECES), max_size=20).map("".join)


@settings(max_examples=600, deadline=None)
@given(befores)
@example("according  to ")
@example("she SAID ")
@example("in\n")
def test_run_context_endings_never_hide_a_match(before: str) -> None:
    tail = before.rstrip()
    if tail[-1:] not in runs._SENTENCE_END_LAST:
        assert runs._SENTENCE_END.search(before) is None
    if not tail.endswith(runs._SPEECH_VERB_ENDINGS):
        assert runs._SPEECH_VERB_BEFORE.search(before) is None
    if not runs._speech_word_last(tail):
        assert runs._SPEECH_BEFORE.search(before) is None
    if not tail.endswith(runs._PLACEY_WORDS):
        assert runs._PLACEY_BEFORE.search(before) is None
    if not tail.endswith("the"):
        assert runs._THE_BEFORE.search(before) is None
    assert runs._locative_before(before) == (runs._LOCATIVE_BEFORE.search(before) is not None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*", \n\t.x", "GmbH", "Inc", "S.A.", "plc", "Ltd", "Co"]), max_size=8)
)
def test_legal_suffix_letter_test_never_hides_one(pieces: list[str]) -> None:
    after = "".join(pieces)
    if not (after[1:2] in runs._LEGAL_FIRST or after[2:3] in runs._LEGAL_FIRST):
        assert runs._LEGAL_SUFFIX.match(after) is None


_SENTENCE_PIECES = [*" .!?A", "Mr", "Mrs", "U.S", "etc", "Sept", "ox", "lo", "é"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=12).map("".join),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_abbreviation_test_agrees_with_its_pattern(text: str, lo: int, end: int) -> None:
    lo, end = min(lo, len(text)), min(max(lo, end), len(text))
    if end - lo < 1:
        return
    expected = attribution._ABBREV_END.search(text[lo:end]) is not None
    assert attribution._abbreviation_ends(text, lo, end) == expected


_MENTION_BEFORE_PIECES = [
    *(" ", "  ", "\n", ". ", "” ", '"', ", ", "’", "-"),
    *("of", "to", "told", "but", "and", "when", "he", "the", "friend", "asked", "about"),
    *("Mr.", "Ana", "Roe", "St.", "his", "rival", "O’Neil", "x-ray", "said", "In"),
]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_MENTION_BEFORE_PIECES), max_size=24).map("".join))
@example("but Ana  Roe  ")
@example("but Ana Roe the x ")
@example("\nAna Roe the x ")
@example('said." Ana ')
def test_searches_from_the_last_words_find_what_whole_searches_find(before: str) -> None:
    tail = focus._tail_start(before, focus._PATTERN_WORDS)
    for pattern in (focus._PREPOSITION_BEFORE, focus._PREPOSITION_PHRASE, focus._SUBJECT_BEFORE):
        assert (pattern.search(before, tail) is None) == (pattern.search(before) is None)
    whole = focus._LAST_WORD.search(before)
    last = focus._LAST_WORD.search(before, focus._tail_start(before, 1))
    assert (whole and whole.span()) == (last and last.span())


_BIRTH_PIECES = [*(" ", "\n", ",", "x"), "was", "WAS", "born", "Born", "née", "nee", "as", "he"]
_BIRTH_PIECES += ["is", "called", "CALLED", "nicknamed", "known", "him", "her", "HER", "İ", "ſ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BIRTH_PIECES), max_size=12).map("".join))
@example("Day was born ")
@example("she was called ")
def test_birth_name_endings_never_hide_a_match(before: str) -> None:
    end = len(before)
    if not people._may_follow(before, end, 20, people._BORN_ENDINGS):
        assert people._BORN_AS.search(before, max(0, end - 20), end) is None
    if not people._may_follow(before, end, 30, people._CALLED_ENDINGS):
        assert people._CALLED_AS.search(before, max(0, end - 30), end) is None
