"""The command fixes glibc's mmap threshold where there is glibc to ask, and is harmless
anywhere else."""

from __future__ import annotations

import platform
import sys

from readerui.heap import steady_heap


def test_steady_heap_answers_for_this_platform() -> None:
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert steady_heap() is glibc
    assert steady_heap() is glibc  # asking twice is fine
