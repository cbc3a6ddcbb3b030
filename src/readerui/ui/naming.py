"""How the reader names where an article came from, for people rather than for the computer.

A bundled sample is called by the command that opens it (``readerui --sample harbour``), not by
a path deep inside the installed package; everything else is its sanitised path or URL.
"""

from __future__ import annotations

from pathlib import Path

from readerui.core.sanitize import display_source
from readerui.data.library import STDIN_KEY


def source_label(source: str) -> str:
    """A short, safe name for ``source`` (a path, a URL, ``-`` or a library key)."""
    if source == "-" or source.startswith(STDIN_KEY):
        return "standard input"
    from readerui.samples import SAMPLES, sample_path

    for name, filename in SAMPLES.items():
        if Path(source).name == filename:
            try:
                if Path(source).resolve() == sample_path(name).resolve():
                    return f"readerui --sample {name}"
            except OSError:
                continue
    return display_source(source)
