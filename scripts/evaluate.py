"""Score the analysis engine against gold folders, in-process (a development tool).

    .venv/bin/python scripts/evaluate.py DIR [DIR ...] [--half a|b] [--verbose] [--scorer PATH]

Each ``NAME.txt`` is loaded the way the app loads it (:func:`readerui.core.loading.load_path`),
analysed, turned into the ``readerui analyze --json`` shape and compared with ``NAME.json``.
The comparison uses the shared scorer's own functions (``score_article``, ``prf`` from
``../shared/eval/score.py`` or ``--scorer``) so the figures are the scorer's figures; when no
scorer file is available, this script falls back to its own implementation of the same
metrics (documented in the gold folder's README). ``--half a`` / ``--half b`` score every
other article of each folder (in name order), to choose a change on one half and confirm it
on the other. Folders that do not exist are skipped with a note (the evaluation data lives
outside the repository).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readerui.core.analysis import analyze
from readerui.core.export import to_dict
from readerui.core.loading import load_path
from readerui.core.models import Article

__all__ = ["Metrics", "gold_files", "load_article", "load_metrics", "main", "score_article"]

_DEFAULT_SCORER = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "score.py"
_KEYS = ("p_tp", "p_fp", "p_fn", "q_tp", "q_fp", "q_fn", "s_ok", "s_n")

Json = dict[str, Any]
ScoreFn = Callable[[Json, Json], Json]
PrfFn = Callable[[int, int, int], tuple[float, float, float]]


def load_article(path: Path) -> Article:
    """Load ``path`` exactly as the app does (site chrome dropped, captions, bylines)."""
    return load_path(path)


# --- the metrics, for when the shared scorer is not there -----------------------------------
# Same definitions as the gold folder's README: people match on any name form (ignoring case,
# accents, honorifics, possessives) or a shortened form with the same last name, one to one;
# quotes match on word-bag F1 >= 0.8, one to one, optional gold quotes neither rewarded nor
# punished; speaker accuracy over matched non-optional quotes.

_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor"}
    | {"rev", "fr", "mx", "madam", "madame", "monsieur", "herr", "frau"}
)
_EDGE = " \t\n\"'“”‘’„«»,.;:!?—–-…()[]"


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def _name_tokens(name: str) -> list[str]:
    toks = [t[:-2] if t.endswith("'s") else t for t in re.findall(r"[\w'-]+", _fold(name))]
    return [t for t in toks if t.rstrip(".") not in _HONORIFICS]


def _forms(p: Json) -> list[str]:
    return [f for f in [p.get("name") or "", *(p.get("aliases") or [])] if f]


def _person_score(pred: Json, gold: Json) -> int:
    """2: some forms are equal; 1: only a shortened form matches; 0: no match."""
    pf = [_name_tokens(a) for a in _forms(pred)]
    gf = [_name_tokens(b) for b in _forms(gold)]
    if any(a and a == b for a in pf for b in gf):
        return 2
    for a in pf:
        for b in gf:
            if a and b and a[-1] == b[-1] and (set(a) <= set(b) or set(b) <= set(a)):
                return 1
    return 0


def _bag(s: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", _fold(s.strip(_EDGE))))


def _bag_f1(a: Counter[str], b: Counter[str]) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(b.values()), common / sum(a.values())
    return 2 * p * r / (p + r)


def score_article(gold: Json, pred: Json) -> Json:
    """Counts for one article (the shared scorer's ``score_article`` contract)."""
    gpeople, ppeople = gold.get("people", []), pred.get("people", []) or []
    cand = sorted(
        (
            (_person_score(pp, gp), pi, gi)
            for pi, pp in enumerate(ppeople)
            for gi, gp in enumerate(gpeople)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    pused: set[int] = set()
    gused: set[int] = set()
    for sc, pi, gi in cand:
        if sc == 0:
            break
        if pi not in pused and gi not in gused:
            pused.add(pi)
            gused.add(gi)
    detail: Json = {
        "people_fp": [p.get("name") for i, p in enumerate(ppeople) if i not in pused],
        "people_fn": [g["name"] for i, g in enumerate(gpeople) if i not in gused],
    }
    out: Json = {"p_tp": len(gused), "p_fp": len(ppeople) - len(pused)}
    out["p_fn"] = len(gpeople) - len(gused)
    out.update({"q_tp": 0, "q_fp": 0, "q_fn": 0, "s_ok": 0, "s_n": 0, "detail": detail})
    if "quotes" not in gold:
        return out
    gq, pq = gold["quotes"], pred.get("quotes", []) or []
    gb, pb = [_bag(q["text"]) for q in gq], [_bag(q.get("text") or "") for q in pq]
    pairs = sorted(
        ((_bag_f1(g, p), gi, pi) for gi, g in enumerate(gb) for pi, p in enumerate(pb)),
        reverse=True,
    )
    gmatch: dict[int, int] = {}
    pmatched: set[int] = set()
    for f, gi, pi in pairs:
        if f < 0.8:
            break
        if gi not in gmatch and pi not in pmatched:
            gmatch[gi] = pi
            pmatched.add(pi)
    out["q_tp"] = sum(1 for gi in gmatch if not gq[gi].get("optional"))
    fn = [q["text"] for i, q in enumerate(gq) if not q.get("optional") and i not in gmatch]
    out["q_fn"] = len(fn)
    fp = [q.get("text") for i, q in enumerate(pq) if i not in pmatched]
    out["q_fp"] = len(fp)
    wrong = []
    for gi, pi in gmatch.items():
        g = gq[gi]
        if g.get("optional"):
            continue
        out["s_n"] += 1
        ps, gs = pq[pi].get("speaker"), g.get("speaker")
        if gs is None:
            ok = not ps or not any(_person_score({"name": ps}, gp) for gp in gpeople)
        else:
            entry = next((gp for gp in gpeople if gp["name"] == gs), {"name": gs})
            ok = bool(ps) and _person_score({"name": ps}, entry) > 0
        out["s_ok"] += ok
        if not ok:
            wrong.append((g["text"][:50], gs, ps))
    detail.update({"quotes_fp": fp, "quotes_fn": fn, "speaker_wrong": wrong})
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Metrics:
    """The scoring functions in use: the shared scorer's, or the built-in copies."""

    def __init__(self, score: ScoreFn, prf: PrfFn, origin: str) -> None:
        self.score = score
        self.prf = prf
        self.origin = origin


def load_metrics(path: Path) -> Metrics:
    """The shared scorer at ``path`` when it can be imported, else the built-in metrics."""
    if path.is_file():
        spec = importlib.util.spec_from_file_location("readerui_eval_score", path)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return Metrics(module.score_article, module.prf, str(path))
    return Metrics(score_article, _prf, "built-in")


def gold_files(folder: Path, half: str | None = None) -> list[Path]:
    """The gold files of ``folder`` that have their article, in name order; with ``half``,
    every other one ("a": the 1st, 3rd, …; "b": the 2nd, 4th, …)."""
    files = [g for g in sorted(folder.glob("*.json")) if g.with_suffix(".txt").exists()]
    if half is None:
        return files
    return files[0 if half == "a" else 1 :: 2]


def _summary(label: str, total: Counter[str], n: int, prf: PrfFn) -> str:
    pp, pr, pf = prf(total["p_tp"], total["p_fp"], total["p_fn"])
    line = f"{label}: articles={n} people P/R/F1={pp:.3f}/{pr:.3f}/{pf:.3f}"
    if total["q_tp"] + total["q_fp"] + total["q_fn"]:
        qp, qr, qf = prf(total["q_tp"], total["q_fp"], total["q_fn"])
        sa = total["s_ok"] / total["s_n"] if total["s_n"] else 0.0
        line += f" quotes P/R/F1={qp:.3f}/{qr:.3f}/{qf:.3f} speaker_acc={sa:.3f}"
    return line


def main(argv: list[str] | None = None) -> int:
    """Run the scorer's metrics over gold folders and print them."""
    ap = argparse.ArgumentParser(prog="scripts/evaluate.py", description=__doc__)
    ap.add_argument("gold", nargs="+", type=Path, help="folders of NAME.txt + NAME.json")
    ap.add_argument("--scorer", type=Path, default=_DEFAULT_SCORER, help="path to score.py")
    ap.add_argument("--verbose", action="store_true", help="print each article's misses")
    ap.add_argument("--half", choices=("a", "b"), help="every other article: a (1st, 3rd, …) or b")
    args = ap.parse_args(argv)
    metrics = load_metrics(args.scorer)
    grand: Counter[str] = Counter()
    grand_n = 0
    t0 = time.perf_counter()
    for folder in args.gold:
        if not folder.is_dir():
            # The evaluation data lives outside the repository; skip what is not there.
            print(f"{folder}: skipped (not found)", file=sys.stderr)
            continue
        total: Counter[str] = Counter()
        n = 0
        for gpath in gold_files(folder, args.half):
            tpath = gpath.with_suffix(".txt")
            n += 1
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            article = load_article(tpath)
            # Score exactly what `readerui analyze --json` prints.
            result = metrics.score(gold, to_dict(article, analyze(article)))
            for k in _KEYS:
                total[k] += result[k]
            if args.verbose and any(result["detail"].values()):
                print(f"--- {tpath.name}")
                for k, v in result["detail"].items():
                    if v:
                        print(f"  {k}: {v}")
        print(_summary(str(folder), total, n, metrics.prf))
        grand.update(total)
        grand_n += n
    if len(args.gold) > 1:
        print(_summary("total", grand, grand_n, metrics.prf))
    print(f"scorer: {metrics.origin}; {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
