"""What a word says about a person: given names and their gender, name case, role nouns.

Word-level knowledge only; finding and classifying runs of capitalised words is in
:mod:`.runs`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_path

from readerui.core.analysis import lexicon as lx
from readerui.core.analysis.cancel import Check, never, ticking

__all__ = [
    "agent_noun",
    "first_name_gender",
    "fold",
    "is_first_name",
    "is_given_name",
    "is_person_noun",
    "is_role_word",
    "load_given_names",
    "name_case",
]


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lower-case and strip accents, so "Zelenskyy" forms compare across spellings."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


_GIVEN_NAMES: dict[str, str] = {}
"""Given name -> gender-guesser's verdict, filled once by :func:`load_given_names`."""


def load_given_names(check: Check = never) -> dict[str, str]:
    """Given names with their gender, from gender-guesser's bundled dictionary.

    gender-guesser ships ~45,000 given names from 50 countries as a plain data file: far more
    coverage of non-English names ("Volodymyr", "Gonzalo") than a hand list, no model. The
    table is built once per process, from a copy kept in the user cache folder when there is
    a good one (see :func:`_read_table`); ``check`` runs while it is built.
    """
    if _GIVEN_NAMES:
        return _GIVEN_NAMES
    path, key = _table_file()
    table = _read_table(path, key) if key else None
    if table is None:
        table = _build_table(check)
        if key:
            _write_table(path, key, table)
    _GIVEN_NAMES.update(table)  # only a complete table is kept
    return _GIVEN_NAMES


def _build_table(check: Check) -> dict[str, str]:
    """The table made from gender-guesser itself: its parse of the data file takes about
    0.3 s and briefly tens of megabytes (a dictionary of every name in every country)."""
    import gender_guesser.detector as gd  # type: ignore[import-untyped]

    detector = gd.Detector(case_sensitive=False)
    table: dict[str, str] = {}
    for name in ticking(detector.names, check):
        table[name] = str(detector.get_gender(name))
    # News often drops accents ("Francois", "Frantisek", "Sandor"): the bare spelling is the
    # same given name, unless it is a different name of its own.
    for name, gender in [kv for kv in table.items() if not kv[0].isascii()]:
        table.setdefault(fold(name), gender)
    return table


_TABLE_FORMAT = 1
"""Bumped whenever :func:`_build_table` would build a different table from the same data."""


def _table_file() -> tuple[Path, str | None]:
    """Where the kept table lives (``$READERUI_CACHE_DIR`` overrides the user cache folder),
    and the key it must carry: the table format and the size and time of gender-guesser's
    data file, so that a new version of it makes a new table. None when the data file is
    not found (building the table will then say what is wrong)."""
    override = os.environ.get("READERUI_CACHE_DIR")
    path = (Path(override) if override else user_cache_path("readerui")) / "given-names.json"
    spec = importlib.util.find_spec("gender_guesser")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        try:
            info = (Path(folder) / "data" / "nam_dict.txt").stat()
        except OSError:
            continue
        return path, f"{_TABLE_FORMAT}:{info.st_size}:{info.st_mtime_ns}"
    return path, None


def _read_table(path: Path, key: str) -> dict[str, str] | None:
    """The kept table, or None when it is missing, unreadable, damaged or for other data.

    Reading the kept copy (one JSON file, names grouped by verdict) takes a few hundredths of
    a second, where building the table from gender-guesser takes a third of one on every
    ``readerui analyze``. Anything wrong with the copy only means it is built again.
    """
    try:
        with path.open(encoding="utf-8") as handle:
            kept = json.load(handle)
        if not isinstance(kept, dict) or kept.get("key") != key:
            return None
        table: dict[str, str] = {}
        for gender, names in kept["names"].items():
            if not isinstance(gender, str) or not all(isinstance(n, str) for n in names):
                return None
            table.update(dict.fromkeys(names, gender))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return table or None


def _write_table(path: Path, key: str, table: dict[str, str]) -> None:
    """Keep ``table`` for the next run; a folder that cannot be written only means no copy.
    Written to a temporary file then renamed, so a reader never sees half a file."""
    grouped: dict[str, list[str]] = {}
    for name, gender in table.items():
        grouped.setdefault(gender, []).append(name)
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".given-names-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": key, "names": grouped}, handle, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _given_names() -> dict[str, str]:
    return _GIVEN_NAMES or load_given_names()


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a known given name (and not a word that merely is one sometimes)."""
    low = word.lower()
    if low in lx.NOT_NAMES or low in lx.DAYS_MONTHS:
        return False
    if low in lx.NATIONALITIES and low not in lx.GIVEN_NAME_DEMONYMS:
        return False
    if low in lx.PLACE_PREFIXES or low in lx.TITLES:
        return False
    return low in _given_names()


def first_name_gender(word: str) -> str | None:
    """``"m"`` or ``"f"`` when the given name is (mostly) one gender, else None."""
    g = _given_names().get(word.lower())
    if g in ("male", "mostly_male"):
        return "m"
    if g in ("female", "mostly_female"):
        return "f"
    return None


_NAME_CASE = re.compile(
    r"^(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Le|La|Van|Von)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*$"
)


def name_case(word: str) -> bool:
    """Capitalised like a name ("Gokool", "McNeil", "O'Brien"), not like a brand ("MaRS")."""
    return bool(_NAME_CASE.match(word)) or not word.isascii()


def is_role_word(low: str) -> bool:
    """A lower-case noun naming what someone does: "lawyer", "residents", "cartoonist".

    A capitalised word right before one is its modifier ("the Ottawa lawyer", "Cambridge
    cartoonist Jane Roe"), not the person.
    """
    if low in lx.ROLE_NOUNS or (low.endswith("s") and low[:-1] in lx.ROLE_NOUNS):
        return True
    return len(low) > 6 and low.endswith(lx.ROLE_SUFFIXES) and low not in lx.NOT_NAMES


def is_person_noun(low: str) -> bool:
    """A lower-case noun that can only describe a person: a role ("minister", "economist"),
    a doer ("broadcaster", "organizer"), an age ("46-year-old") or a person word ("woman")."""
    return (
        is_role_word(low)
        or low in lx.TITLES
        or low in lx.PERSON_NOUNS
        or low.endswith(("-year-old", "-old"))
        or agent_noun(low)
    )


_AGENT_SUFFIXES = ("er", "or", "hander")


def agent_noun(low: str) -> bool:
    """A lower-case noun for a doer ("left-hander", "striker", "organizer") before a name:
    "fellow left-hander Jane Roe". Only trusted before a full name."""
    return (
        len(low) > 4
        and low.endswith(_AGENT_SUFFIXES)
        and low not in lx.NOT_AGENT_NOUNS
        and low not in lx.NOT_NAMES
        and low not in lx.COMMON_SENTENCE_STARTERS
    )


def is_given_name(low: str) -> bool:
    """Whether the lower-case ``low`` is in the given-name table at all (even when it is
    also an ordinary word, unlike :func:`is_first_name`)."""
    return low in _given_names()
