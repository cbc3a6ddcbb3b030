"""Keys typed in a burst follow the focus: the part that sends late keys where they belong.

Textual hands a key to the focused widget's queue and runs the app's bindings only when the
key bubbles back up to the app. When keys come in a burst (a paste, fast typing over ssh),
every key of the burst is handed to the reading view before the first one's binding has run:
with ``/peskov`` the ``/`` opens the search prompt, but ``p`` has already gone to the view
and would toggle the people panel, and ``eskov`` would be lost. :class:`KeyRouter` remembers
where each key was handed; a key that bubbles back after the focus has moved elsewhere is
handed again to the widget that has the focus now, in order. After a key that opens a dialog
or a panel, keys are held until the new focus is there (a dialog takes focus when mounted).
Textual has no such mechanism, so it is written here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from textual import events
from textual.widget import Widget

HELD_REFRESHES = 50
"""How many screen refreshes held keys wait for the focus to arrive before they are let go."""

IN_FLIGHT_REFRESHES = 3
"""How many screen refreshes the next held key waits for the one handed on before it to reach
the app (a key a widget keeps, a letter typed into a filter, never does)."""

REMEMBERED = 256
"""How many keys in flight are remembered (a cap: keys handled by priority bindings never
come back)."""


class KeyRouter:
    """Where keys were handed, and keys held until the focus they belong to is there.

    ``focused`` gives the focused widget now; ``later`` runs a callback after the next refresh.
    """

    def __init__(self, focused: Callable[[], Widget | None], later: Callable[..., object]) -> None:
        self._focused = focused
        self._later = later
        self._origins: deque[tuple[events.Key, Widget | None]] = deque(maxlen=REMEMBERED)
        self._held: list[events.Key] = []
        self._awaited: Widget | None = None
        self._awaiting = False
        self._tries = 0
        self._scheduled = False
        self._in_flight: events.Key | None = None
        self._waited = 0

    def arrived(self, event: events.Key) -> None:
        """A key came from the terminal: note where Textual is about to hand it."""
        self._origins.append((event, self._focused()))

    def astray(self, event: events.Key) -> bool:
        """A key bubbled back to the app: True when it was taken here (to be handed on)."""
        origin: Widget | bool | None = False
        for i, (known, where) in enumerate(self._origins):
            if known is event:
                origin = where
                del self._origins[i]
                break
        if origin is False:
            return False  # not one of ours (handed on already, or made by a widget)
        focused = self._focused()
        if not self._held and not self._awaiting and (origin is focused or origin is None):
            return False
        self._held.append(events.Key(event.key, event.character))
        if not self._scheduled:
            self._flush()
        return True

    def replay(self, typed: str) -> None:
        """Press the keys typed before the reader started (printable ones and enter), in
        order, as if typed now."""
        from textual.keys import _character_to_key  # Textual's own name for a character

        for character in typed:
            if character in "\r\n":
                self._held.append(events.Key("enter", "\r"))
            elif character.isprintable():
                self._held.append(events.Key(_character_to_key(character), character))
        if self._held:
            self._schedule()

    def await_focus(self, widget: Widget | None = None) -> None:
        """Hold keys that come back until ``widget`` (any widget, when None) has the focus.

        Called by an action that opens a dialog or a panel whose focus comes a moment later.
        """
        self._awaited = widget
        self._awaiting = True
        self._tries = 0
        self._schedule()

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            self._later(self._flush)

    def _ready(self) -> Widget | None:
        focused = self._focused()
        if focused is None or (self._awaited is not None and focused is not self._awaited):
            return None
        return focused

    def handled(self, event: events.Key) -> None:
        """The app has handled a key (its bindings have run): the next held key may go."""
        if event is self._in_flight:
            self._in_flight = None

    def _flush(self) -> None:
        self._scheduled = False
        if self._in_flight is not None and self._waited < IN_FLIGHT_REFRESHES:
            # The key handed on last has not reached the app's bindings yet: it goes from
            # widget to widget, and a refresh can come between two steps. The next key waits,
            # or "3" of ":3" would reach the view before ":" had opened the prompt.
            self._waited += 1
            self._schedule()
            return
        self._in_flight = None
        target = self._ready()
        if target is None and self._tries < HELD_REFRESHES and (self._held or self._awaiting):
            self._tries += 1
            self._schedule()
            return
        self._awaiting = False
        self._awaited = None
        self._tries = 0
        target = target or self._focused()
        if not self._held or target is None:
            self._held.clear()
            return
        # One key at a time, each to the focus of the moment: a letter typed into a panel's
        # list moves the focus to its filter, and the next letter must follow it there.
        key = self._held.pop(0)
        # Marked as handed on, so that when it bubbles up again it is treated as a key of
        # that widget (its bindings run) rather than as a new key from the terminal.
        key._set_forwarded()
        self._in_flight, self._waited = key, 0
        target.post_message(key)
        if self._held:
            self._schedule()
