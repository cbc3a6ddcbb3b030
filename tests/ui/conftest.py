"""Fixtures for the Pilot tests of the reader: invented articles, an app factory that records
notifications and bells, and a throwaway HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from readerui.core.models import Article
from readerui.ui.app import ReaderApp

DATA = Path(__file__).parent.parent / "data"
LONG_TEXT = DATA / "reader_long.txt"


def read_blocks(path: Path = LONG_TEXT) -> tuple[str, list[str]]:
    """The headline and the paragraphs of a plain-text article file."""
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").strip().split("\n\n")]
    return blocks[0], [" ".join(b.split()) for b in blocks[1:]]


@pytest.fixture
def long_text() -> tuple[Path, str, list[str]]:
    """The invented article file: its path, headline and paragraphs."""
    title, paragraphs = read_blocks()
    return LONG_TEXT, title, paragraphs


@pytest.fixture
def long_article() -> Article:
    """A long invented article (38 paragraphs, one section heading) with a byline."""
    title, paragraphs = read_blocks()
    blocks: list[tuple[str, Any]] = [(p, "body") for p in paragraphs]
    blocks.insert(20, ("What the neighbours say", "heading"))
    return Article.from_blocks(
        "reader_long.txt",
        title,
        blocks,
        byline="By Maren Tollefsen",
        site="The Valley Courier",
        published="2026-03-14T08:00:00Z",
    )


@dataclass
class Recorder:
    """What an app under test said: notifications as ``(message, severity)`` and bells."""

    notes: list[tuple[str, str]]
    bells: list[int]

    def severities(self) -> list[str]:
        return [severity for _, severity in self.notes]

    def messages(self, severity: str | None = None) -> list[str]:
        return [m for m, s in self.notes if severity is None or s == severity]


@pytest.fixture
def make_app() -> Callable[..., tuple[ReaderApp, Recorder]]:
    """Build a ReaderApp whose ``notify`` and ``bell`` calls are recorded."""

    def factory(*args: Any, **kwargs: Any) -> tuple[ReaderApp, Recorder]:
        app = ReaderApp(*args, **kwargs)
        recorder = Recorder(notes=[], bells=[])
        original_notify = app.notify

        def notify(message: str, **kw: Any) -> None:
            recorder.notes.append((str(message), str(kw.get("severity", "information"))))
            original_notify(message, **kw)

        def bell() -> None:
            recorder.bells.append(app.view.page_index)

        app.notify = notify  # type: ignore[method-assign]
        app.bell = bell  # type: ignore[method-assign]
        return app, recorder

    return factory


class _ArticleHandler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}

    def do_GET(self) -> None:
        page = self.pages.get(self.path)
        if page is None:
            self.send_error(404, "Not Found")
            return
        content_type, body = page
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[tuple[str, dict[str, tuple[str, bytes]]]]:
    """A ThreadingHTTPServer on 127.0.0.1 (free port); yields ``(base_url, pages)`` where
    ``pages`` maps a path to ``(content type, body)``."""
    pages: dict[str, tuple[str, bytes]] = {}
    handler = type("Handler", (_ArticleHandler,), {"pages": pages})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", pages
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def refused_url() -> str:
    """A URL on a port that was just bound and closed again, so nothing listens there."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/story.html"
