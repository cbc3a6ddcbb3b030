"""The one isolation fixture: every test gets its own empty data, config and cache folders, so
no test reads the developer's keymap.toml, library or cached tables, and no test sees
another's."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_dirs(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A fresh, empty data folder (reading positions) for each test."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("READERUI_DATA_DIR", str(data))
    monkeypatch.setenv("READERUI_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("READERUI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return data
