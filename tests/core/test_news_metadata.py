"""scripts/news_metadata.py: the title/byline comparison, on an invented news-pages folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts.news_metadata import (
    Expected,
    byline_equal,
    byline_names,
    main,
    title_match,
    without_affiliation,
)

_STORY = (
    "<p>The harbour board voted on Tuesday to rebuild the old sea wall in stone, with work to "
    "begin in the spring and to end before the autumn gales arrive on the coast.</p>"
    "<p>Fishermen said they would move their boats to the river for the summer, and the ferry "
    "will use the north quay while the work goes on, the board's chair said.</p>"
)


def _page(title: str, byline: str) -> str:
    return (
        f"<html><head><title>{title} | Harbour Daily</title>"
        '<meta property="og:site_name" content="Harbour Daily"></head>'
        f'<body><article><h1>{title}</h1><p class="byline">{byline}</p>{_STORY}</article>'
        "</body></html>"
    )


def _folder(root: Path) -> None:
    page = root / "readability" / "wall-1"
    page.mkdir(parents=True)
    (page / "source.html").write_text(_page("Sea wall to be rebuilt", "By Tess Arden"))
    meta = {"title": "Sea wall to be rebuilt", "byline": "By TESS ARDEN\n  March 3, 2025"}
    (page / "expected-metadata.json").write_text(json.dumps(meta))
    for sub in ("html", "metadata"):
        (root / "newspaper4k" / sub).mkdir(parents=True)
    (root / "newspaper4k" / "html" / "ferry.html").write_text(
        _page("Ferry moves to the north quay", "By Ana Ruiz, Harbour Daily")
    )
    meta = {"title": "Ferry moves north | Harbour Daily", "authors": ["Ana Ruiz", "Bo Day"]}
    (root / "newspaper4k" / "metadata" / "ferry.json").write_text(json.dumps(meta))
    (root / "trafilatura" / "html").mkdir(parents=True)
    (root / "trafilatura" / "html" / "nets.html").write_text(
        _page("Nets stolen from the quay", "By Cy Moss")
    )
    annotations = {
        "https://example.org/nets": {"file": "nets.html", "title": None, "author": "Dee Holm"}
    }
    (root / "trafilatura" / "annotations.json").write_text(json.dumps(annotations))


def test_main_compares_each_tools_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path)
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # wall-1 equal on both (the date in the expected byline is no name); ferry's title is
    # the SEO one, its byline a subset of the list; nets: no title given, byline differs.
    assert "wall-1 (readability)" in out
    assert "ferry (newspaper4k)" in out
    assert "(not given)" in out
    totals = "titles=2/3 (one contains the other: 2) bylines=2/3 both=1/3 failed=0"
    assert out.strip().endswith(totals)
    assert main([str(tmp_path), "--differing"]) == 0
    assert "wall-1" not in capsys.readouterr().out


def test_missing_folder_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out.startswith("skipped:")


def test_equal_is_defined_on_normalised_text_and_name_sets() -> None:
    assert title_match("Who pays for the ‘new’ wall?", "who pays for the 'new'  wall?") == "equal"
    assert title_match("Analysis: Who pays", "Who pays") == "contained"
    assert title_match(None, "Anything") == "equal"
    assert byline_names("By Jane Doe, MA\n Health Desk") == ["health desk", "jane doe", "ma"]
    assert byline_names("By ANA RUIZ and Bo Day & Cy Moss") == ["ana ruiz", "bo day", "cy moss"]
    assert without_affiliation(["ana ruiz", "harbour daily"], "Harbour Daily") == ["ana ruiz"]
    assert without_affiliation(["harbour daily"], "Harbour Daily") == ["harbour daily"]
    listed = Expected("p", "newspaper4k", Path("p"), None, ["ana ruiz", "bo day"], subset=True)
    assert byline_equal(listed, ["ana ruiz"])
    assert not byline_equal(listed, [])
    plain = Expected("p", "readability", Path("p"), None, [])
    assert byline_equal(plain, [])
    assert not byline_equal(plain, ["ana ruiz"])
