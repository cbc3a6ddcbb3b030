"""Plain text to :class:`Article`: paragraphs, headline, byline, captions, minus site chrome.

Text saved from a news page (copy-paste, "save as text", a terminal browser dump) carries the
page's furniture with it: "Advertisement", "Share this article", photo credits. This module
recovers the article's shape from such text with line-level heuristics that err on the side of
keeping text: a line is only dropped when it is short and is nothing but chrome.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from readerui.core.models import Article, ParagraphKind
from readerui.core.normalize import clean_inline, normalize_text

__all__ = [
    "is_byline",
    "is_caption",
    "is_chrome",
    "parse_plaintext",
    "strip_gutenberg",
]

# --- site chrome ---------------------------------------------------------------------------

# Whole-line patterns only (anchored, case-insensitive): a real sentence that merely mentions
# "advertisement" or "newsletter" never matches because the pattern must cover the whole line.
_CHROME = re.compile(
    r"""^(?:
        make\ (?:this|us|it|\w+)\ your\ home\ ?page
      | make\ your\ home\ ?page
      | set\ as\ (?:your\ )?home\ ?page
      | advertisement | advertisment | advert | ad | sponsored(?:\ content)? | paid\ content
      | story\ continues\ below(?:\ advertisement)?
      | (?:article|story)\ continues\ (?:below|after\ (?:this\ )?(?:ad|advertisement))
      | skip\ to\ (?:main\ )?(?:content|navigation|article)
      | skip\ (?:ad|advert|advertisement)
      | jump\ to\ (?:main\ )?content
      | share(?:\ this)?(?:\ (?:article|story|page|post|video))?(?:\ (?:on|via)\ [\w ]{1,30})?
      | share\ (?:on|via)\ [\w ]{1,30}
      | (?:copy|copied)\ (?:the\ )?link | email(?:\ this)? | print(?:\ this)?(?:\ (?:article|page))?
      | tweet | pin(?:\ it)? | facebook | twitter | whatsapp | linkedin | reddit | pinterest
      | (?:sign\ up|subscribe|register)\b.{0,60}\bnewsletters?\b.{0,40}
      | (?:sign\ up|subscribe)(?:\ (?:now|today|here))?
      | (?:get|receive)\ (?:our|the)\ .{0,40}newsletter.{0,40}
      | follow\ us\ (?:on|at)\ .{1,60}
      | like\ us\ on\ facebook
      | click\ here\ (?:to|for)\ .{1,80}
      | (?:read|see|view)\ (?:more|the\ full\ (?:story|article)|comments?)(?:\ (?:here|below))?
      | related(?:\ (?:articles?|stories|content|coverage|links?|topics?))?
      | most\ (?:read|popular|viewed)
      | (?:leave|post|add)\ a\ comment | \d*\ ?comments?
      | (?:we|this\ (?:site|website))\ uses?\ cookies\b.{0,120}
      | (?:accept|reject|manage)(?:\ all)?\ cookies | cookie\ (?:settings|policy|preferences)
      | (?:log|sign)\ ?in | (?:log|sign)\ ?out | my\ account | menu | close | search
      | back\ to\ top | top\ of\ page | (?:previous|next)\ (?:article|story|page)
      | listen\ to\ (?:this\ )?(?:article|story)(?:\ \d+\ ?min(?:utes?)?)?
      | \d+\ ?min(?:ute)?\ read
      | watch\ (?:the\ )?video | play\ video | video\ ad\ feedback | ad\ feedback
      | (?:all\ )?rights\ reserved\.?
    )[\s.:!…»›>|-]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Longer chrome lines ("We use cookies to improve...") may legitimately be a few sentences, but
# no body paragraph is both this long and fully matched by a chrome pattern.
_CHROME_MAX_CHARS = 200


def is_chrome(line: str) -> bool:
    """Whether a line is site furniture (ads, share buttons, sign-up prompts) and not text."""
    line = line.strip()
    return 0 < len(line) <= _CHROME_MAX_CHARS and _CHROME.match(line) is not None


# Lines such as "=====" or "* * *": underlines and separators, not text.
_RULE = re.compile(r"^[\s=\-_~*#+.·•]{3,}$")

# --- byline --------------------------------------------------------------------------------

_BYLINE = re.compile(r"^(?:by|written\ by|words\ by|story\ by)[:\s]+(?P<rest>.+)$", re.I | re.X)
# Words allowed in lower case inside a byline: name particles and joiners.
_BYLINE_SMALL = frozenset(
    [
        "and",
        "&",
        "of",
        "the",
        "for",
        "in",
        "at",
        "de",
        "del",
        "della",
        "der",
        "di",
        "da",
        "du",
        "la",
        "le",
        "van",
        "von",
        "y",
        "bin",
        "al",
        "el",
        "dos",
        "das",
        "with",
        "staff",
        "writer",
        "writers",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
    ]
)
_BYLINE_MAX_WORDS = 16


def is_byline(line: str) -> bool:
    """Whether a line is an author line such as ``"By Jane Doe and John Roe, CNN"``.

    The words after "By" must look like names: capitalised words, initials, name particles,
    commas and separators. "By Monday, the council had voted" fails on "council".
    """
    match = _BYLINE.match(line.strip())
    if match is None:
        return False
    rest = match.group("rest")
    words = rest.replace("|", " ").replace("/", " ").split()
    if not words or len(words) > _BYLINE_MAX_WORDS or not words[0][:1].isupper():
        return False
    if rest.rstrip().endswith((".", ";", ":", "?", "!")) and not re.search(
        r"\b(?:[A-Z]|Jr|Sr|Inc|Ltd|Co)\.$", rest.rstrip()
    ):
        return False
    for word in words:
        core = word.strip(",.;:()'\"’‘“”-–—·•")
        if not core:
            continue
        if core[0].isupper() or core[0].isdigit() or core.lower() in _BYLINE_SMALL:
            continue
        if "@" in core or core.lower().startswith(("http", "www")):
            continue
        return False
    return True


# "Jane Doe, The Associated Press" / "Jane Doe and John Roe, Staff Reporter": the author line
# of wire copy, without "By". Only recognised at the very top of the text, and only with a
# news-organisation or newsroom-job word after the comma.
_CREDIT_LINE = re.compile(
    r"""^(?P<names>[A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){1,3}
        (?:(?:,\ |\ and\ |\ &\ )[A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){1,3})*)
        ,\ (?P<org>[^,]{2,60})$""",
    re.VERBOSE,
)
_NEWSROOM = re.compile(
    r"\b(?:press|news|newsroom|reuters|bloomberg|agence|afp|cnn|cbc|ctv|bbc|abc|nbc|cbs|ap"
    r"|producer|reporter|correspondent|writer|editor|columnist|staff|contributor"
    r"|journalist|times|post|herald|globe|tribune|gazette|journal)\b",
    re.IGNORECASE,
)


def is_credit_line(line: str) -> bool:
    """Whether a line is a wire-style author credit such as ``"Jane Doe, The Canadian Press"``."""
    match = _CREDIT_LINE.match(line.strip())
    return match is not None and _NEWSROOM.search(match.group("org")) is not None


# --- captions and photo credits ------------------------------------------------------------

# A credit anywhere in the line: parenthesised "(Photo: ...)" style or agency marks that only
# occur in credits ("/Reuters", "AP Photo", "Getty Images" at the end).
_CREDIT_ANYWHERE = re.compile(
    r"""
      \(\s*(?:provided\ )?(?:photo|photograph|image|picture|pic|credit|illustration|video
            |file\ photo|courtesy)s?\b[^)]*\)
    | \bprovided\ photo/
    | \bAP\ Photo\b
    | \b(?:photo|photograph|image|picture)s?\ (?:by|courtesy\ of)\ [A-Z]
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CREDIT_START = re.compile(
    r"^(?:photo|photograph|photography|image|picture|credit|illustration|pictured|above|top)"
    r"\s*:\s*\S",
    re.IGNORECASE,
)
# Agency credits that close a caption: "... on Monday. Jane Doe/Reuters", "... Getty Images".
_CREDIT_END = re.compile(
    r"""(?:
        /\s*(?:reuters|ap|afp|epa|getty(?:\ images)?|shutterstock|alamy|pa|bloomberg|xinhua
            |anadolu|sipa|zuma|[A-Z][\w.&-]*(?:\ [A-Z][\w.&-]*){0,3})
      | \bgetty\ images | \bshutterstock | \balamy(?:\ stock\ photo)? | \bAFP\ via\ getty\ images
      | \bvia\ (?:getty\ images|reuters|AP|AFP|[A-Z]\w+\ Newsource)
      | \b(?:AP|AFP|EPA|PA)\ (?:photo|images?)
      | \(\s*(?:reuters|ap|afp|getty\ images|file)\s*\)
    )[\s.)\]]*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A slash credit ("Jane Doe/Reuters") must look like "Name/Agency" to count at the end of a
# line, or "and/or" would make any sentence a caption.
_SLASH_CREDIT = re.compile(r"[A-Z][\w.'-]+/\s*[A-Z][\w.&-]+(?:\s[A-Z][\w.&-]+){0,3}[\s.)]*$")
_CAPTION_MAX_WORDS = 80


# Text a news site's photo viewer puts before every caption.
_GALLERY_PREFIX = re.compile(
    r"^(?:open this photo in gallery|enlarge this image|expand)\s*:?\s+", re.I
)


def is_caption(paragraph: str) -> bool:
    """Whether a paragraph is a photo caption or credit line.

    True for text carrying a credit ("(Photo: Ana Ruiz/Coastline Press)", "Provided Photo/...",
    "AP Photo", "Photograph: ...") or a description that ends in an agency credit.
    """
    text = paragraph.strip()
    if not text or len(text.split()) > _CAPTION_MAX_WORDS:
        return False
    if _GALLERY_PREFIX.match(text) and len(text.split()) > 5:
        return True
    if _CREDIT_ANYWHERE.search(text) or _CREDIT_START.match(text):
        return True
    match = _CREDIT_END.search(text)
    if match is None:
        return False
    credit = match.group(0)
    # A bare "/Word Word" needs the Name/Agency shape; named agencies count as they are.
    if credit.lstrip().startswith("/") and not re.search(
        r"(?i)/\s*(?:reuters|ap|afp|epa|getty|shutterstock|alamy|pa|bloomberg|xinhua|anadolu"
        r"|sipa|zuma)\b",
        credit,
    ):
        return _SLASH_CREDIT.search(text) is not None
    return True


# --- headings and headline -----------------------------------------------------------------

_HEADLINE_MAX_WORDS = 24
# A long line ending in "?" is far more often the opening sentence than a headline.
_QUESTION_HEADLINE_MAX_WORDS = 16
_HEADLINE_MAX_CHARS = 220
_TERMINAL = (".", ",", ";", ":", "…", '."', ".”", ".'", ".’")
_BOOK_HEADING = re.compile(
    r"^(?:chapter|book|part|volume|section|act|scene|canto|epilogue|prologue|preface"
    r"|introduction|contents|appendix)\b[\w\s.:,'’-]{0,60}$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[-*•·‣◦–—+]|\d{1,3}[.)]|[a-z][.)])\s+\S")


def _all_caps(text: str) -> bool:
    """Whether every letter is upper case: wire headlines, never running text."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _looks_like_headline(text: str) -> bool:
    """Whether text is a plausible headline: short, one statement, no sentence-ending period."""
    words = text.split()
    return (
        0 < len(words) <= _HEADLINE_MAX_WORDS
        and len(text) <= _HEADLINE_MAX_CHARS
        and (not text.endswith(_TERMINAL) or _all_caps(text))
        and not (text.endswith("?") and len(words) > _QUESTION_HEADLINE_MAX_WORDS)
        and not is_byline(text)
        and not is_credit_line(text)
        and not is_caption(text)
        and not _LIST_ITEM.match(text)
        and any(ch.isalpha() for ch in text)
    )


def _is_heading(text: str) -> bool:
    """Whether a one-line block inside the body is a section heading (conservative)."""
    if "\n" in text or len(text.split()) > 12 or text.endswith(_TERMINAL):
        return False
    return _all_caps(text) or _BOOK_HEADING.match(text) is not None


# --- Project Gutenberg ---------------------------------------------------------------------

_PG_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG.*$", re.M | re.I)
_PG_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG.*$", re.M | re.I)
_PG_TITLE = re.compile(r"^Title:[ \t]*(.+)$", re.M)
_PG_AUTHOR = re.compile(r"^Author:[ \t]*(.+)$", re.M)
_PG_PRODUCED = re.compile(r"^(?:Produced by|E-?text prepared by|Transcribed by)\b", re.I)


def strip_gutenberg(text: str) -> tuple[str, str | None, str | None]:
    """Cut a Project Gutenberg book down to the book itself.

    Returns ``(body, title, author)``; when the text is not a Gutenberg book it comes back
    unchanged with no title or author.
    """
    start = _PG_START.search(text)
    if start is None:
        return text, None, None
    header = text[: start.start()]
    title_match = _PG_TITLE.search(header)
    author_match = _PG_AUTHOR.search(header)
    end = _PG_END.search(text, start.end())
    body = text[start.end() : end.start() if end else len(text)]
    title = clean_inline(title_match.group(1)) if title_match else None
    author = clean_inline(author_match.group(1)) if author_match else None
    return body, title, author


# --- paragraphs ----------------------------------------------------------------------------

# Lines shorter than this in a block where every line is short are kept as separate lines
# (verse, addresses, lists); hard-wrapped prose has lines near its wrap width, at least ~60.
_VERSE_MAX_LINE = 56
_VERSE_SHORT_LINE = 40


def _join_lines(lines: list[str]) -> str:
    """Join the lines of one block: unwrap prose, keep verse-like short lines apart."""
    if len(lines) == 1:
        return lines[0]
    longest = max(len(line) for line in lines)
    continued = sum(1 for line in lines[1:] if line[:1].islower())
    # Nobody hard-wraps prose at under 40 columns; between 40 and the verse limit, verse
    # lines mostly start with a capital while wrapped prose mostly continues in lower case.
    if longest < _VERSE_SHORT_LINE or (
        longest < _VERSE_MAX_LINE and continued * 2 < len(lines) - 1
    ):
        # Verse or an address: each line was meant to stand alone.
        return "\n".join(lines)
    out = lines[0]
    for line in lines[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out += line  # A word hyphenated at the wrap: keep the hyphen, drop the break.
        else:
            out += " " + line
    return out


# No one hard-wraps text this wide: a block with a line this long uses one line per paragraph
# (what copying from a browser or many "save as text" tools produce) rather than blank lines.
_UNWRAPPED_LINE = 100


def _blocks(text: str) -> Iterator[list[str]]:
    """Blank-line separated blocks as lists of non-empty lines; in text that puts one
    paragraph on each line, every line is a block of its own."""
    for block in text.split("\n\n"):
        # Indentation carries no meaning in saved pages (it is often a first-line indent).
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and max(len(line) for line in lines) > _UNWRAPPED_LINE:
            yield from ([line] for line in lines)
        elif lines:
            yield lines


_SENTENCE_END = (".", "!", "?", "”", '"', ":", ")")


def _split_block(lines: list[str]) -> Iterator[tuple[str, ParagraphKind | None]]:
    """Break one block into paragraphs, pulling out chrome, bylines and list items.

    Yields ``(text, kind)`` where kind None means "body unless decided otherwise later".
    Chrome lines are dropped here.
    """
    pending: list[str] = []
    for line in lines:
        if _RULE.match(line):
            continue
        # Inside a hard-wrapped paragraph a line like "close." or "search." is the end of a
        # sentence, not a button: only a line that starts afresh can be chrome.
        if is_chrome(line) and (not pending or pending[-1].rstrip().endswith(_SENTENCE_END)):
            continue
        special: ParagraphKind | None = None
        if is_byline(line):
            special = "byline"
        elif _LIST_ITEM.match(line) and len(lines) > 1:
            special = "list"
        if special is None:
            pending.append(line)
            continue
        if pending:
            yield _join_lines(pending), None
            pending = []
        yield line, special
    if pending:
        yield _join_lines(pending), None


# The byline is only looked for near the top; further down "By ..." lines are more likely
# to be something else (a list of contributors, a quoted sign).
_BYLINE_WINDOW = 8


def parse_plaintext(text: str, source: str, *, title: str | None = None) -> Article:
    """Turn plain text into an :class:`Article`.

    ``title`` overrides headline detection (for callers that already know it).
    """
    text = normalize_text(text)
    text, book_title, book_author = strip_gutenberg(text)
    is_book = book_title is not None
    if is_book:
        text = normalize_text(text)
        title = title or book_title

    raw: list[tuple[str, ParagraphKind | None]] = []
    for lines in _blocks(text):
        raw.extend(_split_block(lines))

    if is_book:
        # The "Produced by" credit of the volunteers who transcribed the book is not the book.
        raw = [p for i, p in enumerate(raw) if not (i < 3 and _PG_PRODUCED.match(p[0]))]

    if is_book and title:
        # Books repeat their title on a line of its own after the licence header.
        for index, (para, _kind) in enumerate(raw[:5]):
            if clean_inline(para).casefold() == title.casefold():
                del raw[index]
                break

    # Headline: the first block, when it looks like one and something follows it.
    found_title = title or ""
    if raw and len(raw) > 1:
        first, first_kind = raw[0]
        candidate = clean_inline(first)
        if first_kind is None and (
            (title and candidate.casefold() == title.casefold())
            or (not title and _looks_like_headline(candidate))
        ):
            found_title = found_title or candidate
            raw = raw[1:]

    byline: str | None = None
    blocks: list[tuple[str, ParagraphKind]] = []
    for index, (para, kind) in enumerate(raw):
        final: ParagraphKind
        if kind == "byline":
            if index < _BYLINE_WINDOW or is_book:
                final = "byline"
                byline = byline or para
            else:
                final = "body"
        elif kind == "list":
            final = "list"
        elif index < 2 and byline is None and is_credit_line(para):
            final = "byline"
            byline = para
        elif is_caption(para):
            final = "caption"
            para = _GALLERY_PREFIX.sub("", para)
        elif _is_heading(para):
            final = "heading"
        else:
            final = "body"
        blocks.append((para if "\n" in para else clean_inline(para), final))

    if byline is None and book_author:
        byline = f"By {book_author}"
    return Article.from_blocks(source, found_title, blocks, byline=byline)
