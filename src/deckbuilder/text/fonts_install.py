"""The deck's font files: where they are, whether this computer has them, installing them.

PowerPoint draws the deck with the fonts installed on the presenting computer; without the
deck's faces it substitutes another font and lines break elsewhere than deckbuilder
measured. Installed fonts are found by looking in the platform's font folders (Windows,
macOS and Linux each have their own; fontconfig's fc-list exists only on Linux), and
installing copies the files into the current user's folder, which needs no admin rights.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from ..atomic import write_all
from ..theme import Theme
from .measure import find_font_file


def deck_fonts(theme: Theme, project: Path) -> list[Path]:
    """The font files of the theme's faces, in the theme's order, each once."""
    found: dict[Path, None] = {}
    for face in theme.faces.values():
        path = find_font_file(face.file, project)
        if path is not None:
            found[path] = None
    return list(found)


def user_font_folder(platform: str = sys.platform, home: Path | None = None,
                     env: Mapping[str, str] = os.environ) -> Path:
    """Where the current user's fonts go: no admin rights needed."""
    home = home if home is not None else Path.home()
    if platform == "win32":
        local = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(local) / "Microsoft" / "Windows" / "Fonts"
    if platform == "darwin":
        return home / "Library" / "Fonts"
    data = env.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return Path(data) / "fonts"


def font_folders(platform: str = sys.platform, home: Path | None = None,
                 env: Mapping[str, str] = os.environ) -> list[Path]:
    """Every folder the platform's programs take fonts from: the user's, then the system's."""
    home = home if home is not None else Path.home()
    folders = [user_font_folder(platform, home, env)]
    if platform == "win32":
        folders.append(Path(env.get("WINDIR", r"C:\Windows")) / "Fonts")
    elif platform == "darwin":
        folders += [Path("/Library/Fonts"), Path("/System/Library/Fonts"),
                    Path("/Network/Library/Fonts")]
    else:
        data_dirs = env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
        folders += [home / ".fonts"] + [Path(d) / "fonts" for d in data_dirs.split(":") if d]
    return folders


def missing(files: list[Path], folders: list[Path]) -> list[Path]:
    """The files of which no font folder (searched with its subfolders) holds a copy by
    the same name, as a .ttf or .otf, in any letter case."""
    wanted = {f: f.stem.lower() for f in files}
    installed: set[str] = set()
    for folder in folders:
        for _, _, names in os.walk(folder):
            installed |= {Path(n).stem.lower() for n in names
                          if n.lower().endswith((".ttf", ".otf"))}
    return [f for f, stem in wanted.items() if stem not in installed]


def install(files: list[Path], folder: Path) -> list[Path]:
    """Copies ``files`` into ``folder`` (the user's font folder) and, on Windows, registers
    each for the current user; returns the files as copied. Files already there with the
    same size are left alone. All are copied or none (a full disk installs no half set)."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = {folder / source.name: source for source in files}
    write_all({target: _copier(source) for target, source in copies.items()
               if not (target.is_file() and target.stat().st_size == source.stat().st_size)})
    for target in copies:
        _register(target)
    return list(copies)


def _copier(source: Path):  # type: ignore[no-untyped-def]
    def copy(tmp: Path) -> str:
        tmp.write_bytes(source.read_bytes())
        return ""
    return copy


def _register(font: Path) -> None:
    """Windows loads a per-user font only when it is listed under HKCU's Fonts key."""
    if sys.platform == "win32":
        import winreg

        from reportlab.pdfbase.ttfonts import TTFontFile

        name = TTFontFile(str(font)).fullName
        title = name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
        key = r"Software\Microsoft\Windows NT\CurrentVersion\Fonts"
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as fonts:
            winreg.SetValueEx(fonts, f"{title} (TrueType)", 0, winreg.REG_SZ, str(font))
