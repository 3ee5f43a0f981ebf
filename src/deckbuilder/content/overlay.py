"""An edition's changes laid over the shared content, data and source map together.

Every value keeps the place it was written, in whichever file that was: a message about a
value an edition set points at the edition's line, one about a shared value at the shared
file's line. Lists are replaced whole or edited by item (left out, added), so the places
of the items after an edited one move with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .sourcemap import Path, SourceMap


def _under(table: dict[Path, Any], path: Path) -> list[Path]:
    size = len(path)
    return [key for key in table if key[:size] == path]


def drop(smap: SourceMap, path: Path) -> None:
    """Forgets the places of ``path`` and of everything under it."""
    for table in (smap.values, smap.keys):
        for key in _under(table, path):
            del table[key]


def graft(dst: SourceMap, dst_path: Path, src: SourceMap, src_path: Path) -> None:
    """Gives ``dst_path`` and everything under it the places ``src`` has for ``src_path``."""
    size = len(src_path)
    for dst_table, src_table in ((dst.values, src.values), (dst.keys, src.keys)):
        for key in _under(src_table, src_path):
            if key == src_path and src_table is src.keys:
                continue  # the key's own place is set by whoever names the key
            dst_table[(*dst_path, *key[size:])] = src_table[key]


def merge(base: Any, base_map: SourceMap, top: Any, top_map: SourceMap,
          path: Path = (), top_path: Path = ()) -> Any:
    """``top`` laid over ``base`` (``base_map`` is updated to match): mappings merge key
    by key, anything else is replaced; a key given as nothing (``~``) is left out."""
    if not (isinstance(base, dict) and isinstance(top, dict)):
        drop(base_map, path)
        graft(base_map, path, top_map, top_path)
        return top
    result = dict(base)
    for key, value in top.items():
        here, there = (*path, key), (*top_path, key)
        if value is None:
            result.pop(key, None)
            drop(base_map, here)
            continue
        result[key] = merge(base.get(key), base_map, value, top_map, here, there)
        if there in top_map.keys:
            base_map.keys[here] = top_map.keys[there]
    return result


Item = tuple[Any, SourceMap, Path]


def relist(smap: SourceMap, path: Path, items: Sequence[Item]) -> list[Any]:
    """The list at ``path`` made of ``items`` (each a value and where its places are),
    with ``smap`` updated: items keep their places wherever they now stand."""
    saved = [(value, SourceMap(src.file, *_copy(src, src_path)), ()) if src is smap
             else (value, src, src_path) for value, src, src_path in items]
    whole = smap.values.get(path)
    drop(smap, path)
    if whole is not None:
        smap.values[path] = whole
    for index, (_, src, src_path) in enumerate(saved):
        graft(smap, (*path, index), src, src_path)
    return [value for value, _, _ in saved]


def _copy(smap: SourceMap, path: Path) -> tuple[dict[Path, Any], dict[Path, Any]]:
    """The places under ``path``, re-rooted at the empty path (before they are dropped)."""
    size = len(path)
    return ({key[size:]: smap.values[key] for key in _under(smap.values, path)},
            {key[size:]: smap.keys[key] for key in _under(smap.keys, path)})
