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


def measure(command: list[str], runs: int, before=None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median seconds and peak MB of ``command`` run ``runs`` times as a fresh process."""
    times, peaks = [], []
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(command)}")
    return statistics.median(times), max(peaks)


def synthetic(target: Path, slides: int) -> Path:
    """The IHK project with its trends repeated until the deck has about ``slides`` slides."""
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "assets", target / "assets")
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
    base, base_mb = measure(floor(ROOT, work / "floor-ihk"), args.runs)
    full, full_mb = measure(build(ROOT, ihk_out), args.runs, before=fresh(ihk_out))
    rows.append(("(b) floor, IHK deck", base, base_mb, None))
    rows.append(("(a) build, IHK deck (PPTX + PDF + ICS), cold cache", full, full_mb, full / base))
    again, again_mb = measure(build(ROOT, ihk_out), args.runs)
    rows.append(("(d) rebuild, nothing changed", again, again_mb, again / base))
    copy = synthetic(work / "date", 0)
    program = copy / "content" / "program.yaml"
    original = program.read_text("utf-8")
    flip = [0]

    def move_date() -> None:
        flip[0] += 1
        day = "2026-11-19" if flip[0] % 2 else "2026-11-12"
        program.write_text(original.replace("2026-11-12", day), "utf-8")

    date_out = work / "date-out"
    measure(build(copy, date_out), 1)
    moved, moved_mb = measure(build(copy, date_out), args.runs, before=move_date)
    rows.append(("(e) rebuild after one event date changed", moved, moved_mb, moved / base))
    sizes = [100] if args.skip_large else [100, 1000]
    for size in sizes:
        project = synthetic(work / f"deck{size}", size)
        out = work / f"out{size}"
        f_time, f_mb = measure(floor(project, work / f"floor{size}"), args.runs)
        b_time, b_mb = measure(build(project, out), args.runs, before=fresh(out))
        slides = _slides(out)
        rows.append((f"(c) floor, {slides} slides", f_time, f_mb, None))
        rows.append((f"(c) build, {slides} slides ({1000 * b_time / slides:.1f} ms/slide)",
                     b_time, b_mb, b_time / f_time))
    table = ["| measurement | median s | peak MB | build / floor |", "| --- | ---: | ---: | ---: |"]
    table += [f"| {name} | {t:.2f} | {mb:.0f} | {'' if r is None else f'{r:.2f}×'} |"
              for name, t, mb, r in rows]
    text = "\n".join(table)
    print(text)
    (ROOT / "benchmarks" / "RESULTS.md").write_text(
        f"# Benchmark results\n\n`python benchmarks/run.py --runs {args.runs}` on "
        f"{os.cpu_count()} cores, median of {args.runs} whole-process runs each.\n\n"
        + text + "\n", "utf-8")
    shutil.rmtree(work, ignore_errors=True)


def _slides(out: Path) -> int:
    from pptx import Presentation

    (deck,) = out.glob("*.pptx")
    return len(Presentation(str(deck)).slides)


if __name__ == "__main__":
    main()
