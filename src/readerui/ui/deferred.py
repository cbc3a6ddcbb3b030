"""Actions kept until something is ready, then run in the order they came.

Keys typed while a book is read or laid out must act once it is there, in order, instead of
being lost: the reading view keeps them until the whole text is laid out, the reading desk
until the whole article is read. :class:`DeferredActions` is that queue, with the test of
readiness given to it, so it is used (and tested) without an app.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

Action = Callable[[], object]
"""Something to do, with no arguments (its result is ignored)."""


class DeferredActions:
    """Actions kept while ``ready()`` is False, run in order by :meth:`run` once it is True."""

    def __init__(self, ready: Callable[[], bool]) -> None:
        self._ready = ready
        self._kept: deque[Action] = deque()

    def __len__(self) -> int:
        """How many actions are kept."""
        return len(self._kept)

    def when_ready(self, action: Action) -> None:
        """Run ``action`` now if ready, else keep it for :meth:`run`."""
        if self._ready():
            action()
        else:
            self._kept.append(action)

    def keep(self, action: Action) -> None:
        """Keep ``action`` for :meth:`run` even if ready now (the caller knows better: say,
        the page it turns to is not laid out yet)."""
        self._kept.append(action)

    def run(self) -> None:
        """Run the actions kept, in order, while ready (an action may make it not ready).

        Actions kept while they run wait for the next call, so an action that keeps itself
        again cannot loop for ever.
        """
        for _ in range(len(self._kept)):
            if not self._kept or not self._ready():
                return
            self._kept.popleft()()

    def clear(self) -> None:
        """Forget the actions kept (what they were for is gone)."""
        self._kept.clear()
