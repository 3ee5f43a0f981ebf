"""The deck's XML parts validate against the ECMA-376 (Transitional) schemas."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

etree = pytest.importorskip("lxml.etree")

XSD = ROOT.parent / "shared" / "ooxml-xsd"
SCHEMAS = ["stubs/xml.xsd", "stubs/dc.xsd", "stubs/dcterms.xsd", "transitional/pml.xsd",
           "transitional/shared-documentPropertiesExtended.xsd", "opc/opc-contentTypes.xsd",
           "opc/opc-relationships.xsd", "opc/opc-coreProperties.xsd"]
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _combined_schema():  # type: ignore[no-untyped-def]
    imports = []
    for rel in SCHEMAS:
        ns = etree.parse(str(XSD / rel)).getroot().get("targetNamespace")
        imports.append(f'<xs:import namespace="{ns}" schemaLocation="{(XSD / rel).as_uri()}"/>')
    wrapper = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
               + "".join(imports) + "</xs:schema>")
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


def _strip_markup_compatibility(root):  # type: ignore[no-untyped-def]
    """Keeps mc:Fallback content (what a strict reader sees) and drops mc:Ignorable."""
    for alt in root.iter(f"{{{MC}}}AlternateContent"):
        fallback = alt.find(f"{{{MC}}}Fallback")
        parent = alt.getparent()
        index = parent.index(alt)
        parent.remove(alt)
        for child in reversed(list(fallback) if fallback is not None else []):
            parent.insert(index, child)
    root.attrib.pop(f"{{{MC}}}Ignorable", None)
    return root


@pytest.mark.skipif(not XSD.is_dir(), reason="shared/ooxml-xsd is not beside the repository")
def test_every_xml_part_validates(built_deck: Path) -> None:
    schema = _combined_schema()
    problems: list[str] = []
    checked = 0
    with zipfile.ZipFile(built_deck) as archive:
        for name in archive.namelist():
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            root = _strip_markup_compatibility(etree.fromstring(archive.read(name)))
            checked += 1
            if not schema.validate(etree.ElementTree(root)):
                problems += [f"{name}:{e.line}: {e.message}" for e in schema.error_log][:3]
    assert checked > 60
    assert problems == []
