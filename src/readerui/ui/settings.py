"""The user's settings: ``config.toml`` next to ``keymap.toml``.

Example ``~/.config/readerui/config.toml``::

    theme = "gruvbox"    # any of Textual's themes (ctrl+p → "theme" chooses and remembers)
    people = true        # the people panel open at start (where there is room)
    quotes = false       # the quote index open at start
    spread = true        # two-page spread on terminals wide enough

Changing one of these in the app writes it back (keeping the file's comments). A file that
cannot be read, or a value of the wrong kind, gives one warning and the default.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readerui.ui.keymap import keymap_path

if TYPE_CHECKING:
    from readerui.ui.app import ReaderApp


def config_path() -> Path:
    """Where the settings live: ``config.toml`` beside the keymap."""
    return keymap_path().with_name("config.toml")


@dataclass(frozen=True, slots=True)
class Settings:
    """What the reader remembers between launches."""

    theme: str | None = None
    """A Textual theme name (None: Textual's default)."""
    people: bool | None = None
    """People panel open at start (None: open on wide terminals only)."""
    quotes: bool | None = None
    """Quote index open at start (None: open on wide terminals only)."""
    spread: bool = True
    """Two-page spread on terminals wide enough."""


_KINDS: dict[str, type] = {"theme": str, "people": bool, "quotes": bool, "spread": bool}


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Read the settings; returns them and warnings (one line each) for what was ignored."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [f"Could not read {path}: {exc.strerror or exc}; using defaults"]
    import tomllib  # only when there are settings to read: a first start has none

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(), [f"Ignoring {path}: {str(exc).splitlines()[0]}; using defaults"]
    values: dict[str, Any] = {}
    warnings = []
    for key, value in data.items():
        kind = _KINDS.get(key)
        if kind is None:
            known = ", ".join(f.name for f in fields(Settings))
            warnings.append(f"{path}: unknown setting {key!r} (known: {known})")
        elif not isinstance(value, kind):
            warnings.append(f"{path}: {key} must be {kind.__name__}; using the default")
        else:
            values[key] = value
    return Settings(**values), warnings


def save_setting(key: str, value: str | bool, path: Path | None = None) -> str | None:
    """Write one setting into the file (made when missing, comments kept); an error or None."""
    # tomlkit keeps the user's comments and layout; it is imported only here, to write,
    # because reading (tomllib) is all most starts need.
    import tomlkit

    path = path or config_path()
    try:
        try:
            document = tomlkit.parse(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            document = tomlkit.document()
        document[key] = value
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(tomlkit.dumps(document), encoding="utf-8")
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as exc:
        return f"Could not save the setting to {path}: {exc}"
    return None


class SettingsKeeper:
    """The settings of one run: read at start, written back when the reader changes one.

    A setting that could not be written is said once (the reader keeps going).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        """The file (None: :func:`config_path`)."""
        self.settings = Settings()
        """What was read at start."""
        self._failed = False
        self._last: dict[str, str | bool] = {}

    def load(self) -> list[str]:
        """Read the file; warnings to show."""
        self.settings, warnings = load_settings(self.path)
        return warnings

    def apply(self, app: ReaderApp) -> None:
        """Read the file and set ``app`` up as it says (warnings are said); from then on a
        theme chosen in the command palette is remembered."""
        for warning in self.load():
            app.say(warning, severity="warning")
        chosen = self.settings
        if chosen.theme in app.available_themes:
            app.theme = chosen.theme
        elif chosen.theme:
            app.say(f"Unknown theme {chosen.theme!r} in config.toml", severity="warning")
        app.view.spread = chosen.spread
        app.desk.sidebars.arrangement.prefer(chosen.people, chosen.quotes)
        app.theme_changed_signal.subscribe(app, lambda theme: app.remember("theme", theme.name))

    def remember(self, key: str, value: str | bool) -> str | None:
        """Write ``key = value`` unless it is written already; an error to say, once."""
        if self._last.get(key) == value:
            return None
        self._last[key] = value
        error = save_setting(key, value, self.path)
        if error is None or self._failed:
            return None
        self._failed = True
        return error
