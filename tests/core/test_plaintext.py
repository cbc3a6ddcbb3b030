"""Plain text to Article: headline, byline, captions, chrome, paragraphs, Gutenberg."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readerui.core import plaintext
from readerui.core.models import Article
from readerui.core.plaintext import _join_lines, parse_plaintext
from readerui.samples import sample_path

DATA = Path(__file__).parent.parent / "data"


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(p.kind, article.paragraph_text(p)) for p in article.paragraphs]


def test_wire_story_structure() -> None:
    article = parse_plaintext((DATA / "wire_story.txt").read_text(), "wire_story.txt")
    assert article.title == "Ferry operators warn of winter cuts on the Brannock route"
    assert article.byline == "By JONAS PELL"
    got = kinds(article)
    assert got[0] == (
        "caption",
        "The ferry Saint Ide leaves Brannock harbour at dawn on Monday."
        " Lena Okafor/Coastline Press",
    )
    assert got[1] == ("byline", "By JONAS PELL")
    assert got[2][0] == "body"
    assert got[2][1].startswith("BRANNOCK (Coastline Press) — The two companies")
    # Hard-wrapped lines are joined with single spaces.
    assert "mainland said on Monday" in got[2][1]
    assert "\n" not in got[2][1]
    text = article.text
    for chrome in (
        "Skip to content",
        "home page",
        "Advertisement",
        "newsletter",
        "Share this",
        "Follow us",
    ):
        assert chrome not in text
    assert article.title not in text
    assert got[-1][1].startswith("Islanders said the cuts")


def test_verse_block_keeps_its_lines_and_prose_is_unwrapped() -> None:
    article = parse_plaintext((DATA / "verse.txt").read_text(), "verse.txt")
    assert article.title == "A Winter Walk"
    first, second = (article.paragraph_text(p) for p in article.paragraphs)
    assert first == "The river was\nslow and grey,\nthe herons stood\nlike folded day."
    assert second.startswith("This paragraph is ordinary prose, long enough")
    assert "\n" not in second


def test_no_headline_when_first_block_is_a_sentence() -> None:
    article = parse_plaintext("It rained all day.\n\nThen it stopped.", "x")
    assert article.title == ""
    assert [article.paragraph_text(p) for p in article.paragraphs] == [
        "It rained all day.",
        "Then it stopped.",
    ]


def test_gutenberg_header_and_licence_are_stripped() -> None:
    book = (
        "The Project Gutenberg EBook of The Salt Road, by Wen Arlo\n\nLicence blah blah.\n\n"
        "Title: The Salt Road\n\nAuthor: Wen Arlo\n\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK THE SALT ROAD ***\n\n\n"
        "Produced by Some Volunteers\n\nTHE SALT ROAD\n\nCHAPTER I\n\n"
        "The road ran west to the sea.\n\n"
        "*** END OF THIS PROJECT GUTENBERG EBOOK THE SALT ROAD ***\n\nMore licence text.\n"
    )
    article = parse_plaintext(book, "salt.txt")
    assert article.title == "The Salt Road"
    assert article.byline == "By Wen Arlo"
    assert kinds(article) == [("heading", "CHAPTER I"), ("body", "The road ran west to the sea.")]


def test_several_gutenberg_books_in_one_file_are_all_kept() -> None:
    def book(title: str, line: str) -> str:
        return (
            f"The Project Gutenberg EBook of {title}\n\nLicence blah blah.\n\nTitle: {title}\n\n"
            f"*** START OF THIS PROJECT GUTENBERG EBOOK {title.upper()} ***\n\n"
            f"CHAPTER I\n\n{line}\n\n"
            f"*** END OF THIS PROJECT GUTENBERG EBOOK {title.upper()} ***\n\nMore licence text.\n"
        )

    text = book("The Salt Road", "The road ran west to the sea.") + book(
        "The Quiet Mill", "The mill stood still all winter."
    )
    article = parse_plaintext(text, "two.txt")
    assert article.title == "The Salt Road"
    assert "The road ran west to the sea." in article.text
    assert "The mill stood still all winter." in article.text
    assert "licence" not in article.text.lower()


def test_harbour_sample() -> None:
    article = parse_plaintext(sample_path("harbour").read_text(encoding="utf-8"), "harbour")
    assert (
        article.title == "Port Ellis votes to rebuild its storm-battered harbour wall before winter"
    )
    assert article.byline == "By Marta Quell and Owen Brisk, Coastline Press"
    got = kinds(article)
    assert got[0][0] == "caption"
    assert got[0][1].endswith("(Photo: Ana Ruiz/Coastline Press)")
    assert got[1] == ("byline", article.byline)
    assert got[2][1].startswith("PORT ELLIS (Coastline Press) —")
    assert "Advertisement" not in article.text
    assert "Make your home page" not in article.text
    assert 900 <= article.word_count <= 1200
    assert all(kind == "body" for kind, _ in got[2:])


def test_one_paragraph_per_line_without_blank_lines() -> None:
    first = "The first paragraph is a single long line, as browsers copy it, " * 2
    second = "The second one follows on the very next line with no blank line between. " * 2
    article = parse_plaintext(f"Ferry fares rise again\nBy Ana Lint\n{first}\n{second}\n", "x")
    assert article.title == "Ferry fares rise again"
    assert article.byline == "By Ana Lint"
    assert [p.kind for p in article.paragraphs] == ["byline", "body", "body"]
    assert article.paragraph_text(article.paragraphs[1]) == first.strip()


def test_wire_credit_line_is_the_byline() -> None:
    text = (
        "\n\nIrma Solberg, The Coastal Press\n\nBRANNOCK -- The ferry ran late again on Monday.\n"
    )
    article = parse_plaintext(text, "x")
    assert article.title == ""
    assert article.byline == "Irma Solberg, The Coastal Press"
    assert [p.kind for p in article.paragraphs] == ["byline", "body"]


def test_gallery_prefix_marks_and_leaves_a_caption() -> None:
    text = (
        "Open this photo in gallery A crane lifts granite blocks onto the quay. Jo Brandt\n\n"
        "The work began on Monday."
    )
    article = parse_plaintext(text, "x")
    assert article.title == ""
    first = article.paragraphs[0]
    assert first.kind == "caption"
    assert article.paragraph_text(first) == "A crane lifts granite blocks onto the quay. Jo Brandt"


def test_all_caps_wire_headline_with_full_stop() -> None:
    article = parse_plaintext("SAILING - BRANNOCK CREW WIN IN FOG.\n\nThe crew won.", "x")
    assert article.title == "SAILING - BRANNOCK CREW WIN IN FOG."


def test_long_opening_question_is_not_a_headline() -> None:
    first = (
        "The question every candidate heard at the doors this autumn was the same one: what "
        "would they do about the ferry?"
    )
    article = parse_plaintext(f"{first}\n\nMost said they would fix it.", "x")
    assert article.title == ""
    assert article.paragraph_text(article.paragraphs[0]) == first


def test_a_wrapped_line_that_looks_like_chrome_is_kept() -> None:
    text = (
        "Curtain Story\n\n"
        "After the long and quiet evening she finally drew the heavy velvet curtains very\n"
        "close. Then she went back down to the cellar for one more slow and careful\n"
        "search. It was late by then and the house was entirely still.\n\n"
        "X\n\n"
        "Share this article\n\n"
        "The next chapter began."
    )
    article = parse_plaintext(text, "t.txt")
    body = article.text
    assert "close. Then" in body.replace("\n", " ")
    assert "careful search." in body.replace("\n", " ")
    assert "\n\nX\n\n" in body  # a roman-numeral chapter line is not the share button "x"
    assert "Share this article" not in body


def test_contributor_line_is_a_byline() -> None:
    text = (
        "Harbour wall to be rebuilt\n\n"
        "The board voted on Tuesday to rebuild the old sea wall in stone before the gales.\n\n"
        "Gazette writer Ana Ruiz in Port Ellis contributed to this report.\n"
    )
    article = parse_plaintext(text, "wall.txt")
    assert [p.kind for p in article.paragraphs] == ["body", "byline"]


_MARKER_BITS = st.sampled_from(
    ["***", "****", "*", "** ", " ", "\n", "a", "*** START OF THE PROJECT GUTENBERG EBOOK X",
     "*** end of this project gutenberg ebook"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKER_BITS, max_size=12).map("".join), st.integers(0, 200))
def test_gutenberg_markers_are_found_as_the_regex_finds_them(text: str, position: int) -> None:
    """Markers are looked for only where a line starts with "***" (fast on a whole book):
    the answer is the one a search with the marker's own pattern gives."""
    position = min(position, len(text))
    for pattern in (plaintext._PG_START, plaintext._PG_END):
        expected = pattern.search(text, position)
        found = plaintext._marker(pattern, text, position)
        assert (found and found.span()) == (expected and expected.span())


def _joined_one_by_one(lines: list[str]) -> str:
    """Prose lines joined as the rule says, growing one string (the reference)."""
    out = lines[0]
    for line in lines[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out += line
        else:
            out += " " + line
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab-A. ", min_size=1, max_size=70), min_size=2, max_size=6))
def test_wrapped_prose_joins_like_the_rule(lines: list[str]) -> None:
    lines = [line.strip() or "x" for line in lines]
    lines[0] = "z" * 60 + lines[0]  # long enough to be prose, not verse
    assert _join_lines(lines) == _joined_one_by_one(lines)
