"""User key remapping: ``keymap.toml`` in the config directory maps binding ids to keys.

Example ``~/.config/readerui/keymap.toml``::

    [keys]
    next_page = "space,j"
    prev_page = "b,k"
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from platformdirs import user_config_path
from textual.binding import Binding, BindingType


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


def keymap_warnings(bindings: Sequence[BindingType], keymap: Mapping[str, str]) -> list[str]:
    """One line per problem in ``keymap`` over the app's ``bindings``.

    Unknown ids; an empty value (Textual then keeps the default keys); a key given to two
    actions, one of which becomes unreachable (``ctrl+q`` always quits, which is said when
    the quit key is taken).
    """
    by_id = {b.id: b for b in bindings if isinstance(b, Binding) and b.id}
    warnings: list[str] = []
    unknown = sorted(set(keymap) - set(by_id))
    if unknown:
        warnings.append(f"Unknown key ids in keymap.toml: {', '.join(unknown)}")
    empty = sorted(i for i, keys in keymap.items() if i in by_id and not bound_keys(keys))
    if empty:
        warnings.append(f"keymap.toml gives no key to {', '.join(empty)}: the defaults stay")
    owners: dict[str, list[str]] = {}
    for binding_id, binding in by_id.items():
        for key in bound_keys(keymap.get(binding_id) or binding.key):
            owners.setdefault(key, []).append(binding_id)
    for key, ids in owners.items():
        if len(ids) > 1:
            also = "; ctrl+q always quits" if "quit" in ids else ""
            warnings.append(
                f"keymap.toml binds {key} to both {' and '.join(ids)}: "
                f"one of them cannot be reached{also}"
            )
    return warnings


def bound_keys(keys: str) -> list[str]:
    """The keys of a binding's key string, in Textual's long form (``?`` -> question_mark)."""
    if not keys.strip():
        return []
    return [b.key for b in Binding.make_bindings([Binding(keys, "")])]
