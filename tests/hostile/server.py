"""A hostile HTTP server on 127.0.0.1: it answers with raw bytes, so it can break every rule.

Each route writes its whole response by hand (status line, headers, body) — reason phrases with
escape codes, bodies that drip, compression bombs, redirects to dead ports — which an ordinary
``http.server`` handler would not let a test do.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ARTICLE = (
    b"<html><head><title>Quiet harbour</title></head><body><article>"
    b"<h1>Quiet harbour</h1><p>The ferry left on time on Tuesday morning, its deck crowded with "
    b"commuters who had waited through the storm for two days.</p><p>Harbour staff said the "
    b"crossing was calm and that the evening boat would also run as planned.</p>"
    b"</article></body></html>"
)

Route = Callable[[socket.socket, "HostileServer"], None]


def _headers(status: bytes, headers: list[tuple[bytes, bytes]], body: bytes) -> bytes:
    lines = [b"HTTP/1.1 " + status]
    lines += [name + b": " + value for name, value in headers]
    lines += [b"Content-Length: " + str(len(body)).encode(), b"Connection: close"]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def _send(conn: socket.socket, data: bytes) -> None:
    # The client may hang up on purpose (a cap or a deadline): that is the test.
    with contextlib.suppress(OSError):
        conn.sendall(data)


def evil_reason(conn: socket.socket, server: HostileServer) -> None:
    _send(conn, _headers(b"404 \x1b]0;PWNED\x07\x1b[2JNot Found", [], b"gone"))


def evil_type(conn: socket.socket, server: HostileServer) -> None:
    _send(conn, _headers(b"200 OK", [(b"Content-Type", b"image/\x1b]0;PWNED\x07png")], b"x"))


def drip(conn: socket.socket, server: HostileServer) -> None:
    """Headers at once, then one byte every 0.1 s: each read is quick, the whole never ends."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
    _send(conn, head)
    deadline = time.monotonic() + 10  # the server gives up by itself: bounded in time
    while time.monotonic() < deadline and not server.stopping.is_set():
        try:
            conn.sendall(b"a")
        except OSError:
            return
        time.sleep(0.1)


def double_gzip_bomb(conn: socket.socket, server: HostileServer) -> None:
    """A small body, gzip inside gzip, that inflates to 1 GiB of spaces."""
    _send(
        conn,
        _headers(
            b"200 OK",
            [(b"Content-Type", b"text/html"), (b"Content-Encoding", b"gzip, gzip")],
            server.bomb,
        ),
    )


def double_gzip_article(conn: socket.socket, server: HostileServer) -> None:
    body = gzip.compress(gzip.compress(ARTICLE))
    headers = [(b"Content-Type", b"text/html"), (b"Content-Encoding", b"gzip, gzip")]
    _send(conn, _headers(b"200 OK", headers, body))


def unknown_encoding(conn: socket.socket, server: HostileServer) -> None:
    headers = [(b"Content-Type", b"text/html"), (b"Content-Encoding", b"\x1b[2Jsnappy")]
    _send(conn, _headers(b"200 OK", headers, b"xxxx"))


def article(conn: socket.socket, server: HostileServer) -> None:
    _send(conn, _headers(b"200 OK", [(b"Content-Type", b"text/html; charset=utf-8")], ARTICLE))


def to_dead_port(conn: socket.socket, server: HostileServer) -> None:
    location = f"http://127.0.0.1:{server.dead_port}/elsewhere".encode()
    _send(conn, _headers(b"302 Found", [(b"Location", location)], b""))


def to_ftp(conn: socket.socket, server: HostileServer) -> None:
    _send(conn, _headers(b"302 Found", [(b"Location", b"ftp://127.0.0.1/file.txt")], b""))


def to_missing(conn: socket.socket, server: HostileServer) -> None:
    _send(conn, _headers(b"302 Found", [(b"Location", b"/missing-page")], b""))


def missing_page(conn: socket.socket, server: HostileServer) -> None:
    _send(conn, _headers(b"404 Not Found", [], b""))


def cp1252_page(conn: socket.socket, server: HostileServer) -> None:
    body = (
        b"<html><head><meta charset='windows-1252'><title>Dockside</title></head><body>"
        b"<article><h1>Dockside</h1><p>\x93We open at nine,\x94 the harbourmaster said. "
        b"A stray \x81 byte sits here.</p><p>\x93Come early,\x94 she added, "
        b"\x93the tide waits for no one.\x94 The queue was long by eight o'clock.</p>"
        b"</article></body></html>"
    )
    _send(conn, _headers(b"200 OK", [(b"Content-Type", b"text/html")], body))


ROUTES: dict[str, Route] = {
    "/evil-reason": evil_reason,
    "/evil-type": evil_type,
    "/drip": drip,
    "/bomb": double_gzip_bomb,
    "/gzip2": double_gzip_article,
    "/unknown-encoding": unknown_encoding,
    "/article": article,
    "/to-dead-port": to_dead_port,
    "/to-ftp": to_ftp,
    "/to-missing": to_missing,
    "/missing-page": missing_page,
    "/cp1252": cp1252_page,
}


def _bomb() -> bytes:
    # 1,024 gzip members of 1 MiB of spaces each (concatenated members are one valid gzip
    # stream): 1 GiB once inflated, about 1 MB, then gzipped again to a couple of KB.
    inner = gzip.compress(b" " * (1 << 20), compresslevel=9) * 1024
    return gzip.compress(inner, compresslevel=9)


class HostileServer:
    """A thread accepting connections on 127.0.0.1 and answering each by its route."""

    bomb_cache: bytes | None = None

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.stopping = threading.Event()
        self.requests: list[bytes] = []
        dead = socket.create_server(("127.0.0.1", 0))
        self.dead_port = dead.getsockname()[1]
        dead.close()  # nothing listens there now: connections are refused
        if HostileServer.bomb_cache is None:
            HostileServer.bomb_cache = _bomb()
        self.bomb = HostileServer.bomb_cache
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                request = conn.recv(65536)
            except OSError:
                return
            self.requests.append(request)
            path = request.split(b" ", 2)[1].decode("latin-1") if b" " in request else "/"
            ROUTES.get(path, missing_page)(conn, self)

    def stop(self) -> None:
        """Stop accepting and let the route threads end (each is bounded in time)."""
        self.stopping.set()
        self.sock.close()
        self.thread.join(timeout=5)


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    """A running :class:`HostileServer`, stopped on exit."""
    server = HostileServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.stop()
