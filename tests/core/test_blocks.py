"""Block tests shared by the three parsers: chrome, bylines, wire credits, captions."""

from __future__ import annotations

import pytest

from readerui.core.blocks import is_byline, is_caption, is_chrome


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe and John Roe, CNN",
        "By JANE DOE",
        "By Ana de la Cruz | Staff writer",
        "By: Priya Nair",
    ],
)
def test_bylines(line: str) -> None:
    assert is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the council had voted to close the road.",
        "By the time he arrived it was dark",
        "Byron Hale said nothing.",
    ],
)
def test_not_bylines(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "The mayor speaks on Monday. (Photo: Ana Ruiz/Coastline Press)",
        "Flood water on Quay Street. (Provided Photo/Jo Lark/Reuters via Coast Newsource)",
        "Photograph: Mina Olsen",
        "Crowds at the quay on Sunday. Nils Berg/Getty Images",
        "Rescuers at work. AP Photo/Kit Brand",
    ],
)
def test_captions(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council said the road would reopen on Friday and/or Saturday.",
        "Getty Images, the photo agency, said it would appeal the ruling in the spring.",
    ],
)
def test_not_captions(line: str) -> None:
    assert not is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Make your home page",
        "Share this article",
        "Skip to content",
        "Sign up for our newsletter",
        "Follow us on Bluesky",
        "Click here to subscribe",
    ],
)
def test_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "The advertisement ran for three weeks before anyone noticed.",
        "She told readers to follow us on the long road home, and they did.",
    ],
)
def test_real_sentences_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)
