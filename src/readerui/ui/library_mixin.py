"""The reader's use of the library: resume where reading stopped, save the place."""

from __future__ import annotations

from pathlib import Path

from textual import work

from readerui.core.errors import describe
from readerui.core.models import Article
from readerui.core.sanitize import display_name
from readerui.data.library import text_digest
from readerui.ui.base import WELCOME, ReaderBase


class LibraryMixin(ReaderBase):
    """Reading positions: looked up when an article opens, saved as pages turn."""

    def _welcome_with_recent(self) -> None:
        """On an empty start, list what was read lately under the welcome text."""
        if self.library is None:
            return
        try:
            recent = self.library.recent(5)
        except Exception:
            return
        if recent:
            lines = [f"{display_name(e.title)[:60]}  ·  {round(e.progress * 100)}%" for e in recent]
            self.view.empty_message = [*WELCOME, "", "Recently read (o lists them):", *lines]
            self.view.refresh_view()

    def _library_key(self, article: Article) -> str | None:
        """The library's name for an article: a URL, or an absolute path; None for stdin."""
        from readerui.core.sources import is_url

        source = article.source
        if source in ("", "-"):
            return None
        if is_url(source):
            return source
        return str(Path(source).expanduser().resolve())

    def _stored_position(self, article: Article) -> int | None:
        key = self._library_key(article)
        if self.library is None or key is None:
            return None
        try:
            return self.library.position(key, article.text)
        except Exception:  # a damaged library only costs the reader their place
            return None

    def save_position(self, *, now: bool = False) -> None:
        """Record the first character on screen for the open article.

        Done in a thread worker (SQLite may wait on a lock), or at once when ``now`` (exit).
        """
        self._save_timer = None
        article = self.view.article
        if article is None or self.library is None or self.view.pages_layout is None:
            return
        key = self._library_key(article)
        position, read_to = self.view.visible_range()
        if key is None or self._saved == (key, position):
            return
        self._saved = (key, position)
        if self._digest is None or self._digest[0] != id(article):
            self._digest = (id(article), text_digest(article.text))
        args = (key, article.title or key, article.text, position, read_to, self._digest[1])
        if now:
            self._remember(*args)
        else:
            self._save_worker(*args)

    @work(thread=True, exclusive=True, group="library")
    def _save_worker(
        self, key: str, title: str, text: str, position: int, read_to: int, digest: str
    ) -> None:
        self._remember(key, title, text, position, read_to, digest)

    def _remember(
        self, key: str, title: str, text: str, position: int, read_to: int, digest: str
    ) -> None:
        assert self.library is not None
        try:
            self.library.remember(key, title, text, position, read_to=read_to, digest=digest)
        except Exception as exc:  # losing the place is bad, crashing the reader is worse
            self._saved = None
            self.call_later(self.say, f"Could not save the reading position: {describe(exc)}")

    def on_unmount(self) -> None:
        """Save the place on the way out."""
        self.save_position(now=True)
