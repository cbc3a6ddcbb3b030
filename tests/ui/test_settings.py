"""config.toml: the theme, the panels and the spread are remembered between launches; a bad
file warns and the defaults are used."""

from __future__ import annotations

from tests.ui.helpers import MakeApp, settle

from readerui.core.models import Article
from readerui.ui.settings import config_path, load_settings

MEDIUM = (120, 30)


async def test_panels_spread_and_theme_are_remembered(
    make_app: MakeApp, long_article: Article
) -> None:
    app, _ = make_app(article=long_article)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        assert not app.desk.sidebars.arrangement.people
        await pilot.press("p")
        await pilot.press("escape")
        await pilot.press("d")
        app.theme = "nord"  # what choosing a theme in the command palette does
        await pilot.pause()
    settings, warnings = load_settings()
    assert warnings == []
    assert (settings.people, settings.quotes, settings.spread) == (True, False, False)
    assert settings.theme == "nord"
    again, _ = make_app(article=long_article)
    async with again.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        assert again.desk.sidebars.arrangement.people
        assert again.people_panel.has_class("open")
        assert not again.view.spread
        assert again.theme == "nord"


async def test_a_bad_config_warns_and_uses_the_defaults(
    make_app: MakeApp, long_article: Article
) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('# mine\ntheme = "no-such-theme"\nspread = "yes"\ncolour = 3\n')
    app, rec = make_app(article=long_article)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        warnings = rec.messages("warning")
        assert any("spread must be bool" in w for w in warnings)
        assert any("unknown setting 'colour'" in w for w in warnings)
        assert any("Unknown theme 'no-such-theme'" in w for w in warnings)
        assert app.view.spread  # the default
        await pilot.press("d")
        await pilot.pause()
    text = path.read_text()
    assert text.startswith("# mine\n")  # the user's comment is kept
    assert "spread = false" in text
    path.write_text("this is [not toml")
    broken, rec = make_app(article=long_article)
    async with broken.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        assert any("Ignoring" in w and "using defaults" in w for w in rec.messages("warning"))
        assert broken.is_running
