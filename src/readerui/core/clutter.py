"""Page clutter that survives main-content extraction, found by position and page structure.

trafilatura keeps what sits inside the article container; news sites put more than the story
there: the date and section printed as a bullet list above the text, a video player's status
lines, a "More from ..." list of links at the end, teasers for other stories, the heading of
a box whose contents are gone left at the end, caption text glued to a hidden "Credit"
label. Each rule here removes one such class wherever it occurs, judged by where the block
stands and what the page's markup says about it, with text patterns only for the block's own
shape (a date, a heading that announces other stories).
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from readerui.core.models import ParagraphKind
from readerui.core.normalize import clean_inline
from readerui.core.pagemeta import element_text, key

__all__ = [
    "drop_more_lists",
    "drop_page_meta",
    "drop_teasers",
    "drop_trailing_headings",
    "is_page_meta",
    "repair_caption",
    "teaser_keys",
]

Block = tuple[str, ParagraphKind]

# --- date and section lines ------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_DATE = (
    rf"(?:{_DAY}\s+)?(?:\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,?\s+\d{{4}})?|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})(?!\d)"
)
_TIME = r"\d{1,2}(?::\d{2})?(?!\d)\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?"
# Between the date and time parts a separator is required, so a run of digits can be split
# only one way (no exponential backtracking on "2020 11111111...").
_SEP = r"(?:\s*(?:at|,|-)\s*|\s+)"
# A time alone ("10 p.m.") may be a live blog's heading; with "Updated" it is page furniture.
_STAMP = r"(?:published|updated|posted|last\ updated|first\ published|modified)"
_META_PART = re.compile(
    rf"""^(?:
        (?:{_STAMP}\s*:?\s*(?:on\s+)?)?{_DATE}(?:{_SEP}(?:{_DATE}|{_TIME}))*
      | {_STAMP}\s*:?\s*(?:at\s+)?{_TIME}(?:{_SEP}(?:on\s+)?{_DATE})?
      | from\ the\ section\ .{{1,40}}
      | section\s*:\s*.{{1,40}}
      | \d+\s*(?:min(?:ute)?s?|hours?)\s+(?:read|ago|listen)
    )[\s.,]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_META_SEPARATORS = re.compile(r"\s*[•·|]\s*")
_META_MAX_WORDS = 14
_META_MAX_CHARS = 120


def is_page_meta(line: str) -> bool:
    """Whether a line is only the page's date, time, section or reading time, alone or run
    together with bullets: "24 July 2015", "• 24 July 2015 • From the section US & Canada"."""
    text = line.strip()
    if not text or len(text) > _META_MAX_CHARS or len(text.split()) > _META_MAX_WORDS:
        return False
    parts = [part for part in _META_SEPARATORS.split(text) if part.strip()]
    return bool(parts) and all(_META_PART.match(part.strip()) for part in parts)


# The page's date and section line sits above the story or right under the headline; an
# "Updated at ..." stamp may close it.
_META_WINDOW = 6
_META_TAIL = 2


def drop_page_meta(blocks: list[Block]) -> list[Block]:
    """Blocks without date/section lines at the top or the very end (in between, a date may
    be content: a timeline entry)."""
    last = len(blocks) - _META_TAIL
    return [
        block
        for index, block in enumerate(blocks)
        if not (
            (index < _META_WINDOW or index >= last)
            and block[1] != "heading"
            and is_page_meta(block[0])
        )
    ]


# --- "More from ..." lists at the end ---------------------------------------------------------

_MORE_HEADING = re.compile(
    r"""^(?:
        (?:more|most|other|related|recommended|popular|trending|latest|top|further|editors?'?s?)
            \b.{0,40}\b(?:stories|articles|reads?|news|from|coverage|picks|posts|reading
            |videos?|headlines|on|in|links|columns|opinions?|features|topics)\b.{0,40}
      | (?:more\ )?must[- ]reads?.{0,40}
      | you\ (?:may|might)\ (?:also\ )?(?:like|enjoy|be\ interested\ in).{0,30}
      | (?:read|watch|what\ to\ read)\ next.{0,30}
      | (?:see|read)\ also
      | don'?t\ miss.{0,30}
    )[\s:.!?]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MORE_MAX_WORDS = 10
# A link in a "More from" list is a headline: short, one line.
_LINK_MAX_WORDS = 25


def drop_more_lists(blocks: list[Block], teasers: set[str] | None = None) -> list[Block]:
    """Blocks without a trailing "More from ..." heading and the short link lines under it.

    Only in the second half of the article, and only when everything after the heading to the
    end is list items, headings, headline-length lines or ``teasers`` (keys of other stories'
    summaries, see :func:`teaser_keys`): a heading that leads into more story text is kept.
    """
    teasers = teasers or set()
    # Walk back from the end while every block could belong to such a list (one pass).
    index = len(blocks) - 1
    cut = len(blocks)
    while index >= len(blocks) // 2:
        text, kind = blocks[index]
        if (
            kind in ("heading", "body", "list")
            and len(text.split()) <= _MORE_MAX_WORDS
            and _MORE_HEADING.match(text)
        ):
            cut = index
        if not (
            kind in ("list", "heading")
            or len(text.split()) <= _LINK_MAX_WORDS
            or key(text) in teasers
        ):
            break
        index -= 1
    return blocks[:cut]


# --- teasers for other stories ------------------------------------------------------------------

_TEASER_MIN_RUN = 2
# Three cards in a row are a stream of other stories wherever they stand.
_TEASER_RUN = 3
_CARD_MAX_WORDS = 200


def teaser_keys(tree: lxml_html.HtmlElement | None) -> set[str]:
    """Keys of blocks that point to other stories: headings and list items that are nothing
    but a link, and the one short paragraph of a card under such a heading. (A heading over
    several paragraphs is a section of the story, such as an item of a list article.)

    These are only dropped as a run at the end of the article (:func:`drop_trailing`): inside
    the story a linked heading or list item is the story's own."""
    if tree is None:
        return set()
    out: set[str] = set()
    # Elements, not id()s: lxml's proxies die and their ids are reused.
    seen: set[etree._Element] = set()
    # A list item that is nothing but a link: an entry of a list of other stories.
    for item in tree.iter("li"):
        links = list(item.iter("a"))
        text = element_text(item)
        if links and text and text == clean_inline(" ".join(element_text(a) for a in links)):
            out.add(key(text))
    # A heading wrapped in a link (a card whose whole face is the link).
    for heading in tree.xpath("//a//h2 | //a//h3 | //a//h4"):
        if isinstance(heading, etree._Element):
            out.add(key(element_text(heading)))
    for heading in tree.xpath("//h2[a] | //h3[a] | //h4[a]"):
        if not isinstance(heading, etree._Element):
            continue
        heading_text = element_text(heading)
        link_text = clean_inline(" ".join(element_text(a) for a in heading.iter("a")))
        # Mostly link: a kicker may precede the linked headline ("Opinion Title").
        if not heading_text or len(link_text) * 2 < len(heading_text):
            continue
        # The heading itself: a linked headline of another story when it ends the article.
        if heading_text == link_text:
            out.add(key(heading_text))
        card = heading.getparent()
        if card is None or card in seen:
            continue
        seen.add(card)
        # Two paragraphs are enough to know it is not a card: stop looking there.
        paragraphs = list(islice(card.iter("p"), 2))
        if len(paragraphs) == 1 and len(element_text(paragraphs[0]).split()) <= _CARD_MAX_WORDS:
            out.add(key(element_text(paragraphs[0])))
    return out


def drop_teasers(blocks: list[Block], keys: set[str]) -> list[Block]:
    """Blocks without teasers for other stories: the run of teaser blocks (keys in ``keys``)
    that ends the article with the short lines among them, and any run of
    :data:`_TEASER_RUN` or more teasers in a row elsewhere (a stream of cards before the
    story). A single match, or a few inside the story, stay."""
    if not keys:
        return blocks
    blocks = _drop_teaser_runs(blocks, keys)
    end = len(blocks)
    found = 0
    index = end - 1
    while index >= 0:
        text, _kind = blocks[index]
        if key(text) in keys:
            found += 1
        elif len(text.split()) > _LINK_MAX_WORDS:
            break
        index -= 1
    if found < _TEASER_MIN_RUN:
        return blocks
    cut = index + 1
    # Short lines before the first teaser are the story's last lines, not part of the run.
    while cut < end and key(blocks[cut][0]) not in keys:
        cut += 1
    return blocks[:cut]


def _drop_teaser_runs(blocks: list[Block], keys: set[str]) -> list[Block]:
    """Blocks without runs of :data:`_TEASER_RUN` or more consecutive teasers."""
    out: list[Block] = []
    run: list[Block] = []
    for block in blocks:
        if key(block[0]) in keys:
            run.append(block)
            continue
        if len(run) < _TEASER_RUN:
            out.extend(run)
        run = []
        out.append(block)
    if len(run) < _TEASER_RUN:
        out.extend(run)
    return out


def drop_trailing_headings(blocks: list[Block]) -> list[Block]:
    """Blocks without headings at the very end: a heading with nothing under it heads a box
    of the page ("Today on ...") whose contents the extractor or the rules above left out."""
    end = len(blocks)
    while end > 0 and blocks[end - 1][1] == "heading":
        end -= 1
    # A page of headings only is kept as it is: there is nothing else to read.
    return blocks[:end] if end else blocks


# --- captions --------------------------------------------------------------------------------

# A hidden "Credit" label for screen readers run into the visible one and the name:
# "...in 2023.CreditCreditJeon Heon-Kyun".
_GLUED_CREDIT = re.compile(
    r"(?:(?<=[.!?”’)])|\s+)(?:(?:Photo|Image|Photograph)\s*)?(?:Credit\s*){2,}:?\s*"
    r"|(?<=[.!?”’)])(?:Photo|Image|Photograph)?Credit:?\s*(?=[A-Z])"
)
# "... in Queens. Credit Jane Roe for The Times": the label without its colon, after the
# description's last sentence.
_BARE_CREDIT = re.compile(
    r"(?<=[.!?”’)])\s+Credit\s+"
    r"(?=[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:$|/|—|–|-|\||,|for\b|via\b))"
)
# A credit run into the end of the description: "...California.David McNew—Getty Images".
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def repair_caption(text: str) -> str:
    """A caption with its credit label and name set apart: "... 2023. Credit: Jane Roe"."""
    text = _GLUED_CREDIT.sub(" Credit: ", text)
    text = _BARE_CREDIT.sub(" Credit: ", text)
    return _GLUED_SENTENCE.sub(" ", text).strip()
