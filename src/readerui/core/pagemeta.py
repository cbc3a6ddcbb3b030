"""What a web page says about itself: headline, authors, site name and photo captions.

Pages state these things in several places of differing trust. Structured data comes first:
JSON-LD (``headline``, ``author`` with its ``@type``, ``publisher``), then the ``<meta>`` tags
(``og:title``, ``author``, ``article:author``), then marked-up elements (``rel=author``,
``itemprop=author``, ``class="byline"``), and only then text patterns. The rules here are
about page structure, never about particular sites.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from readerui.core.blocks import is_byline
from readerui.core.normalize import clean_inline

__all__ = [
    "PageFacts",
    "author_names",
    "choose_title",
    "element_text",
    "is_desk_credit",
    "join_names",
    "key",
    "page_facts",
    "strip_trailing_month",
]


def key(text: str) -> str:
    """A comparison key: case-folded words only, so punctuation and spacing do not matter."""
    return " ".join(re.findall(r"\w+", text.casefold()))


@dataclass
class PageFacts:
    """What the raw page says that trafilatura's output does not keep."""

    title: str = ""
    """The ``<title>`` element."""
    meta_titles: list[str] = field(default_factory=list)
    """``og:title`` and ``twitter:title``."""
    headlines: list[str] = field(default_factory=list)
    """JSON-LD ``headline`` of the article items."""
    h1: list[str] = field(default_factory=list)
    """Every ``<h1>`` of the page, in order."""
    site: str = ""
    """``og:site_name`` (else the JSON-LD publisher's name)."""
    site_names: set[str] = field(default_factory=set)
    """Keys of every name the page uses for itself or its publisher: never an author."""
    authors: list[str] = field(default_factory=list)
    """The article's authors from the page's structure, best source first; may be empty."""
    credits: list[str] = field(default_factory=list)
    """Who else the page credits with the story: organisations named as its author that are
    not the publisher (a wire agency, a partner newsroom) and the credit line under the
    headline. The byline when no person is named anywhere."""
    bylines: list[str] = field(default_factory=list)
    """Author lines found in byline elements, as written ("By Jane Doe, Staff Writer")."""
    captions: set[str] = field(default_factory=set)
    """Keys of photo captions and credits (``<figcaption>``, caption and credit elements)."""
    buttons: set[str] = field(default_factory=set)
    """Keys of the labels of buttons ("More", "Show all"): controls, never article text."""
    anchored_captions: list[tuple[str, str]] = field(default_factory=list)
    """``(caption, key of the next paragraph)``, to put captions trafilatura drops back."""


# --- author names ----------------------------------------------------------------------------

_BY_PREFIX = re.compile(
    r"^(?:(?:analysis|written|words|story|reporting|text|opinion|commentary)\s+)?by\b\s*:?\s*",
    re.IGNORECASE,
)
# Where a byline stops being names: an e-mail address or handle, a "Follow @handle" or
# "Follow on ..." prompt, a date or time, a pipe.
_NAME_END = re.compile(
    r"\s*(?:\||\S+@\S+|@\w|\bfollow\s+(?:@|on\b)|\bupdated\b|\bpublished\b|\d).*$", re.I | re.S
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\n)\s*", re.IGNORECASE)
# Academic and professional degrees after a name ("Jane Doe, MA"): credentials, not people.
_DEGREES = frozenset((
    "ma", "mba", "msc", "ms", "bsc", "ba", "phd", "dphil", "md", "do", "rn", "np", "pa", "mph",
    "dds", "dmd", "jd", "llm", "cpa", "rd", "ld", "dvm", "pharmd", "facs", "faan", "facp",
    "mfa", "med", "edd", "psyd", "lcsw",
))  # fmt: skip
# Job titles after a name ("Jane Doe, Staff Writer"): roles, not further authors.
_ROLE_WORDS = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|analyst|columnist|contributor|producer"
    r"|photographer|journalist|critic|chief|senior|bureau|intern|fellow|special\s+to)\b",
    re.IGNORECASE,
)
# Placeholder "authors" some CMSs put in their metadata.
_NOT_AUTHORS = frozenset(
    {"username", "no author", "admin", "administrator", "unknown", "author", "guest", "none"}
)
# trafilatura's author field may end in the month of a date it cut off ("Jane Doe March").
# "May" is left alone: it is a surname as often as a month.
_TRAILING_MONTH = re.compile(
    r"\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.IGNORECASE,
)


def strip_trailing_month(name: str) -> str:
    """A name without the month of a date run into it: "Jane Doe March" -> "Jane Doe"."""
    return _TRAILING_MONTH.sub("", name) if len(name.split()) > 2 else name


# A date run into the author field: "Jane Doe March 11, 2025", "Jane Doe 11 Mar 2025".
_DATE_TAIL = re.compile(
    r"\s+(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"\s+\d.*$",
    re.IGNORECASE | re.DOTALL,
)
# Words of a newsroom's collective credit ("Staff and news service reports", "Our Foreign
# Staff"): such a line is one author, not a list to split at "and".
_DESK_WORDS = frozenset((
    "our", "the", "staff", "desk", "news", "service", "services", "wire", "wires", "reports",
    "report", "team", "newsroom", "national", "foreign", "local", "metro", "city", "business",
    "sports", "editorial", "agencies", "agency", "and", "from", "web", "digital",
))  # fmt: skip


_AUTHOR_MAX_CHARS = 400


def is_desk_credit(text: str) -> bool:
    """Whether an author field is a newsroom's collective credit, not a person: "National
    Desk", "Our Foreign Staff", "Staff and news service reports"."""
    words = [w.lower() for w in re.findall(r"[\w'’-]+", text)]
    return len(words) > 1 and sum(w in _DESK_WORDS for w in words) >= len(words) - 1


def _split_names(text: str) -> list[str]:
    """One author field as separate names; a collective desk credit stays whole."""
    if is_desk_credit(text):
        return [text]
    return [part for part in _NAME_SPLIT.split(text) if part]


def author_names(raw: str, not_authors: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The people in one author field: ``"By Jane Doe, MA and John Roe, CNN"`` -> both names.

    Drops URLs, e-mail addresses and what follows them, dates, degrees, job titles, and every
    name whose key is in ``not_authors`` (the site and its publisher).
    """
    # No author field is longer; the cap keeps the patterns below cheap on hostile pages.
    text = clean_inline(raw[:_AUTHOR_MAX_CHARS])
    if not text or re.match(r"(?i)^(?:https?:|www\.|/)", text):
        return []
    text = _BY_PREFIX.sub("", text)
    text = _NAME_END.sub("", _DATE_TAIL.sub("", text))
    names: list[str] = []
    for part in _split_names(text):
        name = part.strip(" .,:;-–—()[]")
        name_key = key(name)
        if not name_key or name_key in _DEGREES or name_key in _NOT_AUTHORS:
            continue
        if name_key in not_authors or not any(ch.isalpha() for ch in name):
            continue
        if _ROLE_WORDS.search(name) and names:
            continue  # "Joan Biskupic, CNN Senior Supreme Court Analyst": a job title.
        if len(name.split()) > 6:
            continue  # A sentence, not a name.
        if name_key not in {key(n) for n in names}:
            names.append(name)
    return names


def join_names(names: list[str]) -> str:
    """Names as a reader writes them: "A", "A and B", "A, B and C"."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- JSON-LD ---------------------------------------------------------------------------------

_PERSON_TYPES = frozenset({"person"})


def _ld_items(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members included; bad JSON is skipped."""
    for script in _elements(tree, "//script[@type='application/ld+json']"):
        text = _unwrap_script((script.text or "").strip())
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            # Not JSON, or nested deeper than the parser's recursion limit.
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if not isinstance(item, dict):
                continue
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (member for member in graph if isinstance(member, dict))


def _unwrap_script(text: str) -> str:
    """Script text without the CDATA section or HTML comment some CMSs wrap JSON in (plain
    string tests: a regex anchored at the end would rescan long runs of spaces)."""
    for opener in ("//<![CDATA[", "<![CDATA[", "<!--"):
        if text.startswith(opener):
            text = text[len(opener) :].lstrip()
            break
    for closer in ("//]]>", "]]>", "//-->", "-->"):
        if text.endswith(closer):
            text = text[: -len(closer)].rstrip()
            break
    return text


def _types(item: dict[str, Any]) -> set[str]:
    """An item's ``@type`` values, lower-cased."""
    value = item.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values}


def _is_article(item: dict[str, Any]) -> bool:
    """Whether a JSON-LD item is the story itself (any *Article, a blog post, a report)."""
    return any(t.endswith("article") or t in ("blogposting", "report") for t in _types(item))


def _ld_people(value: Any) -> tuple[list[str], list[str]]:
    """``(person names, organisation names)`` of a JSON-LD ``author`` value."""
    people: list[str] = []
    orgs: list[str] = []
    for entry in value if isinstance(value, list) else [value]:
        if isinstance(entry, str):
            people.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
            types = _types(entry)
            # An untyped author with a name is a person far more often than not.
            if types & _PERSON_TYPES or types <= {""}:
                people.append(entry["name"])
            else:
                orgs.append(entry["name"])
    return people, orgs


def _ld_name(value: Any) -> str:
    """The ``name`` of a JSON-LD object, or the value itself when it is a string."""
    # A loop, not recursion: the value may be a list nested hundreds deep.
    while isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name", "")
    return value if isinstance(value, str) else ""


# --- the page --------------------------------------------------------------------------------

# Elements that carry the author line on most news sites.
_BYLINE_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(@class, 'byline') or @itemprop='author' or @rel='author']"
)
# Caption and credit elements outside <figcaption>: class="caption", "media-caption__text",
# "credit", itemprop="caption". Containers named for what they hold ("has-caption") are not.
_CAPTION_XPATH = (
    "//*[@itemprop='caption' or @itemprop='copyrightHolder'"
    " or contains(@class, 'caption') or contains(@class, 'credit')]"
)
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|credit)s?(?:$|[\s_-])", re.IGNORECASE)
_CAPTION_MAX_WORDS = 60
_BUTTON_MAX_WORDS = 3
_META_AUTHOR_NAMES = ("author", "byl", "parsely-author", "sailthru.author", "dc.creator")
_META_AUTHOR_PROPERTIES = ("article:author", "og:article:author", "book:author")


def _meta(tree: lxml_html.HtmlElement, attribute: str, names: tuple[str, ...]) -> list[str]:
    """The non-empty ``content`` of every ``<meta>`` whose ``attribute`` is one of ``names``."""
    out: list[str] = []
    for element in tree.iter("meta"):
        if (element.get(attribute) or "").strip().lower() in names:
            content = clean_inline(element.get("content") or "")
            if content:
                out.append(content)
    return out


def _elements(tree: etree._Element, xpath: str) -> list[etree._Element]:
    """The elements an XPath expression selects (lxml types its result loosely)."""
    result = tree.xpath(xpath)
    return [e for e in result if isinstance(e, etree._Element)] if isinstance(result, list) else []


def element_text(element: etree._Element) -> str:
    """An element's text as one clean line. Text runs are joined with a space (inline
    elements in a byline often sit side by side with no space between), then the spaces
    that leaves before punctuation go."""
    text = clean_inline(" ".join(str(part) for part in element.itertext()))
    return re.sub(r"\s+(?=[,.;:!?)\]’”])|(?<=[(\[‘“])\s+", "", text)


def _is_caption_element(element: etree._Element) -> bool:
    """Whether an element holds a caption or credit (not a container that merely has one)."""
    if element.get("itemprop") in ("caption", "copyrightHolder"):
        return True
    classes = element.get("class") or ""
    return any(
        _CAPTION_CLASS.search(token) and not token.lower().startswith(("has-", "no-", "with-"))
        for token in classes.split()
    )


def _captions(tree: lxml_html.HtmlElement, facts: PageFacts) -> None:
    """Collect caption texts: ``<figcaption>``, caption/credit elements, and a one-item list
    straight after a ``<figure>`` (a layout some sites use for captions)."""
    found: list[etree._Element] = list(tree.iter("figcaption"))
    found += [e for e in _elements(tree, _CAPTION_XPATH) if _is_caption_element(e)]
    for figure in tree.iter("figure"):
        sibling = figure.getnext()
        if sibling is not None and sibling.tag in ("ul", "ol"):
            items = sibling.findall("li")
            if 1 <= len(items) <= 2:
                found += items
    for element in found:
        text = element_text(element)
        if not text or len(text.split()) > _CAPTION_MAX_WORDS:
            continue
        facts.captions.add(key(text))
        if element.tag != "figcaption":
            continue
        # Only figures inside the article itself go back in: figures elsewhere are teasers
        # for other stories, galleries and promotions.
        if not any(a.tag in ("article", "main") for a in element.iterancestors()):
            continue
        # Remember the first real paragraph after the caption: trafilatura often drops
        # figures, and this is where the caption goes back in.
        for para in _elements(element, "following::p[position() <= 6]"):
            para_key = key(element_text(para))
            if len(para_key.split()) >= 8:
                facts.anchored_captions.append((text, para_key))
                break


def page_facts(tree: lxml_html.HtmlElement | None) -> PageFacts:
    """Collect headline candidates, authors, site names and captions from the raw page."""
    facts = PageFacts()
    if tree is None:
        return facts
    title = tree.find(".//title")
    if title is not None:
        facts.title = element_text(title)
    facts.h1 = [h for h in (element_text(h) for h in tree.iter("h1")) if h]
    facts.meta_titles = _meta(tree, "property", ("og:title",)) + _meta(
        tree, "name", ("twitter:title",)
    )
    site_names = _meta(tree, "property", ("og:site_name",))

    ld_people: list[str] = []
    ld_orgs: list[str] = []
    for item in _ld_items(tree):
        if not _is_article(item):
            if _types(item) & {"organization", "newsmediaorganization", "website"}:
                site_names.append(_ld_name(item))
            continue
        headline = item.get("headline")
        if isinstance(headline, str) and headline.strip():
            facts.headlines.append(clean_inline(headline))
        people, orgs = _ld_people(item.get("author"))
        ld_people += people
        ld_orgs += orgs
        site_names += [_ld_name(item.get("publisher")), _ld_name(item.get("copyrightHolder"))]
    facts.site = next((s for s in site_names if s), "")
    publisher = _name_keys(site_names)
    # An organisation named as author is never one of the people of a byline ("Jane Doe and
    # Coast Wire"); it is only a credit, for when no person is named.
    facts.site_names = publisher | _name_keys(ld_orgs)
    # The publisher's own name is never a credit: the header shows it as the site already.
    facts.credits = _names_of(ld_orgs + _headline_credits(tree), publisher)

    for element in _elements(tree, _BYLINE_XPATH):
        text = element_text(element)
        # Digits mean a date or time ran into the element: "By JANE DOE JAN. 13, 2017".
        if is_byline(text) and not re.search(r"\d", text) and text not in facts.bylines:
            facts.bylines.append(text)

    facts.authors = _choose_authors(tree, facts, ld_people)
    _captions(tree, facts)
    for button in _elements(tree, "//button | //*[@role='button']"):
        label = key(element_text(button))
        if label and len(label.split()) <= _BUTTON_MAX_WORDS:
            facts.buttons.add(label)
    return facts


def _name_keys(names: list[str]) -> set[str]:
    """Keys of an organisation's names with their usual variants: "CNN" in a byline is also
    the site that calls itself "CNN.com"; "Coastline Press" is "The Coastline Press"."""
    keys = {key(name) for name in names if key(name)}
    keys |= {re.sub(r"\s+(?:com|co uk|org|net)$", "", k) for k in keys}
    return keys | {k.removeprefix("the ") for k in keys}


_CREDIT_TOKEN = re.compile(r"(?:^|[_-])credits?$", re.IGNORECASE)
_HEADLINE_CREDIT_MAX_WORDS = 5
# A story has a credit line or two: only the first few credit elements of a header are read,
# so a page of thousands costs no more than one.
_HEADLINE_CREDITS_MAX = 3


def _headline_credits(tree: lxml_html.HtmlElement) -> list[str]:
    """Credit lines in the headline's own ``<header>`` with no picture near them: the story's
    source ("JIJI", "Coast Wire"), printed where other sites print the byline.

    A credit beside an image, or inside a figure, is a photo credit and stays one.
    """
    out: list[str] = []
    seen = 0
    for header in tree.iter("header", "hgroup"):
        # Outermost headers only, so that nested ones do not walk the same elements again.
        if any(a.tag in ("header", "hgroup") for a in header.iterancestors()):
            continue
        if header.find(".//h1") is None:
            continue
        for element in header.iter(etree.Element):
            classes = (element.get("class") or "").split()
            if not any(_CREDIT_TOKEN.search(token) for token in classes):
                continue
            seen += 1
            if seen > _HEADLINE_CREDITS_MAX:
                return out
            if any(a.tag in ("figure", "figcaption", "picture") for a in element.iterancestors()):
                continue
            parent = element.getparent()
            if parent is None or parent.find(".//img") is not None:
                continue
            text = element_text(element)
            if text and len(text.split()) <= _HEADLINE_CREDIT_MAX_WORDS and text not in out:
                out.append(text)
    return out


# How far up from the first author element the story's author block may reach.
_AUTHOR_BLOCK_LEVELS = 3


def _first_marked_authors(tree: lxml_html.HtmlElement) -> list[etree._Element]:
    """``rel=author`` / ``itemprop=author`` elements of the story's own author block.

    The first such element in the page is the story's; later ones in the same block are
    co-authors, while those elsewhere credit the authors of teasers for other stories.
    """
    marked = [
        e
        for e in tree.iter()
        if (e.get("rel") == "author" or e.get("itemprop") == "author")
        and e.tag not in ("link", "meta")
        and element_text(e)
    ]
    if not marked:
        return []
    block = marked[0]
    for _ in range(_AUTHOR_BLOCK_LEVELS):
        parent = block.getparent()
        if parent is None or parent.tag in ("body", "html", "article", "main"):
            break
        block = parent
    inside = set(block.iter())
    return [e for e in marked if e in inside]


def _choose_authors(
    tree: lxml_html.HtmlElement, facts: PageFacts, ld_people: list[str]
) -> list[str]:
    """The authors, from the most trusted source that names any: JSON-LD people, author
    ``<meta>`` tags, ``rel``/``itemprop`` author elements, then byline elements."""
    sources: list[list[str]] = [
        ld_people,
        _meta(tree, "name", _META_AUTHOR_NAMES) + _meta(tree, "property", _META_AUTHOR_PROPERTIES),
    ]
    sources.append([element_text(e) for e in _first_marked_authors(tree)])
    # The first author line of the page is the story's; later ones credit teasers.
    sources.append(facts.bylines[:1])
    for source in sources:
        names = _names_of(source, facts.site_names)
        if names:
            return names
    return []


def _names_of(source: list[str], not_authors: set[str]) -> list[str]:
    """The distinct names of a list of author fields."""
    names: list[str] = []
    for raw in source:
        for name in author_names(raw, not_authors):
            if key(name) not in {key(n) for n in names}:
                names.append(name)
    return names


# --- the headline ----------------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")


def _trim_title(title: str, drop: set[str]) -> str:
    """A title without the site name (or author) that pages add at either end."""
    parts = _TITLE_SEPARATORS.split(title)
    while len(parts) > 1 and (key(parts[-1]) in drop or len(parts[-1].split()) <= 3):
        # A short last segment after a separator is almost always the site name.
        if key(parts[-1]) not in drop and len(" ".join(parts[:-1]).split()) < 3:
            break
        parts.pop()
    while len(parts) > 1 and key(parts[0]) in drop:
        parts.pop(0)
    return " - ".join(part.strip() for part in parts) if len(parts) > 1 else parts[0].strip()


def _title_candidate(title: str, drop: set[str]) -> str:
    """A metadata title without its site name; empty when what is left is only the site's
    name or a single word (a CMS name such as "escenic"): no headline."""
    trimmed = _trim_title(title, drop)
    if not key(trimmed) or key(trimmed) in drop or len(trimmed.split()) < 2:
        return ""
    return trimmed


def choose_title(facts: PageFacts, extra: str = "", authors: list[str] | None = None) -> str:
    """The headline: the page's ``<h1>`` when the metadata (JSON-LD ``headline``,
    ``og:title``, ``<title>``) agrees with it, else the best metadata title without its site
    name. ``extra`` is one more candidate (trafilatura's title)."""
    drop = set(facts.site_names) | {key(a) for a in authors or []}
    raw = [t for t in (*facts.headlines, *facts.meta_titles, facts.title) if t]
    candidates = [c for c in (_title_candidate(t, drop) for t in raw) if c]
    keys = [key(c) for c in candidates] + [key(t) for t in raw]
    h1s = [h for h in facts.h1 if len(h.split()) >= 2 and key(h) not in drop]
    for title_key in keys:
        # The metadata's own headline, as the page prints it.
        for h1 in h1s:
            if key(h1) == title_key:
                return h1
    for h1 in h1s:
        # "Politics | The headline": a section name printed in the <h1>.
        for candidate in candidates:
            if len(candidate.split()) >= 3 and f" {key(candidate)} " in f" {key(h1)} ":
                return candidate
    for h1 in h1s:
        # "Kicker: The headline" in the metadata, the headline alone on the page.
        if len(h1.split()) >= 3 and any(f" {key(h1)} " in f" {k} " for k in keys):
            return h1
    if candidates:
        return candidates[0]
    # trafilatura's guess is only a last resort: it may be a logo's or a section's text.
    fallback = _title_candidate(extra, drop) if extra else ""
    return fallback or (h1s[0] if h1s else clean_inline(facts.title))
