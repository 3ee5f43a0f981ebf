"""Times deckbuilder against the floor as whole processes and writes RESULTS.md.

Median of N runs (default 5), peak memory (max RSS) from the OS for each process.

    python benchmarks/run.py [--runs 5] [--skip-large]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1762214400"


def ihk_copy(target: Path) -> Path:
    """A copy of the IHK project (content and assets) to change or build freely."""
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "assets", target / "assets")
    return target


def measured(command: list[str], before=None) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Wall seconds, CPU seconds (user + system) and peak MB of one run of ``command`` as
    a fresh process. CPU and peak count the processes it waited for (Linux wait4): the
    build's dossier process, the editions' pool."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    if before:
        before()
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def run_once(command: list[str], before=None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds and peak MB of one run of ``command`` (``measured``)."""
    seconds, _, peak = measured(command, before)
    return seconds, peak


def against_floor(floor: list[str], builds: list[tuple[list[str], object]], runs: int
                  ) -> tuple[tuple[float, float], list[tuple[float, float, float]]]:
    """The floor and each build run in turn, ``runs`` rounds: this machine's speed drifts
    by 10-40 % over minutes, and a drift then slows floor and build alike. Returns the
    floor's median seconds and peak MB, and per build its median seconds, peak MB and the
    median of its per-round ratio to the floor."""
    floor_times, floor_peaks = [], []
    times: list[list[float]] = [[] for _ in builds]
    peaks: list[list[float]] = [[] for _ in builds]
    for _ in range(runs):
        seconds, peak = run_once(floor)
        floor_times.append(seconds)
        floor_peaks.append(peak)
        for k, (command, before) in enumerate(builds):
            seconds, peak = run_once(command, before)
            times[k].append(seconds)
            peaks[k].append(peak)
    results = [(statistics.median(t), max(p),
                statistics.median(a / b for a, b in zip(t, floor_times, strict=True)))
               for t, p in zip(times, peaks, strict=True)]
    return (statistics.median(floor_times), max(floor_peaks)), results


def synthetic(target: Path, slides: int) -> Path:
    """The IHK project with its trends repeated until the deck has about ``slides`` slides."""
    ihk_copy(target)
    trends = target / "content" / "trends.yaml"
    text = trends.read_text("utf-8")
    head, body = text.split("trends:\n", 1)
    copies = max(1, (slides - 17) // 16)
    trends.write_text(head + "trends:\n" + body * copies, "utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    _compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="deckbuilder-bench-"))
    py = sys.executable
    rows: list[tuple[str, float, float, float | None]] = []

    def build(project: Path, out: Path) -> list[str]:
        return [py, "-m", "deckbuilder", "build", str(project), "--out", str(out)]

    def floor(project: Path, out: Path) -> list[str]:
        out.mkdir(parents=True, exist_ok=True)
        script = str(ROOT / "benchmarks" / "floor.py")
        subprocess.run([py, script, "prepare", str(project), str(out)], check=True)
        return [py, script, str(project), str(out)]

    def fresh(out: Path):  # type: ignore[no-untyped-def]
        return lambda: shutil.rmtree(out, ignore_errors=True)

    ihk_out = work / "ihk"
    run_once(build(ROOT, ihk_out))  # caches for the warm rows
    copy = synthetic(work / "date", 0)
    program = copy / "content" / "program.yaml"
    original = program.read_text("utf-8")
    flip = [0]

    def move_date() -> None:
        flip[0] += 1
        day = "2026-11-19" if flip[0] % 2 else "2026-11-12"
        program.write_text(original.replace("2026-11-12", day), "utf-8")

    date_out = work / "date-out"
    run_once(build(copy, date_out))
    cold_out = work / "ihk-cold"
    (base, base_mb), results = against_floor(floor(ROOT, work / "floor-ihk"), [
        (build(ROOT, ihk_out) + ["--force"], None),
        (build(ROOT, cold_out), fresh(cold_out)),
        (build(ROOT, ihk_out), None),
        (build(copy, date_out), move_date),
    ], args.runs)
    rows.append(("(b) floor, IHK deck", base, base_mb, None))
    for name, (seconds, peak, ratio) in zip([
            "(a) build, IHK deck (PPTX + PDF + ICS), caches warm (--force)",
            "(a) build, IHK deck, cold: empty output folder",
            "(d) rebuild, nothing changed",
            "(e) rebuild after one event date changed"], results, strict=True):
        rows.append((name, seconds, peak, ratio))
    sizes = [100] if args.skip_large else [100, 1000]
    for size in sizes:
        project = synthetic(work / f"deck{size}", size)
        out = work / f"out{size}"
        (f_time, f_mb), [(b_time, b_mb, ratio)] = against_floor(
            floor(project, work / f"floor{size}"), [(build(project, out), fresh(out))],
            args.runs)
        slides = _slides(out)
        rows.append((f"(c) floor, {slides} slides", f_time, f_mb, None))
        rows.append((f"(c) build, {slides} slides, cold ({1000 * b_time / slides:.1f} "
                     "ms/slide)", b_time, b_mb, ratio))
    table = ["| measurement | median s | peak MB | build / floor |", "| --- | ---: | ---: | ---: |"]
    table += [f"| {name} | {t:.2f} | {mb:.0f} | {'' if r is None else f'{r:.2f}×'} |"
              for name, t, mb, r in rows]
    text = "\n".join(table)
    print(text)
    (ROOT / "benchmarks" / "RESULTS.md").write_text(
        f"# Benchmark results\n\n`python benchmarks/run.py --runs {args.runs}` on "
        f"{os.cpu_count()} cores, median of {args.runs} whole-process runs each, the floor "
        "and the builds run in turn; build / floor is the median of the per-round "
        "ratios.\n\n"
        + text + "\n", "utf-8")
    shutil.rmtree(work, ignore_errors=True)


def _compile_bytecode() -> None:
    """Writes deckbuilder's .pyc files, as installing the package does: with
    PYTHONDONTWRITEBYTECODE set (as on this machine) every run would otherwise compile
    deckbuilder's modules again, while the floor's libraries come compiled."""
    import compileall

    import deckbuilder

    compileall.compile_dir(str(Path(deckbuilder.__file__).parent), quiet=1)


def _slides(out: Path) -> int:
    from pptx import Presentation

    (deck,) = out.glob("*.pptx")
    return len(Presentation(str(deck)).slides)


if __name__ == "__main__":
    main()
