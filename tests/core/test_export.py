"""The JSON contract and the Markdown export."""

from __future__ import annotations

import json

from readerui.core.export import to_dict, to_json, to_markdown
from readerui.core.models import Analysis, Article, Person, Quote


def _article() -> tuple[Article, Analysis]:
    article = Article.from_blocks(
        "story.txt",
        "Ferry *returns*",
        [
            ("By Ines Calder", "byline"),
            ("The ferry returned on Monday, the skipper Aldo Brenn said.", "body"),
            ("Timetable", "heading"),
            ("“We are back,” Brenn said.", "body"),
        ],
        byline="By Ines Calder",
    )
    start = article.text.index("We are back")
    quote = Quote("We are back", start, start + len("We are back"), "Aldo Brenn", None, "said")
    name = article.text.index("Aldo Brenn")
    person = Person("Aldo Brenn", ("Brenn",), "skipper", ((name, name + 10),), 1)
    return article, Analysis((person,), (quote,))


def test_json_offsets_index_the_text() -> None:
    article, analysis = _article()
    data = json.loads(to_json(article, analysis))
    assert set(data) >= {
        "source",
        "title",
        "byline",
        "published",
        "text",
        "paragraphs",
        "people",
        "quotes",
    }
    text = data["text"]
    kinds = [p["kind"] for p in data["paragraphs"]]
    assert kinds == ["byline", "body", "heading", "body"]
    assert text[data["paragraphs"][2]["start"] : data["paragraphs"][2]["end"]] == "Timetable"
    quote = data["quotes"][0]
    assert text[quote["start"] : quote["end"]] == quote["text"] == "We are back"
    ((start, end),) = data["people"][0]["mentions"]
    assert text[start:end] == "Aldo Brenn"


def test_without_analysis_people_and_quotes_are_empty_lists() -> None:
    article, _ = _article()
    data = to_dict(article)
    assert data["people"] == []
    assert data["quotes"] == []


def test_markdown_export() -> None:
    article, analysis = _article()
    md = to_markdown(article, analysis)
    assert md.startswith("# Ferry \\*returns\\*\n")
    assert "## Timetable" in md
    assert "*By Ines Calder*" in md
    assert "- **Aldo Brenn**, skipper (1 mention, 1 quote)" in md
    assert "- “We are back” — Aldo Brenn" in md


def test_markdown_export_keeps_article_text_literal() -> None:
    article = Article.from_blocks(
        "x.txt",
        "T",
        [("The *fell* <script>alert(1)</script> [link](http://x)", "body"), ("# not", "body")],
    )
    md = to_markdown(article)
    assert r"The \*fell\* \<script\>alert(1)\</script\> \[link\](http://x)" in md
    assert "\n\\# not\n" in md
