"""The reader's speed and memory on 1 KB to 10 MB, against a minimal Textual app in the same run.

    .venv/bin/python bench/bench_reader.py            # the full table (a few minutes)
    .venv/bin/python bench/bench_reader.py --smoke    # 1 KB and 100 KB, once (CI runs this)

Every figure is measured on whole processes, the way a user meets them:
- first page: the app is started in a detached tmux pane (100x30, or --cols wide) and the
  screen is read until the text's first paragraph shows (the page itself, not a title in a
  status line); the floor is bench/minimal_app.py showing the same file;
- each input is opened --runs times (default 3), alternating with the floor; the table shows
  the median first page and the page turns of all runs pooled;
- page turn: `space` is sent and the screen read until it changes, right after opening (so
  whatever the app does in the background competes; --gap 0.3 --turns 40 spreads the turns
  over the analysis of a 10 MB text); the floor is the minimal pager;
- analysis: `readerui analyze --json` on each input, throughput and peak memory (RSS of that
  process alone, from wait4), against the same command on a small article.
Ratios are what count: this machine is shared and its absolute times drift.
readerui's modules are byte-compiled first, as an installed wheel's are (Textual's were, by
pip): where PYTHONDONTWRITEBYTECODE is set, an editable install would otherwise compile its
sources on every start, a cost no user's installed copy pays.
Inputs come from ../shared/eval/books when present (read, never copied into the repository),
else from generated text. Timings need tmux; without it only the analysis rows are printed.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT.parent / "shared" / "eval" / "books"
MINIMAL = ROOT / "bench" / "minimal_app.py"
HEADLINE = "The Long Winter at Harrow Cross"
OPENING = "The first snow came to Harrow Cross on a Tuesday."
"""The first paragraph of every input: the first page is on screen when it is (the title
alone may show earlier, in a status line, before any page is drawn)."""
SIZES = {"1 KB": 1_000, "100 KB": 100_000, "1 MB": 1_000_000, "10 MB": 10_000_000}
COLS, ROWS = 100, 30
# A tmux server of our own, kept alive by an idle session for the whole run: the default
# server exits with its last session and a new one started at that moment fails.
TMUX = ["tmux", "-L", f"readerui-bench-{os.getpid()}"]
DEADLINE = 60.0  # seconds any one measurement may take before it is reported as a failure


def _book_text() -> str | None:
    """The public-domain books without their Gutenberg header and footer, or None."""
    if not BOOKS.is_dir():
        return None
    parts = []
    for book in sorted(BOOKS.glob("*.txt")):
        text = book.read_text(encoding="utf-8", errors="replace")
        start = text.find("*** START")
        if start != -1:
            text = text[text.find("\n", start) + 1 :]
        end = text.find("*** END")
        if end != -1:
            text = text[:end]
        parts.append(text.strip())
    return "\n\n".join(parts) or None


_WORDS = (
    "the snow had come early that year and the road to the mill was closed for weeks "
    "while the river froze under the bridge and nobody in the village spoke of anything else"
)


def _generated(size: int) -> str:
    """Novel-like paragraphs with dialogue and names, about ``size`` characters."""
    rng = random.Random(3)
    names = ["Anna", "Pavel", "Marguerite", "Oskar", "Lise", "Tomas", "Irene", "Viktor"]
    words = _WORDS.split()
    out: list[str] = []
    total = 0
    while total < size:
        who = rng.choice(names)
        body = " ".join(rng.choice(words) for _ in range(rng.randint(40, 120)))
        para = f"{body.capitalize()}. “We shall see,” said {who}, “whether it holds.”"
        out.append(para)
        total += len(para) + 2
    return "\n\n".join(out)


def make_inputs(folder: Path, sizes: dict[str, int]) -> dict[str, Path]:
    """Write one input file per size, each starting with the same headline."""
    source = _book_text()
    files = {}
    for label, size in sizes.items():
        body = source if source else _generated(size)
        while len(body) < size:
            body = body + "\n\n" + body
        cut = body.rfind("\n\n", 0, size)
        body = body[: cut if cut > size // 2 else size]
        path = folder / f"input-{label.replace(' ', '')}.txt"
        path.write_text(f"{HEADLINE}\n\n{OPENING}\n\n{body}\n", encoding="utf-8")
        files[label] = path
    seed = folder / "seed.txt"
    seed.write_text(f"{HEADLINE}\n\n{OPENING}\n\n{_generated(6_000)}\n", encoding="utf-8")
    files["seed"] = seed
    return files


class Pane:
    """A program running in a detached tmux session, whose screen can be read."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = f"bench{os.getpid()}{random.randrange(10**6)}"
        shell = " ".join(_quote(part) for part in command)
        exports = " ".join(f"{key}={_quote(value)}" for key, value in env.items())
        self.started = time.perf_counter()
        subprocess.run(
            [*TMUX, "new-session", "-d", "-s", self.name, "-x", str(COLS), "-y", str(ROWS),
             f"env {exports} {shell}"],
            check=True,
        )  # fmt: skip

    def screen(self) -> str:
        done = subprocess.run(
            [*TMUX, "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout

    def wait_for(self, test: Callable[[str], bool]) -> float:
        """Seconds from now until ``test(screen)`` holds (raises after DEADLINE)."""
        start = time.perf_counter()
        while time.perf_counter() - start < DEADLINE:
            if test(self.screen()):
                return time.perf_counter() - start
            time.sleep(0.003)
        raise TimeoutError("the screen never showed what was expected")

    def keys(self, *keys: str) -> None:
        subprocess.run([*TMUX, "send-keys", "-t", self.name, *keys], check=True)

    def close(self) -> None:
        subprocess.run([*TMUX, "kill-session", "-t", self.name], check=False)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def first_page_and_turns(
    command: list[str], env: dict[str, str], turns: int, gap: float = 0.05
) -> tuple[float, list[float]]:
    """Seconds to the headline on screen, then the key-to-new-screen time of each page turn."""
    pane = Pane(command, env)
    try:
        pane.wait_for(lambda screen: OPENING in screen)
        first = time.perf_counter() - pane.started
        times = []
        for _ in range(turns):
            before = pane.screen()
            pane.keys("space")
            times.append(pane.wait_for(lambda screen, old=before: screen != old))
            time.sleep(gap)
        return first, times
    finally:
        pane.close()


def analysis(path: Path) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of ``readerui analyze --json`` on ``path``."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "readerui", "analyze", "--json", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"analyze failed on {path.name}")
    return took, usage.ru_maxrss * 1024


def p90(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.9 * len(values)) - 1)]


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} / {p90(values) * 1000:.0f} ms"


def _set_width(cols: int) -> None:
    global COLS
    COLS = cols


def _byte_compile() -> None:
    """Byte-compile the readerui being measured, as pip does on installing a wheel."""
    import readerui

    compileall.compile_dir(str(Path(readerui.__file__).parent), quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="1 KB and 100 KB, once (for CI)")
    parser.add_argument("--turns", type=int, default=20, help="page turns measured per run")
    parser.add_argument(
        "--sizes", default=",".join(SIZES), help="which inputs, e.g. '1 MB,10 MB' (default: all)"
    )
    parser.add_argument("--no-analysis", action="store_true", help="skip the analyze rows")
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per input, alternating with the floor (median)"
    )
    parser.add_argument(
        "--gap",
        type=float,
        default=0.05,
        help="seconds between page turns (e.g. 0.3 with --turns 40: turns all through the "
        "analysis of a 10 MB text)",
    )
    parser.add_argument(
        "--cols", type=int, default=COLS, help="terminal width (160 and more: panels open)"
    )
    args = parser.parse_args(argv)
    chosen = [part.strip() for part in args.sizes.split(",")]
    sizes = {k: v for k, v in SIZES.items() if k in chosen and (not args.smoke or v <= 100_000)}
    turns = 3 if args.smoke else args.turns
    have_tmux = shutil.which("tmux") is not None
    _byte_compile()
    if have_tmux:
        subprocess.run([*TMUX, "new-session", "-d", "-s", "keeper", "sleep 3600"], check=True)
    try:
        runs = 1 if args.smoke else max(1, args.runs)
        _set_width(args.cols)
        return _run(sizes, turns, runs, args.gap, have_tmux, not args.no_analysis)
    finally:
        if have_tmux:
            subprocess.run([*TMUX, "kill-server"], check=False)


def _run(
    sizes: dict[str, int],
    turns: int,
    runs: int,
    gap: float,
    have_tmux: bool,
    analysis_rows: bool,
) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = make_inputs(folder, sizes)
        env = {
            "READERUI_DATA_DIR": str(folder / "data"),
            "READERUI_CONFIG_DIR": str(folder / "config"),
            "TERM": "xterm-256color",
        }
        library = folder / "library"
        subprocess.run(
            [sys.executable, "-c", "from readerui.data.library import Library; Library().close()"],
            env={**os.environ, "READERUI_DATA_DIR": str(library)},
            check=True,
        )
        reader = [sys.executable, "-m", "readerui"]
        minimal = [sys.executable, str(MINIMAL)]
        python = sys.version.split()[0]
        print(f"readerui benchmark, {COLS}x{ROWS}, {os.cpu_count()} cores, Python {python}")
        if have_tmux:
            print()
            print(
                "| input | first page: readerui / floor (ratio) "
                "| page turn p50 / p90: readerui | floor | p90 ratio |"
            )
            print("|---|---|---|---|---|")
            for label in sizes:
                path = str(files[label])
                # A 1 KB text is one page: nothing to turn.
                count = turns if sizes[label] >= 100_000 else 0
                # Alternate the floor and readerui so drift on a shared machine hits both, and
                # take the median first page; the page turns of all runs are pooled.
                floor_firsts: list[float] = []
                firsts: list[float] = []
                floor_turns: list[float] = []
                reader_turns: list[float] = []
                for run in range(runs):
                    took, turned = first_page_and_turns([*minimal, path], env, count, gap)
                    floor_firsts.append(took)
                    floor_turns += turned
                    # A library of its own per run: a first open each time, not a reopen at
                    # the place the last run's page turns reached. It is a copy of one made
                    # beforehand, as a reader's library is there before every start but the
                    # first one ever.
                    data = folder / f"data-{label}-{run}"
                    shutil.copytree(library, data)
                    fresh = {**env, "READERUI_DATA_DIR": str(data)}
                    took, turned = first_page_and_turns([*reader, path], fresh, count, gap)
                    firsts.append(took)
                    reader_turns += turned
                floor_first = statistics.median(floor_firsts)
                first = statistics.median(firsts)
                turn_cells = "| — | — | — |"
                if reader_turns and floor_turns:
                    turn_cells = (
                        f"| {_ms(reader_turns)} | {_ms(floor_turns)} "
                        f"| {p90(reader_turns) / p90(floor_turns):.2f}x |"
                    )
                ratio = first / floor_first
                print(
                    f"| {label} | {first:.2f} s / {floor_first:.2f} s ({ratio:.2f}x) {turn_cells}",
                    flush=True,
                )
        else:
            print("(tmux not found: first-page and page-turn rows skipped)")
        if not analysis_rows:
            return 0
        print()
        seed_time, seed_rss = analysis(files["seed"])
        print("| input | `analyze --json` | throughput | peak RSS | RSS over seed run / input |")
        print("|---|---|---|---|---|")
        print(f"| seed (6 KB) | {seed_time:.2f} s | — | {seed_rss / 2**20:.0f} MB | — |")
        for label in sizes:
            path = files[label]
            took, rss = analysis(path)
            size = path.stat().st_size
            print(
                f"| {label} | {took:.2f} s | {size / took / 1e6:.2f} MB/s | {rss / 2**20:.0f} MB "
                f"| {(rss - seed_rss) / size:.1f}x |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
