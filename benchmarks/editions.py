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
import statistics
import sys
import tempfile
from pathlib import Path

from run import ihk_copy, measured


def _project(folder: Path, count: int) -> Path:
    project = ihk_copy(folder / "project")
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
        measured([*command, "--all-editions"])  # warm: the shared caches, each folder's
        measured(command)
        one, every, unchanged = [], [], []
        for _ in range(args.runs):
            one.append(measured([*command, "--force"]))
            every.append(measured([*command, "--all-editions", "--force"]))
            unchanged.append(measured([*command, "--all-editions"]))
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
