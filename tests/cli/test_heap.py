"""The command fixes glibc's mmap threshold where there is glibc to ask, and is harmless
anywhere else; it collects garbage less often while it runs, and puts that back after."""

from __future__ import annotations

import gc
import platform
import sys

from readerui.heap import fewer_collections, steady_heap


def test_steady_heap_answers_for_this_platform() -> None:
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert steady_heap() is glibc
    assert steady_heap() is glibc  # asking twice is fine


def test_fewer_collections_is_undone_after_the_block() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] >= 10_000
        assert gc.get_threshold()[1:] == before[1:]
    assert gc.get_threshold() == before
    try:
        with fewer_collections():
            raise KeyError("stop")
    except KeyError:
        pass
    assert gc.get_threshold() == before
