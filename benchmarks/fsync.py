"""What flushing every write to the disk costs a warm build (issue 33: at most 20 ms).

    python benchmarks/fsync.py [--runs 9] [--dir FOLDER]

Copies the IHK project into FOLDER (default: a temporary folder; put it on the disk the
staff's projects live on, as /tmp may be a RAM disk where a flush costs nothing), builds it
once so the caches are warm, then runs `deckbuilder build --force` round after round, in
turn with the flushes as shipped and with ``os.fsync`` made a no-op (ON first in one round,
OFF first in the next: the machine's speed drifts). In the ON runs each call of os.fsync is
timed, in the command's process and in its forked second process alike (the patch is
made before the command starts, and the second process is forked from it on Linux), so the
table gives both the wall-time difference (noisy: ±30 ms here) and the time spent in the
flushes themselves (exact). Also: a build with nothing changed ("up to date"), and one
`events move` (content, history and all).
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

#: Runs the command with os.fsync timed (``on``) or made a no-op (``off``); each call's
#: process, start and end (the monotonic clock, one for all processes) are appended to the
#: file named by FSYNC_LOG, a line each, by os.write on a descriptor opened before the
#: command (run() ends with os._exit: no atexit).
WRAPPER = """
import os, sys, time
mode, log = sys.argv.pop(1), os.environ["FSYNC_LOG"]
fd_log = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
real = os.fsync
def timed(fd):
    t = time.monotonic()
    real(fd)
    os.write(fd_log, f"{os.getpid()} {t:.6f} {time.monotonic():.6f}\\n".encode())
os.fsync = timed if mode == "on" else (lambda fd: None)
sys.argv[0] = "deckbuilder"
from deckbuilder.cli.start import run
run()
"""


def _run(mode: str, args: list[str], cwd: Path, log: Path) -> tuple[float, list[float]]:
    """Wall seconds of one command, and the seconds the command's own process waited for
    flushes, one figure per stretch of waiting: flushes made side by side (atomic.py's
    _flush_all) count once, and the second process's, made while this one works on, not
    at all (``_waits`` says how many there were)."""
    log.write_text("")
    env = {**os.environ, "FSYNC_LOG": str(log), "SOURCE_DATE_EPOCH": "1762214400"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, mode, *args], cwd=cwd, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    calls = [line.split() for line in log.read_text().splitlines() if line]
    return wall, _waits(calls)


def _waits(calls: list[list[str]]) -> list[float]:
    """The union of the flushes' time spans in the process that made the most of them
    (the command's: the second process flushes one cache file)."""
    by_pid: dict[str, list[tuple[float, float]]] = {}
    for pid, start, end in calls:
        by_pid.setdefault(pid, []).append((float(start), float(end)))
    if not by_pid:
        return []
    spans = sorted(max(by_pid.values(), key=len))
    merged: list[list[float]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [end - start for start, end in merged]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--dir", type=Path, default=None)
    options = parser.parse_args()
    base = options.dir or Path(tempfile.mkdtemp(prefix="deckbuilder-fsync-"))
    project = base / "ihk"
    shutil.rmtree(project, ignore_errors=True)
    for part in ("content", "assets"):
        shutil.copytree(ROOT / part, project / part)
    log = base / "fsync.log"
    _run("on", ["build"], project, log)  # the caches, warm from here on
    walls: dict[str, list[float]] = {"on": [], "off": []}
    flushes: list[list[float]] = []
    for round_ in range(options.runs):
        for mode in (("on", "off") if round_ % 2 == 0 else ("off", "on")):
            wall, calls = _run(mode, ["build", "--force"], project, log)
            walls[mode].append(wall)
            if mode == "on":
                flushes.append(calls)
    _, idle = _run("on", ["build"], project, log)
    moves = [_run("on", ["events", "move", "Future Day Frankfurt", day], project, log)[1]
             for day in ("2026-11-19", "2026-11-12")]
    on, off = statistics.median(walls["on"]), statistics.median(walls["off"])
    spent = statistics.median(sum(c) for c in flushes)
    print(f"warm build (build --force, IHK deck), {options.runs} rounds, in {base}")
    print(f"  wall, flushes on:  {on * 1000:7.1f} ms (median)")
    print(f"  wall, flushes off: {off * 1000:7.1f} ms (median)")
    paired = statistics.median(a - b for a, b in zip(walls["on"], walls["off"], strict=True))
    print(f"  difference:        {(on - off) * 1000:7.1f} ms (of the medians; median of the "
          f"rounds' differences {paired * 1000:.1f} ms)")
    longest = max(max(c) for c in flushes)
    print(f"  waiting for flushes: {spent * 1000:5.1f} ms (median; the command's process, "
          f"flushes side by side once: {len(flushes[0])} waits a build, the longest "
          f"{longest * 1000:.1f} ms)")
    print(f"up-to-date build:    {sum(idle) * 1000:7.1f} ms waiting for flushes "
          f"({len(idle)} waits)")
    print(f"events move:         {statistics.median(sum(c) for c in moves) * 1000:7.1f} ms "
          f"waiting for flushes ({len(moves[0])} waits: history, content file, folders)")
    print(f"goal: at most 20 ms a warm build -> {'met' if spent <= 0.020 else 'NOT met'}")
    if options.dir is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
