"""HTML to :class:`Article`: trafilatura finds the article, lxml fills the gaps.

trafilatura is the best main-content extractor we measured, so it decides what text is the
article. Its XML output keeps the block structure (headings, quotes, list items), which maps
onto paragraph kinds. The original page is also parsed with lxml, for what trafilatura drops
or blurs: which paragraphs were ``<figcaption>`` captions, the ``<h1>`` headline, and a plain
text fallback for pages too small or odd for trafilatura.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from readerui.core.blocks import is_byline, is_caption, is_chrome
from readerui.core.errors import LoadError
from readerui.core.flathtml import flat_blocks
from readerui.core.models import Article, ParagraphKind
from readerui.core.normalize import clean_inline, display_name

__all__ = ["parse_html"]

# trafilatura reports pages it cannot handle through logging at WARNING/ERROR level; those
# are expected outcomes here (we fall back), not problems for the user's terminal.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
logging.getLogger("courlan").setLevel(logging.CRITICAL)


@dataclass
class _PageFacts:
    """What the raw page says that trafilatura's output does not keep."""

    title: str = ""
    h1: list[str] = field(default_factory=list)
    captions: set[str] = field(default_factory=set)
    site: str = ""
    bylines: list[str] = field(default_factory=list)
    anchored_captions: list[tuple[str, str]] = field(default_factory=list)
    """``(caption, key of the next paragraph)``, to put captions trafilatura drops back."""


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")


def _key(text: str) -> str:
    """A comparison key: case-folded words only, so punctuation and spacing do not matter."""
    return " ".join(re.findall(r"\w+", text.casefold()))


# Elements that carry the author line on most news sites.
_BYLINE_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(@class, 'byline') or @itemprop='author' or @rel='author']"
)


def _parse_tree(html: str) -> tuple[lxml_html.HtmlElement | None, bool]:
    """Parse HTML leniently: ``(tree, complete)``. The tree is None when there is nothing lxml
    can make a tree of; ``complete`` is False when libxml2 hit its nesting-depth limit and
    left out everything below it."""
    parser = lxml_html.HTMLParser()
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None, True
    complete = not any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    return tree, complete


def _page_facts(tree: lxml_html.HtmlElement | None) -> _PageFacts:
    """Collect the headline candidates, caption texts and site name from the raw page."""
    facts = _PageFacts()
    if tree is None:
        return facts
    title = tree.find(".//title")
    if title is not None:
        facts.title = clean_inline(title.text_content())
    facts.h1 = [clean_inline(h.text_content()) for h in tree.iter("h1")]
    facts.h1 = [h for h in facts.h1 if h]
    for caption in tree.iter("figcaption"):
        text = clean_inline(caption.text_content())
        if not text:
            continue
        facts.captions.add(_key(text))
        # Only figures inside the article itself go back in: figures elsewhere are teasers
        # for other stories, galleries and promotions.
        if not any(a.tag in ("article", "main") for a in caption.iterancestors()):
            continue
        # Remember the first real paragraph after the caption: trafilatura often drops
        # figures, and this is where the caption goes back in.
        for para in caption.xpath("following::p[position() <= 6]"):
            key = _key(para.text_content())
            if len(key.split()) >= 8:
                facts.anchored_captions.append((text, key))
                break
    for element in tree.xpath(_BYLINE_XPATH):
        text = clean_inline(element.text_content())
        # Digits mean a date or time ran into the element: "By JANE DOE JAN. 13, 2017".
        if is_byline(text) and not re.search(r"\d", text) and text not in facts.bylines:
            facts.bylines.append(text)
    site = tree.find(".//meta[@property='og:site_name']")
    if site is not None:
        facts.site = clean_inline(site.get("content") or "")
    return facts


def _best_title(meta_title: str, facts: _PageFacts, site: str, author: str) -> str:
    """Pick the headline: the page's ``<h1>`` when it agrees with the metadata title, else the
    metadata title without a trailing " | Site Name" or " - Author" segment."""
    title = meta_title or facts.title
    if len(title.split()) <= 2:
        # A one- or two-word "title" is usually a CMS name ("escenic") or the site name; a
        # real headline in an <h1> is the better guess.
        title = next((h1 for h1 in facts.h1 if len(h1.split()) >= 3), title)
    title_key = _key(title)
    for h1 in facts.h1:
        h1_key = _key(h1)
        # Many pages have a logo or section name in an <h1>; only trust one that matches.
        if h1_key and len(h1.split()) >= 3 and (not title_key or h1_key in title_key):
            return h1
    parts = _TITLE_SEPARATORS.split(title)
    drop = {_key(site), _key(author), _key(facts.site)} - {""}
    while len(parts) > 1 and (_key(parts[-1]) in drop or len(parts[-1].split()) <= 3):
        # A short last segment after a separator is almost always the site name.
        if _key(parts[-1]) not in drop and len(" ".join(parts[:-1]).split()) < 3:
            break
        parts.pop()
    return " - ".join(part.strip() for part in parts) if len(parts) > 1 else parts[0].strip()


# Placeholder "authors" some CMSs put in their metadata.
_NOT_AUTHORS = frozenset({"username", "no author", "admin", "administrator", "unknown", "author"})
_TRAILING_MONTH = re.compile(
    r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)


def _author_names(author: str) -> str:
    """trafilatura's author field ("A; B; a") as a readable list: "A and B"."""
    names: list[str] = []
    seen: set[str] = set()
    for part in author.split(";"):
        # A date run into the author field ("Jane Doe May") leaves a month name behind.
        name = _TRAILING_MONTH.sub("", part.strip())
        key = _key(name)
        if key and key not in seen and key not in _NOT_AUTHORS:
            seen.add(key)
            names.append(name)
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _element_text(element: etree._Element) -> str:
    """All text inside an element, as one cleaned line."""
    return clean_inline(" ".join(str(part) for part in element.itertext()))


def _xml_blocks(main: etree._Element) -> Iterator[tuple[str, ParagraphKind]]:
    """Walk trafilatura's XML body and yield ``(text, kind)`` for each block."""
    for element in main:
        tag = element.tag
        if tag == "head":
            yield _element_text(element), "heading"
        elif tag == "quote":
            paragraphs = element.findall("p")
            if paragraphs:
                for para in paragraphs:
                    yield _element_text(para), "blockquote"
            else:
                yield _element_text(element), "blockquote"
        elif tag == "list":
            for item in element.iter("item"):
                yield _element_text(item), "list"
        elif tag == "table":
            # One line per row: the reader has no table layout, but keeps every cell's words.
            for row in element.iter("row"):
                cells = [_element_text(cell) for cell in row.iter("cell")]
                yield " | ".join(cell for cell in cells if cell), "body"
        elif tag == "graphic":
            continue  # The image itself: nothing to read.
        elif tag == "code":
            yield (
                "\n".join(
                    line.rstrip()
                    for line in "".join(str(part) for part in element.itertext()).split("\n")
                ),
                ("body"),
            )
        else:
            yield _element_text(element), "body"


def _trafilatura(
    html: str, url: str | None
) -> tuple[list[tuple[str, ParagraphKind]], dict[str, str]]:
    """Run trafilatura; returns the body blocks and the metadata it found (maybe empty)."""
    try:
        xml = trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_formatting=False,
        )
    except Exception:
        # A third-party parser on hostile input may fail in any way; the lxml fallback copes.
        return [], {}
    if not xml:
        return [], {}
    try:
        doc = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return [], {}
    meta = {str(key): clean_inline(str(value)) for key, value in doc.attrib.items()}
    main = doc.find("main")
    blocks = list(_xml_blocks(main)) if main is not None else []
    return [(text, kind) for text, kind in blocks if text], meta


# Elements whose text is never the article: scripts, navigation, page furniture.
_FALLBACK_DROP = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "head",
)  # fmt: skip
_FALLBACK_BLOCKS = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "p": "body", "li": "list", "blockquote": "blockquote", "pre": "body",
    "figcaption": "caption", "dd": "body", "dt": "body", "td": "body",
}  # fmt: skip


def _fallback_blocks(tree: lxml_html.HtmlElement | None) -> list[tuple[str, ParagraphKind]]:
    """Plain lxml extraction for pages trafilatura gives up on: every block element's text,
    or the whole body's text split at line breaks when the page has no block elements."""
    if tree is None:
        return []
    body = tree.find(".//body")
    root = body if body is not None else tree
    for element in list(root.iter(*_FALLBACK_DROP)):
        if element.getparent() is not None:
            # drop_tree keeps the tail: text that follows the element, not part of it.
            element.drop_tree()
    blocks: list[tuple[str, ParagraphKind]] = []
    seen: set[int] = set()
    for element in root.iter(*_FALLBACK_BLOCKS):
        # Skip blocks nested in a block already taken (a <p> inside an <li>, say).
        if any(id(ancestor) in seen for ancestor in element.iterancestors()):
            continue
        seen.add(id(element))
        text = clean_inline(element.text_content())
        if text:
            kind: ParagraphKind = _FALLBACK_BLOCKS[element.tag]  # type: ignore[assignment]
            blocks.append((text, kind))
    if not blocks:
        for line in root.text_content().split("\n"):
            text = clean_inline(line)
            if text:
                blocks.append((text, "body"))
    return blocks


def _refine(
    blocks: list[tuple[str, ParagraphKind]], facts: _PageFacts
) -> list[tuple[str, ParagraphKind]]:
    """Fix kinds trafilatura cannot know: captions, bylines, leftover chrome lines."""
    present = {_key(text) for text, _ in blocks}
    missing = {
        key: caption
        for caption, key in reversed(facts.anchored_captions)
        if _key(caption) not in present and key in present
    }
    out: list[tuple[str, ParagraphKind]] = []
    for index, (text, kind) in enumerate(blocks):
        caption = missing.pop(_key(text), None)
        if caption is not None:
            out.append((caption, "caption"))
        if is_chrome(text):
            continue
        key = _key(text)
        if key in facts.captions or (kind == "body" and is_caption(text)):
            kind = "caption"
        elif kind in ("body", "list") and index < 6 and is_byline(text):
            kind = "byline"
        out.append((text, kind))
    return out


def parse_html(html: str, source: str, *, url: str | None = None) -> Article:
    """Turn an HTML page into an :class:`Article`.

    Raises :class:`LoadError` when the page holds no readable text at all.
    """
    tree, complete = _parse_tree(html)
    facts = _page_facts(tree)
    blocks, meta = _trafilatura(html, url)
    if not complete:
        # The tree (trafilatura's too) stops at libxml2's depth limit: read the page as a
        # flat stream of tags instead, so nothing below the limit is lost.
        blocks = flat_blocks(html)
    elif not blocks:
        blocks = _fallback_blocks(tree)
    blocks = _refine(blocks, facts)

    author = _author_names(meta.get("author", ""))
    site = meta.get("sitename", "") or facts.site
    title = _best_title(meta.get("title", ""), facts, site, author)

    # The headline is the title, not body text; a short kicker ("Port Ellis", "Politics")
    # printed above it goes with it.
    title_key = _key(title)
    for index, (text, _kind) in enumerate(blocks[:4]):
        if title_key and _key(text) == title_key:
            kickers = blocks[:index]
            if all(len(k.split()) <= 4 and kind != "caption" for k, kind in kickers):
                blocks = blocks[index + 1 :]
            else:
                del blocks[index]
            break
    if not blocks and not title:
        raise LoadError(f"{display_name(source)} has no readable text")

    byline = next((text for text, kind in blocks[:6] if kind == "byline"), None)
    if byline is None and author:
        # The page's own byline element says it best ("By Jane Doe, Staff Writer").
        byline = next(
            (text for text in facts.bylines if _key(author) in _key(text)), f"By {author}"
        )
        # Put the author where a reader expects it, unless the body already names them on
        # the first lines (then it is a byline line trafilatura kept as text).
        head = _key(" ".join(text for text, _ in blocks[:3]))
        if _key(author) not in head:
            blocks.insert(0, (byline, "byline"))
    return Article.from_blocks(
        source,
        title,
        blocks,
        byline=byline,
        published=meta.get("date") or None,
        site=site or None,
    )
