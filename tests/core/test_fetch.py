"""Fetching URLs from a real HTTP server on 127.0.0.1: articles, encodings and every failure."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from readerui.core.errors import LoadError
from readerui.core.fetch import USER_AGENT, fetch_url, load_url
from readerui.core.sources import load_source

DATA = Path(__file__).parent.parent / "data"
ARTICLE_HTML = (DATA / "article.html").read_bytes()
LATIN1_TEXT = "Señora Ruiz\n\nThe señora said “good morning” to the whole quay – twice.\n"

seen_agents: list[str] = []


class Handler(BaseHTTPRequestHandler):
    """Routes for every case the fetcher must handle."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/article":
            self.send(200, ARTICLE_HTML, "text/html; charset=utf-8")
        elif path == "/undeclared":
            self.send(200, ARTICLE_HTML, None)
        elif path == "/latin1":
            self.send(200, LATIN1_TEXT.encode("cp1252"), "text/plain; charset=iso-8859-1")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/article" if left == 0 else f"/hop/{left - 1}"
            self.send(302, b"", "text/plain", Location=target)
        elif path == "/loop":
            self.send(302, b"", "text/plain", Location="/loop")
        elif path == "/missing":
            self.send(404, b"<h1>Not here</h1>", "text/html")
        elif path == "/error":
            self.send(503, b"busy", "text/plain")
        elif path == "/big":
            # No Content-Length: the client must stop reading at its own cap.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"word " * 4096)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif path == "/pdf":
            self.send(200, b"%PDF-1.4 ...", "application/pdf")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, b"late", "text/plain")
        else:
            self.send(404, b"", "text/plain")


class QuietServer(ThreadingHTTPServer):
    """A test server that does not print tracebacks when a client hangs up on purpose."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that time out or stop at the size cap close the socket mid-response."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def assert_one_line(excinfo: pytest.ExceptionInfo[LoadError]) -> str:
    message = str(excinfo.value)
    assert message
    assert "\n" not in message
    return message


async def test_html_article(server: str) -> None:
    article = await fetch_url(f"{server}/article")
    assert article.title == "Orchard festival returns to Velmont after six years"
    assert article.source == f"{server}/article"
    assert "apple festival" in article.text
    assert seen_agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("readerui/")


async def test_missing_content_type_is_sniffed(server: str) -> None:
    article = await fetch_url(f"{server}/undeclared")
    assert article.title == "Orchard festival returns to Velmont after six years"


async def test_latin1_plain_text(server: str) -> None:
    article = await fetch_url(f"{server}/latin1")
    assert article.title == "Señora Ruiz"
    assert article.text == "The señora said “good morning” to the whole quay – twice."


async def test_redirect_chain_is_followed(server: str) -> None:
    article = await fetch_url(f"{server}/hop/3")
    assert article.source == f"{server}/article"


async def test_redirect_loop(server: str) -> None:
    with pytest.raises(LoadError) as excinfo:
        await fetch_url(f"{server}/loop")
    assert assert_one_line(excinfo).startswith("Too many redirects for")


async def test_too_many_hops(server: str) -> None:
    with pytest.raises(LoadError, match="Too many redirects"):
        await fetch_url(f"{server}/hop/12")


async def test_404(server: str) -> None:
    with pytest.raises(LoadError) as excinfo:
        await fetch_url(f"{server}/missing")
    assert assert_one_line(excinfo) == f"HTTP 404 Not Found for {server}/missing"


async def test_503(server: str) -> None:
    with pytest.raises(LoadError, match=r"^HTTP 503 Service Unavailable for "):
        await fetch_url(f"{server}/error")


async def test_too_big_body_stops_at_cap(server: str) -> None:
    with pytest.raises(LoadError) as excinfo:
        await fetch_url(f"{server}/big", max_bytes=100_000)
    assert "too large" in assert_one_line(excinfo)


@pytest.mark.parametrize(("path", "what"), [("/image", "an image"), ("/pdf", "a PDF")])
async def test_refused_content_types(server: str, path: str, what: str) -> None:
    with pytest.raises(LoadError) as excinfo:
        await fetch_url(f"{server}{path}")
    assert assert_one_line(excinfo).endswith(
        f"is {what} ({'image/png' if path == '/image' else 'application/pdf'}), not an article"
    )


async def test_slow_response_times_out(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(LoadError) as excinfo:
        await fetch_url(f"{server}/slow", timeout=0.3)
    assert time.monotonic() - started < 2
    assert assert_one_line(excinfo).startswith("Timed out reading from 127.0.0.1:")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_connection_refused() -> None:
    port = free_port()
    with pytest.raises(LoadError) as excinfo:
        await fetch_url(f"http://127.0.0.1:{port}/")
    assert assert_one_line(excinfo) == f"Could not connect to 127.0.0.1:{port}: connection refused"


@pytest.mark.parametrize(
    "url",
    [
        "http://",
        "http://[::1/broken",
        "gopher://127.0.0.1/",
        "http://127.0.0.1:99999/",  # port out of range
        "http://xn--a.com/",  # not valid IDNA
    ],
)
async def test_invalid_url(url: str) -> None:
    with pytest.raises(LoadError) as excinfo:
        await fetch_url(url)
    assert assert_one_line(excinfo).startswith("Invalid URL")


async def test_caller_client_is_used_and_left_open(server: str) -> None:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        article = await fetch_url(f"{server}/article", client=client)
        assert not client.is_closed
    assert article.title.startswith("Orchard festival")


def test_sync_wrappers(server: str) -> None:
    assert load_url(f"{server}/latin1").title == "Señora Ruiz"
    assert load_source(f"{server}/article").site == "Velmont Gazette"
    with pytest.raises(LoadError, match="HTTP 404"):
        load_source(f"{server}/missing")
