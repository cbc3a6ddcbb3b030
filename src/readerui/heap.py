"""Process memory: keep big freed blocks from staying counted against the process.

glibc serves a request of 128 KiB or more with a mapping of its own, handed back to the
system when freed, but each time it frees such a block it raises that threshold to the block's
size (up to 32 MiB), "dynamic mmap threshold". Loading a 10 MB book frees several 10 MB
strings (the file's bytes, the text before clean-up), so every later copy and large list under
that size was carved from the heap instead, and the space they left when freed stayed in the
process: about 20 MB of the peak of ``readerui analyze`` on such a book. Fixing the threshold
(which turns the raising off) keeps the peak near what is really in use, at no measurable cost
in time. No library exposes ``mallopt``; ctypes reaches it where glibc provides it.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["fewer_collections", "settle_startup", "steady_heap"]

_M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameter number (malloc.h)."""
_THRESHOLD = 128 * 1024
"""glibc's own starting value, kept fixed."""


def steady_heap() -> bool:
    """Fix glibc's mmap threshold for this process; False where there is no glibc to ask (or
    it refuses), which changes nothing but memory use."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here, not above: the reader never needs it, and its start is timed

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))


_YOUNG_COLLECTION = 10_000
"""Objects allocated between two collections of the youngest generation (Python's is 700)."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while the block runs. The analysis of a book makes
    some hundreds of thousands of objects that live to its end and holds no cycles worth
    reclaiming early; with the default threshold the collector walks the young ones about a
    thousand times in a 10 MB run (a few percent of its time). For one-shot jobs."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, _YOUNG_COLLECTION), middle, old)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


def settle_startup() -> None:
    """Set aside, for the collector, every object made so far: the modules, Textual's classes
    and the article the reader starts with live as long as the process.

    Python's full collection walks every object the collector tracks; with Textual and a book
    loaded, one that falls due while the first page is drawn takes 10 to 20 ms, a tenth of
    the time to the first page (measured with ``gc.callbacks``). Frozen objects are skipped
    by every later collection (``gc.freeze``, meant for exactly this); cyclic garbage among
    them, little after a start, is never reclaimed.
    """
    gc.freeze()
