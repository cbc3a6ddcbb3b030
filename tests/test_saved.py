"""Saving an article as Markdown: readerui reopens the file with the same title and text."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerui.core.loading import load_path
from readerui.core.models import Article
from readerui.data.saved import save_article, suggested_name, to_saved_markdown

TRICKY = Article.from_blocks(
    "https://news.test/a?b=1&c=2",
    'The *Star* & the "Garter": 3 [odd] <tags> #1',
    [
        ("By Odile Brandvold", "byline"),
        ("1. Not a list, just a number and a dot; 2) nor this.", "body"),
        ("What the # and the _underscores_ and `ticks` do", "heading"),
        ("“We will see,” said Maren Kask — **not** bold, 5 * 3 = 15, a\\b path.", "body"),
        ("A quoted block of text > with an arrow", "blockquote"),
        ("- a dash that starts a line, + a plus, ~ a tilde, | a bar", "body"),
        ("first of a list", "list"),
        ("second of a list", "list"),
        ("---", "body"),
        ("&amp; is not an entity here; neither is &copy;", "body"),
    ],
    byline="By Odile Brandvold",
    published="2026-04-02",
    site="The Test Courier",
)


def test_a_saved_article_reopens_with_the_same_title_and_text(tmp_path: Path) -> None:
    path = save_article(TRICKY, tmp_path / suggested_name(TRICKY))
    again = load_path(str(path))
    assert again.title == TRICKY.title
    assert again.text == TRICKY.text
    assert [p.kind for p in again.paragraphs][2:4] == ["heading", "body"]
    assert again.site == TRICKY.site
    assert again.published == TRICKY.published
    assert again.byline == TRICKY.byline


def test_the_header_holds_the_metadata() -> None:
    markdown = to_saved_markdown(TRICKY)
    header = markdown.split("---\n", 2)[1]
    assert 'source: "https://news.test/a?b=1&c=2"' in header
    assert 'author: "Odile Brandvold"' in header
    assert suggested_name(TRICKY) == "the-star-the-garter-3-odd-tags-1.md"


@pytest.mark.parametrize("name", ["harbour", "lighthouse"])
def test_the_samples_survive_the_round_trip(tmp_path: Path, name: str) -> None:
    from readerui.samples import sample_path

    article = load_path(str(sample_path(name)))
    again = load_path(str(save_article(article, tmp_path / "saved.md")))
    assert (again.title, again.text) == (article.title, article.text)
