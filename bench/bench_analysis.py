"""Time the analysis engine on about 1 MB of text.

    .venv/bin/python bench/bench_analysis.py [--mb 1.0]

Uses the Project Gutenberg books in ``../shared/eval/books`` when present (read, never copied),
else generates news-like text with invented names, quotes and attributions.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from readerui.core.analysis import analyze
from readerui.core.models import Article

BOOKS = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "books"

_FIRST = ["Ada", "Bruno", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
_LAST = ["Varga", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Quispe", "Brandt", "Szabo"]


def synthetic(size: int, seed: int = 7) -> str:
    """News-like paragraphs with people, roles, quotes and pronouns, about ``size`` chars."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        para = (
            f"Deputy Mayor {first} {last} spoke to reporters on Monday in Port Elden. "
            f"“We will build the bridge before winter, and nobody should doubt it,” {last} said. "
            f"“It is a matter of trust.” Critics of Mr {last} called the plan “a fantasy”, "
            f"and one official told the Gazette that “costs have doubled since spring.”"
        )
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts)


def main() -> int:
    """Run the benchmark and print characters, seconds and throughput."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0, help="megabytes of text to analyse")
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    books = sorted(BOOKS.glob("*.txt")) if BOOKS.is_dir() else []
    if books:
        text = "".join(p.read_text(encoding="utf-8") for p in books)
        while len(text) < size:
            text += text
        text = text[:size]
        origin = ", ".join(p.name for p in books)
    else:
        text = synthetic(size)
        origin = "synthetic"
    blocks = [(b.strip(), "body") for b in text.split("\n\n")]
    article = Article.from_blocks("bench", "", blocks)  # type: ignore[arg-type]
    analyze(Article.from_blocks("warm", "", [("Mr Ada Varga said “hi.”", "body")]))  # load lexicons
    t0 = time.perf_counter()
    result = analyze(article)
    dt = time.perf_counter() - t0
    print(
        f"{len(article.text):,} chars ({origin}): {dt:.3f} s, "
        f"{len(article.text) / dt / 1e6:.2f} MB/s, "
        f"{len(result.people)} people, {len(result.quotes)} quotes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
