"""A hostile server on 127.0.0.1: nothing it sends reaches the terminal, hangs or floods memory."""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Iterator

import pytest
from tests.hostile.server import HostileServer, hostile_server

from readerui.cli import main
from readerui.core.errors import LoadError
from readerui.core.fetch import fetch_url

CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


async def load_error(url: str, **kwargs: float) -> str:
    with pytest.raises(LoadError) as excinfo:
        await fetch_url(url, **kwargs)  # type: ignore[arg-type]
    message = str(excinfo.value)
    assert not CONTROLS.search(message), repr(message)
    return message


async def test_reason_phrase_escapes_are_shown_inert(server: HostileServer) -> None:
    message = await load_error(f"{server.url}/evil-reason")
    assert message.startswith("HTTP 404 ")
    # Nothing is dropped: the escape bytes are shown as visible \x1b, the words are kept.
    assert "\\x1b]0;PWNED\\x07\\x1b[2JNot Found" in message


async def test_content_type_escapes_are_shown_inert(server: HostileServer) -> None:
    message = await load_error(f"{server.url}/evil-type")
    assert "not an article" in message
    assert "\\x1b" in message


def test_cli_prints_server_strings_without_escapes(
    server: HostileServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", f"{server.url}/evil-reason", "--json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("readerui: error: HTTP 404")
    assert err.count("\n") == 1
    assert not CONTROLS.search(err.rstrip("\n"))


async def test_a_slow_drip_is_cut_by_the_overall_deadline(server: HostileServer) -> None:
    # Each byte comes well within the read timeout; only the whole-response deadline ends it.
    message = await load_error(f"{server.url}/drip", timeout=5, deadline=1)
    assert "did not send the whole page within 1 s" in message


async def test_a_double_gzip_bomb_stops_at_the_cap_in_bounded_memory(
    server: HostileServer,
) -> None:
    tracemalloc.start()
    try:
        message = await load_error(f"{server.url}/bomb", max_bytes=4 * 1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "too large" in message
    # 1 GiB once inflated; reading stops a step past the 4 MiB cap.
    assert peak < 32 * 1024 * 1024


async def test_a_double_gzip_page_still_reads(server: HostileServer) -> None:
    article = await fetch_url(f"{server.url}/gzip2")
    assert article.title == "Quiet harbour"
    assert "ferry left on time" in article.text


async def test_an_unknown_content_encoding_is_one_clear_line(server: HostileServer) -> None:
    message = await load_error(f"{server.url}/unknown-encoding")
    assert "cannot read" in message


async def test_credentials_are_used_but_never_shown_or_kept(server: HostileServer) -> None:
    url = f"http://reader:hunter2@127.0.0.1:{server.port}/article"
    article = await fetch_url(url)
    assert "hunter2" not in article.source
    assert "reader" not in article.source
    assert article.source == f"{server.url}/article"
    assert any(b"Authorization: Basic" in r for r in server.requests)  # they were used
    message = await load_error(f"http://reader:hunter2@127.0.0.1:{server.port}/evil-reason")
    assert "hunter2" not in message


async def test_a_redirect_to_a_dead_port_names_where_it_failed(server: HostileServer) -> None:
    message = await load_error(f"{server.url}/to-dead-port")
    assert f"127.0.0.1:{server.dead_port}" in message
    assert f":{server.port}" not in message


async def test_a_redirect_to_another_scheme_names_the_target(server: HostileServer) -> None:
    message = await load_error(f"{server.url}/to-ftp")
    assert "ftp://127.0.0.1/file.txt" in message
    assert "to-ftp" in message


async def test_an_error_after_a_redirect_names_the_final_url(server: HostileServer) -> None:
    message = await load_error(f"{server.url}/to-missing")
    assert message.startswith("HTTP 404")
    assert "/missing-page" in message


async def test_a_cp1252_page_with_an_undefined_byte_keeps_its_curly_quotes(
    server: HostileServer,
) -> None:
    article = await fetch_url(f"{server.url}/cp1252")
    assert "“We open at nine,” the harbourmaster said." in article.text
    assert "“the tide waits for no one.”" in article.text
    assert "A stray \ufffd byte sits here." in article.text


async def test_credentials_in_a_url_that_cannot_be_parsed_are_not_shown() -> None:
    message = await load_error("http://user:secret@[127.0.0.1/x")
    assert "secret" not in message
    assert "user" not in message
