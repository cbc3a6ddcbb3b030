"""What a source is (standard input, a URL or a file) and loading it: the one place that decides.

The command line, the app's Open dialog and the library all hand a source spec here; nothing
else tells URLs from paths. Loading a URL goes through :mod:`readerui.core.fetch`, a file or
stdin through :mod:`readerui.core.loading`; both are imported lazily so that a plain-text file
never imports httpx.
"""

from __future__ import annotations

import re
import threading
from typing import Literal

from readerui.core.models import Article

__all__ = ["SourceKind", "is_url", "kind_of", "load_source"]

SourceKind = Literal["stdin", "url", "file"]
"""The three kinds of source readerui reads."""

STDIN = "-"
"""The spec that means standard input."""

_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


def is_url(spec: str) -> bool:
    """Whether ``spec`` is an http(s) URL (rather than a path or ``"-"``)."""
    return _URL.match(spec.strip()) is not None


def kind_of(spec: str) -> SourceKind:
    """Whether ``spec`` means standard input, an http(s) URL or a file path."""
    if spec == STDIN:
        return "stdin"
    return "url" if is_url(spec) else "file"


def load_source(spec: str, cancel: threading.Event | None = None) -> Article:
    """Load whatever the command line was given: ``"-"`` for stdin, an http(s) URL, or a path.

    Synchronous (for the command line and thread workers); ``cancel`` abandons a file load.
    """
    kind = kind_of(spec)
    if kind == "stdin":
        from readerui.core.loading import load_stdin

        return load_stdin()
    if kind == "url":
        from readerui.core.fetch import load_url

        return load_url(spec.strip())
    from readerui.core.loading import load_path

    return load_path(spec, cancel=cancel)
