"""The core must stay usable without the UI: importing it must not import Textual."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_data_do_not_import_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, readerui.core as core, readerui.data as data\n"
        "for pkg in (core, data):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "import readerui.cli\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"core imported: {result.stdout.strip()}"
