"""Pictures of every awkward kind, cropped and resampled; accessibility of what is placed."""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from deckbuilder.content.assets import AssetProblem, inspect_image, resolve_inside
from deckbuilder.render.images import ImageStore, is_flat_art, prepare, upright_rgb
from deckbuilder.render.pptx.shape_identity import identity

from .conftest import run_cli
from .test_corpus import _png_header

RED, BLUE = (220, 30, 30), (30, 30, 220)


def _two_halves(size: tuple[int, int] = (40, 20)) -> Image.Image:
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    return image


def _exif_rotated(path: Path) -> Path:
    """Stored landscape (red left, blue right), shown portrait: EXIF orientation 6."""
    exif = Image.Exif()
    exif[0x0112] = 6
    _two_halves().save(path, "JPEG", exif=exif.tobytes(), quality=95)
    return path


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    path = _exif_rotated(tmp_path / "rotated.jpg")
    with Image.open(path) as stored:
        assert stored.size == (40, 20)  # stored landscape: the portrait size is EXIF's doing
    info = inspect_image(path, "rotated.jpg")
    assert (info.width, info.height) == (20, 40)
    with Image.open(path) as source:
        upright = upright_rgb(source)
    assert upright.size == (20, 40)
    top, bottom = upright.getpixel((10, 5)), upright.getpixel((10, 35))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]  # red on top, blue below


def test_cmyk_16bit_and_transparent_palette_become_rgb(tmp_path: Path) -> None:
    cmyk = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (30, 20), (0, 255, 255, 0)).save(cmyk)
    deep = tmp_path / "deep.png"
    Image.new("I;16", (30, 20), 65535).save(deep)
    palette = tmp_path / "palette.png"
    pal = Image.new("P", (30, 20), 0)
    pal.putpalette([0, 0, 0, 200, 20, 20] + [0] * 762)
    pal.paste(1, (0, 0, 15, 20))
    pal.save(palette, transparency=0)
    for path in (cmyk, deep, palette):
        inspect_image(path, path.name)
        data, kind = prepare(path, 30, 20, (0.5, 0.5), ppi=72)
        shown = Image.open(io.BytesIO(data))
        assert shown.mode == "RGB" and shown.size == (30, 20)
        if path is cmyk:
            red = shown.getpixel((15, 10))
            assert kind == "png" and red[0] > 200 > red[1]  # one colour: flat art
        if path is deep:
            assert shown.getpixel((5, 5)) == (255, 255, 255)
        if path is palette:
            assert kind == "png"
            assert shown.getpixel((25, 10)) == (255, 255, 255)  # transparent over white
            assert shown.getpixel((5, 10))[0] == 200


def test_photos_are_jpeg_and_flat_art_png(tmp_path: Path) -> None:
    photo = Image.effect_noise((64, 64), 60).convert("RGB")
    assert not is_flat_art(photo)
    assert is_flat_art(_two_halves())
    photo_path = tmp_path / "photo.png"
    photo.save(photo_path)
    assert prepare(photo_path, 64, 64, (0.5, 0.5), ppi=72)[1] == "jpeg"


@pytest.mark.parametrize(("name", "make", "message"), [
    ("huge.png", lambda p: p.write_bytes(_png_header(40_000, 40_000)), "is too large"),
    ("corrupt.jpg", lambda p: p.write_bytes(b"\xff\xd8\xff garbage" * 20), "not a readable"),
    ("truncated.jpg", lambda p: p.write_bytes(_jpeg_bytes()[:300]), "not a readable"),
])
def test_unusable_pictures_are_refused(tmp_path: Path, name: str,
                                       make: Callable[[Path], None], message: str) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(AssetProblem, match=message):
        inspect_image(path, name)


def _jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((200, 200), 50).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def test_paths_stay_inside_the_project(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    (project / "assets").mkdir(parents=True)
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(_jpeg_bytes())
    (project / "assets" / "link.jpg").symlink_to(outside)
    (project / "assets" / "ok.jpg").write_bytes(_jpeg_bytes())
    assert resolve_inside(project, "assets/ok.jpg") == (project / "assets/ok.jpg").resolve()
    for reference, message in [("assets/link.jpg", "through a link"), ("../outside.jpg", "'..'"),
                               (str(outside), "absolute"), ("C:/x.jpg", "absolute"),
                               ("assets/none.jpg", "does not exist")]:
        with pytest.raises(AssetProblem, match=message):
            resolve_inside(project, reference)


def test_focus_chooses_the_crop(tmp_path: Path) -> None:
    path = tmp_path / "wide.png"
    _two_halves((400, 100)).save(path)
    left = Image.open(io.BytesIO(prepare(path, 50, 50, (0.0, 0.5), ppi=72)[0]))
    right = Image.open(io.BytesIO(prepare(path, 50, 50, (1.0, 0.5), ppi=72)[0]))
    assert left.getpixel((25, 25))[0] > 150 and right.getpixel((25, 25))[2] > 150


def test_store_caches_by_content(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    _two_halves().save(path)
    store = ImageStore(tmp_path, tmp_path / "cache", ppi=72)
    first = store.get("a.png", 40, 20)
    stamp = first.stat().st_mtime_ns
    assert store.get("a.png", 40, 20) == first and first.stat().st_mtime_ns == stamp
    assert store.get("a.png", 20, 20) != first
    _two_halves((44, 20)).save(path)
    assert store.get("a.png", 40, 20) != first


def test_pictures_prepared_ahead_are_the_same_files(tmp_path: Path) -> None:
    """Pictures made on worker threads are the files ``get`` makes itself; a picture that
    fails there fails in ``get``; a pickled store (the PDF process's) carries no threads."""
    _two_halves((400, 300)).save(tmp_path / "a.jpg", quality=90)
    Image.new("RGB", (300, 400), RED).save(tmp_path / "b.png")
    (tmp_path / "broken.jpg").write_bytes(b"not a picture")
    requests = [("a.jpg", 60.0, 40.0, (0.5, 0.5), None), ("b.png", 30.0, 30.0, (0.2, 0.8), 100.0),
                ("broken.jpg", 20.0, 20.0, (0.5, 0.5), None)]
    plain = ImageStore(tmp_path, tmp_path / "plain", ppi=150)
    ahead = ImageStore(tmp_path, tmp_path / "ahead", ppi=150)
    ahead.prepare_ahead(requests, workers=2)
    for request in requests[:2]:
        made, own = ahead.get(*request), plain.get(*request)
        assert made.parent == tmp_path / "ahead" and made.name == own.name
        assert made.read_bytes() == own.read_bytes()
    with pytest.raises(OSError):
        ahead.get(*requests[2])
    assert pickle.loads(pickle.dumps(ahead))._ahead == {}


def _placed(deck: Path) -> list[tuple[str, bytes, tuple[int, int], tuple[float, ...], float,
                                       float]]:
    """Every picture on the deck's slides (placeholders too): identity, bytes, pixel size, the
    crop of its frame (left, top, right, bottom) and the frame's width and height in inches."""
    found = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape._element.tag == qn("p:pic"):
                crop = (shape.crop_left, shape.crop_top, shape.crop_right, shape.crop_bottom)
                found.append((identity(shape.element), shape.image.blob, shape.image.size, crop,
                              Emu(shape.width).inches, Emu(shape.height).inches))
    return found


def _shown_as_framed(placed: list[tuple[str, bytes, tuple[int, int], tuple[float, ...], float,
                                         float]]) -> None:
    """Each picture fills its frame undistorted, with at most 200 ppi (the theme's) in view."""
    for name, blob, _, (left, top, right, bottom), width, height in placed:
        pixels = Image.open(io.BytesIO(blob)).size  # as drawn: upright, after EXIF
        across, down = pixels[0] * (1 - left - right), pixels[1] * (1 - top - bottom)
        assert abs(across / down - width / height) < 0.02, name
        assert across <= width * 200 + 1, name


def test_awkward_pictures_build_upright_and_downsampled(project: Path) -> None:
    target = project / "assets/pictures/trends/green-tech.jpg"
    _exif_rotated(target)
    assert run_cli("build", project, "--format", "pptx").returncode == 0
    placed = _placed(project / "output" / "szenarien-ihk-ruhr.pptx")
    assert len(placed) == 21
    _shown_as_framed(placed)
    turned = [p for p in placed if "trends[" in p[0] and p[2][0] < p[2][1]]
    assert len(turned) == 1 and turned[0][3] == (0, 0, 0, 0)  # a prepared copy, upright


def _photo(path: Path, size: tuple[int, int], exif: bytes = b"") -> bytes:
    """A JPEG photo (noise: too many colours for flat art) of ``size`` pixels."""
    Image.effect_noise(size, 60).convert("RGB").save(path, "JPEG", quality=90, exif=exif)
    return path.read_bytes()


@pytest.mark.slow  # README's test command stays under two minutes
def test_a_photo_with_no_more_pixels_than_needed_goes_in_as_it_is(
        make_project: Callable[..., Path]) -> None:
    """A JPEG that a copy would only crop and compress again goes into the deck byte for
    byte, cropped by its frame (which PowerPoint lets an editor move); with more pixels
    than 200 ppi needs, or with metadata (EXIF: a GPS position, an author, a turn), the
    deck gets a prepared copy instead, which carries none. The slides kept from the last
    build follow the file: the plan of the builds is the same (same proportions), only
    the file changed."""
    project = make_project()
    source = project / "assets" / "pictures" / "trend.jpg"
    deck = project / "output" / "my-deck.pptx"

    def trends() -> list[tuple[str, bytes, tuple[int, int], tuple[float, ...], float, float]]:
        assert run_cli("build", project, "--format", "pptx").returncode == 0
        placed = [p for p in _placed(deck) if p[0].startswith("trends.yaml")]
        assert len(placed) == 2
        _shown_as_framed(placed)
        return placed

    small = _photo(source, (1200, 900))
    for _, blob, _, crop, _, _ in trends():
        assert blob == small and max(crop) > 0.1  # cut at the sides by the frame
    _photo(source, (4000, 3000))
    for _, _blob, size, crop, width, _ in trends():
        assert crop == (0, 0, 0, 0) and size[0] <= width * 200 + 1
    again = _photo(source, (1200, 900))
    assert [p[1] for p in trends()] == [again, again]  # as it is again
    exif = Image.Exif()
    exif[0x013B] = "Jane Doe"  # Artist
    exif[0x0112] = 1  # upright
    _photo(source, (1200, 900), exif.tobytes())
    for _, blob, _, crop, _, _ in trends():
        assert crop == (0, 0, 0, 0) and not Image.open(io.BytesIO(blob)).getexif()
    exif[0x0112] = 3  # upside down: a turned copy
    _photo(source, (1200, 900), exif.tobytes())
    assert all(p[3] == (0, 0, 0, 0) for p in trends())


DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"


def _is_decorative(shape) -> bool:  # type: ignore[no-untyped-def]
    return DECORATIVE in str(shape._element.xml)


def test_decorative_shapes_are_marked_and_titles_read_first(built_deck: Path) -> None:
    prs = Presentation(str(built_deck))
    marked = 0
    for number, slide in enumerate(prs.slides, start=1):
        content = [s for s in slide.shapes if not _is_decorative(s)]
        for shape in slide.shapes:
            if _is_decorative(shape):
                marked += 1
                assert not (shape.has_text_frame and shape.text_frame.text.strip())
        titles = [s for s in content if s.name == "Titel"]
        assert len(titles) == 1 and content[0] == titles[0], number
        for shape in content:
            if shape.shape_type == 13:
                assert shape._element.nvPicPr.cNvPr.get("descr")
    assert marked > 40


def test_a_picture_checked_before_is_not_decoded_again(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The check is kept by the picture's bytes: the same file is not decoded again (its
    size, turned by EXIF, comes back), the same name with damaged bytes is checked and
    refused, and nothing is kept before ``save``."""
    from deckbuilder.content import assets

    path = _exif_rotated(tmp_path / "rotated.jpg")
    cache = tmp_path / "output" / ".cache"
    first = assets.CheckedPictures(cache)
    info = first.inspect(path, "rotated.jpg")
    assert not cache.exists()
    first.save()
    decoded: list[Path] = []
    real = assets.inspect_image
    monkeypatch.setattr(assets, "inspect_image", lambda p, r: decoded.append(p) or real(p, r))
    assert assets.CheckedPictures(cache).inspect(path, "rotated.jpg") == info == \
        real(path, "rotated.jpg")
    assert decoded == [] and (info.width, info.height) == (20, 40)
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(AssetProblem, match="not a readable"):
        assets.CheckedPictures(cache).inspect(path, "rotated.jpg")
    assert decoded == [path]


def test_flat_art_is_told_from_a_photo_at_full_size() -> None:
    """Colours are counted on sampled pixels of the whole picture: a large drawing of
    five flat colours is flat art, a large photo-like picture is not."""
    drawing = Image.new("RGB", (2400, 1600), (255, 255, 255))
    for i, colour in enumerate([RED, BLUE, (20, 160, 60), (240, 200, 0)]):
        drawing.paste(colour, (i * 600, 400, i * 600 + 500, 1200))
    assert is_flat_art(drawing)
    photo = Image.effect_noise((2400, 1600), 40).convert("RGB")
    assert not is_flat_art(photo)
