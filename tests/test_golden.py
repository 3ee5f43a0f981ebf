"""Golden text and pictures of the IHK deck and of a `deckbuilder new` project.

Every slide's and page's text, read back from the PPTX and the PDF, must equal the
committed file; every slide (through the slides-pdf) and dossier page, rendered small, must
match the committed picture within a tolerance. After an intended change of the outputs:
`python -m tests.regenerate_golden`, look at the pictures, commit.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from PIL import Image

from .golden_files import (
    AREA_TOLERANCE,
    DIFFS,
    GOLDEN,
    Built,
    built,
    difference,
    images,
    texts,
)

REGENERATE = "python -m tests.regenerate_golden"


@pytest.fixture(scope="session")
def builds(ihk_outputs: Path, new_outputs: Path) -> dict[str, Built]:
    """The shared builds: the same bytes as build_both's (it builds serially, with
    --force; tests/test_rebuilds.py shows neither changes a byte)."""
    return {"ihk": built("ihk", ihk_outputs), "new": built("new", new_outputs / "out")}


@pytest.mark.parametrize("name", ["ihk", "new"])
def test_text_of_every_slide_and_page(name: str, builds: dict[str, Built]) -> None:
    for file, actual in texts(builds[name]).items():
        expected = (GOLDEN / name / file).read_text("utf-8")
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name}/{file}", "built now"))
        assert actual == expected, f"{diff}\nif the change is intended: {REGENERATE}"


@pytest.mark.parametrize("name", ["ihk", "new"])
def test_every_slide_and_page_looks_as_before(name: str, builds: dict[str, Built]) -> None:
    actual = images(builds[name])
    committed = sorted(p.name for p in (GOLDEN / name).glob("*.png"))
    assert sorted(actual) == committed, f"slides or pages came or went: {REGENERATE}"
    failed = []
    for file, image in actual.items():
        share, picture = difference(Image.open(GOLDEN / name / file), image)
        if share > AREA_TOLERANCE:
            DIFFS.mkdir(parents=True, exist_ok=True)
            picture.save(DIFFS / f"{name}-{file}")
            failed.append(f"{file}: {share:.1%} of pixels differ")
    assert failed == [], (f"{failed}; differences in red: {DIFFS}; "
                          f"if the change is intended: {REGENERATE}")


def test_the_comparison_sees_a_change(tmp_path: Path) -> None:
    """A moved block is beyond the tolerance; a few stray pixels are within it."""
    before = Image.new("L", (240, 135), 255)
    after = before.copy()
    after.paste(0, (20, 20, 60, 40))
    assert difference(before, after)[0] > AREA_TOLERANCE
    speck = before.copy()
    speck.putpixel((5, 5), 0)
    assert difference(before, speck)[0] <= AREA_TOLERANCE
