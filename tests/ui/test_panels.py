"""Pilot tests of the people sidebar and the quote index: when they show at each width,
filling after the analysis, filtering, selecting a person, jumping to quotes, copying a
citation, hiding fragments, focus cycling and resetting on a new article.

The article is invented for these tests: four people with titles, each quoted with a plain
"X said", and one scare quote. Assertions stay on those clear cases (the analysis engine is
being tuned) and derive counts and page numbers from the app's own analysis and layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.ui.helpers import MakeApp, label, settle
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Label

from readerui.core.models import Analysis, Article, Person, Quote
from readerui.ui.app import ReaderApp
from readerui.ui.messages import AnalysisReady
from readerui.ui.page_view import PageView
from readerui.ui.panels import ListPanel
from readerui.ui.screens import OpenScreen

WIDE_SIZE = (200, 50)
MEDIUM_SIZE = (120, 40)
NARROW_SIZE = (80, 30)
SMALL_SIZE = (80, 24)

KESSLING_TITLE = "Kessling's cable ferry finally crosses the Varne after two years of delays"
KESSLING_PARAGRAPHS = (
    (
        "KESSLING — The cable ferry that was meant to link the two halves of Kessling in the "
        "spring of last year made its first crossing of the river Varne on Saturday morning, "
        "carrying eleven cars, a milk tanker and what seemed like half the town across two "
        "hundred metres of brown water in a little under four minutes."
    ),
    (
        "Mayor Odile Brannagh, who has spent most of her second term answering questions about "
        "the project, rode on the first crossing and stood at the rail with the ferry crew as "
        "it pulled away from the west landing."
    ),
    (
        "“We promised this town a crossing and today it has one,” Brannagh said. “It took "
        "longer than any of us wanted, and I will not pretend otherwise.”"
    ),
    (
        "The ferry replaces a forty-minute detour by road through the old stone bridge at "
        "Altmere, which lorries have been barred from since its arches were found to be "
        "cracking. For the farms on the east bank the detour has meant an extra hour on every "
        "trip to the creamery, and for the children of the east bank it has meant a school bus "
        "that leaves before dawn in winter."
    ),
    (
        "The creamery at Holt, which takes the milk of some forty farms on the east bank, has "
        "been running its collection round twice a day since the spring floods instead of once,"
        " because the tankers can carry only half a load across the weight limit that now "
        "applies to the old road along the valley floor. The manager of the creamery said on "
        "Saturday that the ferry would save the business the wages of two drivers and the fuel "
        "of a tanker, and that the farmers would feel the difference before the end of the "
        "summer."
    ),
    (
        "The project was first costed at 3.1 million crowns. The final bill, according to the "
        "council's own accounts, will be close to 4.6 million, most of the difference going on "
        "the landings, which had to be rebuilt after the river rose higher than the designers "
        "had allowed for in the floods of the first autumn."
    ),
    (
        "Professor Linnea Haddow, a river engineer at the polytechnic in Sorvik who reviewed "
        "the design for the council, said the flood had exposed a mistake that should have been"
        " caught early. “The landings were drawn for the river as it was thirty years ago,” "
        "Haddow said. “The Varne of today carries more water in a wet week than it used to in a"
        " wet month.”"
    ),
    (
        "The new landings stand almost a metre higher than the old plans, and the steel cable "
        "that guides the ferry across is anchored to concrete blocks set deep into the bank "
        "rather than to the old mooring posts. The ferry itself, a flat deck with a small "
        "wheelhouse, is pulled along the cable by an electric winch and can carry up to "
        "fourteen cars or two lorries at a time."
    ),
    (
        "Councillor Teodor Marsh, who led the opposition to the project when it was first "
        "proposed, was among those waiting at the east landing. He has argued for years that "
        "the money would have been better spent on repairing the bridge at Altmere."
    ),
    (
        "“A ferry is a fine thing until the river freezes or floods, and then you have a very "
        "expensive raft,” Marsh said. He added that the council had still not published the "
        "full cost of running the crossing each year."
    ),
    (
        "The timetable published by the council has the ferry running every twenty minutes from"
        " six in the morning until ten at night, with a crossing on the hour through the night "
        "for emergency vehicles. Foot passengers and cyclists travel free; cars pay four "
        "crowns, and lorries twelve. Season tickets for the farms of the east bank are to be "
        "sold at the town hall from Monday."
    ),
    (
        "The ferry was built at a shipyard in Sorvik and towed up the river in sections last "
        "autumn, after the contract for the first hull was cancelled when the builder went into"
        " administration. The winch and the control gear came from a supplier in the north, and"
        " the cable itself, almost three hundred metres of it, was strung across the river in a"
        " single day in March with the help of a tug borrowed from the harbour at the river "
        "mouth. The council has said that most of the parts can be replaced within a week if "
        "anything breaks, though it has not said what would happen to the timetable in the "
        "meantime."
    ),
    (
        "Not everyone was there to celebrate. A small group of residents from the west bank "
        "held up placards asking who would pay for the extra traffic through the narrow lanes "
        "that lead down to the landing, which were built for carts and, in places, are barely "
        "wide enough for two cars to pass."
    ),
    (
        "Brannagh said the council would put in passing places along the lane before the summer"
        " and would look again at the speed limit. “The people of Lower Kessling have been "
        "patient with us, and they deserve more than a sign,” Brannagh said."
    ),
    (
        "Locals have already taken to calling the crossing the “slow boat”, a name the crew on "
        "Saturday seemed to find more amusing than the mayor did. The ferry has no official "
        "name yet; the council has asked schoolchildren on both banks to suggest one by the end"
        " of the month."
    ),
    (
        "Brannagh has also said she hopes the crossing will bring walkers and cyclists back to "
        "the east bank, where the old towpath runs for twelve kilometres through water meadows "
        "to the lock at Ebbing. The tourist office has printed a new map of the towpath with "
        "the ferry marked on it, and two cafés near the east landing opened for the first time "
        "in years on Saturday, selling coffee and cake to the queue."
    ),
    (
        "The river itself has not always been kind to crossings. A wooden ferry ran at roughly "
        "the same place until the 1950s, when it was replaced by the bridge at Altmere, and "
        "older residents remember it being tied up for weeks at a time each spring while the "
        "meltwater came down from the hills. Photographs of it hang in the bar of the Ferry "
        "Inn, which kept its name through seventy years without a ferry."
    ),
    (
        "Haddow, who was on the east landing to watch the first crossing, said the new design "
        "should cope with a flood of the size that swept away the first landings, but warned "
        "that the river was changing faster than anyone had expected. “Nobody should think of "
        "this crossing as finished,” Haddow said. “The river will keep asking questions, and "
        "the council will have to keep answering them.”"
    ),
    (
        "Safety on the crossing is the responsibility of the county's river police. Inspector "
        "Wenda Farrimond, who oversaw the trial runs over the past fortnight, said the crew had"
        " practised evacuating the deck in the dark and in high water, and that the ferry would"
        " not sail if the river rose above a marked level on the west landing."
    ),
    (
        "“If the water is over the red line, the ferry stays tied up, whatever the timetable "
        "says,” Farrimond said."
    ),
    (
        "Marsh said he would ask at the next council meeting for the running costs to be "
        "published in full, along with the insurance bill, which he believes has doubled since "
        "the project was approved. “I hope I am wrong about this ferry,” Marsh said. “But hope "
        "is not a budget.”"
    ),
    (
        "By Saturday afternoon the queue of cars at the west landing stretched back past the "
        "church, and the crew had made twenty-two crossings. The last one of the day carried "
        "the mayor back to the west bank."
    ),
    ("“Ask me again in a year,” Brannagh said as she stepped off the deck."),
)

SECOND_STORY = """Night buses return to Orrin after a winter without them

Director Halvard Quist of the Orrin transport board said the night routes would run again
from the first of May, after a winter in which the last bus left the station at eleven.

"We heard from nurses, bakers and students, and they all said the same thing," Quist said.
"""


def kessling() -> Article:
    """The invented article, with a byline and site for the citation."""
    return Article.from_blocks(
        "kessling.txt",
        KESSLING_TITLE,
        [(p, "body") for p in KESSLING_PARAGRAPHS],
        byline="By Petra Lindqvist",
        site="The Varne Valley Post",
        published="2026-04-11T09:00:00Z",
    )


# ----------------------------------------------------------------------------- helpers


def shown(panel: ListPanel) -> bool:
    """Whether a panel is on screen (a panel closed at the start is not even in the app)."""
    return panel.is_mounted and panel.display


def title_of(panel: ListPanel) -> str:
    return str(panel.query_one(".panel-title", Label).content)


def rows_of(panel: ListPanel) -> list[str]:
    """The plain text of every option in a panel's list."""
    options = panel.option_list
    texts = []
    for index in range(options.option_count):
        prompt = options.get_option_at_index(index).prompt
        texts.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
    return texts


def person(app: ReaderApp, surname: str) -> Person:
    assert app.analysis is not None
    matches = [p for p in app.analysis.people if p.name.endswith(surname)]
    assert len(matches) == 1, (surname, [p.name for p in app.analysis.people])
    return matches[0]


def quote_with(app: ReaderApp, words: str) -> Quote:
    assert app.analysis is not None
    matches = [q for q in app.analysis.quotes if words in q.text]
    assert len(matches) == 1, (words, [q.text for q in app.analysis.quotes])
    return matches[0]


def page_of(app: ReaderApp, offset: int) -> int:
    """1-based page holding ``offset`` in the current layout."""
    layout = app.view.pages_layout
    assert layout is not None
    return layout.page_at(offset) + 1


async def type_in_list(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` in a focused panel list: the first letter moves focus to the filter.

    The filter box selects all its text when it gets focus (Input.select_on_focus), so the
    second letter would replace the first one; ``end`` drops that selection first. See
    test_every_typed_letter_reaches_the_filter for the bug.
    """
    await pilot.press(text[0], "end", *text[1:])
    await pilot.pause()


def focused_panel(app: ReaderApp) -> str:
    """Where the focus is: "reader", "people", "quotes" (their list), "people-filter", ..."""
    focused = app.focused
    if focused is app.view:
        return "reader"
    for name, panel in (("people", app.people_panel), ("quotes", app.quotes_panel)):
        if focused is panel.option_list:
            return name
        if focused is panel.filter_input:
            return f"{name}-filter"
    return repr(focused)


def styled_words(view: PageView, component: str) -> list[str]:
    """The words drawn on screen with ``component``'s style (checked by its colours)."""
    wanted = view.get_component_rich_style(component, partial=True)
    found = []
    for y in range(view.size.height):
        for segment in view.render_line(y):
            style = segment.style
            if style is None or not segment.text.strip():
                continue
            if wanted.bgcolor is not None and style.bgcolor == wanted.bgcolor:
                found.append(segment.text)
    return found


# ----------------------------------------------------------------------------- arrangement


async def test_wide_terminal_shows_both_panels_beside_the_text() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        people, quotes, view = app.people_panel, app.quotes_panel, app.view
        assert people.has_class("open")
        assert shown(people)
        assert quotes.has_class("open")
        assert shown(quotes)
        assert not view.has_class("covered")
        assert view.display
        # Side by side: people | text | quotes, all on the same rows.
        assert people.region.right <= view.region.x
        assert view.region.right <= quotes.region.x
        assert view.region.width >= 80
        assert app.focused is view


async def test_medium_terminal_hides_panels_until_asked() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=MEDIUM_SIZE) as pilot:
        await settle(pilot)
        people, quotes, view = app.people_panel, app.quotes_panel, app.view
        assert not people.has_class("open")
        assert not shown(people)
        assert not quotes.has_class("open")
        assert not shown(quotes)
        await pilot.press("p")
        await pilot.pause()
        assert people.has_class("open")
        assert shown(people)
        assert not shown(quotes)
        assert view.display
        assert not view.has_class("covered")
        assert app.focused is people.option_list
        await pilot.press("escape")  # back to the text; the panel stays beside it
        await pilot.press("i")
        await pilot.pause()
        # Only one panel at a time below 160 columns: two would squeeze the text.
        assert not shown(people)
        assert shown(quotes)
        assert view.display
        assert not view.has_class("covered")
        assert view.region.right <= quotes.region.x
        assert view.region.width >= MEDIUM_SIZE[0] - quotes.region.width - 1
        assert app.focused is quotes.option_list


async def test_narrow_terminal_panel_covers_the_text_and_escape_returns() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=NARROW_SIZE) as pilot:
        await settle(pilot)
        people, quotes, view = app.people_panel, app.quotes_panel, app.view
        assert not shown(people)
        assert not shown(quotes)
        await pilot.press("p")
        await pilot.pause()
        assert people.has_class("open")
        assert shown(people)
        assert view.has_class("covered")
        assert not view.display
        assert people.region.width == NARROW_SIZE[0]
        assert app.focused is people.option_list
        await pilot.press("escape")
        await pilot.pause()
        assert not people.has_class("open")
        assert not shown(people)
        assert not view.has_class("covered")
        assert view.display
        assert app.focused is view
        # The quote index covers the text the same way, and only one panel at a time.
        await pilot.press("i")
        await pilot.pause()
        assert shown(quotes)
        assert not shown(people)
        assert not view.display
        await pilot.press("escape")
        await pilot.pause()
        assert not shown(quotes)
        assert view.display
        assert app.focused is view


# ----------------------------------------------------------------------------- people


async def test_people_list_fills_after_analysis_most_prominent_first() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        assert app.analysis is not None
        people = app.analysis.people
        panel = app.people_panel
        assert title_of(panel) == f"People · {len(people)}"
        rows = rows_of(panel)
        assert len(rows) == len(people)
        # The clear cases: each named with a title and quoted with "X said".
        mayor = person(app, "Brannagh")
        professor = person(app, "Haddow")
        councillor = person(app, "Marsh")
        inspector = person(app, "Farrimond")
        assert mayor.name == "Odile Brannagh"
        assert mayor.role == "Mayor"
        assert professor.role == "Professor"
        assert councillor.role == "Councillor"
        assert inspector.role == "Inspector"
        assert mayor.quoted >= 3
        assert professor.quoted >= 3
        assert councillor.quoted >= 2
        assert inspector.quoted >= 1
        # The mayor is mentioned and quoted most, so she comes first; the inspector, named
        # on the last page only, comes after the other three.
        assert people[0] is mayor
        assert len(mayor.mentions) == max(len(p.mentions) for p in people)
        assert mayor.quoted == max(p.quoted for p in people)
        order = [p.name for p in people]
        for other in (professor, councillor):
            assert order.index(other.name) < order.index(inspector.name)
        # Rows show name, role and counts, in the same order.
        for row, someone in zip(rows, people, strict=True):
            assert row.startswith(someone.name)
            if someone.role:
                assert someone.role in row
            n = len(someone.mentions)
            assert f"{n} mention{'s' * (n != 1)}" in row
            if someone.quoted:
                assert f"{someone.quoted} quote{'s' * (someone.quoted != 1)}" in row
        first = rows[0].splitlines()
        assert first[0] == "Odile Brannagh"
        assert first[1] == "Mayor"
        assert first[2] == f"{len(mayor.mentions)} mentions · {mayor.quoted} quotes"


async def test_typing_in_the_people_list_filters_and_escape_clears() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        assert app.analysis is not None
        total = len(app.analysis.people)
        panel = app.people_panel
        await pilot.press("tab")
        assert focused_panel(app) == "people"
        await type_in_list(pilot, "hadd")
        assert focused_panel(app) == "people-filter"
        assert panel.filter_input.value == "hadd"
        rows = rows_of(panel)
        assert len(rows) == 1
        assert rows[0].startswith("Linnea Haddow")
        assert title_of(panel) == f"People · 1 of {total}"
        # Down goes from the filter into the (filtered) list.
        await pilot.press("down")
        assert focused_panel(app) == "people"
        # Escape clears the filter first and stays in the list...
        await pilot.press("escape")
        await pilot.pause()
        assert panel.filter_input.value == ""
        assert len(rows_of(panel)) == total
        assert title_of(panel) == f"People · {total}"
        assert focused_panel(app) == "people"
        # ... then goes back to the text (the panel stays open beside it at this width).
        await pilot.press("escape")
        await pilot.pause()
        assert focused_panel(app) == "reader"
        assert shown(panel)


async def test_every_typed_letter_reaches_the_filter() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", *"hadd")
        await pilot.pause()
        assert app.people_panel.filter_input.value == "hadd"


async def test_filter_that_matches_no_one_and_enter_into_the_list() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        panel = app.people_panel
        await pilot.press("tab")
        await type_in_list(pilot, "zzq")
        assert rows_of(panel) == ["No one found"]
        assert title_of(panel).startswith("People · 0 of ")
        panel.filter_input.value = ""
        await pilot.pause()
        await pilot.press(*"inspector")  # roles match too
        await pilot.pause()
        assert len(rows_of(panel)) == 1
        await pilot.press("enter")  # one match left: enter chooses it at once
        await pilot.pause()
        assert app.marks.selection.person is not None
        assert app.marks.selection.person.name == "Wenda Farrimond"


async def test_selecting_a_person_highlights_mentions_and_steps_through_them(
    make_app: MakeApp,
) -> None:
    app, rec = make_app(article=kessling())
    async with app.run_test(size=SMALL_SIZE) as pilot:
        await settle(pilot)
        view = app.view
        mayor = person(app, "Brannagh")
        assert view.page_count >= 5
        await pilot.press("p")
        await pilot.pause()
        panel = app.people_panel
        assert focused_panel(app) == "people"
        assert panel.option_list.highlighted == 0  # the most prominent person, ready
        await pilot.press("enter")
        await pilot.pause()
        assert app.marks.selection.person == mayor
        assert app.marks.selection.stepping is app.marks.selection.mentions
        # The panel covered the text, so it closes and the text is shown again.
        assert not shown(panel)
        assert view.display
        assert app.focused is view
        assert [(h.start, h.end) for h in view.highlights("mentions")] == list(mayor.mentions)
        assert "Brannagh" in styled_words(view, "pageview--mention")
        # The quote index lists only her quotes.
        quotes = app.quotes_panel
        assert quotes.shown
        assert all(q.speaker == mayor.name for q in quotes.shown)
        assert "Odile Brannagh" in title_of(quotes)
        assert view.page_index == 0
        assert label(app, "status-search") == expected_badge(app, mayor)

        # n: the next page with a mention, skipping the pages without one.
        mention_pages = sorted({page_of(app, a) - 1 for a, _ in mayor.mentions})
        assert mention_pages[0] == 0
        assert mention_pages[1] > 1
        visited = [view.page_index]
        for _ in mention_pages[1:]:
            await pilot.press("n")
            await pilot.pause()
            visited.append(view.page_index)
            assert label(app, "status-search") == expected_badge(app, mayor)
            assert "Brannagh" in styled_words(view, "pageview--mention")
        assert visited == mention_pages
        # Past the last one: wraps round to the first, as the search does, and says so.
        await pilot.press("n")
        await pilot.pause()
        assert view.page_index == mention_pages[0]
        assert rec.messages()[-1] == "Wrapped round to the first mention of Odile Brannagh"
        await pilot.press("N")
        await pilot.pause()
        assert view.page_index == mention_pages[-1]
        assert rec.messages()[-1] == "Wrapped round to the last mention of Odile Brannagh"
        # N goes back the same way.
        for expected in reversed(mention_pages[:-1]):
            await pilot.press("N")
            await pilot.pause()
            assert view.page_index == expected
        assert label(app, "status-search") == expected_badge(app, mayor)
        assert "Odile Brannagh: mention" in label(app, "status-search")
        assert " 1" in label(app, "status-search")

        # Escape in the reader clears the person.
        await pilot.press("escape")
        await pilot.pause()
        assert app.marks.selection.person is None
        assert app.marks.selection.stepping is not app.marks.selection.mentions
        assert view.highlights("mentions") == []
        assert styled_words(view, "pageview--mention") == []
        assert label(app, "status-search") == ""
        assert quotes.speaker is None
        assert app.analysis is not None
        assert len(quotes.shown) == len(app.analysis.quotes)


async def test_enter_right_after_opening_the_people_panel_selects_someone() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=MEDIUM_SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "enter")
        await pilot.pause()
        assert app.marks.selection.person is not None
        assert app.analysis is not None
        assert app.marks.selection.person == app.analysis.people[0]


async def test_n_steps_mentions_again_after_a_search_is_cleared() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=SMALL_SIZE) as pilot:
        await settle(pilot)
        mayor = person(app, "Brannagh")
        app.desk.select_person(mayor)
        app.run_search("ferry")
        await pilot.pause()
        await pilot.press("escape")  # clears the search; the mayor stays selected
        await pilot.pause()
        assert app.marks.selection.person == mayor
        assert label(app, "status-search").startswith("Odile Brannagh: ")
        await pilot.press("g", "n")
        await pilot.pause()
        assert app.view.page_index > 0


async def test_select_person_method_goes_to_a_page_with_a_mention() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=SMALL_SIZE) as pilot:
        await settle(pilot)
        inspector = person(app, "Farrimond")
        app.desk.select_person(inspector)
        await pilot.pause()
        start, end = app.view.visible_range()
        assert any(start <= a < end for a, _ in inspector.mentions)
        assert label(app, "status-search") == expected_badge(app, inspector)
        assert "mention 1 of" in label(app, "status-search") or "mentions 1–" in label(
            app, "status-search"
        )
        app.desk.select_person(None)
        await pilot.pause()
        assert app.marks.selection.person is None
        assert app.view.highlights("mentions") == []


# ----------------------------------------------------------------------------- quotes


async def test_quote_index_lists_speakers_and_pages() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=SMALL_SIZE) as pilot:
        await settle(pilot)
        assert app.analysis is not None
        panel = app.quotes_panel
        await pilot.press("i")
        await pilot.pause()
        assert shown(panel)
        assert focused_panel(app) == "quotes"
        assert title_of(panel) == f"Quotes · {len(app.analysis.quotes)}"
        rows = rows_of(panel)
        assert len(rows) == len(app.analysis.quotes) == len(panel.shown)
        for row, quote in zip(rows, panel.shown, strict=True):
            who = quote.speaker or quote.speaker_label or "unattributed"
            assert f"— {who}" in row
            assert f"p. {page_of(app, quote.start)}" in row
        farrimond = quote_with(app, "red line")
        assert farrimond.speaker == "Wenda Farrimond"
        assert page_of(app, farrimond.start) > 1
        scare = quote_with(app, "slow boat")
        assert scare.partial
        assert "fragment" in rows[panel.shown.index(scare)]


async def test_choosing_a_quote_jumps_to_its_page_highlighted() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=SMALL_SIZE) as pilot:
        await settle(pilot)
        view = app.view
        farrimond = quote_with(app, "red line")
        await pilot.press("i")
        await type_in_list(pilot, "red")  # typing filters the quotes too
        assert focused_panel(app) == "quotes-filter"
        assert app.quotes_panel.shown == [farrimond]
        await pilot.press("enter")  # the only match: enter chooses it
        await pilot.pause()
        assert app.marks.selection.quote == farrimond
        start, end = view.visible_range()
        assert start <= farrimond.start < end
        assert view.page_index == page_of(app, farrimond.start) - 1 > 0
        assert [(h.start, h.end) for h in view.highlights("quote")] == [
            (farrimond.start, farrimond.end)
        ]
        drawn = " ".join(styled_words(view, "pageview--quote"))
        assert "red line" in drawn
        assert view.display
        assert app.focused is view
        # Escape clears the quote highlight.
        await pilot.press("escape")
        await pilot.pause()
        assert app.marks.selection.quote is None
        assert view.highlights("quote") == []


async def test_show_quote_on_a_wide_terminal_keeps_the_panels() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        last = app.quotes_panel.shown[-1]
        app.desk.show_quote(last)
        await pilot.pause()
        start, end = app.view.visible_range()
        assert start <= last.start < end
        assert shown(app.people_panel)
        assert shown(app.quotes_panel)


async def test_page_numbers_in_the_index_follow_a_resize() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=SMALL_SIZE) as pilot:
        await settle(pilot)
        panel = app.quotes_panel

        def pages_listed() -> list[int]:
            numbers = []
            for row in rows_of(panel):
                tail = row.rsplit("p. ", 1)[1]
                numbers.append(int(tail.split()[0]))
            return numbers

        await pilot.press("i")  # the index is brought up to date when it is shown
        await pilot.pause()
        before = pages_listed()
        assert before == [page_of(app, q.start) for q in panel.shown]
        await pilot.press("i")
        await pilot.resize_terminal(*MEDIUM_SIZE)
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        after = pages_listed()
        assert after == [page_of(app, q.start) for q in panel.shown]
        assert after != before
        assert max(after) < max(before)


# ------------------------------------------------------------ copying and fragments (y, x)


async def test_y_copies_a_citation_of_the_highlighted_quote(make_app: MakeApp) -> None:
    app, rec = make_app(article=kessling())
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        panel = app.quotes_panel
        farrimond = quote_with(app, "red line")
        await pilot.press("tab", "tab")
        assert focused_panel(app) == "quotes"
        panel.option_list.highlighted = panel.shown.index(farrimond)
        await pilot.pause()
        await pilot.press("y")  # y is not typed into the filter
        await pilot.pause()
        assert panel.filter_input.value == ""
        assert len(copied) == 1
        citation = copied[0]
        words = farrimond.text.rstrip(",")  # the comma leading into "said" is not quoted
        assert citation.startswith(f"“{words}” — Wenda Farrimond")
        assert citation == (
            f"“{words}” — Wenda Farrimond (Inspector), {KESSLING_TITLE} (The Varne Valley Post)"
        )
        assert any(m.startswith("Copied: “If the water") for m in rec.messages())


async def test_y_in_the_reader_copies_the_chosen_quote(make_app: MakeApp) -> None:
    app, rec = make_app(article=kessling())
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=SMALL_SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert copied == []
        assert any("Choose a quote" in m for m in rec.messages())
        marsh = quote_with(app, "hope is not a budget")
        app.desk.show_quote(marsh)
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert copied == [
            f"“{marsh.text}” — Teodor Marsh (Councillor), {KESSLING_TITLE} (The Varne Valley Post)"
        ]
        assert rec.messages()[-1].startswith("Copied: ")


async def test_x_hides_and_shows_fragments(make_app: MakeApp) -> None:
    app, rec = make_app(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        assert app.analysis is not None
        panel = app.quotes_panel
        scare = quote_with(app, "slow boat")
        total = len(app.analysis.quotes)
        fragments = sum(q.partial for q in app.analysis.quotes)
        assert scare in panel.shown
        await pilot.press("tab", "tab", "x")  # x in the quote list is not a filter letter
        await pilot.pause()
        assert panel.filter_input.value == ""
        assert scare not in panel.shown
        assert len(panel.shown) == total - fragments
        assert not any("slow boat" in row for row in rows_of(panel))
        assert title_of(panel) == f"Quotes · {total - fragments} · no fragments"
        assert rec.messages()[-1] == "Fragments hidden"
        await pilot.press("x")
        await pilot.pause()
        assert scare in panel.shown
        assert len(panel.shown) == total
        assert title_of(panel) == f"Quotes · {total}"
        assert rec.messages()[-1] == "Fragments shown (dimmed)"


async def test_x_keeps_the_highlight_on_the_same_quote() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        panel = app.quotes_panel
        later = quote_with(app, "Nobody should think")  # listed after the fragment
        await pilot.press("tab", "tab")
        panel.option_list.highlighted = panel.shown.index(later)
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert panel.current() == later


# ----------------------------------------------------------------------------- focus


async def test_tab_cycles_focus_through_the_open_panels() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        assert focused_panel(app) == "reader"
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(focused_panel(app))
        assert seen == ["people", "quotes", "reader"]
        seen = []
        for _ in range(3):
            await pilot.press("shift+tab")
            seen.append(focused_panel(app))
        assert seen == ["quotes", "people", "reader"]
        # Tab also leaves a filter box.
        await pilot.press("tab", "m")
        assert focused_panel(app) == "people-filter"
        await pilot.press("tab")
        assert focused_panel(app) == "quotes"


async def test_tab_in_a_dialog_leaves_the_panels_alone() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=SMALL_SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not shown(app.people_panel)
        assert app.view.display
        assert app.focused is app.view


async def test_tab_opens_a_closed_panel_one_at_a_time_on_a_medium_terminal() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=MEDIUM_SIZE) as pilot:
        await settle(pilot)
        assert not shown(app.people_panel)
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
            seen.append((focused_panel(app), shown(app.people_panel), shown(app.quotes_panel)))
        assert seen == [
            ("people", True, False),
            ("quotes", False, True),  # one panel at a time below 160 columns
            ("reader", False, True),  # back to the text, the index stays beside it
        ]


# ----------------------------------------------------------------------------- new article


async def test_opening_another_article_resets_the_panels(make_app: MakeApp, tmp_path: Path) -> None:
    story = tmp_path / "orrin.txt"
    story.write_text(SECOND_STORY, encoding="utf-8")
    app, rec = make_app(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        app.desk.select_person(person(app, "Brannagh"))
        app.desk.show_quote(quote_with(app, "Ask me again"))
        await pilot.pause()
        assert app.quotes_panel.speaker == "Odile Brannagh"

        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        app.screen.query_one("#open-input", Input).value = str(story)
        await pilot.press("enter")
        await settle(pilot)
        assert rec.messages("error") == []
        article = app.view.article
        assert article is not None
        assert "Orrin" in article.title
        assert app.analysis is not None
        assert app.marks.selection.person is None
        assert app.marks.selection.quote is None
        assert app.view.highlights("mentions") == []
        assert app.view.highlights("quote") == []
        people_rows = "\n".join(rows_of(app.people_panel))
        for stale in ("Brannagh", "Haddow", "Marsh", "Farrimond", "Lindqvist"):
            assert stale not in people_rows
        assert "Halvard Quist" in people_rows
        assert title_of(app.people_panel) == f"People · {len(app.analysis.people)}"
        quotes = app.quotes_panel
        assert quotes.speaker is None
        assert quotes.shown == list(app.analysis.quotes)
        assert all(article.text[q.start : q.end] == q.text for q in quotes.shown)
        assert not any("Brannagh" in row for row in rows_of(quotes))
        assert shown(app.people_panel)
        assert shown(quotes)


async def test_opening_another_article_clears_the_panel_filters(
    make_app: MakeApp, tmp_path: Path
) -> None:
    story = tmp_path / "orrin.txt"
    story.write_text(SECOND_STORY, encoding="utf-8")
    app, _ = make_app(article=kessling())
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await settle(pilot)
        app.people_panel.filter_input.value = "bran"
        app.quotes_panel.filter_input.value = "ferry"
        await pilot.pause()
        app.open_source(str(story))
        await settle(pilot)
        assert app.view.article is not None
        assert "Orrin" in app.view.article.title
        assert "Halvard Quist" in "\n".join(rows_of(app.people_panel))
        assert app.people_panel.filter_input.value == ""
        assert app.quotes_panel.filter_input.value == ""


@pytest.mark.parametrize("size", [WIDE_SIZE, SMALL_SIZE])
async def test_panels_say_analysing_until_the_analysis_arrives(size: tuple[int, int]) -> None:
    app = ReaderApp(article=kessling())
    app.desk.loader.analyse = lambda article: None  # type: ignore[method-assign,assignment]
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        closed = size != WIDE_SIZE  # the panels start closed: each is opened to be read
        if closed:
            await pilot.press("p")
            await pilot.pause()
        assert title_of(app.people_panel) == "People · analysing…"
        assert rows_of(app.people_panel) == []
        if closed:
            await pilot.press("i")
            await pilot.pause()
        assert title_of(app.quotes_panel) == "Quotes · analysing…"
        await pilot.press("n", "y", "x")  # harmless without an analysis
        await pilot.pause()


async def test_panel_toggle_keys_still_work_inside_the_lists() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=MEDIUM_SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert app.focused is app.people_panel.option_list
        await pilot.press("p")  # closes the panel instead of typing "p" into the filter
        await pilot.pause()
        assert not shown(app.people_panel)
        assert app.people_panel.filter_input.value == ""
        await pilot.press("i")
        await pilot.pause()
        assert app.focused is app.quotes_panel.option_list
        await pilot.press("i")
        await pilot.pause()
        assert not shown(app.quotes_panel)
        assert app.focused is app.view


def expected_badge(app: ReaderApp, who: Person) -> str:
    """The status badge for ``who`` on the page shown, computed from the view."""
    start, end = app.view.visible_range()
    here = [i for i, (a, _) in enumerate(who.mentions) if start <= a < end]
    total = len(who.mentions)
    if len(here) > 1:
        return f"{who.name}: mentions {here[0] + 1}–{here[-1] + 1} of {total}"
    return f"{who.name}: mention {here[0] + 1} of {total}"


async def test_command_keys_work_in_the_lists_and_slash_filters() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=MEDIUM_SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "i")  # from the people list straight to the quote index
        await pilot.pause()
        assert shown(app.quotes_panel)
        assert not shown(app.people_panel)
        assert app.people_panel.filter_input.value == ""
        assert app.focused is app.quotes_panel.option_list
        await pilot.press("slash", *"pier")
        await pilot.pause()
        assert app.quotes_panel.filter_input.value == "pier"
        await pilot.press("escape")  # clears the filter; the list has a row ready for enter
        await pilot.pause()
        assert app.quotes_panel.filter_input.value == ""
        assert app.quotes_panel.option_list.highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.marks.selection.quote is not None
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("q")  # quits from inside a list too
        await pilot.pause()
        assert not app.is_running


async def test_panels_closed_by_a_narrow_window_come_back_when_widened() -> None:
    app = ReaderApp(article=kessling())
    async with app.run_test(size=MEDIUM_SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert shown(app.quotes_panel)
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert not shown(app.quotes_panel)  # it would cover the text unasked
        await pilot.resize_terminal(*MEDIUM_SIZE)
        await pilot.pause()
        assert shown(app.quotes_panel)


async def test_the_quote_index_says_how_the_speaker_was_chosen() -> None:
    article = kessling()
    app = ReaderApp(article=article)
    app.desk.loader.analyse = lambda article: None  # type: ignore[method-assign,assignment]
    first = Quote(
        text=article.text[10:40], start=10, end=40, speaker="Ada Quist", how="pronoun:she"
    )
    second = Quote(text=article.text[60:90], start=60, end=90, speaker="Ada Quist")
    third = Quote(text=article.text[100:130], start=100, end=130, speaker=None)
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await pilot.pause()
        analysis = Analysis(quotes=(first, second, third))
        app.desk.post_message(AnalysisReady(article, analysis))
        await pilot.pause()
        app.quotes_panel.focus_list()
        await pilot.pause()
        detail = app.quotes_panel.query_one(".panel-detail", Label)
        assert detail.display
        assert str(detail.content) == "Why: “she”, the person in focus"
        await pilot.press("down")
        await pilot.pause()
        assert app.quotes_panel.current() == second
        assert not detail.display  # nothing to say about this one
        await pilot.press("down")
        await pilot.pause()
        assert app.quotes_panel.current() == third
        assert str(detail.content) == "Why: no speaker found"


def _chronicle(quotes: int) -> tuple[Article, Analysis]:
    """An invented chronicle with one quote a paragraph, each by one of two speakers, and an
    analysis that lists them all (the panel is under test here, not the engine)."""
    parts: list[str] = []
    found: list[Quote] = []
    offset = 0
    for number in range(quotes):
        said = f"Entry {number} of the harbour log is written"
        paragraph = f"“{said},” the keeper said on day {number}."
        found.append(
            Quote(
                text=said,
                start=offset + 1,
                end=offset + 1 + len(said),
                speaker="Ada Quist" if number % 2 else "Ben Orrin",
                how="said-after",
            )
        )
        parts.append(paragraph)
        offset += len(paragraph) + 2
    text = "\n\n".join(parts)
    article = Article.from_blocks(
        source="chronicle.txt", title="The harbour log", blocks=[(p, "body") for p in parts]
    )
    assert article.text == text
    return article, Analysis(quotes=tuple(found))


async def test_a_long_quote_index_lists_the_quotes_around_the_reader() -> None:
    from readerui.ui.list_panel import LIST_LIMIT

    article, analysis = _chronicle(3 * LIST_LIMIT)
    app = ReaderApp(article=article)
    app.desk.loader.analyse = lambda article: None  # type: ignore[method-assign,assignment]
    async with app.run_test(size=WIDE_SIZE) as pilot:
        await pilot.pause()
        app.desk.post_message(AnalysisReady(article, analysis))
        await settle(pilot)
        panel = app.quotes_panel
        title = str(panel.query_one(".panel-title", Label).content)
        assert title == f"Quotes · {LIST_LIMIT} of {3 * LIST_LIMIT}"
        assert panel.option_list.option_count <= LIST_LIMIT
        assert panel.shown[0] == analysis.quotes[0]  # the reader is at the start
        await pilot.press("G")  # to the end: the index follows the reader there
        await settle(pilot)
        assert panel.shown[-1] == analysis.quotes[-1]
        assert panel.option_list.option_count <= LIST_LIMIT
        # Typing filters every quote, not only the ones listed.
        panel.focus_list()
        await pilot.press("E", "n", "t", "r", "y", "space", "1", "0", "7", " ")
        await settle(pilot)
        assert [q.start for q in panel.shown] == [analysis.quotes[107].start]
