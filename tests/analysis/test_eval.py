"""scripts/evaluate.py: built-in metrics, halves and the folder loop, on invented gold data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts.evaluate import gold_files, main, score_article


def test_builtin_metrics_match_people_and_quotes() -> None:
    gold = {
        "people": [{"name": "Ada Varga", "aliases": ["Varga"]}, {"name": "Lars Pihl"}],
        "quotes": [
            {"text": "We will build the bridge before winter,", "speaker": "Ada Varga"},
            {"text": "a fantasy", "speaker": None, "optional": True},
            {"text": "Costs have doubled since the spring.", "speaker": None},
        ],
    }
    pred = {
        "people": [{"name": "Mr Varga"}, {"name": "Varga"}, {"name": "Oslo"}],
        "quotes": [
            {"text": "We will build the bridge before winter", "speaker": "Ada Varga"},
            {"text": "Costs have doubled since the spring.", "speaker": "Lars Pihl"},
            {"text": "a fantasy", "speaker": None},
        ],
    }
    r = score_article(gold, pred)
    # "Mr Varga" matches Ada Varga; the duplicate "Varga" and "Oslo" are false positives.
    assert (r["p_tp"], r["p_fp"], r["p_fn"]) == (1, 2, 1)
    assert (r["q_tp"], r["q_fp"], r["q_fn"]) == (2, 0, 0)
    # The gold null-speaker quote was given to a gold person: wrong.
    assert (r["s_ok"], r["s_n"]) == (1, 2)


def test_main_scores_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(
        "Harbour chief Ines Kowalczyk met the crews.\n\n"
        "“The boats stay in port until the storm passes,” Kowalczyk said.\n",
        encoding="utf-8",
    )
    gold = {
        "people": [{"name": "Ines Kowalczyk", "aliases": ["Kowalczyk"]}],
        "quotes": [
            {
                "text": "The boats stay in port until the storm passes,",
                "speaker": "Ines Kowalczyk",
            }
        ],
    }
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main([str(tmp_path), "--scorer", str(tmp_path / "missing.py")]) == 0
    out = capsys.readouterr().out
    assert "people P/R/F1=1.000/1.000/1.000" in out
    assert "quotes P/R/F1=1.000/1.000/1.000 speaker_acc=1.000" in out
    assert "scorer: built-in" in out


def test_halves_split_a_folder_and_missing_folders_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for stem in ("a1", "b2", "c3", "d4", "e5"):
        (tmp_path / f"{stem}.txt").write_text("Nothing here.\n", encoding="utf-8")
        (tmp_path / f"{stem}.json").write_text('{"people": []}', encoding="utf-8")
    (tmp_path / "orphan.json").write_text('{"people": []}', encoding="utf-8")  # no article
    a = [p.stem for p in gold_files(tmp_path, "a")]
    b = [p.stem for p in gold_files(tmp_path, "b")]
    assert (a, b) == (["a1", "c3", "e5"], ["b2", "d4"])
    assert main([str(tmp_path / "nowhere"), "--scorer", str(tmp_path / "none.py")]) == 0
    assert "skipped (not found)" in capsys.readouterr().err
