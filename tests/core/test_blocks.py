"""Block tests shared by the three parsers: chrome, bylines, wire credits, captions."""

from __future__ import annotations

import pytest

from readerui.core.blocks import is_byline, is_caption, is_chrome, is_contributor_line


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


@pytest.mark.parametrize(
    "line",
    [
        "Unfortunately, this video is not available in your region.",
        "XR-104-311",
        "Now watching",
        "Next video starts in : 5",
        "Loading weather data ...",
        "Loading…",
        "View photo",
        "Order Reprints",
        "https://example.com/stories/sea-wall-12345",
        "Copyright ©2025 Velmont Media, Inc. All Rights Reserved",
        "Write to Rafe Dunmore at rafe.dunmore@example.com",
        "SEE MORE: Harbour wall: the full story",
        "Follow Tidewater News on Instagram, Facebook and YouTube.",
        "[Sign up for the Morning Tide newsletter in your inbox.]",
        "Please wait...",
        "Get The Gazette's Morning Edition by email and never miss a story Free Sign Up",
        "Were you caught in the gale on the coast road? Please share your photos, videos and "
        "stories with Harbour Watch.",
        "Send us your tips.",
        "Now check your email account on your tablet to download your new app.",
    ],
)
def test_more_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Loading the boats took all day, the skipper said.",
        "Now watching the tide is his whole job.",
        "Thanks to the volunteers, the wall was finished a week early.",
        "Copyright law changed in 2019 after a long campaign by authors.",
        "The mayor asked: who pays? Share your stories with the council, she told residents.",
        'He said: "Send us your photos."',
        "Check your email for a message from the bank, the fraud officer said.",
    ],
)
def test_sentences_like_chrome_are_kept(line: str) -> None:
    assert not is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ana Ruiz and Bo Day contributed to this report.",
        "Gazette writer Li Wen in Port Ellis contributed to this report.",
        "With files from The Coastline Press",
        "Reporting by Ana Ruiz; Editing by Bo Day",
    ],
)
def test_contributor_lines(line: str) -> None:
    assert is_contributor_line(line)


def test_a_sentence_about_contributions_is_not_a_credit() -> None:
    assert not is_contributor_line("The council contributed to this report's costs, she said.")
