"""User key remapping: ``keymap.toml`` in the config directory maps binding ids to keys.

Example ``~/.config/readerui/keymap.toml``::

    [keys]
    next_page = "space,j"
    prev_page = "b,k"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from platformdirs import user_config_path


def keymap_path() -> Path:
    """Where the keymap file lives (``$READERUI_CONFIG_DIR`` overrides the platform default)."""
    override = os.environ.get("READERUI_CONFIG_DIR")
    base = Path(override) if override else user_config_path("readerui")
    return base / "keymap.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """Read the keymap; returns ``(keymap, error)`` where ``error`` is one line or None.

    A missing file is not an error; a broken one is reported and ignored, so a typo in the
    config never stops the reader from starting.
    """
    path = path or keymap_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return {}, f"Could not read {path}: {exc.strerror or exc}"
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"Ignoring {path}: {str(exc).splitlines()[0]}"
    keys = data.get("keys", data)
    if not isinstance(keys, dict):
        return {}, f"Ignoring {path}: [keys] must be a table"
    keymap = {str(k): str(v) for k, v in keys.items() if isinstance(v, str)}
    return keymap, None
