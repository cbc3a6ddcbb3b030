"""The app's plain parts, without an app: what n/N step through, the actions kept until
the text is ready, the pages for a size, which panels show at a width, the status line's
texts, keymap warnings and the key help, the drawing rules, and the worker bodies with their
cancel events."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from rich.style import Style
from textual.app import App
from textual.binding import Binding

from readerui.core import analysis as analysis_module
from readerui.core.background import opening_part
from readerui.core.layout import Layout, Line
from readerui.core.models import Article, Person
from readerui.ui.arrangement import PanelArrangement, size_class_for
from readerui.ui.bindings import BINDINGS, key_help
from readerui.ui.deferred import DeferredActions
from readerui.ui.keymap import bound_keys, keymap_warnings, user_keymap
from readerui.ui.messages import AnalysisReady, ArticleLoaded, LoadFailed
from readerui.ui.navigation import Selection, SpanCursor
from readerui.ui.page_paint import Highlight, HighlightGroups, header_lines, line_segments
from readerui.ui.page_paint import source_label as label_of_source
from readerui.ui.pagination import SYNC_LAYOUT_CHARS, Pagination, opening_chars
from readerui.ui.status import duration, mention_badge, search_badge
from readerui.ui.tasks import Abandoned, analyse, load_file, run_abandonable

# ----------------------------------------------------------------------------- n and N


def test_a_cursor_seeks_steps_round_and_looks_beyond_the_page() -> None:
    cursor = SpanCursor([(50, 55), (10, 15), (30, 35)], "word")
    assert cursor.spans == [(10, 15), (30, 35), (50, 55)]  # kept in text order
    assert cursor.current is None
    assert cursor.seek(20) == (30, 35)
    assert cursor.seek(60) == (10, 15)  # nothing after: the first one
    assert cursor.step(forward=False) == (50, 55)  # wraps round at the start
    assert cursor.step(forward=True) == (10, 15)  # and at the end
    assert cursor.beyond((12, 40), forward=True) == 50
    assert cursor.beyond((12, 40), forward=False) == 10
    assert cursor.beyond((40, 60), forward=True) is None  # stepping by pages does not wrap
    assert cursor.beyond((0, 10), forward=False) is None
    assert list(cursor.within((10, 40))) == [0, 1]
    assert not SpanCursor()
    assert SpanCursor().step(forward=True) is None


def _person(name: str, *mentions: tuple[int, int]) -> Person:
    return Person(name=name, mentions=mentions)


def test_the_one_chosen_last_takes_n_and_n_back() -> None:
    selection = Selection()
    assert selection.stepping is None
    assert selection.escape_target() is None
    selection.set_search("harbour", [(5, 12), (40, 47)])
    assert selection.stepping is selection.search
    selection.choose_person(_person("Dana Whitlock", (20, 33)))
    assert selection.stepping is selection.mentions  # chosen last
    assert selection.escape_target() == "person"
    selection.follow_search()  # a match was shown again
    assert selection.stepping is selection.search
    assert selection.escape_target() == "search"
    selection.clear_search()  # the person's mentions take n/N back
    assert selection.stepping is selection.mentions
    assert selection.query == "harbour"  # kept, to edit it again
    selection.choose_person(None)
    assert selection.stepping is None
    selection.quote = object()  # type: ignore[assignment]
    assert selection.escape_target() == "quote"
    selection.reset()
    assert selection.quote is None
    assert selection.escape_target() is None


# ----------------------------------------------------------------------------- kept actions


def test_actions_wait_until_ready_then_run_in_the_order_they_came() -> None:
    ready = False
    done: list[str] = []
    kept = DeferredActions(lambda: ready)
    kept.when_ready(lambda: done.append("G"))
    kept.when_ready(lambda: done.append("n"))
    assert done == []
    assert len(kept) == 2
    kept.run()  # not ready yet: nothing runs, nothing is lost
    assert (done, len(kept)) == ([], 2)
    ready = True
    kept.run()
    assert (done, len(kept)) == (["G", "n"], 0)
    kept.when_ready(lambda: done.append("space"))  # ready: at once
    assert done == ["G", "n", "space"]
    kept.keep(lambda: done.append("kept"))  # kept even when ready, for the next run
    assert len(kept) == 1
    kept.clear()
    kept.run()
    assert done == ["G", "n", "space"]


def test_running_stops_when_an_action_makes_it_not_ready_and_never_loops() -> None:
    ready = True
    done: list[int] = []
    kept = DeferredActions(lambda: ready)

    def first() -> None:
        nonlocal ready
        done.append(1)
        ready = False  # say, a page past the part laid out was asked for

    for action in (first, lambda: done.append(2)):
        kept.keep(action)
    kept.run()
    assert (done, len(kept)) == ([1], 1)  # the second waits for the next run
    ready = True

    def again() -> None:
        done.append(3)
        kept.keep(again)  # keeps itself: runs once per run, not for ever

    kept.keep(again)
    kept.run()
    assert (done, len(kept)) == ([1, 2, 3], 1)


# ----------------------------------------------------------------------------- pages


def _book(chars: int) -> Article:
    paragraph = "The ferry left the quay at dawn and the gulls followed it out past the light. "
    blocks = [(f"{i}. {paragraph * 3}", "body") for i in range(chars // (len(paragraph) * 3))]
    return Article.from_blocks("book.txt", "A Crossing", blocks)


def test_a_short_text_is_laid_out_at_once_and_once_per_size() -> None:
    started: list[tuple[int, int, int]] = []
    stopped: list[bool] = []
    pages = Pagination(lambda _a, *size: started.append(size), lambda: stopped.append(True))
    assert not pages.lay_out(60, 20, 3, 0)  # nothing to lay out yet
    article = _book(5_000)
    pages.show(article)
    assert pages.laying_out
    assert pages.lay_out(60, 20, 3, 0)
    assert pages.layout is not None
    assert (pages.layout.width, pages.layout.height) == (60, 20)
    assert pages.complete
    assert not pages.laying_out
    assert pages.estimated_page_count == len(pages.layout)
    assert pages.lay_out(60, 20, 3, 0)  # the same size: shown again, not laid out again
    assert (started, len(stopped)) == ([], 1)
    assert pages.progress(0, 100) == 0.0
    assert pages.progress(100, len(article.text)) == 1.0  # the end is on screen
    assert pages.minutes_after(len(article.text)) == 0
    assert pages.minutes_after(0) >= 1


def test_a_long_text_shows_its_opening_pages_while_the_whole_is_laid_out() -> None:
    started: list[tuple[int, int, int]] = []
    pages = Pagination(lambda _a, *size: started.append(size), lambda: None)
    article = _book(SYNC_LAYOUT_CHARS + 50_000)
    whole = len(article.text)
    opening = opening_part(article, 40_000)
    assert article.text.startswith(opening.text)
    pages.show(opening, expected_length=whole)  # only the opening part is read yet
    assert pages.length == whole
    assert pages.lay_out(60, 20, 3, 0)
    assert not pages.complete  # the rest of the text is still being read
    assert pages.estimated_page_count > len(pages.layout or [])
    shown = pages.layout
    pages.extend(article)
    assert not pages.lay_out(60, 20, 3, 0)  # the pages on screen stay...
    assert pages.layout is shown
    assert started == [(60, 20, 3)]  # ...while the whole is laid out in the worker
    assert pages.laying_out
    assert not pages.lay_out(60, 20, 3, 0)  # being laid out: wait for that worker
    assert pages.lay_out(50, 20, 3, 0)  # another size: the whole's opening pages at once
    assert pages.layout is not None
    assert pages.layout.width == 50
    assert pages.layout.pages[-1].end <= opening_chars(50, 20)
    assert started == [(60, 20, 3), (50, 20, 3)]  # and a new worker
    assert not pages.lay_out(40, 20, 3, opening_chars(40, 20))  # past the opening part
    whole_layout = pages_of(article, 40, 20, 3)
    pages.take(whole_layout)
    assert pages.complete
    assert pages.estimated_page_count == len(whole_layout)


def pages_of(article: Article, measure: int, height: int, header: int) -> Layout:
    from readerui.ui.pagination import lay_out

    layout = lay_out(article, measure, height, header)
    assert layout is not None
    cancel = threading.Event()
    cancel.set()
    assert lay_out(article, measure, height, header, cancel) is None  # cancelled: no pages
    return layout


# ----------------------------------------------------------------------------- panels


def test_the_panels_follow_the_width() -> None:
    assert [size_class_for(w) for w in (99, 100, 159, 160)] == [
        "-narrow",
        "-medium",
        "-medium",
        "-wide",
    ]
    panels = PanelArrangement()
    assert panels.fit(200)
    assert (panels.people, panels.quotes) == (True, True)  # wide: both, unasked
    assert not panels.fit(180)  # same class: nothing to do
    assert panels.fit(120)
    assert (panels.people, panels.quotes) == (False, False)  # medium: none until asked
    assert panels.toggle("people") is True
    assert panels.toggle("quotes") is True
    assert (panels.people, panels.quotes) == (False, True)  # one at a time below WIDE
    assert not panels.covering


def test_a_narrow_spell_closes_the_panels_and_widening_brings_them_back() -> None:
    panels = PanelArrangement()
    panels.fit(120)
    panels.toggle("quotes")
    panels.fit(70)
    assert (panels.people, panels.quotes) == (False, False)  # they would squeeze the text
    assert panels.toggle("people")
    assert panels.covering  # opened on a narrow terminal, it covers the text
    assert panels.uncover()
    assert not panels.uncover()  # nothing left to close
    panels.fit(120)
    assert (panels.people, panels.quotes) == (False, True)  # what was open comes back


# ----------------------------------------------------------------------------- status line


def test_the_status_line_texts() -> None:
    assert duration(5) == "5 min"
    assert duration(95) == "1 h 35 min"
    matches = SpanCursor([(1, 3), (8, 10)], "tide")
    matches.seek(5)
    assert search_badge(matches, limit=100) == "“tide” 2/2"
    assert search_badge(matches, limit=2) == "“tide” 2/2+"  # the search stopped at the limit
    assert search_badge(SpanCursor(), limit=100) == ""
    mentions = SpanCursor([(10, 14), (20, 24), (90, 94)], "Whitlock")
    assert mention_badge(mentions, (0, 30)) == "Whitlock: mentions 1–2 of 3"
    assert mention_badge(mentions, (80, 100)) == "Whitlock: mention 3 of 3"
    assert mention_badge(mentions, (30, 80)) == "Whitlock: 3 mentions"


# ----------------------------------------------------------------------------- keys


def test_keymap_warnings() -> None:
    assert keymap_warnings(BINDINGS, {}) == []
    assert keymap_warnings(BINDINGS, {"next_page": "j", "prev_page": "k"}) == []
    assert keymap_warnings(BINDINGS, {"next_page": "j", "prev_page": "j"}) == [
        "keymap.toml binds j to both next_page and prev_page: one of them cannot be reached"
    ]
    (taken,) = keymap_warnings(BINDINGS, {"help": "q"})
    assert taken.endswith("; ctrl+q always quits")
    assert keymap_warnings(BINDINGS, {"nxt": "j", "quit": " "}) == [
        "Unknown key ids in keymap.toml: nxt",
        "keymap.toml gives no key to quit: the defaults stay",
    ]
    assert bound_keys("?, j,space") == ["question_mark", "j", "space"]


def test_the_users_keymap_keeps_a_way_out_and_says_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\nnext_page = "ctrl+q,j"\nnxt = "x"\n', encoding="utf-8")
    keymap, warnings = user_keymap(BINDINGS, path)
    assert keymap == {"next_page": "j", "nxt": "x"}  # ctrl+q stays with quit
    assert warnings == [
        "keymap.toml gives ctrl+q to next_page: it is kept for quitting",
        "Unknown key ids in keymap.toml: nxt",
    ]
    path.write_text("[keys\n", encoding="utf-8")
    keymap, (error,) = user_keymap(BINDINGS, path)
    assert keymap == {}
    assert error.startswith(f"Ignoring {path}: ")  # a broken file: one line, the defaults


def test_the_key_help_spells_keys_as_textual_does() -> None:
    app = App[None]()
    rows = key_help(BINDINGS, {"next_page": "j,down"}, app.get_key_display)
    by_description = {description: keys for keys, description in rows}
    assert by_description["Next page"] == "j ↓"
    assert by_description["Go to page…"] == ":"
    assert by_description["Quit"] == "q ^q"
    headings = [description for keys, description in rows if not keys]
    assert headings == ["Reading", "Search", "People and quotes", "App", "Mouse"]
    ids = {b.id for b in BINDINGS if isinstance(b, Binding)}
    listed = len(rows) - len(headings) - 2  # less the two mouse rows
    assert listed == len(ids)


# ----------------------------------------------------------------------------- drawing


def test_highlights_over_a_line_and_the_segments_drawn() -> None:
    groups = HighlightGroups()
    groups.set("search", [Highlight(4, 9, "match"), Highlight(0, 2, "match")])
    groups.set("quote", [Highlight(0, 30, "quote")])  # a long span starting before the line
    assert [h.start for h in groups.get("search")] == [0, 4]
    assert [(h.start, h.component) for h in groups.over(5, 12)] == [(4, "match"), (0, "quote")]
    text = "abcdefghijklmnopqrstuvwxyz"
    styles = {"match": Style(bold=True), "quote": Style(italic=True)}
    segments = line_segments(text, Line(3, 12, "body"), groups, lambda c: styles.get(c, Style()))
    assert "".join(s.text for s in segments) == text[3:12]
    matched = [s.text for s in segments if s.style is not None and s.style.bold]
    assert matched == ["efghi"]
    assert all(s.style is not None and s.style.italic for s in segments)
    groups.clear()
    assert groups.over(0, 100) == []


def test_the_header_never_takes_more_than_half_the_page() -> None:
    article = Article.from_blocks(
        "https://news.example/2026/harbour-wall/",
        "A headline " * 30,
        [("Body text.", "body")],
        site="The Courier",
        published="2026-03-14T08:00:00Z",
    )
    lines = header_lines(article, measure=40, height=10)
    assert len(lines) == 5
    assert lines[-1][1] == "pageview--rule"
    full = header_lines(article, measure=40, height=100)
    meta = " ".join(text for text, kind in full if kind == "pageview--meta")
    assert "The Courier" in meta
    assert "2026-03-14" in meta
    assert "news.example/2026/harbour-wall" in meta
    assert label_of_source("-") == "standard input"
    assert label_of_source("/tmp/a\x1b[2Jb.txt") == "a\\x1b[2Jb.txt"


# ----------------------------------------------------------------------------- workers


def test_the_analysis_worker_stops_when_cancelled_and_reports_a_failure(
    long_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancel = threading.Event()
    ready = analyse(long_article, cancel)
    assert isinstance(ready, AnalysisReady)
    assert ready.error is None
    assert ready.analysis.people
    cancel.set()
    assert analyse(long_article, cancel) is None

    def broken(article: Article, cancel: threading.Event | None = None) -> None:
        raise ValueError("no luck")

    monkeypatch.setattr(analysis_module, "analyze", broken)
    failed = analyse(long_article, threading.Event())
    assert isinstance(failed, AnalysisReady)
    assert failed.analysis.people == ()
    assert failed.error is not None
    assert failed.error.startswith("Analysis failed: ")


def test_the_load_worker_answers_or_stays_quiet_when_cancelled(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("A Headline\n\nA paragraph of the story.", encoding="utf-8")
    loaded = load_file(str(story), threading.Event())
    assert isinstance(loaded, ArticleLoaded)
    assert loaded.article.title == "A Headline"
    missing = load_file(str(tmp_path / "gone.txt"), threading.Event())
    assert isinstance(missing, LoadFailed)
    assert "gone.txt" in missing.error
    cancelled = threading.Event()
    cancelled.set()
    assert load_file(str(tmp_path / "gone.txt"), cancelled) is None


def test_abandonable_work_returns_raises_or_is_left_behind() -> None:
    never = threading.Event()
    assert run_abandonable(lambda: 6 * 7, never) == 42

    def fails() -> None:
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        run_abandonable(fails, never)
    held = threading.Event()
    cancel = threading.Event()
    cancel.set()
    try:
        with pytest.raises(Abandoned):
            run_abandonable(lambda: held.wait(60), cancel)  # left to run out in a daemon thread
    finally:
        held.set()
