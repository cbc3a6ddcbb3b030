"""Loading files, bytes and standard input: decoding, format choice and clear errors."""

from __future__ import annotations

import io
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readerui.core.errors import LoadError
from readerui.core.loading import (
    MAX_FILE_BYTES,
    load_bytes,
    load_path,
    load_stdin,
    sniff_format,
)
from readerui.core.models import Article
from readerui.core.sources import is_url, load_source

DATA = Path(__file__).parent.parent / "data"

STORY = "Quiet week on the quay\n\nThe boats stayed in. “It was too rough,” said Ed Vann.\n"


def one_line_error(excinfo: pytest.ExceptionInfo[LoadError]) -> str:
    message = str(excinfo.value)
    assert "\n" not in message
    assert message
    return message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as excinfo:
        load_path(tmp_path / "nope.txt")
    assert one_line_error(excinfo) == f"No such file: {tmp_path / 'nope.txt'}"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as excinfo:
        load_path(tmp_path)
    assert "is a directory" in one_line_error(excinfo)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary\xff\xfe\x00junk" * 50)
    with pytest.raises(LoadError) as excinfo:
        load_path(path)
    assert one_line_error(excinfo) == f"{path} is a binary file, not an article"


def test_png_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "picture"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(LoadError, match="binary file"):
        load_path(path)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t  \n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(LoadError) as excinfo:
        load_path(path)
    assert one_line_error(excinfo) == f"{path} is empty"


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # Sparse: no 64 MiB actually written.
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(LoadError) as excinfo:
        load_path(path)
    assert "too large" in one_line_error(excinfo)


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("utf-16"))  # Python writes a BOM for "utf-16".
    article = load_path(path)
    assert article.title == "Quiet week on the quay"
    assert article.text == "The boats stayed in. “It was too rough,” said Ed Vann."


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    assert load_path(path).title == "Quiet week on the quay"


def test_cp1252_without_declaration(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    text = "Café notes\n\nThe owner said “we open at nine” – and she did, every day of the year.\n"
    path.write_bytes(text.encode("cp1252"))
    article = load_path(path)
    assert article.title == "Café notes"
    assert "“we open at nine” – and she did" in article.text


def test_latin1_declared_charset_means_cp1252() -> None:
    data = "Señor Ruiz said “yes”.".encode("cp1252")
    article = load_bytes(data, "x.txt", content_type="text/plain; charset=ISO-8859-1")
    assert article.text == "Señor Ruiz said “yes”."


def test_shift_jis_with_meta_charset() -> None:
    html = (
        '<html><head><meta charset="shift_jis"><title>港の記事</title></head>'
        "<body><p>港の壁は冬の前に再建される予定です。</p></body></html>"
    ).encode("shift_jis")
    article = load_bytes(html, "page.html")
    assert "港の壁は冬の前に再建される予定です。" in article.text


def test_shift_jis_detected_without_declaration() -> None:
    text = "港町の新しい防波堤について、町議会は火曜日の夜に投票を行い、賛成多数で可決した。" * 4
    article = load_bytes(text.encode("shift_jis"), "note.txt")
    assert article.text.startswith("港町の新しい防波堤について")


def test_ansi_escapes_and_markup_become_inert(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(
        b"\x1b[2J\x1b[31mRed alert headline\x1b[0m\n\n"
        b"Text with [bold]markup[/] and \x1b]0;evil title\x07 escapes\x07 here.\n"
    )
    article = load_path(path)
    assert article.title == "Red alert headline"
    assert article.text == "Text with [bold]markup[/] and escapes here."


def test_broken_html_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>First part <div>still <b>going</p></td></html", "utf-8")
    article = load_path(path)
    assert "First part" in article.text
    assert "still going" in article.text


def test_markdown_file() -> None:
    article = load_path(DATA / "notes.md")
    assert article.title == "Tide tables, explained"
    assert "list" in {p.kind for p in article.paragraphs}


def test_extensionless_html_and_text(tmp_path: Path) -> None:
    html = tmp_path / "page"
    shutil.copy(DATA / "article.html", html)
    article = load_path(html)
    assert article.title == "Orchard festival returns to Velmont after six years"
    assert "<p>" not in article.text
    text = tmp_path / "README"
    text.write_text(STORY, "utf-8")
    assert load_path(text).title == "Quiet week on the quay"


def test_html_in_txt_file_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "snippet.txt"
    path.write_text("How to write HTML\n\nType <p>hello</p> into the file.\n", "utf-8")
    assert "<p>hello</p>" in load_path(path).text


def test_cancel_stops_loading(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(LoadError, match="cancelled"):
        load_path(path, cancel)


def test_stdin() -> None:
    article = load_stdin(io.BytesIO(STORY.encode()))
    assert article.source == "-"
    assert article.title == "Quiet week on the quay"
    with pytest.raises(LoadError, match="Standard input is empty"):
        load_stdin(io.BytesIO(b""))


def test_load_source_dispatch(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    assert load_source(str(path)).source == str(path)
    with pytest.raises(LoadError, match="No such file"):
        load_source(str(tmp_path / "missing.md"))


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("https://example.org/a", True),
        ("HTTP://x.org", True),
        ("ftp://x.org", False),
        ("-", False),
        ("notes.txt", False),
        ("http:/broken", False),
        ("/tmp/http://x", False),
    ],
)
def test_is_url(spec: str, expected: bool) -> None:
    assert is_url(spec) is expected


def test_sniff_format() -> None:
    assert sniff_format("<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff_format("  <!-- saved --> <div><p>x</p></div>") == "html"
    assert sniff_format("Just words, with a <tag> in them.") == "text"


_FRAGMENTS = st.sampled_from(
    [b"<p>", b"</p>", b"<html>", b"<h1>", b"By Jane Doe\n", b"\n\n", b"\x1b[31m", b"\xff\xfe",
     b"\x00", b"caf\xe9", b"# T\n", b"> q\n", b"- a\n", b"(Photo: A/B)", b"Advertisement\n",
     b"<figcaption>x</figcaption>", b"<meta charset=utf-16>", b"\xef\xbb\xbf", b"word "]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.one_of(_FRAGMENTS, st.binary(max_size=16)), max_size=24),
    st.sampled_from(["x.txt", "x.md", "x.html", "x", "http://127.0.0.1/x"]),
)
def test_any_bytes_give_an_article_or_a_one_line_error(parts: list[bytes], source: str) -> None:
    try:
        article = load_bytes(b"".join(parts), source)
    except LoadError as exc:
        message = str(exc)
    else:
        message = ""
    assert "\n" not in message
    if message:
        return
    assert "\n" not in article.title
    assert "\x1b" not in article.text
    assert "\x00" not in article.text
    for paragraph in article.paragraphs:
        assert article.paragraph_text(paragraph).strip()


def _long_text(paragraphs: int) -> str:
    """An invented long plain text with the shapes the parser treats differently."""
    blocks = ["The Winter Ferry", "By Ines Caldera", "PORT ELDEN — The ferry sailed late."]
    for i in range(paragraphs):
        if i % 50 == 0:
            blocks.append(f"Chapter {i // 50 + 1}")
        if i % 37 == 0:
            blocks.append("The tide came in\nThe boats went out\nAnd no one spoke")
        if i % 41 == 0:
            blocks.append("- rope\n- lanterns\n- bread for the crossing")
        line = f"Paragraph {i} of the crossing, where “we waited,” said the captain, "
        blocks.append((line + "and the harbour lights went out one by one.\n") * 3)
    return "\n\n".join(blocks) + "\n"


def test_a_long_text_is_previewed_from_its_opening_part() -> None:
    from readerui.core.loading import FIRST_PREVIEW_CHARS, PREVIEW_CHARS

    data = _long_text(3000).encode("utf-8")
    assert len(data) > 3 * PREVIEW_CHARS
    previews: list[Article] = []
    article = load_bytes(data, "ferry.txt", on_preview=lambda a, _: previews.append(a))
    # A short opening part for the first page, then a longer one for the pages after it.
    first, longer = previews
    assert FIRST_PREVIEW_CHARS <= len(first.text) < PREVIEW_CHARS
    assert PREVIEW_CHARS <= len(longer.text) < len(article.text)
    # Each is the opening of the next and of the whole: same offsets, paragraphs, header.
    for preview in previews:
        assert article.text.startswith(preview.text)
        assert article.paragraphs[: len(preview.paragraphs)] == preview.paragraphs
        assert (preview.title, preview.byline) == (article.title, article.byline)


def test_a_text_long_enough_for_one_opening_part_gets_one() -> None:
    from readerui.core.loading import FIRST_PREVIEW_CHARS, PREVIEW_CHARS

    data = _long_text(150).encode("utf-8")
    assert 2 * FIRST_PREVIEW_CHARS < len(data) < 2 * PREVIEW_CHARS
    previews: list[Article] = []
    article = load_bytes(data, "ferry.txt", on_preview=lambda a, _: previews.append(a))
    (preview,) = previews
    assert article.text.startswith(preview.text)


def test_a_long_text_with_escape_codes_is_previewed_clean() -> None:
    """The opening part is cleaned on its own (the whole is cleaned after the preview shows):
    its text is still the start of the whole's, with no escape code in either."""
    paragraphs = _long_text(3000).split("\n\n")
    for i in range(0, len(paragraphs), 7):  # escape codes all through, as a log might have
        paragraphs[i] = f"\x1b[1;31m{paragraphs[i]}\x1b[0m\x1b]0;title\x07"
    data = "\n\n".join(paragraphs).encode("utf-8")
    previews: list[Article] = []
    article = load_bytes(data, "ferry.txt", on_preview=lambda a, _: previews.append(a))
    assert len(previews) == 2
    for preview in previews:
        assert article.text.startswith(preview.text)
        assert article.paragraphs[: len(preview.paragraphs)] == preview.paragraphs
        assert "\x1b" not in preview.text
    assert "\x1b" not in article.text
    assert "[1;31m" not in article.text
    assert "title" not in article.text


def test_short_texts_and_pages_are_not_previewed() -> None:
    previews: list[Article] = []
    load_bytes(
        _long_text(10).encode("utf-8"), "ferry.txt", on_preview=lambda a, _: previews.append(a)
    )
    html = f"<html><body><article><p>{_long_text(3000)}</p></article></body></html>"
    load_bytes(html.encode("utf-8"), "ferry.html", on_preview=lambda a, _: previews.append(a))
    assert previews == []


def test_a_pending_text_hands_on_its_longer_opening_part(tmp_path: Path) -> None:
    """The reader shows the first opening part; the longer one read after it reaches
    whoever asked for it, whether it asked before or after it came."""

    from readerui.core.loading import PendingArticle

    path = tmp_path / "ferry.txt"
    path.write_text(_long_text(3000), encoding="utf-8")
    for ask_first in (True, False):
        pending = PendingArticle()
        longer: list[Article] = []
        if ask_first:
            pending.when_longer(lambda part, _n, kept=longer: kept.append(part))
        reading = threading.Thread(target=pending.read, args=(str(path),))
        reading.start()
        assert pending.previewed.wait(10)
        first = pending.preview
        assert first is not None
        pending.go_on.set()  # the first page is on screen: read on
        whole = pending.wait()
        reading.join(10)
        if not ask_first:
            pending.when_longer(lambda part, _n, kept=longer: kept.append(part))
        (part,) = longer
        assert whole is not None
        assert part.text.startswith(first.text)
        assert len(part.text) > len(first.text)
        assert whole.text.startswith(part.text)
