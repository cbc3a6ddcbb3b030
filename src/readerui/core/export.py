"""The article and its analysis as JSON (the contract for scripts) or Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from readerui.core.courtesy import READER
from readerui.core.models import Analysis, Article
from readerui.core.sanitize import display_name


def to_dict(article: Article, analysis: Analysis | None = None) -> dict[str, Any]:
    """The ``readerui analyze --json`` document: every offset indexes into ``text``."""
    analysis = analysis or Analysis()
    return {
        "source": article.source,
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "site": article.site,
        "text": article.text,
        "paragraphs": [
            {"start": p.start, "end": p.end, "kind": p.kind} for p in article.paragraphs
        ],
        "people": [
            {
                "name": person.name,
                "aliases": list(person.aliases),
                "role": person.role,
                "kind": person.kind,
                "mentions": [[start, end] for start, end in person.mentions],
                "quoted": person.quoted,
            }
            for person in analysis.people
        ],
        "quotes": [
            {
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "speaker": quote.speaker,
                "speaker_label": quote.speaker_label,
                "cue": quote.cue,
                "partial": quote.partial,
                "how": quote.how,
            }
            for quote in analysis.quotes
        ],
    }


def to_json(article: Article, analysis: Analysis | None = None, *, indent: int | None = 2) -> str:
    """:func:`to_dict` serialised; non-ASCII text is kept as is."""
    return json.dumps(to_dict(article, analysis), ensure_ascii=False, indent=indent)


def write_json(
    article: Article, analysis: Analysis | None, stream: TextIO, *, indent: int | None = 2
) -> None:
    """:func:`to_json` written to ``stream`` piece by piece, with a final newline.

    For a book the JSON is tens of megabytes: written as it is made, it never sits in
    memory whole (the ``analyze`` command's peak memory halves).
    """
    if indent is None:
        json.dump(to_dict(article, analysis), stream, ensure_ascii=False)
    else:
        _IndentedJson(stream, indent).write(to_dict(article, analysis))
    stream.write("\n")


class _IndentedJson:
    """``json.dump(value, stream, ensure_ascii=False, indent=indent)``, the same bytes, for
    the values :func:`to_dict` makes (dicts with string keys, lists, strings, numbers, booleans
    and None).

    Written by hand because with ``indent`` the standard library runs its pure-Python encoder,
    a generator that hands the stream one write per bracket, comma and number: a tenth of
    ``readerui analyze --json`` on a book. Strings still go through json's own C escaping;
    output is written in batches, so the document never sits in memory whole.
    """

    _BATCH = 4096
    """Pieces gathered before one write."""
    _BIG = 1 << 16
    """A string this long is written on its own, in slices this long."""

    def __init__(self, stream: TextIO, indent: int) -> None:
        self.stream = stream
        self.step = " " * indent
        self.parts: list[str] = []

    def write(self, value: object) -> None:
        """Write ``value`` and flush what is left."""
        self._value(value, 0)
        self._flush()

    def _flush(self) -> None:
        self.stream.write("".join(self.parts))
        self.parts.clear()

    def _value(self, value: object, level: int) -> None:
        parts = self.parts
        if isinstance(value, str):
            if len(value) < self._BIG:
                parts.append(_encode_string(value))
                return
            # The article's text: written a slice at a time, never copied whole.
            self._flush()
            for piece in json_string_pieces(value):
                self.stream.write(piece)
        elif value is None:
            parts.append("null")
        elif value is True:
            parts.append("true")
        elif value is False:
            parts.append("false")
        elif isinstance(value, int):
            parts.append(int.__repr__(value))
        elif isinstance(value, dict | list | tuple):
            self._container(value, level)
        else:  # a float or anything else: json's own rendering of a scalar
            parts.append(json.dumps(value, ensure_ascii=False))

    def _container(
        self, value: dict[str, object] | list[object] | tuple[object, ...], level: int
    ) -> None:
        parts = self.parts
        keyed = isinstance(value, dict)
        if not value:
            parts.append("{}" if keyed else "[]")
            return
        inner = "\n" + self.step * (level + 1)
        opening = ("{" if keyed else "[") + inner
        for item in value:
            parts.append(opening)
            opening = "," + inner
            if keyed:
                if not isinstance(item, str):
                    raise TypeError(f"keys must be str, not {type(item).__name__}")
                parts.append(_encode_string(item))
                parts.append(": ")
                item = value[item]  # type: ignore[call-overload]
            # The common scalars here, without a call each: hundreds of thousands in a book.
            kind = type(item)
            if kind is int:
                parts.append(int.__repr__(item))
            elif kind is str and len(item) < self._BIG:  # type: ignore[arg-type]
                parts.append(_encode_string(item))  # type: ignore[arg-type]
            elif item is None:
                parts.append("null")
            elif kind is list and item and all(type(n) is int for n in item):  # type: ignore[attr-defined]
                # A mention's [start, end]: laid out in one piece.
                deeper = "\n" + self.step * (level + 2)
                numbers = map(int.__repr__, item)  # type: ignore[call-overload]
                parts.append(f"[{deeper}{(',' + deeper).join(numbers)}{inner}]")
            else:
                self._value(item, level + 1)
            if len(parts) >= self._BATCH:
                self._flush()
        parts.append("\n" + self.step * level + ("}" if keyed else "]"))


_encode_string: Callable[[str], str] = json.encoder.encode_basestring
"""json's string escaping with ``ensure_ascii=False`` (its C version when there is one)."""

JSON_SLICE = 1 << 16
"""Characters of a long string escaped in one call by :func:`json_string_pieces`."""


def json_string_pieces(text: str) -> Iterator[str]:
    """``json.dumps(text, ensure_ascii=False)`` in pieces: the opening quote, the escapes of
    the text a slice of :data:`JSON_SLICE` at a time, the closing quote. Escaping is done
    character by character, so the slices' escapes joined are the whole's. One call over a
    whole book would copy it whole and hold the interpreter lock for a tenth of a second
    (a thread of the reader writing a book's copy gives way to its keys between slices)."""
    yield '"'
    for at in range(0, len(text), JSON_SLICE):
        READER.give_way()
        yield _encode_string(text[at : at + JSON_SLICE])[1:-1]
    yield '"'


def to_markdown(article: Article, analysis: Analysis | None = None) -> str:
    """A readable Markdown export: headline, metadata, body, then people and quotes."""
    out: list[str] = []
    if article.title:
        out += [f"# {_escape_line(article.title)}", ""]
    meta = [m for m in (article.site, article.published, article.source) if m]
    if meta:
        # The source is a file name or URL from outside: never pass its control codes on.
        out += ["*" + " · ".join(_escape_inline(display_name(m)) for m in meta) + "*", ""]
    for paragraph in article.paragraphs:
        body = article.paragraph_text(paragraph)
        if paragraph.kind == "heading":
            out.append(f"## {_escape_line(body)}")
        elif paragraph.kind in ("caption", "byline"):
            out.append(f"*{_escape_inline(body)}*")
        elif paragraph.kind == "blockquote":
            out.append("\n".join(f"> {_escape_inline(line)}" for line in body.splitlines()))
        elif paragraph.kind == "list":
            out.append(f"- {_escape_inline(body)}")
        else:
            out.append(_escape_inline(body))
        out.append("")
    if analysis and analysis.people:
        out += ["## People", ""]
        for person in analysis.people:
            role = f", {person.role}" if person.role else ""
            counts = f"{_count(len(person.mentions), 'mention')}, {_count(person.quoted, 'quote')}"
            out.append(f"- **{_escape_inline(person.name)}**{_escape_inline(role)} ({counts})")
        out.append("")
    if analysis and analysis.quotes:
        out += ["## Quotes", ""]
        for quote in analysis.quotes:
            who = quote.speaker or quote.speaker_label or "unattributed"
            out.append(f"- “{_escape_line(quote.text)}” — {_escape_inline(who)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))", re.MULTILINE)


def _escape_inline(text: str) -> str:
    """Article text as literal Markdown: nothing in it becomes emphasis, a link or HTML."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _escape_line(text: str) -> str:
    return _escape_inline(text.replace("\n", " "))
