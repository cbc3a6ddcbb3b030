"""A large article is analysed completely (speed itself is measured in bench/)."""

from __future__ import annotations

from readerui.core.analysis import analyze
from readerui.core.models import Article


def test_large_article_is_analysed_completely() -> None:
    para = (
        "Deputy Mayor Ada Varga spoke to reporters on Monday in Port Elden. "
        "“We will build the bridge before winter,” Varga said. “It is a matter of trust.” "
        "Critics of Mr Varga (Photo/Lars Pihl/Wire) called the plan “a fantasy”, and one "
        "official told the Gazette that “costs have doubled since spring.” He said (NO) more."
    )
    article = Article.from_blocks("big", "", [(para, "body")] * 1200)  # ~400 kB
    result = analyze(article)
    assert len(result.quotes) == 4 * 1200
    assert result.people[0].name == "Ada Varga"
    assert all(article.text[q.start : q.end] == q.text for q in result.quotes)
