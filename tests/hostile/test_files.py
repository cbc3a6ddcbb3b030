"""Hostile files: stray control bytes, pipes posing as files, escape codes in names."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from readerui.cli import main
from readerui.core.errors import LoadError
from readerui.core.loading import load_bytes, load_path

CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

STORY = [
    "Ferry timetable changes after the storm",
    "The morning ferry will leave twenty minutes later from Monday, the operator said.",
    "“We would rather be late than unsafe,” said Ines Caldera, who runs the crossing.",
    "Third paragraph: passengers asked for a second evening sailing on Fridays.",
    "“It is on the list,” Caldera said, “but the crew must agree first.”",
]


def story_with(between: str) -> bytes:
    """The story with ``between`` put inside its second paragraph."""
    paragraphs = list(STORY)
    paragraphs[1] = paragraphs[1].replace("later from", f"later{between} from")
    return "\n\n".join(paragraphs).encode("utf-8")


@pytest.mark.parametrize(
    "stray",
    [
        "\x9d",  # an 8-bit OSC introducer with no terminator (a mis-decoded byte)
        "\x90",  # 8-bit DCS
        "\x98",  # 8-bit SOS
        "\x1b]",  # a 7-bit OSC with no terminator
        "\x1bP",  # a 7-bit DCS with no terminator
        "\x1b[",  # a CSI cut short
        "\x9b",  # 8-bit CSI
    ],
)
def test_a_stray_escape_introducer_removes_only_itself(stray: str) -> None:
    article = load_bytes(story_with(stray), "ferry.txt")
    # Every later paragraph is still there, word for word.
    for paragraph in STORY[2:]:
        assert paragraph in article.text
    assert "twenty minutes later from Monday" in article.text
    assert not CONTROLS.search(article.text)


def test_a_terminated_escape_sequence_is_removed_whole() -> None:
    article = load_bytes(story_with("\x1b]0;PWNED\x07"), "ferry.txt")
    assert "PWNED" not in article.text
    assert "twenty minutes later from Monday" in article.text
    assert STORY[-1] in article.text


def test_a_cp1252_file_with_an_undefined_byte_keeps_its_quotes() -> None:
    html = (
        "<html><head><meta charset='windows-1252'><title>Quay</title></head><body><article>"
        "<p>\u201cWe open at nine,\u201d the harbourmaster said, before the gates opened "
        "to the crowd.</p><p>\u201cCome early,\u201d she added. The queue was long by eight "
        "o'clock and it reached the fish market.</p></article></body></html>"
    ).encode("cp1252")
    html = html.replace(b"crowd", b"crowd \x81")  # 0x81 is undefined in Windows-1252
    article = load_bytes(html, "quay.html")
    assert "\u201cWe open at nine,\u201d the harbourmaster said" in article.text
    assert "\u201cCome early,\u201d she added." in article.text


def test_emoji_zwj_sequences_stay_whole() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    text = f"Holiday notes\n\nThe whole {family} came along, and so did the dog.\n"
    article = load_bytes(text.encode(), "notes.txt")
    assert family in article.text
    # A joiner between plain letters is only a way to make equal words differ: it goes.
    article = load_bytes("Notes\n\nhar\u200dbour\n".encode(), "notes.txt")
    assert "harbour" in article.text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        load_path(fifo)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_the_cli_refuses_a_fifo_and_exits(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    # A separate process with a deadline: before the fix this waited for a writer for ever.
    for args in (["analyze", str(fifo), "--json"], [str(fifo)]):
        done = subprocess.run(
            [sys.executable, "-m", "readerui", *args],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode != 0
        assert "not a regular file" in done.stderr
        assert done.stderr.count("\n") == 1


def test_devices_are_refused() -> None:
    with pytest.raises(LoadError, match="not a regular file"):
        load_path("/dev/zero")


def test_markdown_export_never_passes_a_file_names_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "story\x1bc\x1b]0;PWNED\x07.txt"
    name.write_bytes(story_with(""))
    assert main(["analyze", str(name), "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "story\\\\x1bc" in out  # shown (Markdown-escaped), not dropped


def test_error_messages_show_file_names_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(tmp_path / "gone\x1b[2J.txt"), "--json"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "gone\\x1b[2J.txt" in err


def test_argument_errors_show_arguments_inert(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["story.txt", "x\x1b]0;PWNED\x07\x1bc"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "x\\x1b]0;PWNED\\x07\\x1bc" in err


def test_escape_sequences_in_a_page_are_removed_whole() -> None:
    html = (
        "<html><body><article><h1>Quay news</h1><p>The ferry left at nine \x1b]0;PWNED\x07"
        "\x1b[2J\x1bc\x9b2J and the harbour was calm all morning, the harbourmaster said.</p>"
        "<p>Boats came back before the tide turned, and the market opened late.</p>"
        "</article></body></html>"
    )
    article = load_bytes(html.encode("utf-8"), "quay.html")
    assert "The ferry left at nine and the harbour was calm" in article.text
    for leftover in ("PWNED", "]0;", "[2J", "2J"):
        assert leftover not in article.text


def test_emoji_sequences_survive_html_extraction() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    html = (
        "<html><body><article><h1>Family day</h1>"
        f"<p>The whole family {family} came to the harbour on Sunday, and so did the dog and "
        "the neighbours from the hill above the town.</p>"
        "<p>A flag \U0001f3f3\ufe0f&zwj;\U0001f308 flew on the boat, the skipper said.</p>"
        "</article></body></html>"
    )
    article = load_bytes(html.encode("utf-8"), "family.html")
    assert family in article.text
    assert "\U0001f3f3\ufe0f\u200d\U0001f308" in article.text
    assert "zwj" not in article.text
