"""Offline copies: an article and its analysis as JSON for the library, and back.

Written with :func:`readerui.core.export.to_dict` (the ``readerui analyze --json`` document,
so a copy is what scripts see) and read back field by field: a field a newer readerui added
is kept when this version knows it and skipped when it does not, a missing one takes its
default, so copies survive upgrades both ways.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, TypeVar

from readerui.core.export import json_string_pieces, to_dict
from readerui.core.models import Analysis, Article, Paragraph, Person, Quote
from readerui.data.library import Library, article_key, shown_title, text_digest

T = TypeVar("T")

ARTICLE_FIELDS = ("source", "title", "byline", "published", "site", "text", "paragraphs")
"""The keys of the document that make the article (the rest is its analysis)."""


class CopyError(ValueError):
    """A stored copy could not be read back (written by something else, or damaged)."""


def article_json(article: Article) -> str:
    """The article alone, as JSON."""
    document = to_dict(article)
    rest = {key: document[key] for key in ARTICLE_FIELDS if key != "text"}
    # The text goes in last, encoded a piece at a time (see json_string_pieces).
    text = "".join(json_string_pieces(article.text))
    return json.dumps(rest, ensure_ascii=False)[:-1] + ', "text": ' + text + "}"


def analysis_json(article: Article, analysis: Analysis) -> str:
    """The people and quotes of ``article``, as JSON."""
    document = to_dict(article, analysis)
    return json.dumps(
        {"people": document["people"], "quotes": document["quotes"]}, ensure_ascii=False
    )


def _build(cls: type[T], data: Any, **convert: Any) -> T:
    if not isinstance(data, dict):
        raise CopyError(f"expected an object for {cls.__name__}")
    known = {field.name for field in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values = {key: value for key, value in data.items() if key in known}
    for key, to in convert.items():
        if key in values and values[key] is not None:
            values[key] = to(values[key])
    return cls(**values)


def _spans(spans: Any) -> tuple[tuple[int, int], ...]:
    return tuple((int(start), int(end)) for start, end in spans)


def read_article(text: str) -> Article:
    """An article from :func:`article_json`; raises :class:`CopyError` when damaged."""
    try:
        data = json.loads(text)
        paragraphs = tuple(_build(Paragraph, p) for p in data.get("paragraphs", ()))
        article = _build(Article, {**data, "paragraphs": ()})
        article = dataclasses.replace(article, paragraphs=paragraphs)
    except CopyError:
        raise
    except (ValueError, TypeError, AttributeError) as exc:
        raise CopyError(f"damaged copy: {exc}") from exc
    if not isinstance(article.text, str) or any(
        not 0 <= p.start <= p.end <= len(article.text) for p in article.paragraphs
    ):
        raise CopyError("damaged copy: offsets outside the text")
    return article


def read_analysis(text: str) -> Analysis:
    """An analysis from :func:`analysis_json`; raises :class:`CopyError` when damaged."""
    try:
        data = json.loads(text)
        people = tuple(
            _build(Person, p, aliases=tuple, mentions=_spans) for p in data.get("people", ())
        )
        quotes = tuple(_build(Quote, q) for q in data.get("quotes", ()))
    except CopyError:
        raise
    except (ValueError, TypeError, AttributeError) as exc:
        raise CopyError(f"damaged copy: {exc}") from exc
    return Analysis(people=people, quotes=quotes)


def keep_copy(library: Library, article: Article, analysis: Analysis | None = None) -> bool:
    """Keep ``article`` (and its analysis, when given) in the library, to reopen offline.

    Also notes it as opened now, with what the library list shows (site, people count).
    False when the copy is too big to keep (see :meth:`Library.keep`): the article is
    still listed, with its place, and is read from its source again.
    """
    digest = text_digest(article.text)
    key = article_key(article.source, article.text, digest)
    library.touch(
        key, shown_title(article.title, article.source, article.text), digest, len(article.text)
    )
    kept = library.keep(
        key,
        digest,
        article_json(article),
        None if analysis is None else analysis_json(article, analysis),
    )
    people = None if analysis is None else sum(p.kind == "subject" for p in analysis.people)
    library.describe(key, article.site, people)
    return kept


def open_copy(library: Library, key: str) -> Article | None:
    """The article kept under ``key``, or None (none kept, or the copy is damaged)."""
    kept = library.copy(key)
    if kept is None:
        return None
    try:
        return read_article(kept[1])
    except CopyError:
        return None


def stored_analysis(library: Library, article: Article) -> Analysis | None:
    """The analysis kept for this very text of ``article``, or None."""
    digest = text_digest(article.text)
    stored = library.analysis_json(article_key(article.source, article.text, digest), digest)
    if stored is None:
        return None
    try:
        return read_analysis(stored)
    except CopyError:
        return None
