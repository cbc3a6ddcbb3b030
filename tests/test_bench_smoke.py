"""The benchmark script runs (a tiny smoke run, so it cannot rot); no timing is asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_reader_benchmark_smoke_run_prints_its_tables() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_reader.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "readerui benchmark" in out
    assert "| 100 KB |" in out
    assert "`analyze --json`" in out
    if "tmux not found" not in out:
        assert "first page: readerui / floor" in out
