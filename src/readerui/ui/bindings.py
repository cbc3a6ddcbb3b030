"""The app's keys: its bindings (each with an id the keymap can remap) and the key help."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual.binding import Binding

from readerui.ui.keymap import bound_keys

BINDINGS: list[Binding] = [
    Binding("space,pagedown,right,l", "next_page", "Next page", id="next_page"),
    Binding("b,pageup,left,h", "prev_page", "Previous page", id="prev_page"),
    Binding("g,home", "first_page", "First page", id="first_page"),
    Binding("G,end", "last_page", "Last page", id="last_page"),
    Binding("colon", "goto_page", "Go to page…", id="goto_page"),
    Binding("slash", "search", "Search…", id="search"),
    Binding("n", "search_next", "Next match / page with a mention", id="search_next"),
    Binding("N", "search_prev", "Previous match / mention", id="search_prev"),
    Binding("d", "toggle_spread", "Two-page spread on/off (wide terminals)", id="spread"),
    Binding("p", "toggle_people", "People panel on/off", id="people"),
    Binding("i", "toggle_quotes", "Quote index on/off", id="quotes"),
    Binding(
        "tab", "cycle_focus(1)", "Focus text → people → quotes", id="focus_next", priority=True
    ),
    Binding("shift+tab", "cycle_focus(-1)", "Focus back", id="focus_prev", priority=True),
    Binding("y", "copy_quote", "Copy a citation of the quote", id="copy_quote"),
    Binding("x", "toggle_partial", "Show/hide fragment quotes", id="partial"),
    Binding("o", "open", "Open a file or URL…", id="open"),
    Binding("L", "library", "Library: everything read before", id="library"),
    Binding("P", "across", "Who said what across the library", id="across"),
    Binding("s", "save", "Save the article (Markdown)…", id="save"),
    Binding("question_mark,f1", "help", "Show keys", id="help"),
    Binding("escape", "close_overlay", "Close prompt, clear highlights", id="close", show=False),
    Binding("q", "quit", "Quit", id="quit"),
]
"""Every key of the reader, by id (``keymap.toml`` remaps them by these ids)."""

HELP_SECTIONS = (
    ("Reading", ("next_page", "prev_page", "first_page", "last_page", "goto_page", "spread")),
    ("Search", ("search", "search_next", "search_prev", "close")),
    (
        "People and quotes",
        ("people", "quotes", "focus_next", "focus_prev", "copy_quote", "partial", "across"),
    ),
    ("App", ("open", "library", "save", "help", "quit")),
)
"""Sections of the help and the binding ids listed in each."""

ALWAYS_QUITS = "ctrl+q"
"""Textual's own quit key: it cannot be remapped, so it is listed beside ours."""


HINT = (("help", "keys"), ("people", "people"), ("quotes", "quotes"), ("open", "open"))
"""The keys a newcomer needs first, shown in the status line: binding id and a word."""

NARROW_HINT = 100
"""Below this many columns the hint names only the help key (the title needs the room)."""


def key_hint(keymap: Mapping[str, str], display: Callable[[Binding], str], width: int) -> str:
    """``? keys · p people · i quotes · o open``, with the keys as bound now."""
    by_id = {b.id: b for b in BINDINGS if b.id}
    parts = []
    for binding_id, word in HINT if width >= NARROW_HINT else HINT[:1]:
        binding = by_id[binding_id]
        keys = bound_keys(keymap.get(binding_id) or binding.key)
        if keys:
            parts.append(f"{display(Binding(keys[0], binding.action))} {word}")
    return " · ".join(parts)


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
            keys = bound_keys(keymap.get(binding_id) or binding.key)
            if binding_id == "quit":
                keys.append(ALWAYS_QUITS)
            shown = " ".join(display(Binding(key, binding.action)) for key in keys)
            rows.append((shown, binding.description))
    rows.append(("", "Mouse"))
    rows.append(("click", "Left/right third of the page turns back/forward"))
    rows.append(("wheel", "Turns pages"))
    return rows
