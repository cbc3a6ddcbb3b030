"""Fetch an article over HTTP(S) with httpx.

Network failures are ordinary events for a reader, so every one of them (refused connection,
DNS failure, timeout, redirect loop, HTTP error status, wrong content type, oversized body)
comes back as a :class:`LoadError` with one line a user can act on.
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import urlsplit

import httpx

from readerui import __version__
from readerui.core.errors import LoadError
from readerui.core.loading import display_name, load_bytes, sniff_format
from readerui.core.models import Article

__all__ = ["DEFAULT_MAX_BYTES", "USER_AGENT", "fetch_url", "load_url"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest response body read: news pages are well under 5 MiB even with inline scripts."""

USER_AGENT = f"readerui/{__version__} (+terminal reader)"
"""Sent with every request, so sites can tell what is asking."""

MAX_REDIRECTS = 10

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
    parts = urlsplit(url)
    if parts.port:
        return f"{parts.hostname}:{parts.port}"
    return parts.hostname or url


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


def _content_type_error(url: str, mime: str) -> LoadError:
    """The one-line message for a response that is not an article."""
    what = "an image" if mime.startswith("image/") else "a PDF" if mime.endswith("/pdf") else None
    detail = f"{what} ({mime})" if what else mime
    return LoadError(f"{display_name(url)} is {detail}, not an article")


def _too_large(url: str, max_bytes: int) -> LoadError:
    """The one-line message for a body over the size cap."""
    mib = 1024 * 1024
    limit = f"{max_bytes // mib} MiB" if max_bytes >= mib else f"{max_bytes} bytes"
    return LoadError(f"{display_name(url)} is too large (the limit is {limit})")


async def _fetch_body(
    client: httpx.AsyncClient, url: str, max_bytes: int
) -> tuple[bytes, str | None, str]:
    """GET ``url`` and read the body up to ``max_bytes``; returns body, content type, final URL."""
    async with client.stream("GET", url) as response:
        final_url = str(response.url)
        if response.status_code >= 400:
            reason = response.reason_phrase or httpx.codes.get_reason_phrase(response.status_code)
            raise LoadError(f"HTTP {response.status_code} {reason} for {display_name(final_url)}")
        content_type = response.headers.get("content-type")
        mime = (content_type or "").split(";")[0].strip().lower()
        if mime.startswith(_REFUSED_PREFIXES) or mime in _REFUSED_TYPES:
            raise _content_type_error(final_url, mime)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise _too_large(final_url, max_bytes)
        chunks: list[bytes] = []
        size = 0
        # Stream and stop at the cap: the declared length may be missing or wrong.
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(final_url, max_bytes)
            chunks.append(chunk)
        return b"".join(chunks), content_type, final_url


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
) -> Article:
    """Download ``url`` and turn it into an :class:`Article`.

    Follows up to 10 redirects; refuses non-text content types; raises :class:`LoadError`
    with a one-line message for every failure. A caller-supplied ``client`` is used as is
    (its own timeouts and redirect policy apply) and not closed.
    """
    name = display_name(url)
    _check_url(url, name)
    try:
        if client is None:
            async with httpx.AsyncClient(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=_timeout(timeout),
                headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
            ) as own_client:
                data, content_type, final_url = await _fetch_body(own_client, url, max_bytes)
        else:
            data, content_type, final_url = await _fetch_body(client, url, max_bytes)
    except LoadError:
        raise
    except httpx.TooManyRedirects:
        raise LoadError(f"Too many redirects for {name} (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException as exc:
        phase = "connecting to" if isinstance(exc, httpx.ConnectTimeout) else "reading from"
        raise LoadError(f"Timed out {phase} {_host(url)} after {timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise LoadError(f"Could not connect to {_host(url)}: {_reason(exc)}") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        raise LoadError(f"Invalid URL: {name}") from None
    except httpx.HTTPError as exc:
        raise LoadError(f"Could not fetch {name}: {_reason(exc)}") from None
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
    return await asyncio.to_thread(load_bytes, data, final_url, content_type=content_type)


def load_url(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 20.0) -> Article:
    """Synchronous :func:`fetch_url` for the command line (not for use inside an event loop)."""
    return asyncio.run(fetch_url(url, max_bytes=max_bytes, timeout=timeout))
