"""Compare titles and bylines with the news pages' expected ones (a development tool).

    .venv/bin/python scripts/news_metadata.py [DIR] [--differing]

``DIR`` is the news-pages folder (default ``../shared/eval/news-pages``; see its README.txt).
Each page is loaded the way the app loads a file (:func:`readerui.core.loading.load_path`) and
its title and byline are compared with what the three tools' test data give:

- ``readability/<name>/expected-metadata.json``: ``title`` and ``byline``;
- ``newspaper4k/metadata/<name>.json``: ``title`` and the ``authors`` list;
- ``trafilatura/annotations.json``: ``title`` and ``author`` of each page's entry.

Prints one block per page (expected and ours, ``=`` or ``≠`` for each field) and the totals.
A folder that is not there is skipped with a note (the pages live outside the repository).

What "equal" means:

- Text is compared after Unicode NFKC, case folding, curly quotes and dashes made plain, and
  runs of whitespace made one space.
- Titles are equal when the normalised strings are; "contained" (one inside the other) is
  counted separately and is not equal.
- Bylines are compared as sets of names: a leading "By" goes, the line is split at newlines,
  commas, semicolons, "&" and "and", and parts holding a digit (a date or time run into the
  byline) are left out. Nothing else is dropped from either side, so a degree or a desk name
  in the expected byline ("Jane Doe, MA") counts against us. Both empty is equal.
- newspaper4k's author lists hold extra names from related-story links, so a byline is equal
  there when all our names are in the list (and both are empty when the list is).
- A field the test data do not give at all (``null`` in trafilatura's annotations, where the
  page was not annotated) counts as equal and is shown as "not given"; an empty author there,
  or readability's ``null`` byline, means "no byline" and is compared.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readerui.core.errors import LoadError
from readerui.core.loading import load_path

__all__ = [
    "Expected",
    "byline_equal",
    "byline_names",
    "main",
    "norm",
    "pages",
    "title_match",
    "without_affiliation",
]

_DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "news-pages"
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPLIT = re.compile(r"\s*(?:\n|,|;|&|\band\b)\s*", re.IGNORECASE)


@dataclass
class Expected:
    """One page and what one tool's test data expect of it."""

    name: str
    tool: str
    path: Path
    title: str | None
    """None when the test data do not give a title."""
    byline: list[str] | None
    """The expected names (already split); None when not given, [] for "no byline"."""
    subset: bool = False
    """True when our names need only be a subset of ``byline`` (newspaper4k)."""


def norm(text: str) -> str:
    """Text for comparison: NFKC, case-folded, plain quotes and dashes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_PLAIN).casefold()
    return re.sub(r"\s+", " ", text).strip()


def byline_names(byline: str | None) -> list[str]:
    """A byline as normalised name parts: "By Jane Doe and John Roe" -> both names."""
    if not byline:
        return []
    text = unicodedata.normalize("NFKC", byline).translate(_PLAIN)
    text = re.sub(r"^\s*by\b\s*:?", "", text, flags=re.IGNORECASE)
    parts = (norm(part).strip(" .:-") for part in _SPLIT.split(text))
    return sorted({part for part in parts if part and not re.search(r"\d", part)})


def without_affiliation(names: list[str], site: str | None) -> list[str]:
    """``names`` without the page's site name when people are named beside it: it is their
    affiliation ("By Jane Doe, CNN"), not one more name."""
    if not site:
        return names
    site_key = norm(site)
    variants = {site_key, site_key.removeprefix("the "), re.sub(r"\.\w+$", "", site_key)}
    rest = [name for name in names if name not in variants]
    return rest or names


def title_match(expected: str | None, ours: str) -> str:
    """``"equal"``, ``"contained"`` (one inside the other) or ``"different"``."""
    if expected is None or norm(expected) == norm(ours):
        return "equal"
    a, b = norm(expected), norm(ours)
    return "contained" if a and b and (a in b or b in a) else "different"


def byline_equal(expected: Expected, ours: list[str], site: str | None = None) -> bool:
    """Whether our byline names are the expected ones (see the module docstring); ``site``
    is the page's site name, an affiliation beside people's names on either side."""
    if expected.byline is None:
        return True
    wanted = set(without_affiliation(expected.byline, site))
    ours = without_affiliation(ours, site)
    if expected.subset and wanted:
        return bool(ours) and set(ours) <= wanted
    return set(ours) == wanted


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def pages(root: Path) -> Iterator[Expected]:
    """Every page of the three tools' folders under ``root`` that has its expected data."""
    readability = root / "readability"
    if readability.is_dir():
        for folder in sorted(p for p in readability.iterdir() if p.is_dir()):
            meta_path, source = folder / "expected-metadata.json", folder / "source.html"
            if meta_path.is_file() and source.is_file():
                meta = _read_json(meta_path)
                yield Expected(
                    folder.name,
                    "readability",
                    source,
                    meta.get("title"),
                    byline_names(meta.get("byline")),
                )
    newspaper = root / "newspaper4k"
    if (newspaper / "metadata").is_dir():
        for meta_path in sorted((newspaper / "metadata").glob("*.json")):
            source = newspaper / "html" / f"{meta_path.stem}.html"
            if source.is_file():
                meta = _read_json(meta_path)
                authors = meta.get("authors") or []
                names = sorted({n for a in authors for n in byline_names(str(a))})
                yield Expected(
                    meta_path.stem, "newspaper4k", source, meta.get("title"), names, subset=True
                )
    annotations = root / "trafilatura" / "annotations.json"
    if annotations.is_file():
        for entry in sorted(_read_json(annotations).values(), key=lambda e: str(e.get("file"))):
            source = root / "trafilatura" / "html" / str(entry.get("file"))
            if source.is_file():
                author = entry.get("author")
                yield Expected(
                    source.stem,
                    "trafilatura",
                    source,
                    entry.get("title"),
                    None if author is None else byline_names(author),
                )


def _show(value: str | list[str] | None) -> str:
    if value is None:
        return "(not given)"
    if isinstance(value, list):
        return " | ".join(value) if value else "(none)"
    return value or "(none)"


def main(argv: list[str] | None = None) -> int:
    """Run the comparison; prints per page and totals. Returns 0 (1 when a page fails)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=_DEFAULT_DIR)
    parser.add_argument("--differing", action="store_true", help="print only differing pages")
    args = parser.parse_args(argv)
    root: Path = args.root
    if not root.is_dir():
        print(f"skipped: {root} is not there (the news pages live outside the repository)")
        return 0
    counts = {"pages": 0, "title": 0, "contained": 0, "byline": 0, "both": 0}
    failed = 0
    for page in pages(root):
        counts["pages"] += 1
        try:
            article = load_path(page.path)
        except LoadError as exc:
            print(f"{page.name} ({page.tool}): {exc}")
            failed += 1
            continue
        title = title_match(page.title, article.title)
        ours = byline_names(article.byline)
        byline_ok = byline_equal(page, ours, article.site)
        counts["title"] += title == "equal"
        counts["contained"] += title != "different"
        counts["byline"] += byline_ok
        counts["both"] += title == "equal" and byline_ok
        if args.differing and title == "equal" and byline_ok:
            continue
        mark = {"equal": "=", "contained": "⊂", "different": "≠"}[title]
        print(f"{page.name} ({page.tool})")
        print(f"  title  {mark} expected: {_show(page.title)}")
        print(f"           ours:     {_show(article.title)}")
        print(f"  byline {'=' if byline_ok else '≠'} expected: {_show(page.byline)}")
        print(f"           ours:     {_show(ours)}   [{_show(article.byline)}]")
    n = counts["pages"]
    print(
        f"pages={n} titles={counts['title']}/{n} (one contains the other: {counts['contained']})"
        f" bylines={counts['byline']}/{n} both={counts['both']}/{n} failed={failed}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
