"""The one-line prompt for a page number or a search, in the status line's row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import on
from textual.message import Message
from textual.widgets import Input

PromptMode = Literal["goto", "search"]
"""What the prompt asks for."""


class PromptLine(Input):
    """Asks for one line; says :class:`Answered` on enter. Disabled while hidden, so that
    focus can never land on it unseen."""

    @dataclass
    class Answered(Message):
        """The reader pressed enter in the prompt (which has closed itself)."""

        mode: PromptMode
        """What was asked."""
        value: str
        """What was typed, stripped."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, disabled=True)
        self.mode: PromptMode | None = None
        """What the prompt asks for now (None: closed)."""

    def ask(self, mode: PromptMode, placeholder: str, value: str = "") -> None:
        """Open the prompt for ``mode``, prefilled with ``value``, and focus it."""
        self.mode = mode
        self.placeholder = placeholder
        self.value = value
        self.type = "integer" if mode == "goto" else "text"
        self.disabled = False
        self.add_class("visible")
        # At once, not on the next idle: keys typed right after ":" or "/" land here.
        self.screen.set_focus(self)

    def close(self) -> None:
        """Hide the prompt."""
        self.remove_class("visible")
        self.disabled = True
        self.mode = None

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        mode = self.mode
        self.close()
        if mode is not None:
            self.post_message(self.Answered(mode, event.value.strip()))
