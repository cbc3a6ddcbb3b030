"""Headline, authors, site and captions from a page's structure (invented pages only)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from readerui.core.html import parse_html
from readerui.core.pagemeta import (
    author_names,
    choose_title,
    is_desk_credit,
    join_names,
    page_facts,
)


def _facts(head: str = "", body: str = ""):  # type: ignore[no-untyped-def]
    return page_facts(
        lxml_html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    )


def _ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- author names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Ida Marr, MA", ["Ida Marr"]),
        ("Tomas Vell, PhD, and Ana Ruiz, MD", ["Tomas Vell", "Ana Ruiz"]),
        ("By: Priya Nair", ["Priya Nair"]),
        ("Analysis by Joan Quill, Gazette Senior Court Analyst", ["Joan Quill"]),
        ("By Lena Ostrova | lostrova@example.com", ["Lena Ostrova"]),
        ("By KIT BRAND March 11, 2025 3:46 PM", ["KIT BRAND"]),
        (
            "Rafe Dunmore, Nils Berg, and Mina Olsen, Velmont Gazette",
            ["Rafe Dunmore", "Nils Berg", "Mina Olsen"],
        ),
        ("Staff and news service reports", ["Staff and news service reports"]),
        ("By Ines Kowal Follow @ikowal", ["Ines Kowal"]),
        ("Ines Kowal Follow on Bluesky", ["Ines Kowal"]),
        ("https://example.com/people/jane-doe", []),
        ("No Author", []),
    ],
)
def test_author_names(raw: str, names: list[str]) -> None:
    assert author_names(raw, {"velmont gazette"}) == names


@pytest.mark.parametrize(
    ("text", "desk"),
    [
        ("National Desk", True),
        ("Our Foreign Staff", True),
        ("Staff and news service reports", True),
        ("Ines Kowal", False),
        ("Desk", False),
    ],
)
def test_is_desk_credit(text: str, desk: bool) -> None:
    assert is_desk_credit(text) is desk


def test_join_names() -> None:
    assert join_names(["A B"]) == "A B"
    assert join_names(["A B", "C D"]) == "A B and C D"
    assert join_names(["A B", "C D", "E F"]) == "A B, C D and E F"


def test_json_ld_people_win_over_a_publisher_in_meta_author() -> None:
    facts = _facts(
        '<meta name="author" content="Harbour Media Group">'
        '<meta property="og:site_name" content="Tidewater">'
        + _ld(
            {
                "@type": "NewsArticle",
                "headline": "Ferry timetable changes",
                "author": [{"@type": "Person", "name": "Oona Pike"}],
                "publisher": {"@type": "Organization", "name": "Harbour Media Group"},
            }
        )
    )
    assert facts.authors == ["Oona Pike"]
    assert facts.site == "Tidewater"


def test_organisation_author_is_not_a_byline() -> None:
    facts = _facts(
        '<meta property="og:site_name" content="Coast News">'
        + _ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Coast News"}})
        + '<meta property="article:author" content="Coast News">'
    )
    assert (facts.authors, facts.credits) == ([], [])


def test_an_organisation_that_is_not_the_publisher_is_the_byline_when_no_person_is() -> None:
    head = '<meta property="og:site_name" content="Harbour Daily">'
    wire = {"@type": "Organization", "name": "Coast Wire Service"}
    facts = _facts(head + _ld({"@type": "NewsArticle", "author": wire}))
    assert (facts.authors, facts.credits) == ([], ["Coast Wire Service"])
    # Named beside a person, the organisation is an affiliation, not an author.
    person = {"@type": "Person", "name": "Oona Pike"}
    facts = _facts(head + _ld({"@type": "NewsArticle", "author": [person, wire]}))
    assert facts.authors == ["Oona Pike"]
    facts = _facts(
        head
        + _ld({"@type": "NewsArticle", "author": wire})
        + '<meta name="author" content="Oona Pike, Coast Wire Service">'
    )
    assert facts.authors == ["Oona Pike"]


def test_a_credit_under_the_headline_names_the_source() -> None:
    header = (
        '<article><header><h1>Nets stolen from the quay</h1><p class="credit">KESTREL</p>'
        "</header><p>Story text.</p></article>"
    )
    facts = _facts('<meta name="author" content="No Author">', header)
    assert (facts.authors, facts.credits) == ([], ["KESTREL"])
    # A credit beside the header's picture is the photographer's.
    photo = header.replace('<p class="credit">', '<div><img src="q.jpg"><p class="credit">')
    photo = photo.replace("KESTREL</p>", "Nils Berg</p></div>")
    assert _facts(body=photo).credits == []
    # The publisher's own name there is the site, shown as such, not a byline.
    own = header.replace("KESTREL", "Harbour Daily")
    assert _facts('<meta property="og:site_name" content="Harbour Daily">', own).credits == []
    # Only the first few credit elements are read (a page may hold thousands).
    lines = "".join(f'<p class="credit">Wire {n}</p>' for n in "ABCDE")
    many = header.replace('<p class="credit">KESTREL</p>', lines)
    assert _facts(body=many).credits == ["Wire A", "Wire B", "Wire C"]
    # A person named by the page comes first.
    named = header.replace("</header>", '<p class="byline">By Tess Arden</p></header>')
    assert _facts(body=named).authors == ["Tess Arden"]


def test_the_credit_is_the_byline_only_when_no_person_is_named() -> None:
    story = "".join(
        f"<p>{line}</p>"
        for line in (
            "Six hundred metres of net went missing from the north quay overnight, the harbour "
            "office said on Tuesday, the third theft from the quay this winter.",
            "Skippers said the nets were worth more than the boats that carry them, and asked "
            "the council for lights and a locked gate at the quay's landward end.",
        )
    )
    page = (
        "<html><head><title>Nets stolen from the quay</title></head><body><article><header>"
        '<h1>Nets stolen from the quay</h1><p class="credit">KESTREL</p></header>'
        f"{story}</article></body></html>"
    )
    assert parse_html(page, "n.html").byline == "By KESTREL"
    with_person = page.replace("<title>", '<meta name="author" content="Tess Arden"><title>')
    assert parse_html(with_person, "n.html").byline == "By Tess Arden"


def test_json_ld_in_a_graph_and_cdata_wrapper() -> None:
    data = json.dumps(
        {
            "@graph": [
                {"@type": "WebSite", "name": "Quay"},
                {"@type": "Article", "author": {"name": "Li Wen"}},
            ]
        }
    )
    facts = _facts(f'<script type="application/ld+json">//<![CDATA[\n{data}\n//]]></script>')
    assert facts.authors == ["Li Wen"]


def test_meta_author_with_site_name_and_degree() -> None:
    facts = _facts(
        '<meta property="og:site_name" content="Velmont Gazette">'
        '<meta name="author" content="Rafe Dunmore, MA, and Nils Berg, Velmont Gazette">'
    )
    assert facts.authors == ["Rafe Dunmore", "Nils Berg"]


def test_rel_author_of_teasers_is_not_the_story_author() -> None:
    body = (
        '<article><div class="meta"><a rel="author" href="/p/ana">Ana Ruiz</a> and '
        '<a rel="author" href="/p/bo">Bo Day</a></div><p>Story text.</p></article>'
        '<aside><ul><li><a href="/x">Other story</a> <a rel="author" href="/p/cy">Cy Moss</a></li>'
        "</ul></aside>"
    )
    assert _facts(body=body).authors == ["Ana Ruiz", "Bo Day"]


def test_first_byline_element_when_nothing_else() -> None:
    body = (
        '<p class="byline">By Tess Arden</p><p>Text.</p>'
        '<div class="teaser"><p class="byline">By Someone Else</p></div>'
    )
    assert _facts(body=body).authors == ["Tess Arden"]


# --- titles ------------------------------------------------------------------------------------


def test_h1_that_matches_the_metadata_wins() -> None:
    facts = _facts(
        "<title>Harbour wall to be rebuilt - Tidewater News</title>"
        '<meta property="og:site_name" content="Tidewater News">',
        "<h1>Menu</h1><h1>Harbour wall to be rebuilt</h1>",
    )
    assert choose_title(facts) == "Harbour wall to be rebuilt"


def test_site_name_og_title_loses_to_the_page_title() -> None:
    facts = _facts(
        "<title>Ferry strike ends after two days</title>"
        '<meta property="og:title" content="Portside News - Latest News &amp; Headlines">'
        '<meta name="application-name" content="Portside News - Latest News &amp; Headlines">',
        "<h1>Ferry strike ends after two days</h1>",
    )
    assert choose_title(facts) == "Ferry strike ends after two days"


def test_section_name_in_the_h1_is_left_out() -> None:
    facts = _facts(
        '<meta property="og:title" content="Council votes to keep the night bus">',
        "<h1>Local News | Council votes to keep the night bus</h1>",
    )
    assert choose_title(facts) == "Council votes to keep the night bus"


def test_unrelated_h1_loses_to_the_title() -> None:
    facts = _facts(
        "<title>Babies and peanuts: what a new study says</title>", "<h1>Allergy Centre</h1>"
    )
    assert (
        choose_title(facts, extra="Allergy Centre") == "Babies and peanuts: what a new study says"
    )


def test_json_ld_headline_first_and_cms_name_ignored() -> None:
    facts = _facts(
        _ld({"@type": "NewsArticle", "headline": "escenic"})
        + '<meta property="og:title" content="Plumber fined over boiler fault">',
        "<h1>Tidewater</h1>",
    )
    assert choose_title(facts) == "Plumber fined over boiler fault"


def test_author_after_the_separator_is_trimmed() -> None:
    facts = _facts(
        '<meta property="og:title" content="Why the tide came early | Oona Pike">'
        '<meta name="author" content="Oona Pike">'
    )
    assert choose_title(facts, authors=facts.authors) == "Why the tide came early"


# --- captions ----------------------------------------------------------------------------------


def test_caption_sources() -> None:
    body = (
        "<article><figure><img src=a.jpg><figcaption>Boats at dawn.</figcaption></figure>"
        "<figure><img src=b.jpg></figure><ul><li><p>The keeper at his door</p></li></ul>"
        '<p class="media-caption__text">Nets drying on the quay</p>'
        '<div class="has-caption"><p>This container is not a caption but holds one.</p></div>'
        "</article>"
    )
    facts = _facts(body=body)
    assert {"boats at dawn", "the keeper at his door", "nets drying on the quay"} <= facts.captions
    assert "this container is not a caption but holds one" not in facts.captions


def test_hostile_json_ld_is_skipped() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    spaces = '{"@type": "Article", "author": {"name": "Li Wen"}' + " " * 200_000 + "x"
    head = (
        f'<script type="application/ld+json">{deep}</script>'
        f'<script type="application/ld+json">{spaces}</script>'
        '<meta name="author" content="Ana Ruiz">'
    )
    assert _facts(head).authors == ["Ana Ruiz"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["@type", "name", "author", "headline", "publisher", "@graph"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(_JSON)
@settings(max_examples=150, deadline=None)
def test_any_json_ld_shape_is_read_without_error(data: object) -> None:
    facts = _facts(_ld(data) + _ld({"@type": "NewsArticle", "author": data, "headline": data}))
    assert all(isinstance(name, str) and name for name in facts.authors)
    assert isinstance(choose_title(facts), str)
