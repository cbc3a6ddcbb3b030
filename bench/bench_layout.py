"""Benchmark: loading, pagination and search on big texts.

    .venv/bin/python bench/bench_layout.py

Uses the public-domain books in ../shared/eval/books when they are there, and a generated
1 MB article in any case.  Prints the best of a few runs for each step.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from readerui.core.layout import paginate
from readerui.core.loading import load_path
from readerui.core.models import Article
from readerui.core.search import find_all

BOOKS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "books"


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """Fastest wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench(name: str, load: Callable[[], Article]) -> None:
    """Time each step on one text."""
    load_s = best_of(3, load)
    article = load()
    size = len(article.text)
    print(f"{name}: {size / 1e6:.2f} M chars, {article.word_count:,} words")
    print(f"  load+extract            {load_s * 1000:8.1f} ms")
    for width, height in ((80, 40), (40, 20), (200, 60)):
        layout = paginate(article, width, height)
        took = best_of(3, lambda w=width, h=height: paginate(article, w, h))
        print(
            f"  paginate {width:>3}x{height:<3}       {took * 1000:8.1f} ms  ({len(layout)} pages)"
        )
    took = best_of(3, lambda: find_all(article.text, "the same"))
    print(f"  search 'the same'       {took * 1000:8.1f} ms")


def synthetic() -> Article:
    """A generated article of about 1 MB."""
    paragraph = (
        "The harbour commissioner said the wall would be finished before the winter storms, "
        "and the council agreed to pay for it out of the reserve fund. "
    ) * 4
    return Article.from_blocks("synthetic", "Synthetic", [(paragraph, "body")] * 1800)


def main() -> None:
    """Run every benchmark that has its data."""
    bench("synthetic", synthetic)
    if not BOOKS.is_dir():
        print(f"(skipping the books: {BOOKS} not found)")
        return
    for book in sorted(BOOKS.glob("*.txt")):
        bench(book.name, lambda b=book: load_path(b))


if __name__ == "__main__":
    main()
