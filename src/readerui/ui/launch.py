"""What the command line hands the reader at launch, shown once the app is up.

:class:`Launch` is a part of :class:`~readerui.ui.app.ReaderApp` with no looks: a source to
open, or an article the command line has read already (the whole, or the opening part of a
long text whose rest is still being read), the keys typed meanwhile, and a notice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from readerui.core.loading import PendingArticle
from readerui.core.models import Article

if TYPE_CHECKING:
    from readerui.ui.app import ReaderApp


class Launch:
    """What to show first: ``article`` if given, else ``source``, else the welcome."""

    def __init__(
        self,
        source: str | None = None,
        article: Article | None = None,
        *,
        rest: PendingArticle | None = None,
        typed: str = "",
        notice: str | None = None,
    ) -> None:
        self.source = source
        """What to open at start (a path or URL), unless ``article`` is given."""
        self.article = article
        """An article already loaded (say, from stdin), shown at start."""
        self.rest = rest
        """The whole of a long text still being read, when ``article`` is its opening part."""
        self.typed = typed
        """Keys typed while the command line loaded the article, replayed once it shows."""
        self.notice = notice
        """Something to say once the reader is up (e.g. that a kept copy is shown)."""

    def _replay(self, app: ReaderApp) -> None:
        """Press the keys typed while the article loaded, once the panels shown from the
        start are ready (one of the keys may be for a panel)."""
        if self.typed:
            typed = self.typed
            app.desk.sidebars.when_ready(lambda: app.keys.replay(typed))

    def begin(self, app: ReaderApp) -> None:
        """Say the notice; show or open what was asked for, or welcome the reader."""
        desk = app.desk
        if self.notice:
            app.say(self.notice, severity="warning", timeout=8)
        if self.article is not None and self.rest is not None:
            desk.show_preview(self.article, self.rest.length)
            desk.loader.follow(self.source or "", self.rest)
            # The rest is read once the first page is on screen (see PendingArticle.go_on).
            app.call_after_refresh(self.rest.go_on.set)
            self._replay(app)
        elif self.article is not None:
            app.show(self.article)
            self._replay(app)
        elif self.source:
            app.open_source(self.source, initial=True)
        else:
            desk.welcome()
            if desk.keeper.entries():
                app.action_library()
