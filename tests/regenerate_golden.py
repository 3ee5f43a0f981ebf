"""Regenerates tests/golden/ from the current code: `python -m tests.regenerate_golden`.

Run it only after a change that is meant to alter the outputs; then look at the new
pictures (tests/golden/*/slide-*.png, page-*.png) and the text diff before committing.
"""

from __future__ import annotations

from .golden_files import ROOT, regenerate


def main() -> None:
    written = regenerate()
    total = sum(p.stat().st_size for p in written)
    for path in written:
        print(path.relative_to(ROOT))  # noqa: T201 - a developer's command, not deckbuilder
    print(f"{len(written)} files, {total / 1e6:.1f} MB; look at them, then commit")  # noqa: T201


if __name__ == "__main__":
    main()
