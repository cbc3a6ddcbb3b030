"""Score the analysis engine against gold folders, in-process.

    python -m readerui.eval DIR [DIR ...] [--verbose] [--scorer PATH]

Each ``NAME.txt`` is loaded the way the app loads it, analysed, turned into the
``readerui analyze --json`` shape and compared with ``NAME.json`` by the shared scorer's own
functions (``score_article``, ``prf``), so the figures are the scorer's figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from readerui.core.analysis import analyze
from readerui.core.loading import load_path
from readerui.core.models import Analysis, Article

__all__ = ["analysis_json", "load_article", "load_scorer", "main"]

_DEFAULT_SCORER = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "score.py"
_KEYS = ("p_tp", "p_fp", "p_fn", "q_tp", "q_fp", "q_fn", "s_ok", "s_n")


def load_article(path: Path) -> Article:
    """Load ``path`` exactly as the app does (site chrome dropped, captions, bylines)."""
    return load_path(path)


def load_scorer(path: Path) -> ModuleType:
    """Import the shared ``score.py`` from ``path``."""
    spec = importlib.util.spec_from_file_location("readerui_eval_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    """The ``analyze --json`` shape the scorer reads."""
    return {
        "people": [
            {"name": p.name, "aliases": list(p.aliases), "role": p.role, "kind": p.kind}
            for p in analysis.people
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "partial": q.partial} for q in analysis.quotes
        ],
    }


def main(argv: list[str] | None = None) -> int:
    """Run the scorer's metrics over gold folders and print them."""
    ap = argparse.ArgumentParser(prog="python -m readerui.eval", description=__doc__)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--scorer", type=Path, default=_DEFAULT_SCORER)
    ap.add_argument("--verbose", action="store_true", help="print each article's misses")
    args = ap.parse_args(argv)
    if not args.scorer.exists():
        print(f"scorer not found: {args.scorer}", file=sys.stderr)
        return 2
    scorer = load_scorer(args.scorer)
    score_article: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]
    score_article = scorer.score_article
    prf: Callable[[int, int, int], tuple[float, float, float]] = scorer.prf
    total: Counter[str] = Counter()
    n = 0
    t0 = time.perf_counter()
    for folder in args.gold:
        for gpath in sorted(folder.glob("*.json")):
            tpath = gpath.with_suffix(".txt")
            if not tpath.exists():
                continue
            n += 1
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            pred = analysis_json(analyze(load_article(tpath)))
            result = score_article(gold, pred)
            for k in _KEYS:
                total[k] += result[k]
            if args.verbose and any(result["detail"].values()):
                print(f"--- {tpath.name}")
                for k, v in result["detail"].items():
                    if v:
                        print(f"  {k}: {v}")
    pp, pr, pf = prf(total["p_tp"], total["p_fp"], total["p_fn"])
    qp, qr, qf = prf(total["q_tp"], total["q_fp"], total["q_fn"])
    sa = total["s_ok"] / total["s_n"] if total["s_n"] else 0.0
    print(
        f"articles={n} people P/R/F1={pp:.3f}/{pr:.3f}/{pf:.3f} "
        f"quotes P/R/F1={qp:.3f}/{qr:.3f}/{qf:.3f} speaker_acc={sa:.3f} "
        f"seconds={time.perf_counter() - t0:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
