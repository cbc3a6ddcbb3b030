"""The ``readerui`` command line: ``analyze`` output and errors, and the reader's refusals.

``main()`` runs in-process with its own stdin, stdout and stderr; one test runs the real
``python -m readerui`` entry point as a subprocess.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from tests.ui.conftest import http_server  # noqa: F401  (the loopback server fixture)

from readerui.cli import main

DATA = Path(__file__).parent.parent / "data"
LONG_TEXT = DATA / "reader_long.txt"

STORY = """Harbour Pilots Vote to Keep the Night Watch

By Imelda Ferrante

The harbour pilots' association voted on Thursday to keep two pilots on duty through the
night, rejecting a plan from the port authority to replace the night watch with an on-call
rota.

"A ship does not wait for office hours," said Tobias Lindqvist, who chairs the association.
"If the fog comes in at three in the morning, somebody has to be awake and ready."

The port authority's director, Margarethe Oyelaran, said the proposal had been about cost,
not safety. "We respect the vote and we will look at the numbers again," Oyelaran said.

Lindqvist said the association would publish its own figures before the next meeting.
"""


@dataclass
class Result:
    """What a run of the command line did."""

    returncode: int
    stdout: bytes
    stderr: bytes


def run(*args: str, stdin: bytes | None = None, terminal: bool = False) -> Result:
    """Run ``main(args)`` in this process, with ``stdin`` as its standard input (``terminal``:
    the reader may take the terminal although stdout is not one)."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = {
        name: io.TextIOWrapper(buffer, encoding="utf-8", write_through=True)
        for name, buffer in (("stdout", out), ("stderr", err))
    }
    stdin_stream = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    with (
        mock.patch.object(sys, "stdin", stdin_stream),
        mock.patch.object(sys, "stdout", streams["stdout"]),
        mock.patch.object(sys, "stderr", streams["stderr"]),
        mock.patch.dict(os.environ, {"NO_COLOR": "1"}),
    ):
        os.environ.pop("READERUI_FORCE_TUI", None)
        if terminal:
            os.environ["READERUI_FORCE_TUI"] = "1"
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: usage errors and --version
            code = exc.code if isinstance(exc.code, int) else 1
    return Result(code, out.getvalue(), err.getvalue())


def assert_one_line_error(result: Any) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("readerui: error: "), stderr
    assert result.stdout == b""
    return lines[0]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "pilots.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def check_document(doc: dict[str, Any]) -> None:
    """The JSON contract: keys present and every offset indexes into ``text``."""
    for key in ("source", "title", "byline", "published", "text", "paragraphs", "people"):
        assert key in doc
    assert "quotes" in doc
    text = doc["text"]
    assert isinstance(text, str)
    previous_end = 0
    for paragraph in doc["paragraphs"]:
        start, end = paragraph["start"], paragraph["end"]
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end
    assert " ".join(text[p["start"] : p["end"]] for p in doc["paragraphs"]).split() == (
        text.split()
    )
    for person in doc["people"]:
        for start, end in person["mentions"]:
            assert 0 <= start < end <= len(text)
    for quote in doc["quotes"]:
        assert 0 <= quote["start"] < quote["end"] <= len(text)
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_analyze_json(story: Path) -> None:
    result = run("analyze", str(story), "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    doc = json.loads(result.stdout)
    check_document(doc)
    assert doc["source"].endswith("pilots.txt")
    assert doc["title"] == "Harbour Pilots Vote to Keep the Night Watch"
    assert "Imelda Ferrante" in (doc["byline"] or "")
    assert "The harbour pilots' association voted on Thursday" in doc["text"]
    assert "rejecting a plan from the port authority" in doc["text"]  # lines re-joined
    names = {person["name"] for person in doc["people"]}
    assert "Tobias Lindqvist" in names
    assert "Margarethe Oyelaran" in names
    lindqvist = next(p for p in doc["people"] if p["name"] == "Tobias Lindqvist")
    assert len(lindqvist["mentions"]) >= 2  # "Tobias Lindqvist" and later "Lindqvist"
    for start, end in lindqvist["mentions"]:
        assert doc["text"][start:end] in {"Tobias Lindqvist", "Lindqvist"}
    quoted = {q["text"]: q["speaker"] for q in doc["quotes"]}
    assert any(
        text.rstrip(",. ") == "A ship does not wait for office hours"
        and speaker == "Tobias Lindqvist"
        for text, speaker in quoted.items()
    )
    assert any(
        text.startswith("We respect the vote") and speaker == "Margarethe Oyelaran"
        for text, speaker in quoted.items()
    )


def test_analyze_defaults_to_json_and_no_analysis(story: Path) -> None:
    result = run("analyze", str(story), "--no-analysis")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    check_document(doc)
    assert doc["people"] == []
    assert doc["quotes"] == []


def test_analyze_long_text_file() -> None:
    result = run("analyze", str(LONG_TEXT))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    check_document(doc)
    headline, *paragraphs = LONG_TEXT.read_text(encoding="utf-8").strip().split("\n\n")
    assert doc["title"] == headline
    assert len(doc["paragraphs"]) == len(paragraphs)
    assert doc["text"].split() == " ".join(paragraphs).split()


def test_analyze_markdown(story: Path) -> None:
    result = run("analyze", str(story), "--markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert out.startswith("# Harbour Pilots Vote to Keep the Night Watch\n")
    assert "A ship does not wait for office hours" in out
    assert "Tobias Lindqvist" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_analyze_json_and_markdown_are_exclusive(story: Path) -> None:
    result = run("analyze", str(story), "--json", "--markdown")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert result.stdout == b""


def test_analyze_stdin() -> None:
    result = run("analyze", "-", stdin=STORY.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    check_document(doc)
    assert doc["source"] == "-"
    assert doc["title"] == "Harbour Pilots Vote to Keep the Night Watch"


def test_analyze_stdin_in_another_encoding() -> None:
    text = "Café Owners Protest Rent Rise\n\nThe café on the quay will close, said Zoë Maréchal.\n"
    result = run("analyze", "-", "--no-analysis", stdin=text.encode("cp1252"))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert "Zoë Maréchal" in doc["text"]
    assert doc["title"] == "Café Owners Protest Rent Rise"


def test_analyze_empty_stdin_is_one_line_error() -> None:
    message = assert_one_line_error(run("analyze", "-", stdin=b""))
    assert "empty" in message.lower()


def test_analyze_missing_file(tmp_path: Path) -> None:
    message = assert_one_line_error(run("analyze", str(tmp_path / "missing.txt")))
    assert "missing.txt" in message


def test_analyze_binary_file(tmp_path: Path) -> None:
    blob = tmp_path / "photo.txt"
    blob.write_bytes(bytes(range(256)) * 64 + b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    message = assert_one_line_error(run("analyze", str(blob)))
    assert "photo.txt" in message


def test_analyze_directory(tmp_path: Path) -> None:
    message = assert_one_line_error(run("analyze", str(tmp_path)))
    assert "directory" in message


def test_analyze_refused_url() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert_one_line_error(run("analyze", f"http://127.0.0.1:{port}/story.html"))


def test_reader_missing_file(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.txt"))
    message = assert_one_line_error(result)
    assert "missing.txt" in message


def test_reader_without_a_terminal(story: Path) -> None:
    """stdout is a pipe here: the reader refuses cleanly instead of drawing into it."""
    message = assert_one_line_error(run(str(story)))
    assert "terminal" in message


def test_reader_unknown_sample() -> None:
    message = assert_one_line_error(run("--sample", "no-such-sample"))
    assert "no-such-sample" in message


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("readerui ")


def test_the_installed_entry_point_runs() -> None:
    """``python -m readerui`` in a real process: the module entry and its exit codes."""
    env = {k: v for k, v in os.environ.items() if k != "READERUI_FORCE_TUI"}
    version = subprocess.run(
        [sys.executable, "-m", "readerui", "--version"],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert version.returncode == 0
    assert version.stdout.decode().startswith("readerui ")
    missing = subprocess.run(
        [sys.executable, "-m", "readerui", "analyze", "no-such-file.txt"],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert missing.returncode != 0
    assert missing.stderr.decode().startswith("readerui: error: ")
    assert b"Traceback" not in missing.stderr


@pytest.fixture
def app_never_starts() -> Iterator[None]:
    """Starting the reader fails the test (the source must be refused before it starts)."""
    from readerui.ui.app import ReaderApp

    with mock.patch.object(ReaderApp, "run", side_effect=AssertionError("the app started")):
        yield


def test_reader_missing_url_is_one_line_and_exit_1(
    http_server: tuple[str, dict[str, tuple[str, bytes]]],  # noqa: F811
    app_never_starts: None,
) -> None:
    base, _ = http_server
    result = run(f"{base}/missing", terminal=True)
    message = assert_one_line_error(result)
    assert result.returncode == 1
    assert "404" in message


def test_reader_binary_file_is_one_line_and_exit_1(tmp_path: Path, app_never_starts: None) -> None:
    binary = tmp_path / "tool"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40)
    result = run(str(binary), terminal=True)
    assert_one_line_error(result)
    assert result.returncode == 1


def test_reader_loads_before_it_asks_for_a_terminal(story: Path, tmp_path: Path) -> None:
    """A good source is read first; only then is the missing terminal the problem."""
    assert "terminal" in assert_one_line_error(run(str(story)))
    assert "missing" in assert_one_line_error(run(str(tmp_path / "missing.txt")))


def test_a_url_that_cannot_be_fetched_opens_from_its_kept_copy() -> None:
    """The network is gone (nothing listens on the port): the library's copy is read."""
    import socket

    from readerui.core.models import Article
    from readerui.data.copies import keep_copy
    from readerui.data.library import Library
    from readerui.ui.app import ReaderApp

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/pilots"
    article = Article.from_blocks(url, "Harbour Pilots", [("The night watch stays.", "body")])
    keep_copy(Library(), article)
    started: list[tuple[Article | None, str | None]] = []

    def run_app(app: ReaderApp, **_: object) -> None:
        started.append((app.launch.article, app.launch.notice))

    with mock.patch.object(ReaderApp, "run", run_app):
        result = run(url, terminal=True)
    assert result.returncode == 0, result.stderr
    ((shown, notice),) = started
    assert shown == article
    assert notice is not None
    assert notice.startswith("Offline: the copy kept in your library")
    assert_one_line_error(run(url.replace("/pilots", "/other"), terminal=True))


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal")
def test_keys_typed_before_the_load_began_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """``readerui book.txt`` then ``G`` at once: the key may reach the terminal before the
    command has even started watching it (the terminal still in line mode). It is kept for
    the reader, not thrown away when the terminal is switched to single keys."""
    import pty
    import time

    from readerui import cli

    master, slave = pty.openpty()
    try:
        os.write(master, b"G")  # typed while the shell still had the terminal
        time.sleep(0.2)  # taken in by the terminal's line discipline, as in real use
        with os.fdopen(os.dup(slave), "r") as terminal:
            monkeypatch.setattr(sys, "stdin", terminal)
            result, typed = cli._while_keys_wait(lambda: "the article")
        assert result == "the article"
        assert typed == "G"
    finally:
        os.close(master)
        os.close(slave)


def test_the_reader_draws_up_to_240_frames_a_second(tmp_path: Path) -> None:
    """Textual's 60 frames a second would make every page turn wait for the next frame (8 ms
    on average); the reader asks for more, unless the user set TEXTUAL_FPS."""
    story = tmp_path / "story.txt"
    story.write_text("A headline\n\nA short story that fits on one page.\n", encoding="utf-8")
    # The app itself is not run (there is no terminal): what it would run with is printed.
    probe = (
        "import sys\n"
        "from readerui import cli\n"
        "def run(app):\n"
        "    import textual.constants, textual.screen\n"
        "    print(textual.constants.MAX_FPS, round(1 / textual.screen.UPDATE_PERIOD))\n"
        "cli._run = run\n"
        "sys.exit(cli.main([sys.argv[1]]))\n"
    )
    for preset, expected in ((None, "240 240"), ("30", "30 30")):
        env = {**os.environ, "READERUI_FORCE_TUI": "1"}
        env.pop("TEXTUAL_FPS", None)
        if preset is not None:
            env["TEXTUAL_FPS"] = preset
        done = subprocess.run(
            [sys.executable, "-c", probe, str(story)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.split("\n")[0] == expected
