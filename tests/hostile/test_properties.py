"""Properties over random input: loaders only raise our own errors, output is always inert,
and cleaning never removes real text."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readerui.core.errors import LoadError
from readerui.core.loading import load_bytes
from readerui.core.normalize import clean_inline, normalize_text
from readerui.core.sanitize import display_name, redact_url

ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
REORDERING = re.compile("[\u2028\u2029\u202a-\u202e\u2066-\u2069]")
CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

# Printable text: letters, digits, punctuation, spaces and a few non-ASCII letters and marks.
WORDS = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "P", "S", "Zs"),
        exclude_characters="\u00a0\u2028\u2029",
    ),
    max_size=200,
)
# Control characters that are not terminators of an escape sequence and do not start a
# two-byte escape: any text lost next to them would be text lost by mistake.
NOISE = st.sampled_from(
    [chr(c) for c in range(0x20) if c not in (0x07, 0x0A, 0x1B)]
    + [chr(c) for c in range(0x7F, 0xA0) if c not in (0x9B, 0x9C)]
)

quick = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


def visible(text: str) -> str:
    return "".join(text.split())


@quick
@given(st.binary(max_size=4096), st.sampled_from(["a.txt", "a.html", "a.md", "a", "-"]))
def test_random_bytes_give_an_article_or_one_of_our_errors(data: bytes, name: str) -> None:
    try:
        article = load_bytes(data, name)
    except LoadError as exc:
        message = str(exc)
        assert message
        assert not ANY_CONTROL.search(message)
        return
    assert not CONTROL_BUT_NEWLINE.search(article.text)
    assert not ANY_CONTROL.search(article.title or "")
    for paragraph in article.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(article.text)


@quick
@given(st.text(max_size=400))
def test_display_name_is_inert_and_keeps_every_other_character(text: str) -> None:
    shown = display_name(text, limit=10_000)
    assert not ANY_CONTROL.search(shown)
    # Controls and the characters that reorder text on screen are shown as escapes.
    kept = [ch for ch in text if not ANY_CONTROL.match(ch) and not REORDERING.match(ch)]
    # Every character that is not a control is still there, in order.
    position = 0
    for ch in kept:
        position = shown.index(ch, position) + 1
    assert display_name(shown, limit=10_000) == shown  # idempotent


@quick
@given(st.text(max_size=5000))
def test_display_name_stays_within_its_limit(text: str) -> None:
    assert len(display_name(text, limit=100)) <= 100 * 6  # each kept char escapes to ≤ 6


@quick
@given(st.lists(st.tuples(WORDS, NOISE), max_size=20), WORDS)
def test_stray_controls_never_remove_the_text_around_them(
    pieces: list[tuple[str, str]], tail: str
) -> None:
    text = "".join(words + noise for words, noise in pieces) + tail
    expected = visible("".join(words for words, _ in pieces) + tail)
    # Compare with NFC applied to the expected side too: normalisation may compose marks.
    assert visible(normalize_text(text)) == visible(unicodedata.normalize("NFC", expected))
    assert visible(clean_inline(text)) == visible(unicodedata.normalize("NFC", expected))


@quick
@given(st.text(max_size=2000))
def test_normalized_text_is_inert(text: str) -> None:
    assert not CONTROL_BUT_NEWLINE.search(normalize_text(text))
    assert not ANY_CONTROL.search(clean_inline(text))


@quick
@given(
    st.from_regex(r"[a-z]{1,8}:[A-Za-z0-9!$&'()*+,;=._~-]{1,12}", fullmatch=True),
    st.from_regex(r"/[a-z0-9/]{0,20}", fullmatch=True),
)
def test_redacted_urls_keep_no_credentials(userinfo: str, path: str) -> None:
    url = f"https://{userinfo}@news.example.org{path}"
    assert redact_url(url) == f"https://news.example.org{path}"
