"""The ``deckbuilder`` command with one speed device turned off, for devices.py.

    python benchmarks/device_off.py DEVICE build PROJECT --out DIR [--force]

DEVICE is ``none`` (the command as shipped: deckbuilder.cli.start's run, as
``python -m deckbuilder`` calls it), ``early``, ``plain``, ``dates`` or ``slides``
(the second process is turned off by its own setting, DECKBUILDER_SERIAL=1, with
``none``). No product code changes: the device is patched away in this process before
the command runs, in the modules it lives in right after they are imported (so nothing
is imported sooner than in a real build; the forked PDF process inherits the patches).

- ``early``: the command's entry without the early start (deckbuilder.cli.main's run):
  the build then starts its second process when it needs it (spawned), as before the
  early start existed.
- ``plain``: the PDF process is handed the pydantic theme, not theme.portable's plain
  objects (build/stages.py's ``portable`` made the identity).
- ``dates``: the dates' cache reads nothing and saves nothing (content/dates.py's
  ``remember`` does nothing: no file is named, so ``save`` writes none); Babel writes
  every date.
- ``slides``: the slide cache finds nothing and saves nothing (render/pptx/deck.py gets
  a cache that holds nothing, no cache key is made, no slide is serialised for it).

Everything is inside ``main``: a spawned process imports this file again as its main.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


def _after_import(name: str, patch: Callable[[ModuleType], None]) -> None:
    """Runs ``patch`` on module ``name`` as soon as it has been imported."""
    import importlib.abc
    import importlib.util

    class After(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):  # type: ignore[no-untyped-def]
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            assert spec is not None and spec.loader is not None
            run = spec.loader.exec_module

            def exec_module(module: ModuleType) -> None:
                run(module)
                patch(module)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, After())


def _plain_off(stages: ModuleType) -> None:
    stages.portable = lambda theme: theme  # type: ignore[attr-defined]


def _dates_off(dates: ModuleType) -> None:
    dates.remember = lambda cache: None  # type: ignore[attr-defined]


class _NoSlideCache:
    def __init__(self, folder: object, depends_on: str) -> None:
        pass

    def get(self, plan: object) -> None:
        return None

    def put(self, *args: object) -> None:
        pass

    def save(self) -> None:
        pass


class _NoSerialising:
    """lxml's etree for deck.py, whose only ``tostring`` serialises a slide for the cache."""

    def __init__(self, etree: ModuleType) -> None:
        self._etree = etree

    def __getattr__(self, name: str) -> Any:
        return getattr(self._etree, name)

    @staticmethod
    def tostring(*args: object, **kwargs: object) -> str:
        return ""


def _slides_off(deck: ModuleType) -> None:
    deck.SlideCache = _NoSlideCache  # type: ignore[attr-defined]
    deck._depends_on = lambda *args: ""  # type: ignore[attr-defined] # noqa: SLF001
    deck.etree = _NoSerialising(deck.etree)  # type: ignore[attr-defined]


PATCHES = {
    "plain": ("deckbuilder.build.stages", _plain_off),
    "dates": ("deckbuilder.content.dates", _dates_off),
    "slides": ("deckbuilder.render.pptx.deck", _slides_off),
}


def main() -> None:
    device = sys.argv.pop(1)
    if device in PATCHES:
        _after_import(*PATCHES[device])
    elif device not in ("none", "early"):
        raise SystemExit(f"unknown device {device!r}")
    if device == "early":
        from deckbuilder.cli.main import run
    else:
        from deckbuilder.cli.start import run
    run()


if __name__ == "__main__":
    main()
