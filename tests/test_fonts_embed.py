"""The deck's fonts travel inside the PPTX as PowerPoint embeds them, and come back out
byte for byte through an independent EOT reader."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from deckbuilder.content.load import load_project
from deckbuilder.text.eot import MAGIC, VERSION, embedding_allowed, to_eot
from deckbuilder.text.measure import find_font_file

from .conftest import ROOT, run_cli

NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
EOT2TTF = shutil.which("eot2ttf")


def _embedded(deck: Path) -> dict[str, bytes]:
    """Each embedded font part by family and slot, e.g. 'Source Sans Pro/bold'."""
    with zipfile.ZipFile(deck) as archive:
        root = etree.fromstring(archive.read("ppt/presentation.xml"))
        rels = etree.fromstring(archive.read("ppt/_rels/presentation.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{PKG_RELS}}}Relationship")}
        found = {}
        for entry in root.iterfind(".//p:embeddedFont", NS):
            family = entry.find("p:font", NS).get("typeface")
            for slot in entry[1:]:
                rid = slot.get(f"{{{NS['r']}}}id")
                found[f"{family}/{etree.QName(slot).localname}"] = \
                    archive.read("ppt/" + targets[rid])
    return found


def _source_files() -> dict[str, bytes]:
    theme = load_project(ROOT).theme
    slots = {(False, False): "regular", (True, False): "bold", (False, True): "italic",
             (True, True): "boldItalic"}
    return {f"{face.family}/{slots[(face.bold, face.italic)]}":
            find_font_file(face.file, ROOT).read_bytes()  # type: ignore[union-attr]
            for face in theme.faces.values()}


def test_presentation_lists_every_face_and_embeds_truetype(built_deck: Path) -> None:
    with zipfile.ZipFile(built_deck) as archive:
        root = etree.fromstring(archive.read("ppt/presentation.xml"))
        types = archive.read("[Content_Types].xml").decode()
        names = archive.namelist()
    assert root.get("embedTrueTypeFonts") == "1"
    assert root.get("saveSubsetFonts") is None
    assert set(_embedded(built_deck)) == {
        "Source Sans Pro/regular", "Source Sans Pro/bold", "Source Sans Pro/italic",
        "Source Sans Pro/boldItalic", "Source Sans Pro Black/regular"}
    assert 'Extension="fntdata" ContentType="application/x-fontdata"' in types
    assert sorted(n for n in names if n.startswith("ppt/fonts/")) == \
        [f"ppt/fonts/font{i}.fntdata" for i in range(1, 6)]


def test_each_part_is_an_uncompressed_eot_of_the_ttf(built_deck: Path) -> None:
    sources = _source_files()
    for key, blob in _embedded(built_deck).items():
        size, data_size, version, flags = struct.unpack_from("<IIII", blob)
        assert (size, version, flags) == (len(blob), VERSION, 0), key
        assert struct.unpack_from("<H", blob, 34)[0] == MAGIC
        assert blob[-data_size:] == sources[key], key
        assert sources[key][:4] == b"\x00\x01\x00\x00"  # TrueType outlines (glyf), not CFF


@pytest.mark.skipif(EOT2TTF is None, reason="Debian's eot2ttf (package eot2ttf) is missing")
def test_eot2ttf_gives_back_the_embedded_ttf(built_deck: Path, tmp_path: Path) -> None:
    sources = _source_files()
    for n, (key, blob) in enumerate(_embedded(built_deck).items()):
        eot, ttf = tmp_path / f"{n}.eot", tmp_path / f"{n}.ttf"
        eot.write_bytes(blob)
        subprocess.run([EOT2TTF, str(eot), str(ttf)], check=True, timeout=60)
        assert ttf.read_bytes() == sources[key], key


def test_eot_header_names_the_font() -> None:
    data = find_font_file("SourceSansPro-Bold.ttf").read_bytes()  # type: ignore[union-attr]
    blob = to_eot(data)
    weight = struct.unpack_from("<I", blob, 28)[0]
    assert weight == 700
    family_size = struct.unpack_from("<H", blob, 82)[0]
    assert blob[84:84 + family_size].decode("utf-16-le") == "Source Sans Pro"


@pytest.mark.parametrize(("bits", "allowed"), [(0, True), (0x0008, True), (0x0002, False),
                                               (0x0004, False), (0x000C, True),
                                               (0x0200, False)])
def test_fs_type_decides_embedding(bits: int, allowed: bool) -> None:
    assert embedding_allowed(bits) is allowed


def _restricted_font(project: Path) -> None:
    font = TTFont(find_font_file("SourceSansPro-Regular.ttf"))
    font["OS/2"].fsType = 0x0002
    (project / "assets" / "fonts").mkdir(exist_ok=True)
    font.save(project / "assets" / "fonts" / "Restricted.ttf")


def test_a_font_that_may_not_be_embedded_is_a_located_error(edit, project: Path) -> None:  # type: ignore[no-untyped-def]
    _restricted_font(project)
    edit("theme.yaml", "regular: {file: SourceSansPro-Regular.ttf",
         "regular: {file: Restricted.ttf")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 1
    line = next(i for i, text in enumerate(
        (project / "content" / "theme.yaml").read_text("utf-8").splitlines(), start=1)
        if "Restricted.ttf" in text)
    assert f"content/theme.yaml:{line}:" in result.stderr
    assert "'Restricted.ttf' may not be embedded" in result.stderr
    assert "Traceback" not in result.stderr


def test_embedding_can_be_turned_off(edit, project: Path) -> None:  # type: ignore[no-untyped-def]
    _restricted_font(project)
    edit("theme.yaml", "regular: {file: SourceSansPro-Regular.ttf",
         "regular: {file: Restricted.ttf")
    edit("theme.yaml", "gutter: 28", "gutter: 28\nembed_fonts: false")
    result = run_cli("build", project, "--format", "pptx")
    assert result.returncode == 0, result.stderr
    (deck,) = (project / "output").glob("*.pptx")
    with zipfile.ZipFile(deck) as archive:
        assert not [n for n in archive.namelist() if n.startswith("ppt/fonts/")]
        assert b"embeddedFontLst" not in archive.read("ppt/presentation.xml")

