"""How long the radar's label placement takes: the IHK radar (18 entries) and the same
radar with twelve long German concepts added (30 entries, eight of them in the two inner
rings), on the slide.

    python benchmarks/radar_labels.py [--runs 15]

Prints, per radar, the median and best wall time of the whole placement (wordings,
candidates, search: layout/radar.py's ``_trend_labels``) over the runs, after one warm-up
run (the hyphenation patterns load once per process). The goal (issue 27) is 50 ms for
30 labels.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from run import ihk_copy  # noqa: E402
from tests.test_radar_rules import crowd_lines  # noqa: E402

from deckbuilder.content.load import load_project  # noqa: E402
from deckbuilder.layout import radar  # noqa: E402
from deckbuilder.layout.radar_slide import geometry_for  # noqa: E402
from deckbuilder.layout.slide_parts import Context  # noqa: E402
from deckbuilder.layout.slides import radar_area  # noqa: E402
from deckbuilder.layout.text import Typesetter  # noqa: E402
from deckbuilder.text.measure import Measurer  # noqa: E402


def timed(root: Path, runs: int) -> tuple[int, list[float]]:
    loaded = load_project(root)
    ts = Typesetter(loaded.theme, Measurer(loaded.theme, root))
    area = radar_area(Context(loaded, ts), True)
    spent: list[float] = []
    place = radar._trend_labels  # noqa: SLF001 - the placement alone is what is timed

    def clocked(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        found = place(*args, **kwargs)
        spent.append(time.perf_counter() - start)
        return found

    radar._trend_labels = clocked  # type: ignore[assignment]  # noqa: SLF001
    try:
        for _ in range(runs + 1):
            geometry_for(loaded, ts, area, "radar-label", loaded.theme.color("paper"))
    finally:
        radar._trend_labels = place  # type: ignore[assignment]  # noqa: SLF001
    return len(loaded.project.radar_file.trends), spent[1:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        crowded = ihk_copy(Path(tmp) / "crowded")
        radar_yaml = crowded / "content" / "radar.yaml"
        text = radar_yaml.read_text(encoding="utf-8")
        radar_yaml.write_text(text.replace("\nconnections:", crowd_lines() + "\nconnections:"),
                              encoding="utf-8")
        for name, root in (("IHK radar", ROOT), ("IHK + 12 concepts", crowded)):
            entries, spent = timed(root, runs)
            print(f"{name:20} {entries:3} labels: median {1000 * statistics.median(spent):6.1f} ms,"  # noqa: T201
                  f" best {1000 * min(spent):6.1f} ms ({runs} runs)")


if __name__ == "__main__":
    main()
