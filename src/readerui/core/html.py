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

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from readerui.core.blocks import is_byline, is_caption, is_chrome, is_contributor_line
from readerui.core.clutter import (
    drop_more_lists,
    drop_page_meta,
    drop_teasers,
    drop_trailing_headings,
    repair_caption,
    teaser_keys,
)
from readerui.core.errors import LoadError
from readerui.core.flathtml import flat_blocks
from readerui.core.models import Article, ParagraphKind
from readerui.core.normalize import clean_inline
from readerui.core.pagemeta import (
    PageFacts,
    author_names,
    choose_title,
    is_desk_credit,
    join_names,
    key,
    page_facts,
    strip_trailing_month,
)
from readerui.core.sanitize import display_name

__all__ = ["parse_html"]

# trafilatura reports pages it cannot handle through logging at WARNING/ERROR level; those
# are expected outcomes here (we fall back), not problems for the user's terminal.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
logging.getLogger("courlan").setLevel(logging.CRITICAL)


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


def _extract_xml(html: str, url: str | None, *, precision: bool) -> etree._Element | None:
    """One trafilatura run as an XML tree (None when it finds nothing or fails)."""
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
            favor_precision=precision,
        )
    except Exception:
        # A third-party parser on hostile input may fail in any way; the lxml fallback copes.
        return None
    if not xml:
        return None
    try:
        return etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return None


def _blocks_of(doc: etree._Element | None) -> list[tuple[str, ParagraphKind]]:
    """The non-empty body blocks of one trafilatura result."""
    main = doc.find("main") if doc is not None else None
    blocks = list(_xml_blocks(main)) if main is not None else []
    return [(text, kind) for text, kind in blocks if text]


# trafilatura's precision mode drops more boilerplate (related links, teasers, sign-up boxes)
# but on some layouts loses most of the story; below this share of the default run's text it
# has lost the story, not the clutter.
_PRECISION_MIN_SHARE = 0.5
_MERGED_FACTOR = 2


def _trafilatura(
    html: str, url: str | None
) -> tuple[list[tuple[str, ParagraphKind]], dict[str, str]]:
    """Run trafilatura; returns the body blocks and the metadata it found (maybe empty)."""
    precise = _extract_xml(html, url, precision=True)
    default = _extract_xml(html, url, precision=False)
    blocks = _blocks_of(precise)
    fallback = _blocks_of(default)
    size = sum(len(text) for text, _ in blocks)
    longest = max((len(text) for text, _ in blocks), default=0)
    if size < _PRECISION_MIN_SHARE * sum(len(text) for text, _ in fallback) or (
        # Paragraphs run together into one: the precise run lost the page's structure.
        longest > _MERGED_FACTOR * max((len(text) for text, _ in fallback), default=0)
    ):
        blocks = fallback
    doc = default if default is not None else precise
    meta = {str(k): clean_inline(str(v)) for k, v in doc.attrib.items()} if doc is not None else {}
    return blocks, meta


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
    # Elements, not id()s: lxml's proxies die and their ids are reused.
    seen: set[etree._Element] = set()
    for element in root.iter(*_FALLBACK_BLOCKS):
        # Skip blocks nested in a block already taken (a <p> inside an <li>, say).
        if any(ancestor in seen for ancestor in element.iterancestors()):
            continue
        seen.add(element)
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


# How far from the end a sign-off may stand, and the dashes that may open it.
_SIGN_OFF_BLOCKS = 2
_LEADING_DASHES = re.compile(r"^[-–—]+\s*")


def _refine(
    blocks: list[tuple[str, ParagraphKind]], facts: PageFacts
) -> list[tuple[str, ParagraphKind]]:
    """Fix kinds trafilatura cannot know: captions, bylines, leftover chrome lines."""
    present = {key(text) for text, _ in blocks}
    missing = {
        para_key: caption
        for caption, para_key in reversed(facts.anchored_captions)
        if key(caption) not in present and para_key in present
    }
    out: list[tuple[str, ParagraphKind]] = []
    for index, (text, kind) in enumerate(blocks):
        caption = missing.pop(key(text), None)
        # A one-word "caption" is a photographer's first name or a share button's label.
        if caption is not None and len(caption.split()) > 1 and not is_chrome(caption):
            out.append((repair_caption(caption), "caption"))
        if is_chrome(text) or not re.search(r"\w", text):
            continue
        text_key = key(text)
        if kind != "heading" and text_key in facts.site_names:
            continue  # The site's name alone on a line: a logo's text or a source label.
        if kind in ("body", "list") and text_key in facts.buttons:
            continue  # A button's label ("More") that the extractor kept as a paragraph.
        if out and key(out[-1][0]) == text_key:
            continue  # The same block twice in a row (a caption repeated by a slideshow).
        if text_key in facts.captions or (kind in ("body", "list") and is_caption(text)):
            kind = "caption"
            text = repair_caption(text)
        elif kind in ("body", "list") and (
            (index < 6 and is_byline(text))
            # A writer's sign-off closing the story: "-- By Jane Doe".
            or (
                index >= len(blocks) - _SIGN_OFF_BLOCKS and is_byline(_LEADING_DASHES.sub("", text))
            )
            or is_contributor_line(text)
        ):
            kind = "byline"
        out.append((text, kind))
    return out


def _signed_off(blocks: list[tuple[str, ParagraphKind]], facts: PageFacts) -> list[str]:
    """The people of a sign-off among the last blocks ("-- By Jane Doe"), if there is one."""
    for text, kind in blocks[-_SIGN_OFF_BLOCKS:]:
        line = _LEADING_DASHES.sub("", text)
        if kind == "byline" and is_byline(line):
            return author_names(line, facts.site_names)
    return []


def _drop_headline(
    blocks: list[tuple[str, ParagraphKind]], title: str
) -> list[tuple[str, ParagraphKind]]:
    """The blocks without the headline (it is the title, not body text); a short kicker
    ("Port Ellis", "Politics") printed above it goes with it."""
    title_key = key(title)
    for index, (text, _kind) in enumerate(blocks[:4]):
        if title_key and key(text) == title_key:
            kickers = blocks[:index]
            if all(len(k.split()) <= 4 and kind != "caption" for k, kind in kickers):
                return blocks[index + 1 :]
            return blocks[:index] + blocks[index + 1 :]
    return blocks


def _with_byline(
    blocks: list[tuple[str, ParagraphKind]], authors: list[str], facts: PageFacts
) -> tuple[list[tuple[str, ParagraphKind]], str | None]:
    """The blocks with the author line where a reader expects it, and the byline text.

    The page's own line is kept when it names the authors ("By Jane Doe, Staff Writer");
    otherwise the names the page's metadata gives become the line.
    """
    # Author lines at the top ("By ..."), not contributor credits that share their kind.
    top = [i for i, (text, kind) in enumerate(blocks[:6]) if kind == "byline" and is_byline(text)]
    if not authors:
        return blocks, (_by(blocks[top[0]][0]) if top else None)
    wanted = [key(name) for name in authors]

    def names_all(line: str) -> bool:
        line_key = f" {key(line)} "
        return all(f" {name} " in line_key for name in wanted)

    def names_only(line: str) -> bool:
        # Names, roles and the site's name, and nothing else: "By Jane Doe, Staff Writer".
        return sorted(key(n) for n in author_names(line, facts.site_names)) == sorted(wanted)

    line = next((blocks[i][0] for i in top if names_only(blocks[i][0])), None)
    if line is None:
        line = next((b for b in facts.bylines if names_only(b)), None)
    byline = _by(line) if line else f"By {join_names(authors)}"
    if any(names_only(blocks[i][0]) for i in top):
        return blocks, byline
    if top:
        # The body's author line names someone else than the page's metadata, or carries
        # more than names (a date run into it): the metadata's line replaces it.
        blocks = [*blocks[: top[0]], (byline, "byline"), *blocks[top[0] + 1 :]]
        return blocks, byline
    head = f" {key(' '.join(text for text, _ in blocks[:3]))} "
    if not all(f" {name} " in head for name in wanted):
        blocks = [(byline, "byline"), *blocks]
    return blocks, byline


def _by(line: str) -> str:
    """An author line with a tidy "By" and no contact details: "by: Jane Doe |
    jdoe@example.com" -> "By Jane Doe"."""
    line = re.sub(r"\s*(?:[|/·•,]\s*)?(?:\S+@\S+\.\w+|@\w+)\s*$", "", line)
    return re.sub(r"^by\s*:?\s+", "By ", line, flags=re.IGNORECASE)


_JOINER = re.compile(r"\u200d|&zwj;|&#8205;|&#x200d;", re.IGNORECASE)


def _trafilatura_keeping_joiners(
    html: str, url: str | None
) -> tuple[list[tuple[str, ParagraphKind]], dict[str, str]]:
    """:func:`_trafilatura`, with zero-width joiners kept.

    trafilatura drops U+200D, which splits emoji sequences (a family becomes four people, a
    rainbow flag a flag and a rainbow). Joiners go through it as a word-like token that
    cannot occur in the page, and come back afterwards.
    """
    if not _JOINER.search(html):
        return _trafilatura(html, url)
    token = "zwj" + "q" * 8
    while token in html:
        token += "q"
    blocks, meta = _trafilatura(_JOINER.sub(token, html), url)
    restored = [(text.replace(token, "\u200d"), kind) for text, kind in blocks]
    return restored, {key: value.replace(token, "\u200d") for key, value in meta.items()}


def parse_html(html: str, source: str, *, url: str | None = None) -> Article:
    """Turn an HTML page into an :class:`Article`.

    Raises :class:`LoadError` when the page holds no readable text at all.
    """
    tree, complete = _parse_tree(html)
    facts = page_facts(tree)
    blocks, meta = _trafilatura_keeping_joiners(html, url)
    if not complete:
        # The tree (trafilatura's too) stops at libxml2's depth limit: read the page as a
        # flat stream of tags instead, so nothing below the limit is lost.
        blocks = flat_blocks(html)
    elif not blocks:
        blocks = _fallback_blocks(tree)
    blocks = _refine(blocks, facts)
    blocks = drop_page_meta(blocks)
    teasers = teaser_keys(tree)
    blocks = drop_more_lists(blocks, teasers)
    blocks = drop_trailing_headings(drop_teasers(blocks, teasers))

    authors = (
        facts.authors
        or [
            name
            for part in meta.get("author", "").split(";")
            for name in author_names(strip_trailing_month(part.strip()), facts.site_names)
        ]
        # No person is named anywhere: the organisation the page credits (a wire agency).
        or facts.credits
    )
    if authors and all(is_desk_credit(name) for name in authors):
        # A desk's credit says less than the writer's own sign-off at the story's end.
        authors = _signed_off(blocks, facts) or authors
    site = facts.site or meta.get("sitename", "")
    title = choose_title(facts, meta.get("title", ""), authors)
    blocks = _drop_headline(blocks, title)
    if not blocks and not title:
        raise LoadError(f"{display_name(source)} has no readable text")
    blocks, byline = _with_byline(blocks, authors, facts)
    return Article.from_blocks(
        source,
        title,
        blocks,
        byline=byline,
        published=meta.get("date") or None,
        site=site or None,
    )
