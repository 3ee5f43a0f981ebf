"""A picture placed below 150 ppi is a located warning (the build still succeeds);
`check --strict` makes every warning an error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from deckbuilder.content.model import ImageInfo
from deckbuilder.errors import Location
from deckbuilder.layout.plan import Box, PictureBox
from deckbuilder.render.images import LOW_PPI, effective_ppi

from .conftest import line_of, run_cli
from .pptx_text import slide_texts

FIRST_PICTURE = "assets/pictures/trends/human-centricity.jpg"
WARNING = re.compile(r"content/trends\.yaml:(\d+):(\d+): warning: the picture "
                     r"'assets/small\.png' \(200 × 100 pixels\) shows at (\d+) ppi on slide "
                     r"(\d+), below 150 ppi; it will look blurry \(use one of at least "
                     r"(\d+) × (\d+) pixels\)")


@pytest.fixture()
def small_picture(project: Path) -> Path:
    """The first trend's picture replaced by a 200 × 100 pixel one."""
    Image.new("RGB", (200, 100), (40, 120, 80)).save(project / "assets" / "small.png")
    trends = project / "content" / "trends.yaml"
    text = trends.read_text("utf-8")
    assert FIRST_PICTURE in text
    trends.write_text(text.replace(FIRST_PICTURE, "assets/small.png", 1), "utf-8")
    return project


def test_ppi_counts_the_cropped_part_in_the_placed_box() -> None:
    placed = PictureBox(Box(0, 0, 144, 72), "x.png", "alt", (0.25, 0.0, 0.25, 0.0),
                        Location("content/trends.yaml", 9, 7))
    assert effective_ppi(ImageInfo(400, 100), placed) == pytest.approx(100.0)  # 200 px, 2 in
    assert effective_ppi(ImageInfo(1200, 300), placed) == pytest.approx(300.0)


def test_a_small_picture_builds_with_a_located_warning(small_picture: Path) -> None:
    result = run_cli("build", small_picture, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    (found,) = [m for m in map(WARNING.search, result.stderr.splitlines()) if m]
    line, _, ppi, slide, need_w, need_h = map(int, found.groups())
    assert line == line_of(small_picture, "trends.yaml", "assets/small.png")  # its `path:`
    assert 5 <= ppi < LOW_PPI
    assert int(need_w) >= 200 * LOW_PPI / (ppi + 1) and need_w / need_h == pytest.approx(2, 0.02)
    texts = slide_texts(small_picture / "output" / "szenarien-ihk-ruhr.pptx")
    assert "HUMAN" in texts[slide - 1].upper()  # the slide named is the trend's slide
    check = run_cli("check", small_picture)
    assert check.returncode == 0
    assert check.stdout.strip().endswith("1 warning)")


def test_check_strict_turns_warnings_into_errors(small_picture: Path) -> None:
    result = run_cli("check", small_picture, "--strict")
    assert result.returncode == 1
    line = line_of(small_picture, "trends.yaml", "assets/small.png")
    assert re.search(rf"content/trends\.yaml:{line}:7: error: the picture 'assets/small\.png'",
                     result.stderr)
    assert result.stderr.splitlines()[-1] == "1 error; nothing was written."


def test_the_ihk_pictures_are_sharp_enough_and_strict_passes(project: Path) -> None:
    result = run_cli("check", project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "0 warnings" in result.stdout
