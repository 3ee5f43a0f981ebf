"""What writing both handouts adds to a warm build (issue 30: at most 0.3 s).

Times ``deckbuilder build --force`` of the IHK project with the default outputs, and with
``handout,notes`` added, as whole processes, in alternating rounds (this machine's speed
drifts over minutes); prints the medians and their difference.

    python benchmarks/handouts.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from run import ihk_copy, run_once  # the same clock and process counting

BASE = "pptx,pdf,ics"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        project = ihk_copy(Path(tmp) / "project")

        def build(formats: str) -> list[str]:
            return [sys.executable, "-m", "deckbuilder", "build", str(project), "--force",
                    "--format", formats]

        run_once(build(BASE + ",handout,notes"))  # warm: caches of pictures, fonts, splits
        plain, both = [], []
        for _ in range(runs):
            plain.append(run_once(build(BASE))[0])
            both.append(run_once(build(BASE + ",handout,notes"))[0])
    a, b = statistics.median(plain), statistics.median(both)
    print(f"warm build, {BASE}:               median {a:.2f} s ({runs} runs)")
    print(f"warm build, {BASE},handout,notes: median {b:.2f} s")
    print(f"both handouts add {b - a:+.2f} s (goal: at most 0.30 s)")


if __name__ == "__main__":
    main()
