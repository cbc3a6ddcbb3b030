"""Markdown to :class:`Article`, using markdown-it-py's token stream.

The reader shows plain text, so inline markup (emphasis, links, code spans) is reduced to its
words; block structure (headings, quotes, list items) becomes paragraph kinds.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from readerui.core.blocks import is_byline, is_caption, is_chrome, is_contributor_line
from readerui.core.models import Article, ParagraphKind
from readerui.core.normalize import clean_inline, normalize_text

__all__ = ["parse_markdown"]

_HTML_TAG = re.compile(r"<[^>]*>")

# mdit_py_plugins finds the YAML front matter block (Jekyll, Hugo, Obsidian); only four plain
# fields of it matter here, so a line reader does instead of a YAML parser as a dependency.
_FM_FIELD = re.compile(r"^(title|author|authors|date|site)[ \t]*:[ \t]*(.*?)[ \t]*$", re.I)
_FM_ITEM = re.compile(r"^[ \t]+-[ \t]+(.+?)[ \t]*$")


def _unquote(value: str) -> str:
    """A YAML scalar without its surrounding quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _front_matter_fields(block: str) -> dict[str, str]:
    """The title, author, date and site of a front matter block; an author list
    (``authors:`` followed by ``- name`` lines, or ``[a, b]``) becomes "A and B"."""
    fields: dict[str, str] = {}
    lines = block.split("\n")
    for index, line in enumerate(lines):
        match = _FM_FIELD.match(line)
        if match is None:
            continue
        key = match.group(1).lower()
        key = "author" if key == "authors" else key
        value = match.group(2)
        if value.startswith("[") and value.endswith("]"):
            items = [_unquote(item.strip()) for item in value[1:-1].split(",")]
        elif value:
            items = [_unquote(value)]
        else:
            items = []
            for item_line in lines[index + 1 :]:
                item = _FM_ITEM.match(item_line)
                if item is None:
                    break
                items.append(_unquote(item.group(1)))
        items = [clean_inline(item) for item in items if item.strip()]
        if items and key not in fields:
            fields[key] = (
                " and ".join(items)
                if len(items) <= 2
                else ", ".join(items[:-1]) + " and " + items[-1]
            )
    return fields


def _inline_text(token: Token) -> tuple[str, list[str]]:
    """Plain text of an inline token, and the alt texts of the images it contains."""
    parts: list[str] = []
    alts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            # Images cannot be shown; their description may be worth a caption line.
            alt = "".join(c.content for c in child.children or []) or child.content
            if alt.strip():
                alts.append(alt)
        # Emphasis, link and raw-HTML tokens carry no words of their own: skipped.
    return "".join(parts), alts


def _clean_block(text: str) -> str:
    """One paragraph's text: cleaned, single-line unless it had deliberate line breaks."""
    if "\n" in text:
        lines = [clean_inline(line) for line in text.split("\n")]
        return "\n".join(line for line in lines if line)
    return clean_inline(text)


def parse_markdown(text: str, source: str) -> Article:
    """Turn a Markdown document into an :class:`Article`.

    The first level-1 heading is the title (else a front-matter ``title:``); other headings,
    block quotes and list items get their own paragraph kinds; images become caption
    paragraphs holding their alt text.
    """
    text = normalize_text(text)
    parser = (
        MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)
    )
    tokens = parser.parse(text)
    fields = next((_front_matter_fields(t.content) for t in tokens if t.type == "front_matter"), {})

    title = ""
    blocks: list[tuple[str, ParagraphKind]] = []
    byline: str | None = fields.get("author")
    if byline and not byline.lower().startswith("by "):
        byline = f"By {byline}"
    quote_depth = 0
    list_depth = 0
    heading: str | None = None
    row: list[str] = []
    in_cell = False

    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading = token.tag
        elif kind == "heading_close":
            heading = None
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "tr_close":
            # Tables are flattened to one line per row: readable, if not pretty.
            blocks.append((" | ".join(row), "body"))
            row = []
        elif kind in ("fence", "code_block"):
            code = "\n".join(line.rstrip() for line in token.content.strip("\n").split("\n"))
            blocks.append((code, "body"))
        elif kind == "html_block":
            stripped = clean_inline(_HTML_TAG.sub(" ", token.content))
            if stripped:
                blocks.append((stripped, "body"))
        elif kind == "inline":
            raw, alts = _inline_text(token)
            para = _clean_block(raw)
            if in_cell:
                row.append(para)
                continue
            if heading is not None:
                if heading == "h1" and not title:
                    title = para
                elif para:
                    blocks.append((para, "heading"))
                continue
            blocks.extend((clean_inline(alt), "caption") for alt in alts)
            if not para or is_chrome(para):
                continue
            block_kind: ParagraphKind
            if quote_depth:
                block_kind = "blockquote"
            elif list_depth:
                block_kind = "list"
            elif is_byline(para) and len(blocks) < 8:
                block_kind = "byline"
                byline = byline or para
            elif is_contributor_line(para):
                block_kind = "byline"
            elif is_caption(para):
                block_kind = "caption"
            else:
                block_kind = "body"
            blocks.append((para, block_kind))

    title = title or clean_inline(fields.get("title", ""))
    return Article.from_blocks(
        source,
        title,
        blocks,
        byline=byline,
        published=fields.get("date"),
        site=fields.get("site"),
    )
