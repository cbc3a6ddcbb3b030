"""The given-name table kept in the cache folder: the same table as gender-guesser's, and
a missing, damaged or outdated copy is built again without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readerui.core.analysis import names


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    return names._build_table(names.never)


def test_kept_copy_reads_back_the_same_table(tmp_path: Path, built: dict[str, str]) -> None:
    path = tmp_path / "cache" / "given-names.json"
    names._write_table(path, "k1", built)
    assert names._read_table(path, "k1") == built
    assert names._read_table(path, "k2") is None  # other data: not used
    assert not [p for p in path.parent.iterdir() if p != path]  # no temporary file left


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"key": "k1"}',
        b'{"key": "k1", "names": {"male": [1, 2]}}',
        b'{"key": "k1", "names": []}',
        b'{"key": "k1", "names": {}}',
    ],
)
def test_damaged_copy_is_not_used(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "given-names.json"
    path.write_bytes(content)
    assert names._read_table(path, "k1") is None


def test_table_file_follows_the_cache_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READERUI_CACHE_DIR", str(tmp_path))
    path, key = names._table_file()
    assert path.parent == tmp_path
    assert key is not None
    assert key.startswith(f"{names._TABLE_FORMAT}:")


def test_unwritable_folder_keeps_no_copy(tmp_path: Path, built: dict[str, str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    names._write_table(blocker / "given-names.json", "k1", built)  # a file, not a folder
    assert blocker.read_text() == "x"


def test_a_written_copy_groups_names_by_verdict(tmp_path: Path, built: dict[str, str]) -> None:
    path = tmp_path / "given-names.json"
    names._write_table(path, "k1", built)
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert set(kept["names"]) == set(built.values())
    assert sum(len(v) for v in kept["names"].values()) == len(built)
