"""What each speed device gains: the IHK build with the device on (as shipped) and off.

    python benchmarks/devices.py [--runs 7] [--no-check]

Devices: the second process (the PDFs and the calendar rendered beside the deck), its
early start (forked before the command line is parsed), the plain theme for that process
(theme.portable), the dates' cache (content/dates.py) and the slide cache
(render/pptx/slide_cache.py). Each is turned off without changing product code: the
second process by its own setting (DECKBUILDER_SERIAL=1), the others by device_off.py,
which patches the device away before the command runs.

Two builds of this repository's own project (the IHK deck, PPTX + PDF + ICS):
"everyday", ``build --force`` into an output folder holding the caches of an earlier
build of the same variant (what a user's rebuild does), and "first", into an empty
output folder. Each round runs every device's ON and OFF build back to back, ON first
in one round and OFF first in the next (this machine's speed drifts by 10-40 % over
minutes; paired and alternated, a drift hits both alike). Per device: median wall
seconds (min-max over the rounds), the gain (off - on) / off of the medians, the middle
half (quartiles) of the per-round paired gains, the gain of the fastest runs (those least
disturbed by other load), the median gain of the quiet rounds (other processes kept
fewer than QUIET cores busy during both builds, from /proc/stat), and the CPU seconds
(user + system of the build and the processes it waited for, from wait4), which load
disturbs less than wall time.

First (unless --no-check) every OFF variant's outputs, PPTX, PDF, slides PDF and ICS,
are compared by SHA-256 with the ON build's, first and everyday: a device must not
change a byte. Writes the tables to DEVICES.md beside this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAUNCHER = Path(__file__).resolve().parent / "device_off.py"
EPOCH = "1762214400"

#: key, name, what it does; how devices.py turns it off is in launch().
DEVICES = [
    ("aside", "second process", "renders the PDFs and the calendar while the deck renders"),
    ("early", "early start", "forks the second process before the command line is parsed"),
    ("plain", "plain theme", "hands the second process the theme as plain objects, "
                             "so it imports no pydantic"),
    ("dates", "dates cache", "keeps Babel's date texts in output/.cache, so a rebuild "
                             "imports no Babel"),
    ("slides", "slide cache", "reuses each slide's XML when its plan is unchanged"),
]
SCENARIOS = [("everyday", "everyday (`build --force`, caches present)"),
             ("first", "first (empty output folder)")]
OUTPUTS = (".pptx", ".pdf", ".ics")


def launch(device: str | None, out: Path, extra: list[str]) -> tuple[list[str], dict[str, str]]:
    """The command and environment of one build; ``device`` None: as shipped."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH,
           "PYTHONPATH": os.pathsep.join(p for p in [str(ROOT / "src"),
                                                     os.environ.get("PYTHONPATH", "")] if p)}
    env.pop("DECKBUILDER_SERIAL", None)
    patch = "none"
    if device == "aside":
        env["DECKBUILDER_SERIAL"] = "1"
    elif device is not None:
        patch = device
    command = [sys.executable, str(LAUNCHER), patch, "build", str(ROOT), "--out", str(out)]
    return command + extra, env


def _busy() -> float:
    """CPU seconds this machine's cores have been busy since boot (Linux; else 0)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(v) for v in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def run_once(device: str | None, out: Path, extra: list[str]) -> tuple[float, float, float]:
    """Wall seconds and CPU seconds (user + system, the processes it waited for included)
    of one build as a fresh process, and how many cores other processes kept busy
    meanwhile (Linux's /proc/stat, less the build's own CPU time)."""
    command, env = launch(device, out, extra)
    with tempfile.TemporaryFile() as errors:
        busy = _busy()
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        busy = _busy() - busy
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            raise SystemExit(f"failed ({code}): {' '.join(command)}\n"
                             + errors.read().decode(errors="replace"))
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, max(0.0, busy - cpu) / seconds


def sums(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.iterdir()) if p.name.endswith(OUTPUTS)}


def check_bytes(work: Path) -> dict[str | None, str]:
    """Each variant's outputs (all four formats) against the ON build's, first and
    everyday; what differs, or "identical"."""
    formats = ["--format", "pptx,pdf,ics,slides-pdf"]
    found: dict[str | None, list[dict[str, str]]] = {}
    for device in [None] + [key for key, _, _ in DEVICES]:
        out = work / f"check-{device}"
        run_once(device, out, formats)
        first = sums(out)
        run_once(device, out, formats + ["--force"])
        found[device] = [first, sums(out)]
    verdict: dict[str | None, str] = {}
    for device, (first, everyday) in found.items():
        differ = sorted({f"{name} ({when})" for when, got, want in
                         [("first", first, found[None][0]), ("everyday", everyday,
                                                               found[None][1])]
                         for name in want if got.get(name) != want[name]})
        verdict[device] = "identical" if not differ else "DIFFERS: " + ", ".join(differ)
    return verdict


Samples = dict[tuple[str, str, bool], list[tuple[float, float, float]]]
#: A round is quiet when other processes kept less than this many cores busy during both
#: of its builds.
QUIET = 0.25


def measure(work: Path, runs: int) -> Samples:
    """``runs`` rounds; each round every device's ON and OFF build back to back, in both
    scenarios. Keyed by scenario, device, on; (wall, cpu, others' load) per round."""
    samples: Samples = {}
    for device, _, _ in DEVICES:  # the everyday folders: an earlier build of each variant
        for on in (True, False):
            run_once(None if on else device, work / f"warm-{device}-{on}", [])
    for r in range(runs):
        for scenario, _ in SCENARIOS:
            for k, (device, _, _) in enumerate(DEVICES):
                for on in (True, False) if (r + k) % 2 == 0 else (False, True):
                    if scenario == "everyday":
                        out, extra = work / f"warm-{device}-{on}", ["--force"]
                    else:
                        out, extra = work / "cold", []
                        shutil.rmtree(out, ignore_errors=True)
                    got = run_once(None if on else device, out, extra)
                    samples.setdefault((scenario, device, on), []).append(got)
        print(f"round {r + 1}/{runs} done", file=sys.stderr, flush=True)
    return samples


def _pct(off: float, on: float) -> float:
    return 100 * (off - on) / off


def table(samples: Samples, verdict: dict[str | None, str]) -> str:
    head = ("| device | build | ON s, median (min–max) | OFF s, median (min–max) | gain | "
            "per-round gains | gain of the fastest | quiet rounds: gain (n) | ON CPU s | "
            "OFF CPU s | CPU gain | per-round CPU gains | OFF bytes |")
    rows = [head, "| --- | --- | " + "---: | " * 10 + "--- |"]
    for device, name, _ in DEVICES:
        for scenario, _ in SCENARIOS:
            on, off = samples[(scenario, device, True)], samples[(scenario, device, False)]
            wall_on, wall_off = [w for w, _, _ in on], [w for w, _, _ in off]
            cpu_on, cpu_off = [c for _, c, _ in on], [c for _, c, _ in off]
            quiet = [_pct(b[0], a[0]) for a, b in zip(on, off, strict=True)
                     if max(a[2], b[2]) < QUIET]
            rows.append(
                f"| {name} | {scenario} | {_spread(wall_on)} | {_spread(wall_off)} | "
                f"{_gain(wall_on, wall_off)} | {_paired(wall_on, wall_off)} | "
                f"{_pct(min(wall_off), min(wall_on)):+.1f} % | "
                f"{f'{statistics.median(quiet):+.1f} %' if quiet else '–'} ({len(quiet)}) | "
                f"{statistics.median(cpu_on):.2f} | {statistics.median(cpu_off):.2f} | "
                f"{_gain(cpu_on, cpu_off)} | {_paired(cpu_on, cpu_off)} | "
                f"{verdict.get(device, 'not checked')} |")
    return "\n".join(rows)


def others_load(samples: Samples) -> str:
    """The cores other processes kept busy during the builds: quartiles and extremes."""
    loads = sorted(x for runs in samples.values() for _, _, x in runs)
    low, mid, high = statistics.quantiles(loads, n=4) if len(loads) > 1 else loads * 3
    return f"median {mid:.2f}, middle half {low:.2f}–{high:.2f}, {loads[0]:.2f}–{loads[-1]:.2f}"


def _gain(on: list[float], off: list[float]) -> str:
    return f"{_pct(statistics.median(off), statistics.median(on)):+.1f} %"


def _paired(on: list[float], off: list[float]) -> str:
    """The per-round gains' quartiles (the middle half of the rounds lies between them),
    and their extremes."""
    gains = sorted(_pct(b, a) for a, b in zip(on, off, strict=True))
    low, _, high = statistics.quantiles(gains, n=4) if len(gains) > 1 else gains * 3
    return f"{low:+.0f} … {high:+.0f} % ({gains[0]:+.0f} … {gains[-1]:+.0f})"


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-check", action="store_true",
                        help="skip the comparison of the outputs' bytes")
    parser.add_argument("--only", help="comma-separated devices (aside, early, plain, dates, "
                        "slides): many rounds of one device near the 3 %% line")
    parser.add_argument("--everyday", action="store_true", help="the everyday build only")
    args = parser.parse_args()
    if args.only:
        DEVICES[:] = [d for d in DEVICES if d[0] in args.only.split(",")]
    if args.everyday:
        SCENARIOS[:] = SCENARIOS[:1]
    _compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="deckbuilder-devices-"))
    started, load_before = dt.datetime.now(dt.UTC), os.getloadavg()
    try:
        verdict = {} if args.no_check else check_bytes(work)
        samples = measure(work, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = table(samples, verdict)
    print(text)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"],
                           capture_output=True, text=True).stdout.strip()
    load = ", ".join(f"{a:.1f}" for a in load_before + os.getloadavg())
    others = others_load(samples)
    print(f"cores kept busy by other processes during the builds: {others}")
    (Path(__file__).parent / "DEVICES.md").write_text(
        f"# Speed devices: on against off\n\n`python benchmarks/devices.py --runs {args.runs}"
        f"{' --only ' + args.only if args.only else ''}{' --everyday' if args.everyday else ''}`"
        f" from {started:%Y-%m-%d %H:%M} to {dt.datetime.now(dt.UTC):%H:%M} UTC on "
        f"{commit}{' (src/ changed since)' if dirty else ''}, {os.cpu_count()} cores, load "
        f"average before/after (1, 5, 15 min): {load}; cores kept busy by other "
        f"processes during the builds: {others}. Gain = (off − on) / off of the "
        "medians; per-round gains: the quartiles of the gains of each round's paired ON and "
        "OFF builds (half the rounds lie between them), in brackets the extremes; gain of "
        "the fastest: of the minima; quiet rounds: the median gain of the rounds in which "
        f"other processes kept fewer than {QUIET} cores busy during both builds, and how "
        "many there were.\n\n"
        + text + "\n", "utf-8")


def _compile_bytecode() -> None:
    """deckbuilder's .pyc files, as installing it writes them (run.py says why)."""
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "deckbuilder"), quiet=1)


if __name__ == "__main__":
    main()
