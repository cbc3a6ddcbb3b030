"""Text clean-up: hostile input must come out as plain, inert text."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from readerui.core import normalize
from readerui.core.normalize import clean_inline, normalize_text


def test_ansi_csi_and_osc_sequences_are_removed_whole() -> None:
    text = (
        "\x1b[31mred\x1b[0m and \x1b]8;;http://x.invalid\x07link\x1b]8;;\x07 \x1b]0;title\x1b\\done"
    )
    assert normalize_text(text) == "red and link done"


def test_rich_markup_is_kept_as_literal_text() -> None:
    assert normalize_text("[bold]loud[/] [link=x]y[/link]") == "[bold]loud[/] [link=x]y[/link]"


def test_controls_dropped_but_newlines_kept_and_tabs_become_spaces() -> None:
    assert normalize_text("a\x00b\x07c\td\x7fe\r\nf\rg") == "abc de\nf\ng"


def test_spaces_collapse_and_nbsp_zero_width_bom_go() -> None:
    text = "\ufeffone\u00a0\u00a0two   three\u200bfour\u2060five\u202efx\u00ad"
    assert normalize_text(text) == "one two threefourfivefx"


def test_nfc_composition_and_blank_line_runs() -> None:
    text = "cafe\u0301\n\n\n\n\nnext  \n"
    out = normalize_text(text)
    assert out == "caf\u00e9\n\nnext"
    assert unicodedata.is_normalized("NFC", out)


def test_clean_inline_makes_one_line() -> None:
    assert clean_inline("  a\n b\u2028c\t d  ") == "a b c d"


@given(st.text())
def test_output_never_contains_controls_or_escapes(text: str) -> None:
    out = normalize_text(text)
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in out)
    assert "\x1b" not in out
    assert normalize_text(out) == out  # idempotent


def _reference_tidy(text: str) -> str:
    """The line-by-line definition the whole-text passes must agree with."""
    lines = []
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" \t\u00a0\u2009\u3000"))
        rest = re.sub(r"[^\S\n]+", " ", line[indent:]).rstrip()
        lines.append(" " * indent + rest if rest else "")
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u2009\u3000é"), max_size=200))
def test_spacing_is_tidied_line_by_line(text: str) -> None:
    # Then at most one blank line in a row, none at either end (all done in one pass).
    expected = re.sub(r"\n{3,}", "\n\n", _reference_tidy(text.replace("\t", " "))).strip("\n")
    assert normalize_text(text) == expected


_TRICKY = st.sampled_from(
    ["a", "é", "e\u0301", " ", "  ", "\t", "\u00a0", "\n", "\n\n\n", "\r", "\r\n", "\u2028",
     "\u00ad", "\u200d", "\x1b[31m", "\x1b]0;t\x07", " \n", "  \n  "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_TRICKY, max_size=120).map("".join), st.integers(min_value=1, max_value=40))
@example("ab\r\ncd", 1)  # a cut between the two halves of a CR LF line break
@example("ab  \n\n\n\ncd  ", 2)
def test_a_long_text_cleaned_in_pieces_is_cleaned_as_a_whole(text: str, piece: int) -> None:
    """Books are cleaned a piece at a time (so a thread reading one gives way to page turns):
    the cuts must not show in the result."""
    import readerui.core.normalize as normalize

    whole = normalize_text(text)
    unescaped = normalize.remove_escapes(text)
    saved = normalize._PIECE
    normalize._PIECE = piece
    try:
        assert normalize_text(text) == whole
        assert normalize.remove_escapes(text) == unescaped
    finally:
        normalize._PIECE = saved


def _one_pass_runs(text: str) -> str:
    """The runs of spaces and blank lines rewritten in one pass of one pattern, as written
    before the two faster passes: indentation kept, other runs of spaces one space, at most
    one blank line in a row."""

    def tidy(m: re.Match[str]) -> str:
        run, start = m.group(), m.start()
        if run[0] == " ":
            return run if start == 0 or text[start - 1] == "\n" else " "
        return "\n\n"

    return re.sub(r"  +|\n{3,}", tidy, text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\n", "\n\n\n", "a", "b c", "\t"]), max_size=30))
@example([" ", " ", "\n", "\n", "\n", " ", " ", "a"])
def test_space_and_blank_line_passes_agree_with_one_pass(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert normalize._tidy_runs(text) == _one_pass_runs(text)
