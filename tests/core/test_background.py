"""The analysis in a child process: same answer, early partial results, cancel kills it."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from readerui.core.analysis import analyze
from readerui.core.background import (
    PARTIAL_CHARS,
    AnalysisFailed,
    analyze_in_child,
    opening_part,
    pack_analysis,
    pack_article,
    unpack_analysis,
    unpack_article,
)
from readerui.core.loading import load_path
from readerui.core.models import Analysis, Article, Paragraph, Person, Quote
from readerui.samples import sample_path


def children() -> list[int]:
    """Our own analysis child processes still alive (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("PPid"))
        if ppid == os.getpid() and b"readerui.core.background" in cmdline:
            found.append(int(entry.name))
    return found


def long_article(chars: int) -> Article:
    base = load_path(sample_path("harbour"))
    blocks = [(base.paragraph_text(p), p.kind) for p in base.paragraphs]
    out = []
    while sum(len(text) + 2 for text, _ in out) < chars:
        out.extend(blocks)
    return Article.from_blocks("long.txt", base.title, out)


def test_what_crosses_the_pipe_comes_back_whole() -> None:
    """Articles and analyses cross as tuples and arrays (fast to pickle): every field of
    every object comes back, whatever its value."""
    article = Article(
        source="https://news.test/ferry",
        title="The ferry",
        text="By Ines Caldera\n\n“We waited,” said Ada Quist.",
        paragraphs=(Paragraph(0, 15, "byline"), Paragraph(17, 45)),
        byline="By Ines Caldera",
        published="2026-11-30",
        site="News Test",
    )
    assert unpack_article(pack_article(article)) == article
    analysis = Analysis(
        people=(
            Person("Ada Quist", ("Quist",), "captain", ((38, 47),), 1, "subject"),
            Person("Ines Caldera", (), None, ((3, 15),), 0, "byline"),
        ),
        quotes=(Quote("We waited,", 18, 28, "Ada Quist", None, "said", False, "said-after"),),
    )
    assert unpack_analysis(pack_analysis(analysis)) == analysis
    assert unpack_analysis(pack_analysis(Analysis())) == Analysis()


def test_the_child_gives_the_same_analysis_as_in_process() -> None:
    article = load_path(sample_path("harbour"))
    progress: list[float] = []
    result = analyze_in_child(article, on_progress=progress.append)
    assert result == analyze(article)
    assert progress[:1] == [0.0]
    assert not children()


def test_a_long_text_sends_its_opening_part_first() -> None:
    article = long_article(PARTIAL_CHARS * 2 + 10_000)
    partials: list[Analysis] = []
    result = analyze_in_child(article, on_partial=partials.append)
    assert result is not None
    assert len(partials) == 1
    assert partials[0] == analyze(opening_part(article))
    assert len(partials[0].quotes) < len(result.quotes)


def test_the_opening_part_is_a_prefix_of_the_text() -> None:
    article = long_article(50_000)
    part = opening_part(article, 10_000)
    assert article.text.startswith(part.text)
    assert part.paragraphs == article.paragraphs[: len(part.paragraphs)]
    assert len(part.text) <= 10_000


def test_cancel_kills_the_child_at_once() -> None:
    article = long_article(3_000_000)
    cancel = threading.Event()
    started = threading.Event()

    def progress(_: float) -> None:
        started.set()
        cancel.set()

    result = analyze_in_child(article, cancel, on_progress=progress)
    assert started.is_set()
    assert result is None
    assert not children()


def test_a_child_that_cannot_run_is_one_clear_error(tmp_path: Path) -> None:
    article = load_path(sample_path("harbour"))
    with pytest.raises(AnalysisFailed) as excinfo:
        analyze_in_child(article, executable="/bin/false")
    assert "\n" not in str(excinfo.value)
    assert not children()
