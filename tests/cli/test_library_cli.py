"""``readerui quotes`` and ``readerui people``: who said what across the library."""

from __future__ import annotations

import json

from tests.cli.test_cli import run

from readerui.core.analysis import analyze
from readerui.core.models import Article
from readerui.data.copies import keep_copy
from readerui.data.library import Library

FIRST = Article.from_blocks(
    "/news/ferry.txt",
    "Ferry Service Returns to the Varne",
    [
        (
            "“The crossing is safe again,” said Odile Brandvold, the harbour master. "
            "“We checked every cable twice.”",
            "body",
        ),
        (
            "Councillor Ivo Pask was less sure. “I will believe it when I ride it,” Pask said.",
            "body",
        ),
    ],
)
SECOND = Article.from_blocks(
    "https://news.test/bridge",
    "Bridge Repairs Finish Early",
    [
        (
            "“We finished three weeks early, which never happens,” said Odile Brandvold, "
            "who also oversees the bridge.",
            "body",
        ),
        ("Brandvold said the budget held.", "body"),
    ],
)


def shelve() -> None:
    library = Library()
    for article in (FIRST, SECOND):
        keep_copy(library, article, analyze(article))
    library.close()


def test_people_are_merged_across_articles() -> None:
    shelve()
    result = run("people", "--json")
    assert result.returncode == 0, result.stderr
    people = {p["name"]: p for p in json.loads(result.stdout)}
    odile = people["Odile Brandvold"]
    assert {a["title"] for a in odile["articles"]} == {FIRST.title, SECOND.title}
    assert odile["quotes"] == 3
    assert "Ivo Pask" in people
    text = run("people").stdout.decode()
    assert text.splitlines()[0].startswith("Odile Brandvold")


def test_quotes_by_text_and_by_person() -> None:
    shelve()
    result = run("quotes", "--person", "Brandvold", "--json")
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)
    assert len(quotes) == 3
    assert {q["article"]["title"] for q in quotes} == {FIRST.title, SECOND.title}
    for q in quotes:
        text = SECOND.text if q["article"]["key"] == SECOND.source else FIRST.text
        assert text[q["start"] :].startswith(q["text"])
    found = run("quotes", "weeks early").stdout.decode().splitlines()
    assert found == [
        "“We finished three weeks early, which never happens” — Odile Brandvold · "
        "Bridge Repairs Finish Early"
    ]
    assert run("quotes", "nothing like this").stdout == b""


def test_an_empty_library_lists_nothing() -> None:
    assert run("people").stdout == b""
    assert json.loads(run("quotes", "--json").stdout) == []
