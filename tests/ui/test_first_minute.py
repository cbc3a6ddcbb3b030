"""What a newcomer meets in the first minute: the key hint, progress, stdin in the library."""

from __future__ import annotations

from pathlib import Path

from tests.ui.helpers import MakeApp, label, position, settle

from readerui.core.models import Article


async def test_the_status_line_hints_the_keys_until_a_search_needs_the_room(
    make_app: MakeApp, long_article: Article
) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert label(app, "status-hint") == "? keys · p people · i quotes · o open"
        await pilot.press("slash", *"kiln", "enter")
        await settle(pilot)
        assert label(app, "status-search").startswith("“kiln”")
        assert not app.query_one("#status-hint").display
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one("#status-hint").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert label(app, "status-hint") == "? keys"


async def test_the_hint_names_the_keys_as_remapped(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\npeople = "P"\nhelp = "f1"\n', encoding="utf-8")
    app, _ = make_app(article=long_article, keymap_file=keymap)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert label(app, "status-hint") == "f1 keys · P people · i quotes · o open"


async def test_progress_is_zero_on_the_first_page(make_app: MakeApp, long_article: Article) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert " · 0% · " in position(app)
        await pilot.press("G")
        await pilot.pause()
        assert " · 100% · " in position(app)


def test_citations_drop_the_lead_in_comma_and_name_samples_by_their_command() -> None:
    from readerui.core.analysis import analyze
    from readerui.core.loading import load_path
    from readerui.samples import sample_path
    from readerui.ui.panels import citation_for

    article = load_path(str(sample_path("harbour")))
    analysis = analyze(article)
    with_comma = [q for q in analysis.quotes if q.text.rstrip().endswith(",")]
    assert with_comma  # the sample has quotes that lead into "…," said X
    for quote in analysis.quotes:
        citation = citation_for(quote, article, analysis)
        assert ",”" not in citation
        assert "readerui --sample harbour" in citation or article.site
        assert str(sample_path("harbour").parent) not in citation


async def test_tab_completes_a_path_in_the_open_dialog(
    make_app: MakeApp, long_article: Article, tmp_path: Path
) -> None:
    from textual.widgets import Input

    from readerui.ui.screens import OpenScreen

    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "ferry-timetable.txt").write_text("Ferry\n\nText.", encoding="utf-8")
    app, _ = make_app(article=long_article)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        box = app.screen.query_one("#open-input", Input)
        box.value = f"{tmp_path}/sto"
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert box.value == f"{tmp_path}/stories/"
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert box.value == f"{tmp_path}/stories/ferry-timetable.txt"
        assert box.has_focus


async def test_long_quotes_in_the_index_are_cut_between_words(make_app: MakeApp) -> None:
    long_quote = " ".join(f"word{i:03d}" for i in range(60))
    article = Article.from_blocks(
        "cut.txt",
        "A Long Quote",
        [(f"“{long_quote},” said Ilse Varga, the ferry inspector.", "body")],
    )
    app, _ = make_app(article=article)
    async with app.run_test(size=(170, 30)) as pilot:
        await settle(pilot)
        panel = app.quotes_panel
        assert panel.shown
        shown = str(panel.option_list.get_option_at_index(0).prompt)
        cut = shown.split("”")[0].removeprefix("“")
        assert cut.endswith("…")
        words = cut.removesuffix("…").split()
        assert all(w.startswith("word") and len(w) == 7 for w in words)
        assert long_quote.startswith(" ".join(words))
