"""User key remapping: ``keymap.toml`` in the config directory maps binding ids to keys.

Example ``~/.config/readerui/keymap.toml``::

    [keys]
    next_page = "space,j"
    prev_page = "b,k"
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from platformdirs import user_config_path
from textual.binding import Binding, BindingType

from readerui.core.sanitize import display_name


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
    import tomllib  # only when there is a keymap to read: most starts have none

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
        # Ids come from the user's file: shown inert, whatever they contain.
        shown = ", ".join(display_name(i, limit=40) for i in unknown)
        warnings.append(f"Unknown key ids in keymap.toml: {shown}")
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
                f"keymap.toml binds {display_name(key, limit=40)} to both {' and '.join(ids)}: "
                f"one of them cannot be reached{also}"
            )
    return warnings


ALWAYS_QUITS = "ctrl+q"
"""The key that quits whatever the keymap says: no mapping may take it for another action."""


def keep_a_way_out(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """``keymap`` without ``ctrl+q`` given to any action but quit, and a warning for each.

    Whatever a keymap does to ``q``, ``ctrl+q`` must still quit: a keymap that gave it to
    another action, with ``q`` taken too, once left no way out of the app.
    """
    kept: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, keys in keymap.items():
        parts = [part.strip() for part in keys.split(",")]
        if binding_id != "quit" and any(ALWAYS_QUITS in bound_keys(part) for part in parts if part):
            parts = [part for part in parts if not part or ALWAYS_QUITS not in bound_keys(part)]
            warnings.append(
                f"keymap.toml gives ctrl+q to {display_name(binding_id, limit=40)}: "
                "it is kept for quitting"
            )
            if not any(parts):
                continue  # nothing left: the default keys stay
        kept[binding_id] = ",".join(parts)
    return kept, warnings


def bound_keys(keys: str) -> list[str]:
    """The keys of a binding's key string, in Textual's long form (``?`` -> question_mark)."""
    if not keys.strip():
        return []
    return [b.key for b in Binding.make_bindings([Binding(keys, "")])]


def user_keymap(
    bindings: Sequence[BindingType], path: Path | None = None
) -> tuple[dict[str, str], list[str]]:
    """The user's keymap over ``bindings``, ``ctrl+q`` kept for quitting, and one warning line
    per problem (what was taken from it, what it gets wrong, a file that could not be read)."""
    keymap, error = load_keymap(path)
    keymap, taken = keep_a_way_out(keymap)
    return keymap, [*taken, *keymap_warnings(bindings, keymap), *([error] if error else [])]
