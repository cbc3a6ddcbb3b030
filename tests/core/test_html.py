"""HTML to Article."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerui.core.errors import LoadError
from readerui.core.html import parse_html
from readerui.samples import sample_path

DATA = Path(__file__).parent.parent / "data"


def test_article_page_structure() -> None:
    article = parse_html((DATA / "article.html").read_text(encoding="utf-8"), "article.html")
    assert article.title == "Orchard festival returns to Velmont after six years"
    assert article.byline == "By Rafe Dunmore, Velmont Gazette"
    assert article.site == "Velmont Gazette"
    assert article.published is not None
    assert article.published.startswith("2026-09-03")
    got = [(p.kind, article.paragraph_text(p)) for p in article.paragraphs]
    assert got[0] == ("byline", "By Rafe Dunmore, Velmont Gazette")
    assert (
        "caption",
        "Pickers load crates at the Hollin orchard on Friday. (Photo: Sanne Vik/Velmont Gazette)",
    ) in got
    assert ("heading", "A smaller square") in got
    assert ("blockquote", "“Apples are the one thing this valley has always done well.”") in got
    assert ("list", "Saturday: market and pressing demonstrations") in got
    assert got[-1][1].startswith("Tickets for the lunch sold out")
    for chrome in ("Home", "Sport", "Follow us", "© 2026"):
        assert chrome not in article.text
    # The headline is the title, not a paragraph.
    assert article.title not in article.text


def test_lighthouse_sample() -> None:
    article = parse_html(sample_path("lighthouse").read_text(encoding="utf-8"), "lighthouse")
    assert article.title == "Keepers’ cottage at Skerry Head reopens as the lighthouse turns 150"
    assert article.byline == "By Owen Brisk, Coastline Press"
    assert article.site == "The Coastline Press"
    kinds = [p.kind for p in article.paragraphs]
    assert kinds[:3] == ["byline", "caption", "body"]
    assert "blockquote" in kinds
    assert "heading" in kinds
    for chrome in ("Share", "Subscribe", "Related stories", "cookies", "Advertisement"):
        assert chrome not in article.text
    assert 600 <= article.word_count <= 900


def test_tiny_page_uses_fallback() -> None:
    article = parse_html("<html><body><p>Just one line.</p></body></html>", "tiny.html")
    assert article.text == "Just one line."


def test_broken_html_does_not_crash() -> None:
    html = (
        "<html><head><title>Half a page</title><body><div><p>Unclosed <b>bold <p>second &amp; <i>"
    )
    article = parse_html(html, "broken.html")
    assert "Unclosed bold" in article.text
    assert "second &" in article.text


def test_escape_codes_in_html_are_removed() -> None:
    article = parse_html("<p>safe \x1b[2J\x1b]0;pwned\x07text [red]x[/red]</p>", "e.html")
    assert article.text == "safe text [red]x[/red]"


def test_page_without_text_is_an_error() -> None:
    with pytest.raises(LoadError, match="no readable text"):
        parse_html("<html><body><script>var a = 1;</script></body></html>", "empty.html")
