"""The JSON contract and the Markdown export."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readerui.core.export import _IndentedJson, to_dict, to_json, to_markdown, write_json
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


# Everything to_dict makes: str-keyed dicts, lists, strings (any characters, including
# controls, quotes, backslashes and long ones), ints, booleans and None.
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(),
    st.text(min_size=1, max_size=4).map(lambda s: s * 20_000),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_values, st.sampled_from([0, 1, 2, 4]))
def test_streamed_json_is_what_json_dumps_writes(value: object, indent: int) -> None:
    out = io.StringIO()
    _IndentedJson(out, indent).write(value)
    assert out.getvalue() == json.dumps(value, ensure_ascii=False, indent=indent)


def test_write_json_is_to_json_and_a_newline() -> None:
    article, analysis = _article()
    for indent in (None, 2):
        out = io.StringIO()
        write_json(article, analysis, out, indent=indent)
        assert out.getvalue() == to_json(article, analysis, indent=indent) + "\n"
