"""Fetch an article over HTTP(S) with httpx.

Network failures are ordinary events for a reader, so every one of them (refused connection,
DNS failure, timeout, redirect loop, HTTP error status, wrong content type, oversized body)
comes back as a :class:`LoadError` with one line a user can act on. Whatever a server sends
is bounded: 10 s to connect, 20 s between reads, :data:`DEFAULT_DEADLINE` for the whole
response, :data:`DEFAULT_MAX_BYTES` of body *after* decompression, 10 redirects.
"""

from __future__ import annotations

import asyncio
import re
import zlib
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx

from readerui import __version__
from readerui.core.errors import LoadError
from readerui.core.loading import load_bytes, sniff_format
from readerui.core.models import Article
from readerui.core.sanitize import display_name, redact_url

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BYTES",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "fetch_url",
    "load_url",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest response body read: news pages are well under 5 MiB even with inline scripts."""

DEFAULT_DEADLINE = 60.0
"""Seconds for the whole response, first byte to last: the read timeout alone restarts on
every byte, so a server dripping one byte a second would otherwise never time out."""

USER_AGENT = f"readerui/{__version__} (+terminal reader)"
"""Sent with every request, so sites can tell what is asking."""

MAX_REDIRECTS = 10
"""Redirects followed before giving up."""

# Only encodings we decode ourselves, with the output counted as it is produced (see
# _decoded): httpx's own decoders inflate a whole chunk at once, and a 16 KB body encoded
# "gzip, gzip" inflates to gigabytes.
_ACCEPT_ENCODING = "gzip, deflate"

_TEXT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "application/xml",
        "text/xml",
    }
)
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,*/*;q=0.1"

# Content types that are certainly not an article; anything else unlisted is sniffed.
_REFUSED_PREFIXES = ("image/", "audio/", "video/", "font/", "model/")
_REFUSED_TYPES = frozenset(
    {
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/octet-stream",
        "application/x-tar",
        "application/msword",
        "application/vnd.ms-excel",
    }
)


def _timeout(total: float) -> httpx.Timeout:
    """Connect within 10 s (or sooner if asked), then allow ``total`` s between reads."""
    return httpx.Timeout(total, connect=min(10.0, total))


def _host(url: str) -> str:
    """``host:port`` of a URL, for error messages."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return display_name(redact_url(url))
    host = parts.hostname or redact_url(url)
    return display_name(f"{host}:{port}" if port else host)


def _failed_url(exc: httpx.HTTPError, fallback: str) -> str:
    """The URL a network error happened on: after a redirect, not the one first asked for."""
    try:
        return str(exc.request.url)
    except RuntimeError:  # an error raised before any request was made
        return fallback


def _reason(exc: BaseException) -> str:
    """The innermost cause of a network error, as a short lower-case phrase."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    text = str(exc) or type(exc).__name__
    if isinstance(exc, ConnectionRefusedError) or "refused" in text.lower():
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown host"
    if "Temporary failure in name resolution" in text or "getaddrinfo" in text:
        return "host name could not be resolved"
    if "certificate" in text.lower() or "SSL" in text:
        return "TLS/certificate error"
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", text.splitlines()[0] if text else text)
    return text[:1].lower() + text[1:] if text else "network error"


def _shown(url: str) -> str:
    """A URL as it may appear in a message: no credentials, no control characters."""
    return display_name(redact_url(url))


def _content_type_error(url: str, mime: str) -> LoadError:
    """The one-line message for a response that is not an article."""
    what = "an image" if mime.startswith("image/") else "a PDF" if mime.endswith("/pdf") else None
    detail = f"{what} ({mime})" if what else mime
    return LoadError(f"{_shown(url)} is {display_name(detail, limit=80)}, not an article")


def _too_large(url: str, max_bytes: int) -> LoadError:
    """The one-line message for a body over the size cap."""
    mib = 1024 * 1024
    limit = f"{max_bytes // mib} MiB" if max_bytes >= mib else f"{max_bytes} bytes"
    return LoadError(f"{_shown(url)} is too large (the limit is {limit})")


_DECODE_STEP = 64 * 1024  # most bytes one decompression call may produce


class _Inflater:
    """One gzip or deflate layer of a body, decoded as bytes arrive, in bounded pieces.

    Each call produces at most _DECODE_STEP bytes before the caller counts them, so a small
    body that inflates to gigabytes is stopped at the size cap instead of filling memory.
    Concatenated gzip members (allowed by the format) are decoded one after the other.
    """

    def __init__(self, coding: str) -> None:
        self._gzip = coding != "deflate"
        self._decomp: zlib._Decompress | None = (
            zlib.decompressobj(16 + zlib.MAX_WBITS) if self._gzip else None
        )
        self._head = b""

    def _start_deflate(self, data: bytes) -> None:
        # "deflate" is zlib-wrapped by the standard and raw in practice: accept both. A zlib
        # header is two bytes whose big-endian value is a multiple of 31, with method 8.
        wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
        self._decomp = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decode the next raw bytes; yields the output piece by piece."""
        if self._decomp is None:
            self._head += data
            if len(self._head) < 2:
                return
            self._start_deflate(self._head)
            data, self._head = self._head, b""
        decomp = self._decomp
        assert decomp is not None
        while data:
            out = decomp.decompress(data, _DECODE_STEP)
            if out:
                yield out
            data = decomp.unconsumed_tail
            if decomp.eof:
                data = decomp.unused_data + data
                if not self._gzip or not data.strip(b"\0"):
                    return  # trailing padding after the last member
                decomp = self._decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def finish(self) -> Iterator[bytes]:
        """The end of the body: whatever the decompressor still holds."""
        if self._decomp is None:
            if self._head:
                raise zlib.error("truncated deflate stream")
            return
        while not self._decomp.eof:
            out = self._decomp.decompress(self._decomp.unconsumed_tail, _DECODE_STEP)
            if not out:
                break
            yield out


def _stages(header: str, url: str) -> list[_Inflater]:
    """One decoder per ``Content-Encoding`` layer, in the order they must be undone."""
    stages: list[_Inflater] = []
    codings = [part.strip().lower() for part in header.split(",") if part.strip()]
    for coding in reversed(codings):  # listed in the order they were applied
        if coding in ("gzip", "x-gzip", "deflate"):
            stages.append(_Inflater(coding))
        elif coding != "identity":
            raise LoadError(
                f"{_shown(url)} is sent in an encoding readerui cannot read "
                f"({display_name(coding, limit=40)})"
            )
    return stages


def _push(stages: list[_Inflater], data: bytes, first: int = 0) -> Iterator[bytes]:
    """Pass ``data`` through stages ``first``… lazily, yielding the fully decoded pieces."""
    if first == len(stages):
        if data:
            yield data
        return
    for piece in stages[first].feed(data):
        yield from _push(stages, piece, first + 1)


def _finish(stages: list[_Inflater]) -> Iterator[bytes]:
    """Flush every stage in order, passing what each still held through the ones after it."""
    for index, stage in enumerate(stages):
        for piece in stage.finish():
            yield from _push(stages, piece, index + 1)


async def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    """The decoded body, counted as it is produced and refused as soon as it passes the cap."""
    stages = _stages(response.headers.get("content-encoding", ""), url)
    out: list[bytes] = []
    size = 0

    def take(pieces: Iterator[bytes]) -> None:
        nonlocal size
        for piece in pieces:
            size += len(piece)
            if size > max_bytes:
                raise _too_large(url, max_bytes)
            out.append(piece)

    raw_size = 0
    try:
        async for chunk in response.aiter_raw():
            raw_size += len(chunk)
            if raw_size > max_bytes:
                raise _too_large(url, max_bytes)
            take(_push(stages, chunk))
        take(_finish(stages))
    except zlib.error:
        raise LoadError(f"{_shown(url)} sent a damaged compressed page") from None
    return b"".join(out)


async def _fetch_body(
    client: httpx.AsyncClient, url: str, max_bytes: int
) -> tuple[bytes, str | None, str]:
    """GET ``url`` and read the body up to ``max_bytes``; returns body, content type, final URL."""
    async with client.stream("GET", url) as response:
        final_url = str(response.url)
        if response.status_code >= 400:
            reason = response.reason_phrase or httpx.codes.get_reason_phrase(response.status_code)
            raise LoadError(
                f"HTTP {response.status_code} {display_name(reason, limit=80)} "
                f"for {_shown(final_url)}"
            )
        content_type = response.headers.get("content-type")
        mime = (content_type or "").split(";")[0].strip().lower()
        if mime.startswith(_REFUSED_PREFIXES) or mime in _REFUSED_TYPES:
            raise _content_type_error(final_url, mime)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise _too_large(final_url, max_bytes)
        # Stream and stop at the cap: the declared length may be missing or wrong.
        return await _read_capped(response, final_url, max_bytes), content_type, final_url


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _check_url(url: str, name: str) -> None:
    """Refuse URLs that cannot be fetched before any connection is tried."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port out of range
        host = parts.hostname or ""
        host.encode("idna").decode("idna")
    except (ValueError, UnicodeError):
        raise LoadError(f"Invalid URL: {name}") from None
    if parts.scheme not in ("http", "https") or not host:
        raise LoadError(f"Invalid URL: {name}")
    del port


async def fetch_url(
    url: str,
    *,
    client: httpx.AsyncClient | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    deadline: float = DEFAULT_DEADLINE,
) -> Article:
    """Download ``url`` and turn it into an :class:`Article`.

    Follows up to 10 redirects; refuses non-text content types; gives up on a response not
    complete within ``deadline`` seconds; raises :class:`LoadError` with a one-line message for
    every failure. A caller-supplied ``client`` is used as is (its own timeouts and redirect
    policy apply) and not closed. Credentials in the URL are used but never shown or kept:
    the article's source is the final URL without them.
    """
    name = _shown(url)
    _check_url(url, name)
    try:
        async with asyncio.timeout(deadline):
            if client is None:
                async with httpx.AsyncClient(
                    follow_redirects=True,
                    max_redirects=MAX_REDIRECTS,
                    timeout=_timeout(timeout),
                    headers={
                        "User-Agent": USER_AGENT,
                        "Accept": _ACCEPT,
                        "Accept-Encoding": _ACCEPT_ENCODING,
                    },
                ) as own_client:
                    data, content_type, final_url = await _fetch_body(own_client, url, max_bytes)
            else:
                data, content_type, final_url = await _fetch_body(client, url, max_bytes)
    except LoadError:
        raise
    except TimeoutError:
        raise LoadError(
            f"Timed out: {_host(url)} did not send the whole page within {deadline:g} s"
        ) from None
    except httpx.TooManyRedirects:
        raise LoadError(f"Too many redirects for {name} (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException as exc:
        phase = "connecting to" if isinstance(exc, httpx.ConnectTimeout) else "reading from"
        where = _host(_failed_url(exc, url))
        raise LoadError(f"Timed out {phase} {where} after {timeout:g} s") from None
    except httpx.ConnectError as exc:
        where = _host(_failed_url(exc, url))
        raise LoadError(f"Could not connect to {where}: {_reason(exc)}") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        failed = _failed_url(exc, url) if isinstance(exc, httpx.HTTPError) else url
        if failed != url:
            raise LoadError(
                f"{name} redirects to a URL readerui cannot open: {_shown(failed)}"
            ) from None
        raise LoadError(f"Invalid URL: {name}") from None
    except httpx.HTTPError as exc:
        raise LoadError(
            f"Could not fetch {_shown(_failed_url(exc, url))}: {_reason(exc)}"
        ) from None
    except (ValueError, UnicodeError, OSError) as exc:
        # Bad ports, unencodable host names, socket errors httpx does not wrap.
        raise LoadError(f"Could not fetch {name}: {_first_line(exc)}") from None
    except BaseExceptionGroup as group:  # anyio may wrap the real error in a group
        inner = group.exceptions[0] if group.exceptions else group
        raise LoadError(f"Could not fetch {name}: {_first_line(inner)}") from None

    mime = (content_type or "").split(";")[0].strip().lower()
    if mime and mime not in _TEXT_TYPES and not mime.startswith("text/"):
        # An unusual declared type: accept it only if the body actually looks like a page.
        sample = data[:4096].decode("utf-8", errors="replace")
        if "\x00" in sample or sniff_format(sample) != "html":
            raise _content_type_error(final_url, mime)
        content_type = "text/html"
    # Extraction is CPU work (trafilatura on a big page can take a while): keep it off the
    # event loop so the UI stays responsive while it runs.
    return await asyncio.to_thread(
        load_bytes, data, redact_url(final_url), content_type=content_type
    )


def load_url(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    deadline: float = DEFAULT_DEADLINE,
) -> Article:
    """Synchronous :func:`fetch_url` for the command line (not for use inside an event loop)."""
    return asyncio.run(fetch_url(url, max_bytes=max_bytes, timeout=timeout, deadline=deadline))
