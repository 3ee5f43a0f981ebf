"""Shared fixtures: a copy of the real project to break, and one build of it to read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_d31f371f938a50c8.txt"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A private copy of the IHK project (content and assets) that a test may change."""
    dest = tmp_path / "proj"
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "assets", dest / "assets")
    return dest


@pytest.fixture()
def edit(project: Path) -> Callable[[str, str, str], Path]:
    """Replaces one exact piece of text in a content file (it must occur)."""

    def _edit(name: str, old: str, new: str) -> Path:
        path = project / "content" / name
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), "utf-8")
        return project

    return _edit


#: The deck's own date (2025-11-04): builds in tests see the 2026 program as upcoming.
BUILD_EPOCH = "1762214400"


def run_cli(*args: str | Path, cwd: Path | None = None, epoch: str = BUILD_EPOCH
            ) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh process, as a user runs it, on a fixed build date."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    return subprocess.run([sys.executable, "-m", "deckbuilder", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120, env=env)


@pytest.fixture(scope="session")
def built_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The IHK deck built once from the repository's own content."""
    out = tmp_path_factory.mktemp("out")
    result = run_cli("build", ROOT, "--out", out)
    assert result.returncode == 0, result.stderr
    (deck,) = out.glob("*.pptx")
    return deck
