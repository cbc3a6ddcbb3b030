"""The one sanitiser for strings from outside that are shown or printed as a single line.

File names, URLs, HTTP reason phrases and headers, exception messages: any of them can carry
terminal escape sequences (``ESC ] 0 ; title BEL`` sets the window title, ``ESC c`` resets the
terminal). Article *text* is cleaned by :mod:`readerui.core.normalize`, which removes escape
sequences whole because they are not part of what the author wrote. A *name* is different: it
identifies something, so nothing in it is dropped. Every control character is shown as a
visible ``\\xNN`` escape instead, so the user sees exactly what arrived and the terminal sees no
control byte. Text that is not a control character is never removed; only a string longer than
the cap is shortened, with a visible ellipsis.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

__all__ = ["MAX_SHOWN", "display_name", "display_source", "redact_url"]

MAX_SHOWN = 300
"""Most characters of one outside string shown in a message: a header can be megabytes long."""

# C0 and C1 controls, DEL, and the invisible characters that can reorder or hide text on screen
# (bidirectional overrides and isolates, line/paragraph separators): all shown as escapes.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


def display_name(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` made safe to show or print on one line.

    Control characters (and bidi overrides) become visible ``\\xNN`` escapes; nothing else is
    removed. Longer than ``limit`` characters, the middle is cut with ``…`` (both ends of a
    path or URL are the informative parts).
    """
    if len(text) > limit:
        keep = max(limit - 1, 2)
        text = text[: keep - keep // 3] + "…" + text[len(text) - keep // 3 :]
    return _UNSAFE.sub(_escape, text)


def redact_url(url: str) -> str:
    """``url`` without its credentials (``http://user:secret@host/`` → ``http://host/``).

    Credentials in a URL are used for the request but never shown or stored (a user name can
    be an access token too). Anything that is not a URL with credentials comes back unchanged.
    """
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        # Not a URL Python can parse ("http://user:pw@[bad"): cut what looks like
        # credentials all the same, so an error message never shows them.
        return _USERINFO.sub(r"\1", url, count=1)
    if not parts.scheme or "@" not in parts.netloc:
        return url
    hostport = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, hostport, parts.path, parts.query, parts.fragment))


def display_source(spec: str) -> str:
    """A source as the user may see it: a path or URL without credentials or control codes."""
    return display_name(redact_url(spec))
