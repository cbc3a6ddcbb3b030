"""Sample articles bundled with readerui, entirely invented, for first runs and demos.

``harbour`` is a news page saved as plain text (with the site chrome, photo credit, byline and
quotes real pages have); ``lighthouse`` is a news page saved as HTML.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

__all__ = ["SAMPLES", "sample_path"]

SAMPLES: dict[str, str] = {
    "harbour": "harbour.txt",
    "lighthouse": "lighthouse.html",
}
"""Sample names and the file each one is stored in."""


def sample_path(name: str = "harbour") -> Path:
    """Filesystem path of a bundled sample article.

    Raises :class:`KeyError` for an unknown name (see :data:`SAMPLES`).
    """
    try:
        filename = SAMPLES[name]
    except KeyError:
        known = ", ".join(sorted(SAMPLES))
        raise KeyError(f"No sample named {name!r} (known: {known})") from None
    resource = files(__name__).joinpath(filename)
    # Installed packages are plain directories in practice; as_file also copes with zipped
    # ones, and for a real directory the path it yields stays valid after the context ends.
    with as_file(resource) as path:
        return Path(path)
