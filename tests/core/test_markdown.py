"""Markdown to Article."""

from __future__ import annotations

from pathlib import Path

from readerui.core.markdown import parse_markdown

DATA = Path(__file__).parent.parent / "data"


def test_markdown_structure() -> None:
    article = parse_markdown((DATA / "notes.md").read_text(encoding="utf-8"), "notes.md")
    # The H1 wins over the front-matter title.
    assert article.title == "Tide tables, explained"
    assert article.byline == "By Ida Marr"
    assert article.published == "2026-03-01"
    got = [(p.kind, article.paragraph_text(p)) for p in article.paragraphs]
    assert got == [
        ("byline", "By Ida Marr"),
        ("body", "Spring tides come twice a month, not in spring. See the almanac for dates."),
        ("caption", "A chart of the harbour at low water"),
        ("heading", "How high is high?"),
        ("blockquote", "The sea keeps its own calendar. It does not ask ours."),
        ("list", "Neap tides are the smallest."),
        ("list", "Spring tides are the largest."),
        ("list", "Check the table."),
        ("list", "Check it again."),
        ("body", "Some inline code and bold words, and a raw tag."),
        ("body", "code stays as it is\n  indented"),
    ]
    assert "*" not in article.text
    assert "](" not in article.text
    assert "<span>" not in article.text


def test_front_matter_title_used_without_h1() -> None:
    article = parse_markdown("---\ntitle: Only here\n---\n\nBody text.\n", "x.md")
    assert article.title == "Only here"
    assert article.text == "Body text."


def test_second_h1_is_a_heading() -> None:
    article = parse_markdown("# One\n\ntext\n\n# Two\n\nmore", "x.md")
    assert article.title == "One"
    assert [p.kind for p in article.paragraphs] == ["body", "heading", "body"]


def test_front_matter_fields_and_author_list() -> None:
    text = (
        "---\n"
        "title: 'Harbour: a history'\n"
        "authors:\n"
        "  - Ida Marr\n"
        "  - Tom Quill\n"
        "date: 2026-04-02\n"
        "tags: [sea, tides]\n"
        "---\n\n"
        "The quay was built in a single summer.\n"
    )
    article = parse_markdown(text, "x.md")
    assert article.title == "Harbour: a history"
    assert article.byline == "By Ida Marr and Tom Quill"
    assert article.published == "2026-04-02"
    assert article.text == "The quay was built in a single summer."


def test_front_matter_inline_list_and_no_front_matter_later() -> None:
    article = parse_markdown("---\nauthor: [Ana Ruiz, Li Wen, Bo Day]\n---\n\nText.\n", "x.md")
    assert article.byline == "By Ana Ruiz, Li Wen and Bo Day"
    # A rule-delimited block further down is not front matter: its lines stay text.
    later = parse_markdown("Opening line.\n\n---\n\ntitle: not metadata\n", "y.md")
    assert later.title == ""
    assert "title: not metadata" in later.text


def test_contributor_line_is_a_byline() -> None:
    article = parse_markdown(
        "# Wall\n\nThe board voted.\n\n*Bo Day contributed to this report.*\n", "w.md"
    )
    assert [p.kind for p in article.paragraphs] == ["body", "byline"]
