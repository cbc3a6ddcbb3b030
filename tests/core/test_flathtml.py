"""Pages too deep for a tree: the flat tag-stream reader and parse_html's use of it."""

from __future__ import annotations

from readerui.core.flathtml import flat_blocks
from readerui.core.html import parse_html


def _nested(depth: int, inner: str) -> str:
    return "<div>" * depth + inner + "</div>" * depth


def test_flat_blocks_breaks_at_block_elements_and_skips_scripts() -> None:
    html = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body>"
        "<h2>Low tide</h2><p>The boats sat <b>on the mud</b> all day.</p>"
        "<script>var x = '<p>not text</p>';</script>"
        "<ul><li>First item</li><li>Second item</li></ul>"
        "<figure><img src=a.png><figcaption>The quay at dawn</figcaption></figure>"
        "Loose text<br>after a break"
        "</body></html>"
    )
    assert flat_blocks(html) == [
        ("Low tide", "heading"),
        ("The boats sat on the mud all day.", "body"),
        ("First item", "list"),
        ("Second item", "list"),
        ("The quay at dawn", "caption"),
        ("Loose text", "body"),
        ("after a break", "body"),
    ]


def test_ten_thousand_nested_divs_keep_their_text() -> None:
    para = "<p>Far below the surface the keeper wrote one more line in the log.</p>"
    html = (
        "<html><head><title>The deep log</title></head><body>"
        + _nested(10_000, para + _nested(3, "<p>And a second line, deeper still.</p>"))
        + "<p>A closing line outside the nest.</p></body></html>"
    )
    article = parse_html(html, "deep.html")
    assert article.title == "The deep log"
    assert article.text == (
        "Far below the surface the keeper wrote one more line in the log.\n\n"
        "And a second line, deeper still.\n\n"
        "A closing line outside the nest."
    )


def test_deep_bare_text_and_escapes() -> None:
    article = parse_html(_nested(5_000, "Bare words \x1b]0;pwned\x07at the bottom."), "d.html")
    assert article.text == "Bare words at the bottom."
