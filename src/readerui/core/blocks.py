"""Block tests shared by the plain-text, Markdown and HTML parsers.

Each test looks at one line or paragraph and says what it is: site chrome ("Advertisement",
"Share this article"), an author line ("By Jane Doe"), a wire credit line, or a photo caption
or credit. They err on the side of keeping text: a line is only chrome when the whole line is.
"""

from __future__ import annotations

import re

__all__ = [
    "GALLERY_PREFIX",
    "is_byline",
    "is_caption",
    "is_chrome",
    "is_contributor_line",
    "is_credit_line",
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
      | follow\ us\ (?:on|at)\ .{1,100}
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
      | (?:unfortunately,?\ )?this\ (?:video|content|media)\ is\ (?:not|no\ longer|currently\ not)
            \ available(?:\ in\ your\ (?:region|country|area|location))?
      | (?:video|media)\ (?:is\ )?(?:not\ available|unavailable)
      | now\ (?:playing|watching) | next\ video(?:\ starts\ in\b.{0,30})?
      | (?:replay|watch\ again|autoplay(?:\ on|\ off)?)
      | your\ browser\ (?:does\ not|doesn't)\ support\b.{0,80}
      | (?:please\ )?(?:enable|turn\ on)\ javascript\b.{0,80}
      | loading(?:\ [\w ]{1,30}?\ ?(?:\.{2,}|…)|\ ?(?:\.{2,}|…)?)
      | (?:view|see|open|enlarge)\ (?:photos?|gallery|image|slideshow|larger\ image)
      | [A-Z]{1,4}-\d{2,4}(?:-\d{2,4})+
      | order\ reprints? | reprints?(?:\ (?:&|and)\ permissions)?
      | this\ copy\ is\ for\ your\ personal,?\ non-?commercial\ use\ only\b.{0,400}
      | https?://\S+
      | an\ error\ (?:has\ )?occurred\b.{0,60} | something\ went\ wrong\b.{0,60}
      | thank\ you(?:\ for\ (?:signing\ up|subscribing|your\ (?:feedback|interest)))?
      | this\ (?:article|story)\ has\ been\ sent\ to\b.{0,60}
      | (?:copyright\ ?)?(?:©|\(c\))\ ?.{0,150}
      | copyright\ (?:\(c\)\ )?(?:19|20)\d{2}\b.{0,150}
      | copyright\ [\w&.,\ ]{1,40}?\ (?:19|20)\d{2}(?:\s*[-–|·•].{0,80})?
      | .{0,150}\ball\ rights\ reserved
      | (?:write\ to|e-?mail|contact|reach)\ .{1,80}\ at\ \S+@\S+\.\w+.{0,150}
      | follow\ (?:him|her|them|me)\ (?:on|at)\ .{1,100}
      | follow\ .{1,80}\ on\ (?:facebook|twitter|instagram|youtube|linkedin|tiktok|threads|bluesky)
            \b.{0,100}
      | follow\ .{1,80}\ at\ https?://\S+
      | reach\ (?:the\ )?(?:reporters?|writers?|authors?|him|her|them)\b.{0,150}
      | have\ a\ (?:news\ )?tip\?.{0,200}
      | [\w\ .'’-]{1,40}:\ ?https?://\S+(?:\ and\ https?://\S+)*
      | get\ .{1,100}\b(?:newsletters?|subscrib\w*|by\ e-?mail|in\ your\ inbox|sign\ up)\b.{0,120}
      | like\ this\ (?:story|article|post)\?.{0,60}
      | if\ you\ (?:enjoyed|liked|value|appreciate)\ (?:this|our)
            \ (?:article|story|piece|journalism)\b.{0,300}
      | \[(?:related|see\ also|read\ more|more)\s*:.{1,150}\]
      | related\ (?:posts?|articles?|stor(?:y|ies)|links?|reading)\s*:.{1,150}
      | \[\w+\b[^\]]*\].{0,200}\[/\w+\]
      | (?:see|read|watch|listen)\ (?:more|also|next)\s*:.{1,150} | related\s*:.{1,150}
      | don'?t\ miss | must\ read | most\ shared
      | (?:show|load)\ more | please\ wait
      | this\ feature\ is\ (?:temporarily\ )?unavailable\b.{0,80} | thanks!?
      | \[.{0,120}\b(?:inbox|newsletters?|subscribe|sign\ up)\b.{0,80}\]
      | tell\ us\ what\ you\ think | what\ do\ you\ think\?? | have\ your\ say
      | join\ the\ (?:conversation|discussion) | leave\ a\ reply | comments?\ (?:are\ )?closed
      | (?:now\ )?check\ your\ (?:e-?mail|inbox)\b[^"“”.]{0,80}\bto\ (?:download|confirm|verify
            |activate)\ (?:your|the|our)\ (?:new\ )?(?:app|subscription|account|registration)
      | (?:(?:are|were|have|did|do)\ you\b[^?"“”]{1,150}\?\ )?(?:please\ )?(?:share|send|submit
            |upload)\ (?:us\ )?your\ (?:own\ )?(?:videos?|photos?|pictures?|images?|stor(?:y|ies)
            |experiences?|tips?)(?:,?\ (?:and\ |or\ )?(?:videos?|photos?|pictures?|images?
            |stor(?:y|ies)|experiences?|tips?))*
            (?:\ (?:at|with|to|on|via|using|through|here)\b[^"“”,;]{0,80})?
    )[\s.:!…»›>|-]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Longer chrome lines ("We use cookies to improve...", a reprint notice) may be a few sentences,
# but no body paragraph is both this long and fully matched by a chrome pattern.
_CHROME_MAX_CHARS = 500


def is_chrome(line: str) -> bool:
    """Whether a line is site furniture (ads, share buttons, sign-up prompts) and not text."""
    line = line.strip()
    return 0 < len(line) <= _CHROME_MAX_CHARS and _CHROME.match(line) is not None


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
_BYLINE_FIRST = "bBwWsSſ"


def is_byline(line: str) -> bool:
    """Whether a line is an author line such as ``"By Jane Doe and John Roe, CNN"``.

    The words after "By" must look like names: capitalised words, initials, name particles,
    commas and separators. "By Monday, the council had voted" fails on "council".
    """
    text = line.strip()
    # Every byline opens with "by", "written", "words" or "story" (any case; "ſ" is a
    # case-blind "s"): one character test spares the regex for almost every line of a book.
    if text[:1] not in _BYLINE_FIRST:
        return False
    match = _BYLINE.match(text)
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
_CREDIT_WORDS = ("photo", "image", "picture", "provided")
_CREDIT_END_CHARS = 200


# Text a news site's photo viewer puts before every caption.
GALLERY_PREFIX = re.compile(
    r"^(?:open this photo in gallery|enlarge this image|expand)\s*:?\s+", re.I
)


_CREDIT_END_HINTS = ("/", "(", "getty", "shutterstock", "alamy", "via", "photo", "image")
"""Every _CREDIT_END match holds one of these (case aside)."""


def _may_end_in_credit(tail: str) -> bool:
    """Whether _CREDIT_END may match in ``tail``: most paragraphs hold none of its words, and
    these tests in C are far cheaper than the case-blind search. Only decided for ASCII,
    where ``lower()`` folds case exactly as the pattern does ("ı", "İ", "ſ" and the Kelvin
    sign match "i", "s" and "k" case-blind)."""
    if not tail.isascii():
        return True
    low = tail.lower()
    return any(hint in low for hint in _CREDIT_END_HINTS)


def is_caption(paragraph: str) -> bool:
    """Whether a paragraph is a photo caption or credit line.

    True for text carrying a credit ("(Photo: Ana Ruiz/Coastline Press)", "Provided Photo/...",
    "AP Photo", "Photograph: ...") or a description that ends in an agency credit.
    """
    text = paragraph.strip()
    # Words counted only up to the limit (a split stopped there): a book's paragraphs are long.
    if not text or len(text.split(None, _CAPTION_MAX_WORDS)) > _CAPTION_MAX_WORDS:
        return False
    if GALLERY_PREFIX.match(text) and len(text.split()) > 5:
        return True
    # Every credit-anywhere form has a "(" or one of these words: most paragraphs of a book
    # have none, and skip the search.
    lower = text.lower()
    maybe_credit = "(" in text or any(word in lower for word in _CREDIT_WORDS)
    if maybe_credit and _CREDIT_ANYWHERE.search(text):
        return True
    if _CREDIT_START.match(text):
        return True
    # A closing credit is a few words long: look at the end only (a book's paragraphs are
    # long, and an end-anchored search tries every position).
    start = max(0, len(text) - _CREDIT_END_CHARS)
    if not _may_end_in_credit(text[start:]):
        return False
    match = _CREDIT_END.search(text, start)
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


# "Jane Doe and John Roe contributed to this report.", "With files from The Canadian Press",
# "Reporting by Jane Doe; Editing by John Roe": the story's other authors, at its end.
_CONTRIBUTORS = re.compile(
    r"""^(?:
        .{3,160}?\ (?:also\ )?contributed\ (?:to\ )?(?:this\ |the\ )?
            (?:report|story|article|reporting|coverage)(?:\ from\ .{1,60})?
      | (?:with\ )?(?:files|reporting|additional\ reporting)\ (?:from|by)\ .{3,120}
      | (?:reporting|writing|editing)\ by\ .{3,120}
    )[\s.)]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CONTRIBUTORS_MAX_WORDS = 40


def is_contributor_line(line: str) -> bool:
    """Whether a line credits contributors: "Ana Ruiz contributed to this report."."""
    text = line.strip().strip("()")
    words = len(text.split(None, _CONTRIBUTORS_MAX_WORDS))  # counted up to the limit only
    return words <= _CONTRIBUTORS_MAX_WORDS and _CONTRIBUTORS.match(text) is not None
