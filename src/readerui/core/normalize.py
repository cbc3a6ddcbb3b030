"""Text clean-up shared by every loader.

Whatever comes in (a file, a web page, a pipe), the text that reaches the reader must be inert:
no terminal escape sequences, no control characters, no invisible characters that would make
two equal-looking words differ, and one canonical Unicode form so searching and offsets behave.
Markup-looking characters such as Rich's ``[bold]`` are deliberately kept as literal text: the UI
never interprets article text as markup, so removing them would only lose content.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import partial

from readerui.core.courtesy import READER

__all__ = ["clean_inline", "normalize_text", "remove_escapes"]

# Terminal escape sequences, removed whole: dropping only the ESC byte would leave "[31m"
# litter in the text. String-type sequences (OSC, DCS, ...) are removed with their payload only
# when their terminator comes within a bounded distance on the same line: an introducer with no
# terminator (a stray ESC ] or a lone C1 byte from a mis-decoded page) removes only itself, never
# the article text after it. The bound also keeps the scan linear.
_STRING_MAX = 2048  # the longest OSC payload in real use is a hyperlink target (OSC 8)
# A payload is printable: any control character ends the search, so each character of the text
# is looked at by at most one search and the whole scan stays linear.
_PAYLOAD = rf"[^\x00-\x1f\x7f-\x9f]{{0,{_STRING_MAX}}}"
_ESCAPES = re.compile(
    rf"""
      \x1b\]{_PAYLOAD}(?:\x07|\x1b\\|\x9c)       # OSC ... BEL / ST (titles, hyperlinks)
    | \x1b[PX^_]{_PAYLOAD}(?:\x1b\\|\x9c)        # DCS, SOS, PM, APC ... ST
    | \x1b\[[0-?]{{0,64}}[!-/]{{0,8}}[@-~]?       # CSI (colours, cursor moves)
    | \x1b[ -/]{{0,8}}[0-~]?                     # short escapes (ESC c, ESC ( B)
    | \x9b[0-?]{{1,64}}[!-/]{{0,8}}[@-~]          # 8-bit CSI, only with parameters: a
                                                # lone 0x9b byte is mojibake, not a command
    | \x9d{_PAYLOAD}(?:\x07|\x9c)               # 8-bit OSC
    | [\x90\x98\x9e\x9f]{_PAYLOAD}\x9c          # 8-bit DCS, SOS, PM, APC
    """,
    re.VERBOSE,
)
# (A lone introducer left by the pattern above is a control character: _CONTROLS removes it.)

# Line and paragraph separators that are not "\n": all mean a line break to the reader.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")

# Invisible format characters: zero-width spaces, word joiner, BOM, soft hyphen, and
# bidirectional overrides (which can make text display in a different order than it is
# stored, the "Trojan source" trick).
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)

# Zero-width (non-)joiners are real text between two non-ASCII characters: they build emoji
# sequences (a family is four emoji joined by ZWJ) and are spelling in Persian and Indic
# scripts. Between ASCII characters, or next to a space, they only make equal words differ.
_STRAY_JOINER = re.compile("(?<![^\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f])")

# Every control character except the line feed; tabs are turned into spaces before this runs.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


# Anything _strip_controls would change: most texts have none of it, and one search (in C)
# saves five passes over a whole book.
_ANY_SPECIAL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u2028\u2029"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def remove_escapes(text: str) -> str:
    """``text`` without terminal escape sequences, removed whole (see _ESCAPES).

    Run on a page before it is parsed: an HTML parser drops the ESC byte and would leave the
    rest of a sequence ("]0;title") in the text for the later clean-up to miss.
    """
    if len(text) <= _PIECE:
        if _ANY_SPECIAL.search(text) is None:  # it holds ESC and every 8-bit introducer
            return text
        return _ESCAPES.sub("", text)
    # A book: searched a piece at a time (one search over megabytes holds the interpreter
    # lock, and a page turn, for tens of milliseconds), in place, with no copy. A sequence
    # holds no line break, so one never spans a cut.
    cuts = _line_pieces(text, _PIECE)
    for start, end in cuts:
        READER.give_way()
        if _ANY_SPECIAL.search(text, start, end) is not None:
            break
    else:
        return text
    return "".join(_cleaned_pieces(text, cuts, partial(_ESCAPES.sub, "")))


def _strip_controls(text: str) -> str:
    """Remove escapes, invisible and control characters; unify line breaks and spaces."""
    if _ANY_SPECIAL.search(text) is None:
        return text
    text = _ESCAPES.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = text.replace("\t", " ")
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    return _STRAY_JOINER.sub("", text)


_ODD_SPACE = re.compile(r"[^\S\n ]")
_TRAILING = re.compile(r" +\n")
_SPACE_RUNS = re.compile("   *")
_BLANK_RUNS = re.compile("\n\n\n+")
"""What the last pass rewrites: runs of two spaces or more and of three line breaks or more.
Two patterns, each written as a literal opening (not ``  +`` or ``\\n{3,}``, nor one
alternation of both), so the regex engine looks for that opening in C: ten times faster on a
book than trying the pattern at every space and line break."""


def _tidy_space_run(match: re.Match[str]) -> str:
    run, start = match.group(), match.start()
    # A run at the start of a line is indentation (kept); anywhere else one space.
    return run if start == 0 or match.string[start - 1] == "\n" else " "


def _tidy_runs(text: str) -> str:
    """Runs of spaces and of blank lines rewritten. Spaces go first, so each run is judged by
    what precedes it as written; a run of spaces never makes or breaks a run of line breaks."""
    if "  " in text:
        text = _SPACE_RUNS.sub(_tidy_space_run, text)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)  # at most one blank line in a row
    return text


def _tidy_spaces(text: str) -> str:
    """Per line: no trailing space, runs of spaces between words collapsed to one, and the
    indentation kept (as that many plain spaces) because it is structure in Markdown and in
    verse. Whole-text passes whose patterns start with a literal, so the regex engine skips
    ahead in C: a Python loop over the lines of a book took most of its loading time."""
    if _ODD_SPACE.search(text) is not None:
        text = _ODD_SPACE.sub(" ", text)  # one for one, so indentation keeps its width
    if " \n" in text:
        text = _TRAILING.sub("\n", text)
    return text.rstrip(" ")


_PIECE = 1 << 14
"""Characters of a long text cleaned in one go (well under a millisecond of work: a page
turn waits for no more than that)."""


def _line_pieces(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``text`` about ``size`` long, each cut just
    after a run of line breaks (a text with no line break is one piece)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        cut = text.find("\n", start + size)
        if cut == -1:
            break
        while cut + 1 < len(text) and text[cut + 1] == "\n":
            cut += 1
        pieces.append((start, cut + 1))
        start = cut + 1
    pieces.append((start, len(text)))
    return pieces


def _cleaned_pieces(
    text: str, cuts: list[tuple[int, int]], clean: Callable[[str], str]
) -> list[str]:
    """``clean`` of each piece of ``text`` between ``cuts``, giving way to the reader's keys
    before each (see :func:`_line_pieces`)."""
    parts: list[str] = []
    for start, end in cuts:
        READER.give_way()
        parts.append(clean(text[start:end]))
    return parts


_BREAKS = re.compile("\n*")


def _runs_meet(parts: list[str]) -> bool:
    """Whether three line breaks or more follow one another where cleaned pieces meet. Each
    piece holds no such run (_tidy_runs), so only the cuts are looked at, not the whole."""
    carry = 0  # line breaks at the end of the pieces so far
    for part in parts:
        lead = _BREAKS.match(part).end()  # type: ignore[union-attr]  # "\n*" always matches
        if lead == len(part):  # nothing but line breaks (or nothing at all)
            carry += lead
        else:
            if carry + lead >= 3:
                return True
            carry = 0
            while part[-1 - carry] == "\n":
                carry += 1
        if carry >= 3:
            return True
    return False


def _clean_lines(text: str) -> str:
    text = _strip_controls(text)
    # NFC after the removals: a stripped zero-width character may sit between a letter and a
    # combining mark that should compose with it.
    text = unicodedata.normalize("NFC", text)
    text = _tidy_spaces(text)
    return _tidy_runs(text)


def normalize_text(text: str) -> str:
    """Clean a whole document, keeping its line structure.

    NFC form, no escape sequences or control characters (except ``\\n``), ``\\n`` line ends,
    one space between words (leading indentation kept), no trailing spaces, at most one blank
    line in a row, and no blank lines at either end.
    """
    if len(text) > _PIECE:
        # A book is cleaned a piece at a time, each piece ending after a run of line breaks:
        # one regex call over megabytes would hold the interpreter lock, and a page turn, for
        # a tenth of a second while the book is read in a thread. Every pass is line-local
        # but the blank-line one, and that one only meets a run across a cut when a cleaned
        # control character (a CR) became a line break there: it runs on the whole again
        # when _runs_meet finds such a run where two pieces meet.
        parts = _cleaned_pieces(text, _line_pieces(text, _PIECE), _clean_lines)
        text = "".join(parts)
        if _runs_meet(parts):
            text = _tidy_runs(text)
    else:
        text = _clean_lines(text)
    # (Lines that were blank at the ends go last: a run of spaces they led into is
    # indentation either way, see _tidy_space_run.)
    return text.strip("\n")


def clean_inline(text: str) -> str:
    """Clean a fragment that must become one line: a title, a byline, a paragraph.

    Same clean-up as :func:`normalize_text`, and every line break becomes a space.
    """
    text = unicodedata.normalize("NFC", _strip_controls(text))
    return " ".join(text.split())
