"""JSON Schemas for the content files, generated from the model, for editors' completion."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..atomic import write_atomically
from ..theme import Theme
from ..theme_sizes import Strict
from .editions import FOLDER, Edition
from .load import CONTENT_FILES, THEME_FILE

#: The name an edition file's schema is written under (edition.schema.json).
EDITION_FILE = "edition.yaml"

SCHEMA_DIR = "schema"


def schemas() -> dict[str, dict]:  # type: ignore[type-arg]
    """File name of each schema and the schema itself (as pydantic writes it, with aliases)."""
    models: dict[str, type[BaseModel]] = {name: model for name, model in CONTENT_FILES.values()}
    models[THEME_FILE] = Theme
    models[EDITION_FILE] = Edition
    _build(Strict)
    found = {}
    for name, model in models.items():
        schema = model.model_json_schema(by_alias=True, mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        where = f"{FOLDER}/NAME.yaml" if name == EDITION_FILE else name
        schema["title"] = f"deckbuilder content/{where}"
        found[name.replace(".yaml", ".schema.json")] = schema
    return found


def _build(base: type[BaseModel]) -> None:
    """Builds the theme's models, which build lazily (``defer_build``): the schema writes
    a group's default value (made unvalidated, theme_sizes.unvalidated) with that group's
    own serializer, which building the Theme alone does not make."""
    for model in base.__subclasses__():
        model.model_rebuild()
        _build(model)


def schema_line(content_name: str) -> str:
    """The first line of a content file that points YAML editors at its schema."""
    return (f"# yaml-language-server: $schema=../{SCHEMA_DIR}/"
            f"{content_name.replace('.yaml', '.schema.json')}")


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        write_atomically(path, (json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
                                ).encode("utf-8"))
        written.append(path)
    return written
