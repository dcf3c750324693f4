"""Speed of bayeslearn as ratios measured in one run (``make bench``).

Absolute times depend on the machine and on what else it is doing; a ratio between two
things timed side by side in the same process does much less. Every row says what was
compared, the measured numbers, the ratio or figure of merit, the target, and whether the
target was met. Prints a Markdown table.
"""

from __future__ import annotations

import contextlib
import io
import json
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path

import numpy as np
import scipy.stats
from scipy.special import rel_entr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from nbexec import exec_notebook, slider_values  # noqa: E402

import bayeslearn as bl  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ROWS: list[tuple[str, str, str, str, bool | None]] = []


def row(what: str, measured: str, merit: str, target: str, ok: bool | None) -> None:
    ROWS.append((what, measured, merit, target, ok))
    print(f"  {what}: {measured} -> {merit} (target {target})", file=sys.stderr, flush=True)


def best_us(fn, number: int, repeat: int = 7) -> float:
    """Best-of-``repeat`` mean time of ``fn`` in microseconds (the least disturbed run)."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def bench_widgets(moves: int = 60) -> None:
    from bayeslearn.widgets import LiveFigure

    for path in NOTEBOOKS:
        with contextlib.redirect_stdout(io.StringIO()):  # the notebooks' own prints
            namespace = exec_notebook(path)
        for name, live in namespace.items():
            if not isinstance(live, LiveFigure):
                continue
            plan = [(k, v) for k, c in live.controls.items() for v in slider_values(c, interior=8)]
            plan = (plan * (moves // len(plan) + 1))[:moves]
            live.render_ms.clear()
            for key, value in plan:
                live.controls[key].value = value
            blit = np.array(live.render_ms)
            full = np.array(_full_rerender_ms(live, plan))
            median, p95 = np.median(blit), np.percentile(blit, 95)
            row(
                f"{path.stem} `{name}` update (n={len(blit)})",
                f"median {median:.1f} ms, p95 {p95:.1f} ms; full re-render median {np.median(full):.1f} ms",
                f"{np.median(full) / median:.1f}× faster",
                "median ≤ 25 ms, p95 ≤ 50 ms",
                bool(median <= 25 and p95 <= 50),
            )


def _full_rerender_ms(live, plan) -> list[float]:
    """The inline way: run update, draw the whole figure, save a tight PNG, every move."""
    fig = live.fig
    for artist in live.animated:
        artist.set_animated(False)
    times = []
    try:
        for key, value in plan:
            values = {**live.values, key: value}
            start = time.perf_counter()
            live._update(**values)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", bbox_inches="tight")
            times.append((time.perf_counter() - start) * 1e3)
    finally:
        for artist in live.animated:
            artist.set_animated(True)
        live.invalidate()
    return times


#: The clients make test-browser drives, as build/browser_timings.json names them.
CLIENTS = {"lab": "JupyterLab", "notebook": "Notebook 7", "voila": "Voila"}


def bench_browser() -> None:
    """Key press → new image per client: one row per notebook, then one over all its presses."""
    path = ROOT / "build" / "browser_timings.json"
    timings = json.loads(path.read_text()) if path.exists() else {}
    if not all(isinstance(per_notebook, dict) for per_notebook in timings.values()):
        timings = {}  # the older layout (one list per notebook, JupyterLab only): not comparable
    for client, name in CLIENTS.items():
        per_notebook = {notebook: ms for notebook, ms in sorted(timings.get(client, {}).items()) if ms}
        if not per_notebook:
            row(f"key press → new image in {name}", "not measured: run `make test-browser` first", "–",
                "≤ 150 ms", None)
            continue
        for notebook, ms in per_notebook.items():
            median = statistics.median(ms)
            row(f"{notebook}: key press → new image in {name} (n={len(ms)})", f"median {median:.0f} ms",
                f"{median:.0f} ms", "≤ 150 ms", median <= 150)
        every = [x for ms in per_notebook.values() for x in ms]
        medians = [statistics.median(ms) for ms in per_notebook.values()]
        median = statistics.median(every)
        row(f"**{name}, every slider of {len(per_notebook)} notebook(s)**: key press → new image (n={len(every)})",
            f"median {median:.0f} ms; per notebook {min(medians):.0f}–{max(medians):.0f} ms",
            f"{median:.0f} ms", "≤ 150 ms", median <= 150)


def bench_divergences() -> None:
    rng = np.random.default_rng(0)
    for size, number in ((10, 20000), (10**6, 3)):
        p, q = rng.random((2, size))
        p, q = p / p.sum(), q / q.sum()
        raw = best_us(lambda p=p, q=q: rel_entr(p, q).sum(-1), number)
        scipy_kl = best_us(lambda p=p, q=q: scipy.stats.entropy(p, q), number)
        scipy_h = best_us(lambda p=p: scipy.stats.entropy(p), number)
        for label, fn, reference in (
            ("kl_divergence", lambda p=p, q=q: bl.kl_divergence(p, q), scipy_kl),
            ("cross_entropy", lambda p=p, q=q: bl.cross_entropy(p, q), scipy_kl),
            ("entropy", lambda p=p: bl.entropy(p), scipy_h),
        ):
            ours = best_us(fn, number)
            if size == 10:
                row(f"`{label}`, {size} elements", f"{ours:.1f} µs vs scipy.stats.entropy {reference:.1f} µs",
                    f"{reference / ours:.1f}× faster", "≥ 5× faster", reference / ours >= 5)
            else:
                row(f"`{label}`, 10⁶ elements", f"{ours / 1e3:.2f} ms vs raw rel_entr {raw / 1e3:.2f} ms",
                    f"{ours / raw:.2f}× raw", "≤ 1.3× raw", ours / raw <= 1.3)


def bench_likelihood() -> None:
    grid = np.linspace(0.0, 1.0, 501)
    ours = best_us(lambda: bl.bernoulli_log_likelihood(grid, 3, 10), 2000)
    binom = best_us(lambda: scipy.stats.binom.logpmf(3, 10, grid), 2000)
    row("`bernoulli_log_likelihood`, 501-point grid", f"{ours:.1f} µs vs binom.logpmf {binom:.1f} µs",
        f"{binom / ours:.1f}× faster", "–", None)
    big = best_us(lambda: bl.bernoulli_log_likelihood(grid, 300_000_000, 10**9), 2000)
    row("`bernoulli_log_likelihood`, 10⁹ vs 10 tosses", f"{big:.1f} µs vs {ours:.1f} µs",
        f"{big / ours:.2f}×", "≤ 1.5×", big / ours <= 1.5)


def bench_import(repeat: int = 7) -> None:
    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    once("import bayeslearn")  # warm the file cache
    bare = statistics.median(once("pass") for _ in range(repeat))
    full = statistics.median(once("import bayeslearn") for _ in range(repeat))
    cost = max(full - bare, 0.0)  # below the timer's noise when it comes out negative
    row("`import bayeslearn`", f"{full * 1e3:.0f} ms vs {bare * 1e3:.0f} ms for a bare interpreter",
        f"{cost * 1e3:.0f} ms", "≤ 250 ms", cost <= 0.25)


def bench_notebooks() -> None:
    from execute_notebooks import run  # tools/: what make notebooks runs, without writing back

    for path in NOTEBOOKS:
        seconds = run(path)[1]
        row(f"{path.stem} executes top to bottom", f"{seconds:.1f} s (kernel start included)",
            f"{seconds:.1f} s", "≤ 10 s", seconds <= 10)


def main() -> int:
    for bench in (bench_widgets, bench_browser, bench_divergences, bench_likelihood, bench_import, bench_notebooks):
        bench()
    print("| what | measured | figure of merit | target | met |")
    print("|---|---|---|---|---|")
    for what, measured, merit, target, ok in ROWS:
        mark = "–" if ok is None else ("yes" if ok else "**no**")
        print(f"| {what} | {measured} | {merit} | {target} | {mark} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
