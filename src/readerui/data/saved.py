"""Saving an article to a Markdown file that readerui reopens with the same title and text.

A small YAML front matter block holds the metadata (title, author, date, site, source); the
headline is the level-1 heading; each paragraph is written as its kind (``##`` headings,
``>`` block quotes, ``-`` list items) with Markdown's special characters escaped, so that
reading the file back gives every paragraph's words exactly (Markdown drops the escapes).
"""

from __future__ import annotations

import re
from pathlib import Path

from readerui.core.models import Article, Paragraph

_SPECIAL = re.compile(r"([\\`*_\[\]<>#+\-!|~&=])")
_NUMBERED = re.compile(r"^(\d+)([.)])", re.MULTILINE)
_SLUG = re.compile(r"[^\w]+")


def _escape(text: str) -> str:
    """``text`` with every character Markdown could read as markup backslash-escaped."""
    return _NUMBERED.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", text))


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar (on one line)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(escaped.split()) + '"'


def _block(article: Article, paragraph: Paragraph) -> str:
    lines = [_escape(line) for line in article.paragraph_text(paragraph).split("\n")]
    body = "\\\n".join(lines)  # a backslash before a line break keeps the break
    prefix = {"heading": "## ", "blockquote": "> ", "list": "- "}.get(paragraph.kind, "")
    if paragraph.kind == "blockquote":
        body = body.replace("\n", "\n> ")
    elif paragraph.kind == "list":
        body = body.replace("\n", "\n  ")
    return prefix + body


def to_saved_markdown(article: Article) -> str:
    """The article as Markdown with a metadata header (see the module's docstring)."""
    fields = [("title", article.title)]
    if article.byline:
        fields.append(("author", re.sub(r"^\s*by\s+", "", article.byline, flags=re.I)))
    fields += [("date", article.published or ""), ("site", article.site or "")]
    fields.append(("source", article.source))
    header = "\n".join(f"{key}: {_yaml(value)}" for key, value in fields if value)
    parts = [f"---\n{header}\n---"]
    if article.title:
        parts.append("# " + _escape(" ".join(article.title.split())))
    parts.extend(_block(article, p) for p in article.paragraphs)
    return "\n\n".join(parts) + "\n"


def suggested_name(article: Article) -> str:
    """A file name for the saved article: its title in lower case, words joined by ``-``."""
    slug = _SLUG.sub("-", article.title.casefold()).strip("-")[:60].rstrip("-")
    return f"{slug or 'article'}.md"


def save_article(article: Article, path: Path) -> Path:
    """Write the article to ``path`` (``~`` expanded); returns the path written."""
    target = path.expanduser()
    target.write_text(to_saved_markdown(article), encoding="utf-8")
    return target
