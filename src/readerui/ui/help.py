"""The rows of the key help: every binding as bound now, grouped by what it is for."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual.binding import Binding

from readerui.ui.keymap import bound_keys

HELP_SECTIONS = (
    ("Reading", ("next_page", "prev_page", "first_page", "last_page", "goto_page", "spread")),
    ("Search", ("search", "search_next", "search_prev", "close")),
    (
        "People and quotes",
        ("people", "quotes", "focus_next", "focus_prev", "copy_quote", "partial"),
    ),
    ("App", ("open", "help", "quit")),
)
"""Sections of the help and the binding ids listed in each."""

ALWAYS_QUITS = "ctrl+q"
"""Textual's own quit key: it cannot be remapped, so it is listed beside ours."""


def key_help(
    bindings: Sequence[Binding],
    keymap: Mapping[str, str],
    display: Callable[[Binding], str],
) -> list[tuple[str, str]]:
    """``(keys, description)`` rows for every binding, grouped under ``("", section)``.

    Keys are shown as bound now (the user's remapping included), each spelled by
    ``display`` (the app's :meth:`~textual.app.App.get_key_display`).
    """
    by_id = {b.id: b for b in bindings if b.id}
    rows: list[tuple[str, str]] = []
    for section, ids in HELP_SECTIONS:
        rows.append(("", section))
        for binding_id in ids:
            binding = by_id[binding_id]
            keys = bound_keys(keymap.get(binding_id, binding.key))
            if binding_id == "quit":
                keys.append(ALWAYS_QUITS)
            shown = " ".join(display(Binding(key, binding.action)) for key in keys)
            rows.append((shown, binding.description))
    rows.append(("", "Mouse"))
    rows.append(("click", "Left/right third of the page turns back/forward"))
    rows.append(("wheel", "Turns pages"))
    return rows
