"""A guard against quadratic behaviour: a few hundred kilobytes must stay quick."""

from __future__ import annotations

import time

from readerui.core.analysis import analyze
from readerui.core.models import Article


def test_large_article_is_fast() -> None:
    para = (
        "Deputy Mayor Ada Varga spoke to reporters on Monday in Port Elden. "
        "“We will build the bridge before winter,” Varga said. “It is a matter of trust.” "
        "Critics of Mr Varga (Photo/Lars Pihl/Wire) called the plan “a fantasy”, and one "
        "official told the Gazette that “costs have doubled since spring.” He said (NO) more."
    )
    article = Article.from_blocks("big", "", [(para, "body")] * 1200)  # ~400 kB
    t0 = time.perf_counter()
    result = analyze(article)
    elapsed = time.perf_counter() - t0
    assert len(result.quotes) == 4 * 1200
    assert result.people[0].name == "Ada Varga"
    assert elapsed < 3.0, f"{elapsed:.2f}s for {len(article.text)} chars"
