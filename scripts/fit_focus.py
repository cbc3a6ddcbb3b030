"""Fit the weights that rank who is in focus (``readerui.core.analysis.focus``).

    .venv/bin/python scripts/fit_focus.py DIR [DIR ...] [--half a|b] [--write]
        [--check DIR ... --check-half a|b]

Every quote whose speaker the engine finds through a pronoun ("…,” she said) is one
decision: its candidates are the earlier mentions the resolver weighed, each with its
features; the right ones are the mentions of the gold speaker. A conditional logistic
regression (softmax over each decision's candidates, L2-regularised, plain gradient ascent:
a few hundred decisions and a dozen features need nothing more) gives the weights. Decisions
whose gold speaker is not among the candidates, or whose candidates are all right, teach
nothing and are skipped.

``--write`` stores the weights in ``focus_weights.json``; ``--check`` scores other folders (or
the other half) with the new weights through ``scripts/evaluate.py``, to confirm a fit on data
it was not fitted on. Skips cleanly when the gold folders are missing.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.evaluate import _bag, _bag_f1, _person_score, gold_files, load_article
from scripts.evaluate import main as evaluate

from readerui.core.analysis import focus
from readerui.core.analysis.attribution import attribute
from readerui.core.analysis.people import build_people
from readerui.core.analysis.quotes import find_quotes

WEIGHTS = Path(focus.__file__).with_name("focus_weights.json")

Decision = list[tuple[bool, list[float]]]

PRIOR = {
    "distance": -1.0,
    "object": -0.8,
    "in_phrase": -0.8,
    "subject": 1.2,
    "apposition": -0.5,
    "subject_apposition": 0.6,
    "fronted": 0.6,
    "possessive": -0.5,
    "unknown_gender": -1.0,
}
"""The hand-set weights the engine used before fitting: the L2 penalty pulls towards them,
not towards zero, so a feature the data says little about (a name in apposition to someone's
relative is rare in news) keeps its linguistic sense instead of noise."""


def decisions(folders: list[Path], half: str | None) -> list[Decision]:
    """The pronoun decisions of every article with gold quotes in ``folders``."""
    out: list[Decision] = []
    for folder in folders:
        if not folder.is_dir():
            print(f"{folder}: skipped (not found)", file=sys.stderr)
            continue
        for gpath in gold_files(folder, half):
            gold: dict[str, Any] = json.loads(gpath.read_text(encoding="utf-8"))
            if "quotes" not in gold:
                continue
            article = load_article(gpath.with_suffix(".txt"))
            index = build_people(article)
            raw = find_quotes(article)
            atts = attribute(article, index, raw)
            gbags = [(_bag(q["text"]), q) for q in gold["quotes"] if not q.get("optional")]
            for rq, att in zip(raw, atts, strict=True):
                if not att.candidates:
                    continue
                bag = _bag(article.text[rq.start : rq.end])
                match = max(gbags, key=lambda g: _bag_f1(g[0], bag), default=None)
                if match is None or _bag_f1(match[0], bag) < 0.8 or not match[1]["speaker"]:
                    continue
                speaker = match[1]["speaker"]
                entry = next((p for p in gold["people"] if p["name"] == speaker), {"name": speaker})
                rows: Decision = []
                for ei, vector in att.candidates:
                    ent = index.entities[ei]
                    forms = {"name": ent.name, "aliases": list(ent.forms.values())}
                    rows.append((_person_score(forms, entry) > 0, vector))
                if any(ok for ok, _ in rows) and not all(ok for ok, _ in rows):
                    out.append(rows)
    return out


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def fit(data: list[Decision], l2: float, steps: int = 3000, rate: float = 0.05) -> list[float]:
    """Weights maximising the log-likelihood that each decision picks a right candidate."""
    n = len(focus.FEATURES)
    prior = [PRIOR.get(name, 0.0) for name in focus.FEATURES]
    w = list(prior)
    for _ in range(steps):
        grad = [-l2 * (x - p) for x, p in zip(w, prior, strict=True)]
        for rows in data:
            scores = [sum(a * b for a, b in zip(w, v, strict=True)) for _, v in rows]
            p = _softmax(scores)
            right = sum(pi for pi, (ok, _) in zip(p, rows, strict=True) if ok)
            for pi, (ok, v) in zip(p, rows, strict=True):
                # d/dw log(sum_right p) = E[v | right] - E[v]
                coef = (pi / max(right, 1e-300) if ok else 0.0) - pi
                for k in range(n):
                    grad[k] += coef * v[k]
        w = [a + rate * g / max(1, len(data)) for a, g in zip(w, grad, strict=True)]
    return w


def accuracy(data: list[Decision], w: list[float] | tuple[float, ...]) -> float:
    """Share of decisions whose top-scoring candidate is a right one."""
    good = 0
    for rows in data:
        scores = [sum(a * b for a, b in zip(w, v, strict=True)) for _, v in rows]
        good += rows[scores.index(max(scores))][0]
    return good / len(data) if data else 0.0


def main(argv: list[str] | None = None) -> int:
    """Fit, report, and optionally write and check the weights."""
    ap = argparse.ArgumentParser(prog="scripts/fit_focus.py", description=__doc__)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--half", choices=("a", "b"))
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty (in decisions)")
    ap.add_argument("--write", action="store_true", help="store the weights")
    ap.add_argument("--check", nargs="*", type=Path, default=[], help="folders to score with them")
    ap.add_argument("--check-half", choices=("a", "b"))
    args = ap.parse_args(argv)
    data = decisions(args.gold, args.half)
    if not data:
        print("no decisions to fit on (is ../shared/eval there?)", file=sys.stderr)
        return 0
    w = fit(data, args.l2)
    before, after = accuracy(data, focus.weights()), accuracy(data, w)
    print(f"{len(data)} decisions; right with the current weights {before:.3f}, fitted {after:.3f}")
    for name, x in zip(focus.FEATURES, w, strict=True):
        print(f"  {name:18} {x:+.3f}")
    if args.check:
        focus.weights.cache_clear()
        for label, weights in (("current", focus.weights()), ("fitted", tuple(w))):
            focus.weights = lambda weights=weights: weights  # type: ignore[assignment]
            print(f"--- {label} weights")
            check = [str(p) for p in args.check]
            evaluate([*check, *(["--half", args.check_half] if args.check_half else [])])
    if args.write:
        where = " + ".join(str(p.name) for p in args.gold)
        where += f" (half {args.half})" if args.half else ""
        doc = {
            "fitted_on": f"{where}: {len(data)} decisions, scripts/fit_focus.py --l2 {args.l2}",
            "weights": {name: round(x, 4) for name, x in zip(focus.FEATURES, w, strict=True)},
        }
        WEIGHTS.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"written {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
