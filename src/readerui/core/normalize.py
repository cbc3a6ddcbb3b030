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

__all__ = ["clean_inline", "normalize_text"]

# Terminal escape sequences, removed whole: dropping only the ESC byte would leave "[31m"
# litter in the text. Order matters: string-type sequences (OSC, DCS, ...) run up to their
# terminator, so they are tried before the short forms.
_ESCAPES = re.compile(
    r"""
      \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?       # OSC ... BEL / ST (titles, hyperlinks)
    | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?          # DCS, SOS, PM, APC ... ST
    | \x1b\[[0-?]*[ -/]*[@-~]?                       # CSI (colours, cursor moves)
    | \x1b[ -/]*[0-~]?                               # two/three-byte escapes (ESC c, ESC ( B)
    | \x9b[0-?]*[ -/]*[@-~]?                         # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?                 # 8-bit OSC
    | [\x90\x98\x9e\x9f][^\x9c]*\x9c?                # 8-bit DCS, SOS, PM, APC
    """,
    re.VERBOSE,
)

# Line and paragraph separators that are not "\n": all mean a line break to the reader.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")

# Invisible format characters: zero-width spaces and joiners, word joiner, BOM, soft hyphen,
# and bidirectional overrides (which can make text display in a different order than it is
# stored, the "Trojan source" trick).
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)

# Every control character except the line feed; tabs are turned into spaces before this runs.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

# Any horizontal space other than the plain one: no-break spaces, thin spaces, ideographic
# space... They only matter for typesetting, and a terminal reader wraps text itself.
_SPACES = re.compile(r"[^\S\n]+")

_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def _strip_controls(text: str) -> str:
    """Remove escapes, invisible and control characters; unify line breaks and spaces."""
    text = _ESCAPES.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = text.replace("\t", " ")
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    return text


_INDENT = re.compile(r"^[^\S\n]*")


def _clean_line(line: str) -> str:
    """One line with runs of spaces collapsed and no trailing space; indentation is kept
    (as plain spaces) because it is structure in Markdown and in verse."""
    indent = len(_INDENT.match(line).group(0))  # type: ignore[union-attr]
    rest = _SPACES.sub(" ", line[indent:]).rstrip()
    return " " * indent + rest if rest else ""


def normalize_text(text: str) -> str:
    """Clean a whole document, keeping its line structure.

    NFC form, no escape sequences or control characters (except ``\\n``), ``\\n`` line ends,
    one space between words (leading indentation kept), no trailing spaces, at most one blank
    line in a row, and no blank lines at either end.
    """
    text = _strip_controls(text)
    # NFC after the removals: a stripped zero-width character may sit between a letter and a
    # combining mark that should compose with it.
    text = unicodedata.normalize("NFC", text)
    lines = [_clean_line(line) for line in text.split("\n")]
    text = "\n".join(lines)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip("\n")


def clean_inline(text: str) -> str:
    """Clean a fragment that must become one line: a title, a byline, a paragraph.

    Same clean-up as :func:`normalize_text`, and every line break becomes a space.
    """
    text = unicodedata.normalize("NFC", _strip_controls(text))
    return " ".join(text.split())


def display_name(name: str) -> str:
    """A file name or URL made safe for a one-line message (no control characters)."""
    return "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in name)
