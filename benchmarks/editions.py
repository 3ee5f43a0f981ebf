"""Ten editions built at once against one edition built alone (issue 31: at most 4x; with
nothing changed, all ten up to date in at most 0.5 s).

The IHK project gets ten editions, copies of content/editions/ihk-essen.yaml named
e01 ... e10 (e01 the default). Each round times, as whole processes and in turn (this
machine's speed drifts over minutes): ``build --force`` (the default edition into
output/), ``build --all-editions --force`` (all ten into output/eNN/, on the shared
caches) and ``build --all-editions`` with nothing changed. Prints the medians, the median
of the per-round ratios, and the peak memory (the largest resident set among the command
and the processes it waited for: the pool's workers count).

    python benchmarks/editions.py [--runs 5] [--editions 10]
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

from run import EPOCH, ROOT


def run_once(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak MB of one run of ``command``,
    counting the processes it waited for (Linux wait4): the PDF process, the pool."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _project(folder: Path, count: int) -> Path:
    project = folder / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "assets", project / "assets")
    own = project / "content" / "editions"
    edition = (own / "ihk-essen.yaml").read_text("utf-8")
    for path in own.glob("*.yaml"):
        path.unlink()
    for n in range(1, count + 1):
        (own / f"e{n:02d}.yaml").write_text(edition, "utf-8")
    deck = project / "content" / "deck.yaml"
    deck.write_text(deck.read_text("utf-8").replace("default_edition: ihk-ruhr",
                                                    "default_edition: e01"), "utf-8")
    return project


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--editions", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = _project(Path(tmp), args.editions)
        command = [sys.executable, "-m", "deckbuilder", "build", str(project)]
        run_once([*command, "--all-editions"])  # warm: the shared caches, each folder's
        run_once(command)
        one, every, unchanged = [], [], []
        for _ in range(args.runs):
            one.append(run_once([*command, "--force"]))
            every.append(run_once([*command, "--all-editions", "--force"]))
            unchanged.append(run_once([*command, "--all-editions"]))
    n = args.editions
    ratios = [a[0] / b[0] for a, b in zip(every, one, strict=True)]
    for label, rows in (("one edition, build --force:            ", one),
                        (f"{n} editions, --all-editions --force:  ", every),
                        (f"{n} editions, --all-editions unchanged:", unchanged)):
        times = sorted(t for t, _, _ in rows)
        print(f"{label} median {statistics.median(times):.2f} s (min {times[0]:.2f}, "
              f"max {times[-1]:.2f}), CPU {statistics.median(c for _, c, _ in rows):.2f} s, "
              f"peak {max(p for _, _, p in rows):.0f} MB")
    print(f"{n} editions / one edition: median ratio {statistics.median(ratios):.2f} "
          f"(per round: {', '.join(f'{r:.2f}' for r in ratios)}; goal: at most 4), "
          f"fastest / fastest {min(t for t, _, _ in every) / min(t for t, _, _ in one):.2f}")
    print(f"unchanged: median {statistics.median(t for t, _, _ in unchanged):.2f} s "
          "(goal: at most 0.5 s)")


if __name__ == "__main__":
    main()
