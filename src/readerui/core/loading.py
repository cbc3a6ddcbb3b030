"""Load an article from a file, bytes, standard input, or any source spec the CLI accepts.

Everything funnels through :func:`load_bytes`: decode (BOM, declared charset, UTF-8, then
detection), pick the format (declared type, file extension, then content sniffing) and hand
the text to the plain-text, Markdown or HTML parser. Every failure is a :class:`LoadError`
with a one-line message.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Literal
from urllib.parse import urlsplit

from readerui.core.errors import LoadError
from readerui.core.models import Article
from readerui.core.normalize import remove_escapes
from readerui.core.sanitize import display_name
from readerui.core.sources import is_url

__all__ = [
    "MAX_FILE_BYTES",
    "PendingArticle",
    "check_file",
    "decode_bytes",
    "load_bytes",
    "load_path",
    "load_stdin",
    "sniff_format",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest file or stream accepted: far beyond any article, small enough to stay responsive."""

Format = Literal["text", "markdown", "html"]

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
}  # fmt: skip

_CHUNK = 1024 * 1024


# --- decoding ------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of formats people may point the reader at by mistake.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
    b"\x7fELF", b"MZ", b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00", b"7z\xbc\xaf",
)  # fmt: skip

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)


class _BinaryData(Exception):
    """Raised internally when bytes are not text in any encoding we can read."""


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when the label is unknown.

    Labels are read as browsers read them (the WHATWG Encoding Standard, via webencodings):
    pages labelled latin-1 or ASCII are Windows-1252 in practice (curly quotes at 0x93/0x94).
    A label the standard does not know but Python does (``cp437``) is still honoured.
    """
    if not label:
        return None
    label = label.strip().strip("\"'")
    import webencodings  # only for a declared charset: a plain file declares none

    encoding = webencodings.lookup(label)
    if encoding is not None:
        return str(encoding.codec_info.name)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# Legacy single-byte encodings with a few undefined byte values: a page declared in one of them
# is decoded with U+FFFD for those bytes, as browsers do, rather than rejected or re-decoded
# as something else (which once turned every curly quote of a cp1252 page into a control).
_REPLACING_CODECS = frozenset({"cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255",
                               "cp1256", "cp1257", "cp1258", "cp874", "iso8859-8"})  # fmt: skip


def _try_decode(data: bytes, codec: str) -> str | None:
    """Decode strictly; None when the bytes are not valid in that codec."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        if codec in _REPLACING_CODECS:
            return data.decode(codec, errors="replace")
        return None
    except LookupError:
        return None


def _looks_binary(text: str) -> bool:
    """Whether decoded text is mostly control characters, i.e. not really text."""
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f\v\x1b")
    return "\x00" in sample or controls / len(sample) > 0.02


def _utf16_without_bom(data: bytes) -> str | None:
    """Decode UTF-16 text that has no BOM, recognised by its zero bytes on one side."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    codec = None
    if odd_zeros > 0.3 and even_zeros < 0.05:
        codec = "utf-16-le"
    elif even_zeros > 0.3 and odd_zeros < 0.05:
        codec = "utf-16-be"
    return _try_decode(data, codec) if codec else None


# Non-ASCII characters a Windows-1252 English or Western European text plausibly contains.
_WESTERN_EXTRA = frozenset("‘’‚“”„–—…•€™«»°£¥©®·§¶×÷¿¡ ")


def _western_text(data: bytes) -> str | None:
    """Decode mostly-ASCII legacy text as Windows-1252 when that gives only plausible
    characters. Detectors guess badly on short texts ("Café" as Baltic "Cafķ"), and
    cp1252 is by far the most common legacy encoding of the texts this reader sees."""
    sample = data[:65536]
    high = sum(1 for byte in sample if byte >= 0x80)
    if not sample or high / len(sample) > 0.1:
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for ch in set(text):
        if ch < "\x80" or ch in _WESTERN_EXTRA:
            continue
        if not ("\xc0" <= ch <= "\xff" and ch.isalpha()):
            return None
    return text


def decode_bytes(data: bytes, *, charset: str | None = None) -> str:
    """Decode bytes to text: BOM, declared ``charset``, ``<meta charset>``, UTF-8, detection.

    Raises :class:`_BinaryData` (internal) for bytes that are not text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            if _looks_binary(text):
                raise _BinaryData
            return text
    if data.startswith(_BINARY_MAGIC):
        raise _BinaryData

    meta = _META_CHARSET.search(data[:4096])
    meta_codec = _codec(meta.group(1).decode("ascii", "replace")) if meta else None
    if meta_codec and meta_codec.startswith(("utf-16", "utf-32")):
        # A page whose bytes we can read as ASCII cannot really be UTF-16: browsers treat
        # this common mislabel as UTF-8, and so do we.
        meta_codec = "utf-8"
    candidate: str | None
    for label_codec in (_codec(charset), meta_codec):
        if label_codec is None:
            continue
        candidate = _try_decode(data, label_codec)
        if candidate is not None and not _looks_binary(candidate):
            return candidate

    if b"\x00" in data[:8192]:
        candidate = _utf16_without_bom(data)
        if candidate is not None and not _looks_binary(candidate):
            return candidate
        raise _BinaryData

    candidate = _try_decode(data, "utf-8")
    if candidate is not None:
        return candidate

    candidate = _western_text(data)
    if candidate is not None:
        return candidate

    # Imported here: detection is slow to import and only needed for undeclared legacy text.
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2 * _CHUNK]).best()
    if best is None or best.encoding is None:
        raise _BinaryData
    text = data.decode(best.encoding, errors="replace")
    if _looks_binary(text):
        raise _BinaryData
    return text


# --- format --------------------------------------------------------------------------------

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6]|section|main)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<(?:html|body)\b[^>]*>|</(?:html|body|p|div)>", re.IGNORECASE)


def sniff_format(text: str) -> Format:
    """Guess ``"html"`` or ``"text"`` from content: markup at the start, or a page skeleton."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if len(_HTML_ANYWHERE.findall(head)) >= 2:
        return "html"
    return "text"


def _format_for(source: str, content_type: str | None, text: str) -> Format:
    """Pick the parser: declared content type, then the name's extension, then sniffing."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml", "application/xml", "text/xml"):
        return "html"
    if mime in ("text/markdown", "text/x-markdown"):
        return "markdown"
    name = urlsplit(source).path if is_url(source) else source
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    if mime == "text/plain":
        return "text"
    return sniff_format(text)


def _check_cancel(cancel: threading.Event | None, source: str) -> None:
    """Stop early when the caller (a UI worker) no longer wants the result."""
    if cancel is not None and cancel.is_set():
        raise LoadError(f"Loading {display_name(source)} was cancelled")


def _parse(text: str, source: str, fmt: Format) -> Article:
    """Run the parser for ``fmt``; imported lazily so plain text never loads trafilatura."""
    if fmt == "html":
        from readerui.core.html import parse_html

        return parse_html(text, source, url=source if is_url(source) else None)
    if fmt == "markdown":
        from readerui.core.markdown import parse_markdown

        return parse_markdown(text, source)
    from readerui.core.plaintext import parse_plaintext

    return parse_plaintext(text, source)


FIRST_PREVIEW_CHARS = 16_000
"""A plain text more than twice this long is first shown from its opening part (see
:func:`load_bytes`): parsing a whole book takes seconds, its first page needs a few thousand
characters (parsed in a millisecond or two)."""
PREVIEW_CHARS = 100_000
"""A text more than twice this long then gets a longer opening part, read after the first
page is on screen: forty pages or so to turn while the whole is read."""

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _opening(text: str, chars: int) -> str | None:
    """The text up to the first paragraph break after ``chars``, or None if too short."""
    if len(text) <= 2 * chars:
        return None
    found = _PARAGRAPH_BREAK.search(text, chars, 2 * chars)
    return text[: found.start()] if found else None


def load_bytes(
    data: bytes,
    source: str,
    *,
    content_type: str | None = None,
    charset: str | None = None,
    on_preview: Callable[[Article, int], None] | None = None,
) -> Article:
    """Decode and parse raw bytes from ``source`` (a path, URL or ``"-"``) into an Article.

    ``content_type`` and ``charset`` are what the source declared (HTTP headers), if anything.
    For a long plain text, ``on_preview`` is first given the article of its opening part (its
    paragraphs and offsets are those of the whole, which it is a prefix of) and an estimate of
    the whole article's text length, so a reader can show the first pages while the rest is
    parsed.
    """
    name = display_name(source)
    # isspace, not strip: no copy of a book's bytes just to see whether it holds anything.
    if not data or data.isspace():
        raise LoadError(f"{name} is empty")
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(
            f"{name} is too large ({len(data) // (1024 * 1024)} MiB; the limit is 64 MiB)"
        )
    if charset is None and content_type:
        match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.IGNORECASE)
        charset = match.group(1) if match else None
    try:
        text = decode_bytes(data, charset=charset)
    except _BinaryData:
        raise LoadError(f"{name} is a binary file, not an article") from None
    if not text or text.isspace():
        raise LoadError(f"{name} is empty")
    # A long text's format is sniffed from its opening part (the whole is parsed the way its
    # opening part was shown, and megabytes are not sniffed).
    fmt = None
    if on_preview is not None:
        fmt = _preview(text, source, content_type, on_preview)
    text = remove_escapes(text)
    if fmt is None:
        fmt = _format_for(source, content_type, text)
    article = _parse(text, source, fmt)
    if not article.text and not article.title:
        raise LoadError(f"{name} has no readable text")
    return article


def _preview(
    text: str,
    source: str,
    content_type: str | None,
    on_preview: Callable[[Article, int], None],
) -> Format | None:
    """Give ``on_preview`` the opening part of a long plain text, then a longer one when the
    text is long enough for both (each is a prefix of the next, and of the whole). Returns
    the format sniffed from the first opening part (None when there is none).

    The opening part is cleaned and sniffed alone, so a book's first pages do not wait for
    the whole to be cleaned: an escape sequence never spans a paragraph break (it holds no
    control character), so the cleaned opening starts the cleaned whole.
    """
    fmt: Format | None = None
    for chars in (FIRST_PREVIEW_CHARS, PREVIEW_CHARS):
        raw_opening = _opening(text, chars)
        if raw_opening is None:
            break
        opening = remove_escapes(raw_opening)
        if fmt is None:
            fmt = _format_for(source, content_type, opening)
        if fmt != "text":
            break
        preview = _parse(opening, source, "text")
        if not preview.text:
            break
        # The whole text's length after clean-up, estimated from the opening part's.
        on_preview(preview, round(len(text) * len(preview.text) / len(raw_opening)))
    return fmt


def _check_info(info: os.stat_result, name: str) -> None:
    """Refuse what is not a regular file of acceptable size (after ``stat`` or ``fstat``)."""
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(f"{name} is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO, socket or device would block the read for ever, or never end.
        raise LoadError(f"{name} is not a regular file (a pipe or device); save it to a file")
    if info.st_size > MAX_FILE_BYTES:
        raise LoadError(
            f"{name} is too large ({info.st_size // (1024 * 1024)} MiB; the limit is 64 MiB)"
        )


def check_file(path: str | os.PathLike[str]) -> Path:
    """The file at ``path``, if it exists, is a regular file and is not over the size cap.

    Raises :class:`LoadError` otherwise; cheap (one ``stat``), so the command line can refuse
    a bad path before it starts the reader.
    """
    name = display_name(os.fspath(path))
    file = Path(path).expanduser()
    try:
        info = file.stat()
    except FileNotFoundError:
        raise LoadError(f"No such file: {name}") from None
    except PermissionError:
        raise LoadError(f"Permission denied: {name}") from None
    except OSError as exc:
        raise LoadError(f"Could not read {name}: {exc.strerror or exc}") from None
    _check_info(info, name)
    return file


def load_path(
    path: str | os.PathLike[str],
    cancel: threading.Event | None = None,
    on_preview: Callable[[Article, int], None] | None = None,
) -> Article:
    """Load a file: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``, or anything else by
    sniffing its content. ``cancel`` lets a caller abandon a slow load; ``on_preview`` gets
    the opening part of a long plain text first (see :func:`load_bytes`)."""
    source = os.fspath(path)
    name = display_name(source)
    file = check_file(source)
    chunks: list[bytes] = []
    size = 0
    try:
        # Opened non-blocking and checked again on the open file: the path may have been
        # replaced by a FIFO since the stat above, and opening a FIFO would wait for a writer.
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            _check_info(os.fstat(fd), name)
        except LoadError:
            os.close(fd)
            raise
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            # Read in chunks so a cancel request is honoured, and re-check the size cap in
            # case the file grows (or is a device reporting size 0) while being read.
            while chunk := handle.read(_CHUNK):
                _check_cancel(cancel, source)
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise LoadError(f"{name} is too large (the limit is 64 MiB)")
                chunks.append(chunk)
    except PermissionError:
        raise LoadError(f"Permission denied: {name}") from None
    except IsADirectoryError:
        raise LoadError(f"{name} is a directory, not a file") from None
    except OSError as exc:
        raise LoadError(f"Could not read {name}: {exc.strerror or exc}") from None
    _check_cancel(cancel, source)
    data = b"".join(chunks)
    del chunks  # the pieces go before the parse, not after it
    return load_bytes(data, source, on_preview=on_preview)


HOLD_AFTER_PREVIEW = 5.0
"""Longest a loading thread waits for the reader to show the opening part of a text."""


class PendingArticle:
    """A long text whose opening part is ready while the whole is still read in a thread.

    The thread calls :meth:`on_preview` (as ``load_path``'s ``on_preview``), then
    :meth:`finish` or :meth:`fail`; a reader shows :attr:`preview` meanwhile and takes the
    whole from :meth:`wait`.
    """

    def __init__(self) -> None:
        self.preview: Article | None = None
        """The article of the opening part, once there is one."""
        self._longer: tuple[Article, int] | None = None
        self._on_longer: Callable[[Article, int], None] | None = None
        self._lock = threading.Lock()
        self.length = 0
        """About how long the whole text is."""
        self.previewed = threading.Event()
        """Set when :attr:`preview` is there (or the load ended without one)."""
        self.go_on = threading.Event()
        """Set by the reader once the opening part is on screen: the loading thread waits
        for it (at most :data:`HOLD_AFTER_PREVIEW` s) before reading on, so that reading a
        book does not slow down starting the reader that shows its first page."""
        self._done = threading.Event()
        self._article: Article | None = None
        self._error: BaseException | None = None

    def on_preview(self, article: Article, length: int) -> None:
        """Keep the opening part, then wait for :attr:`go_on` (called in the loading thread).
        A longer opening part that follows goes to :meth:`when_longer`'s callback."""
        if self.preview is None:
            self.preview, self.length = article, length
            self.previewed.set()
            self.go_on.wait(HOLD_AFTER_PREVIEW)
            return
        with self._lock:
            self._longer = (article, length)
            deliver = self._on_longer
        if deliver is not None:
            deliver(article, length)

    def when_longer(self, deliver: Callable[[Article, int], None]) -> None:
        """Give ``deliver`` the longer opening part read after the first one (at once if it
        is there already; in the loading thread otherwise)."""
        with self._lock:
            self._on_longer = deliver
            longer = self._longer
        if longer is not None:
            deliver(*longer)

    def read(self, path: str) -> Article | None:
        """Load ``path`` here (in the loading thread), reporting to this object; never raises:
        an error is kept for :meth:`wait` to raise in the thread that collects the article."""
        try:
            article = load_path(path, on_preview=self.on_preview)
        except BaseException as exc:
            self.fail(exc)
            return None
        self.finish(article)
        return article

    def finish(self, article: Article) -> None:
        """The whole article is read."""
        self._article = article
        self._done.set()
        self.previewed.set()

    def fail(self, error: BaseException) -> None:
        """Reading the whole text failed."""
        self._error = error
        self._done.set()
        self.previewed.set()

    def wait(self, cancel: threading.Event | None = None, poll: float = 0.05) -> Article | None:
        """The whole article (its error is raised); None when ``cancel`` is set first."""
        while not self._done.wait(poll):
            if cancel is not None and cancel.is_set():
                return None
        if self._error is not None:
            raise self._error
        return self._article


def load_stdin(stream: BinaryIO | None = None) -> Article:
    """Load an article piped on standard input (or from ``stream``); its source is ``"-"``."""
    if stream is None:
        stream = sys.stdin.buffer
    try:
        if stream.isatty():
            raise LoadError("Nothing to read on standard input: pipe an article into it")
    except (AttributeError, ValueError, OSError):
        pass  # Not a real file: just read it.
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LoadError(f"Could not read standard input: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise LoadError("Standard input is too large (the limit is 64 MiB)")
    if not data or data.isspace():
        raise LoadError("Standard input is empty")
    return load_bytes(data, "-")
