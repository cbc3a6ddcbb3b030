"""Opening articles in the reader: files, URLs on 127.0.0.1, standard input, failures,
hostile text and file names, a newer open winning, coming back to the place."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from tests.ui.helpers import (
    SECOND_STORY,
    SIZE,
    MakeApp,
    assert_pages_drawn,
    expected_matches,
    found,
    label,
    open_via_dialog,
    position,
    read_a_while,
    screen_rows,
    settle,
    until,
    view_rows,
)
from textual.widgets import Label

from readerui.core.models import Article
from readerui.core.normalize import normalize_text
from readerui.ui.app import ReaderApp
from readerui.ui.screens import OpenScreen

# --------------------------------------------------------------- files and URLs


async def test_start_with_a_file(make_app: MakeApp, long_text: tuple[Path, str, list[str]]) -> None:
    path, title, paragraphs = long_text
    app, rec = make_app(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.view
        assert view.article is not None
        assert view.article.title == title
        assert view_rows(view)[0].strip() == title
        assert view.article.text.split() == " ".join(paragraphs).split()
        assert position(app).startswith(f"Page 1/{view.page_count}")
        assert rec.notes == []
        assert app.initial_error is None


async def test_open_file_replaces_the_article(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    story = tmp_path / "ferry.txt"
    story.write_text(SECOND_STORY, encoding="utf-8")
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(4)
        await pilot.press("slash", *"Varrow", "enter")
        await pilot.pause()
        assert found(app).spans
        await open_via_dialog(pilot, str(story))
        assert rec.messages("error") == []
        article = view.article
        assert article is not None
        assert article is not long_article
        assert article.title == "Ferry Timetable Redrawn as Tessel Bridge Closes for Repairs"
        assert "Benedikt Ohanian" in article.text
        assert view.page_index == 0
        rows = view_rows(view)
        assert rows[0].strip() == article.title
        assert "The county will shut the old Tessel bridge" in "\n".join(rows)
        assert label(app, "status-title") == article.title
        assert position(app).startswith("Page 1/1 · 100%")
        assert found(app).spans == []  # the old search does not apply to the new text
        assert label(app, "status-search") == ""


async def test_open_dialog_escape_and_blank_do_nothing(
    make_app: MakeApp, long_article: Article
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        assert "Open a file or URL" in "\n".join(screen_rows(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, OpenScreen)
        await open_via_dialog(pilot, "   ")
        assert not isinstance(app.screen, OpenScreen)
        assert rec.notes == []
        assert app.view.article is long_article


async def test_open_missing_file_keeps_the_article(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view
        view.go_to_page(4)
        await pilot.pause()
        before = view.visible_range()
        missing = tmp_path / "no-such-story.txt"
        await open_via_dialog(pilot, str(missing))
        assert not isinstance(app.screen, OpenScreen)
        errors = rec.messages("error")
        assert len(errors) == 1
        assert "No such file" in errors[0]
        assert "no-such-story.txt" in errors[0]
        assert app.is_running
        assert view.article is long_article
        assert view.visible_range() == before
        assert label(app, "status-title") == long_article.title
        assert position(app).startswith(f"Page 5/{view.page_count}")
        assert_pages_drawn(view)


async def test_start_with_a_missing_file(make_app: MakeApp, tmp_path: Path) -> None:
    app, rec = make_app(str(tmp_path / "gone.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.view.article is None
        assert not app.view.loading
        assert len(rec.messages("error")) == 1
        assert app.initial_error is not None
        assert "gone.txt" in app.initial_error
        text = "\n".join(view_rows(app.view))
        assert "Could not open it:" in text
        assert label(app, "status-title") == "No article open"
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running
        # The keys still reach the app: focus is not left on a hidden widget.
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


STORY_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Night Trains Return to the Valley Line</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Night Trains Return to the Valley Line</h1>
<p>For the first time in a generation, a sleeper service will run along the valley line this
winter, leaving the coast at ten in the evening and reaching the mountain terminus shortly
after dawn. The operator says tickets for the first month sold out within a day.</p>
<p>The carriages were rebuilt in a workshop near the river, where a team of eleven fitters
stripped the old compartments back to bare steel and fitted new berths, reading lamps and
small washbasins. The work took two years, longer than planned, because spare parts for the
bogies had to be machined from drawings found in a cupboard.</p>
<p>Station staff at the smaller halts have been asked to keep waiting rooms open overnight.
At Orlen Halt the volunteers who look after the flower beds have offered to run a tea urn
for passengers who step down in the dark to stretch their legs.</p>
<p>Not everyone is convinced the service will last. A previous attempt, launched with a
brass band and a ribbon, ran for a single season before it was withdrawn for lack of
passengers and a shortage of drivers willing to work through the night.</p>
</article>
<footer>Copyright the Valley Courier</footer>
</body></html>
"""


async def test_open_url_from_local_server(
    make_app: MakeApp, long_article: Article, http_server: tuple[str, dict[str, Any]]
) -> None:
    base, pages = http_server
    pages["/trains.html"] = ("text/html; charset=utf-8", STORY_HTML.encode("utf-8"))
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_via_dialog(pilot, f"{base}/trains.html")
        assert rec.messages("error") == []
        article = app.view.article
        assert article is not None
        assert article is not long_article
        assert article.title == "Night Trains Return to the Valley Line"
        assert "Orlen Halt" in article.text
        assert "Home" not in article.text.split()
        rows = view_rows(app.view)
        assert rows[0].strip() == article.title
        assert "sleeper service" in " ".join(" ".join(rows).split())
        assert label(app, "status-title") == article.title


async def test_start_with_url(make_app: MakeApp, http_server: tuple[str, dict[str, Any]]) -> None:
    base, pages = http_server
    pages["/trains.html"] = ("text/html; charset=utf-8", STORY_HTML.encode("utf-8"))
    app, rec = make_app(f"{base}/trains.html")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.view.article is not None
        assert app.view.article.title == "Night Trains Return to the Valley Line"
        assert rec.messages("error") == []
        assert app.initial_error is None


async def test_open_url_not_found(
    make_app: MakeApp, long_article: Article, http_server: tuple[str, dict[str, Any]]
) -> None:
    base, _ = http_server
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_via_dialog(pilot, f"{base}/missing.html")
        errors = rec.messages("error")
        assert len(errors) == 1
        assert "404" in errors[0]
        assert "\n" not in errors[0]
        assert app.view.article is long_article


async def test_open_refused_url(make_app: MakeApp, long_article: Article, refused_url: str) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.view.go_to_page(2)
        await open_via_dialog(pilot, refused_url)
        errors = rec.messages("error")
        assert len(errors) == 1
        assert "\n" not in errors[0]
        assert "Traceback" not in errors[0]
        assert app.is_running
        assert app.view.article is long_article
        assert app.view.page_index == 2
        assert label(app, "status-title") == long_article.title
        await pilot.press("space")
        await pilot.pause()
        assert app.view.page_index == 3


# --------------------------------------------------------------- standard input


async def test_standard_input_is_read_in_the_reader(make_app: MakeApp) -> None:
    """What ``cat story.txt | readerui -`` does: the CLI loads stdin, the app shows it."""
    import io

    from readerui.core.loading import load_stdin
    from readerui.data.library import Library

    piped = SECOND_STORY.encode("cp1252")
    article = load_stdin(io.BytesIO(piped))
    app, _ = make_app(article=article)
    async with app.run_test(size=(70, 16)) as pilot:
        await settle(pilot)
        assert (
            label(app, "status-title")
            == "Ferry Timetable Redrawn as Tessel Bridge Closes for Repairs"
        )
        assert any("standard input" in row for row in view_rows(app.view))
        assert app.analysis is not None
        assert any(p.name == "Benedikt Ohanian" for p in app.analysis.people)
        await pilot.press("G")
        await pilot.pause()
        reached = app.view.page_index
    (entry,) = Library().recent()  # kept under its text's digest, with its headline
    assert entry.source.startswith("stdin:")
    assert entry.title == "Ferry Timetable Redrawn as Tessel Bridge Closes for Repairs"
    again, _ = make_app(article=load_stdin(io.BytesIO(piped)))
    async with again.run_test(size=(70, 16)) as pilot:
        await settle(pilot)
        assert reached > 0
        assert again.view.page_index == reached  # the same text piped again resumes


# ------------------------------------------------------------ a newer open wins


async def test_a_newer_open_wins_over_an_older_one_that_ends_late(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The older load is held at a gate until the newer one is on screen, then let go: it
    must end without an answer (its worker was cancelled), whatever the timing."""
    from readerui.core import loading
    from readerui.ui import tasks

    real_load_path, real_load_file = loading.load_path, tasks.load_file
    gate, started, slow_ended = threading.Event(), threading.Event(), threading.Event()
    slow_answers: list[Any] = []

    def gated_load_path(
        path: str, cancel: threading.Event | None = None, on_preview: Any = None
    ) -> Article:
        if Path(path).name == "slow.txt":
            started.set()
            assert gate.wait(30)
            return real_load_path(path)  # deaf to cancel: it ends late all the same
        return real_load_path(path, cancel, on_preview)

    def recorded_load_file(path: str, cancel: threading.Event, on_preview: Any = None) -> Any:
        answer = real_load_file(path, cancel, on_preview)
        if Path(path).name == "slow.txt":
            slow_answers.append(answer)
            slow_ended.set()
        return answer

    monkeypatch.setattr(loading, "load_path", gated_load_path)
    monkeypatch.setattr(tasks, "load_file", recorded_load_file)
    slow, small = tmp_path / "slow.txt", tmp_path / "small.txt"
    slow.write_text("Slow Story\n\nIt took its time.", encoding="utf-8")
    small.write_text("Small Story\n\nJust one paragraph here.", encoding="utf-8")
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_source(str(slow))
        await asyncio.to_thread(started.wait, 30)
        app.open_source(str(small))
        await until(pilot, lambda: app.view.article is not None, "the newer file is shown")
        assert app.view.article is not None
        assert app.view.article.title == "Small Story"
        gate.set()
        assert await asyncio.to_thread(slow_ended.wait, 30)
        assert slow_answers == [None]  # no answer from a cancelled worker
        await settle(pilot)
        assert app.view.article.title == "Small Story"
        assert label(app, "status-title") == "Small Story"


async def test_an_answer_from_a_cancelled_load_is_dropped(make_app: MakeApp) -> None:
    """Should a cancelled load still answer (it finished as it was cancelled), the loader
    drops the answer before the app sees it."""
    from textual.worker import Worker

    from readerui.ui.messages import ArticleLoaded

    shown = Article.from_blocks("a.txt", "Shown Story", [("Body.", "body")])
    late = Article.from_blocks("b.txt", "Late Story", [("Body.", "body")])
    app, _ = make_app(article=shown)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cancelled: Worker[None] = Worker(app.desk.loader, lambda: None, name="old load")
        cancelled.cancel()
        app.desk.loader.post_message(ArticleLoaded(late, cancelled))
        await settle(pilot)
        assert app.view.article is shown
        current: Worker[None] = Worker(app.desk.loader, lambda: None, name="new load")
        app.desk.loader.post_message(ArticleLoaded(late, current))
        await settle(pilot)
        assert app.view.article is late


# ------------------------------------------------------------ a failed analysis


async def test_a_failed_analysis_is_said_and_reading_goes_on(
    make_app: MakeApp, long_article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readerui.core import analysis as analysis_module

    def broken(article: Article, cancel: threading.Event | None = None) -> Any:
        raise RuntimeError("a rule tripped over its own feet")

    monkeypatch.setattr(analysis_module, "analyze", broken)
    app, rec = make_app(article=long_article)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        errors = rec.messages("error")
        assert len(errors) == 1
        assert errors[0].startswith("Analysis failed: ")
        assert "tripped over its own feet" in errors[0]
        assert app.analysis is not None  # empty, not "analysing…" for ever
        assert app.people_panel.query_one(".panel-title", Label).content == "People · 0"
        await pilot.press("space")
        await pilot.pause()
        assert app.view.page_index == 1  # the reader goes on


# ------------------------------------------------------- hostile text and names


HOSTILE = (
    "Alert: [bold red]markup[/] and \x1b[31mred\x1b[0m ink, [link=https://x.test]a link[/link]."
)


SECOND = "Second [/] paragraph with [i]tags[/i] and [@click=quit]x[/]"


async def test_hostile_body_text_is_drawn_literally(make_app: MakeApp) -> None:
    cleaned = normalize_text(HOSTILE)
    assert "\x1b" not in cleaned
    article = Article.from_blocks(
        "hostile.txt",
        "Plain headline",
        [
            (cleaned, "body"),
            ("Second [/] paragraph with [i]tags[/i] and [@click=quit]x[/]", "body"),
        ],
    )
    app, _ = make_app(article=article)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert app.is_running
        text = "\n".join(view_rows(app.view))
        assert "[bold red]markup[/]" in text
        assert "[link=https://x.test]a link[/link]" in text
        assert SECOND in text
        assert "\x1b" not in "".join(screen_rows(app))
        app.run_search("[bold red]")
        await pilot.pause()
        assert found(app).spans == expected_matches(article.text, "[bold red]")
        assert len(found(app).spans) == 1


async def test_hostile_file_is_drawn_literally(make_app: MakeApp, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes(
        b"Plain Headline For A Hostile File\n\n"
        b"Before \x1b[31mred\x1b[0m after, \x1b]0;pwned\x07 a [bold]fake tag[/bold] and [/] too.\n"
    )
    app, rec = make_app(str(hostile))
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert rec.messages("error") == []
        article = app.view.article
        assert article is not None
        assert "\x1b" not in article.text
        assert "pwned" not in article.text
        shown = "\n".join(screen_rows(app))
        assert "[bold]fake tag[/bold] and [/] too." in shown
        assert "\x1b" not in shown


@pytest.mark.parametrize("title", ["[b]Loud[/b] headline", "Prices [/] rise"])
async def test_hostile_title_is_shown_literally(make_app: MakeApp, title: str) -> None:
    article = Article.from_blocks("t.txt", title, [("Body text here.", "body")])
    app, _ = make_app(article=article)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert view_rows(app.view)[0].strip() == title
        assert title in screen_rows(app)[-1]


async def test_error_with_markup_characters_is_shown(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    app, rec = make_app(article=long_article)
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        await open_via_dialog(pilot, f"{tmp_path}/[/]/story.txt")
        assert app.is_running
        assert len(rec.messages("error")) == 1
        assert "[/]/story.txt" in "\n".join(screen_rows(app))


async def test_a_file_name_with_escape_codes_is_shown_inert(tmp_path: Path) -> None:

    path = tmp_path / "x_\x1b[7mINV\x1b[0m_\x1b]0;PWNED\x07.txt"
    path.write_text("No Headline Here Either\n\nBody text of the story.", encoding="utf-8")
    app = ReaderApp(str(path))
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = "\n".join(app.view.render_line(y).text for y in range(5))
        assert "INV" in rows
        assert "\x1b" not in rows
        assert "\x07" not in rows


# ----------------------------------------------------- coming back to the place


async def test_reopening_a_file_resumes_where_reading_stopped(tmp_path: Path) -> None:

    story = tmp_path / "story.txt"
    story.write_text(
        "Resume Test Headline\n\n"
        + "\n\n".join(f"Paragraph {i} of the resume test. " * 6 for i in range(60)),
        encoding="utf-8",
    )
    first = await read_a_while(story, 4)
    place = first.view.visible_range()[0]
    assert place > 0

    second = ReaderApp(str(story))
    async with second.run_test(size=(80, 24)) as pilot:
        await second.workers.wait_for_complete()
        await pilot.pause()
        start, end = second.view.visible_range()
        assert start <= place < end
        assert second.view.page_index == 4
        await pilot.press("g")
        await pilot.pause(1.0)  # the place is saved shortly after the last page turn

    story.write_text(
        "A Different Headline\n\n"
        + "\n\n".join(f"Changed paragraph {i} of the story. " * 6 for i in range(60)),
        encoding="utf-8",
    )
    third = ReaderApp(str(story))
    async with third.run_test(size=(80, 24)) as pilot:
        await third.workers.wait_for_complete()
        await pilot.pause()
        assert third.view.page_index == 0


async def test_open_dialog_lists_recent_articles(tmp_path: Path) -> None:
    from readerui.ui.screens import OpenScreen

    paths = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Story {name}\n\nBody of story {name}.", encoding="utf-8")
        paths.append(path)
        app = ReaderApp(str(path))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()

    app = ReaderApp(str(paths[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        assert [e.title for e in app.screen.recent] == ["Story two", "Story one"]
        await pilot.press("down", "down", "enter")  # the second entry: "Story one"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.view.article is not None
        assert app.view.article.title == "Story one"
