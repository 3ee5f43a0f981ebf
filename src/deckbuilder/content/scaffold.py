"""`deckbuilder new`: a small project that builds at once and shows every slide kind."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from ..atomic import write_atomically
from ..errors import UsageError
from .schema import SCHEMA_DIR, schema_line, write_schemas

DECK = """\
# The deck: what it is, who made it, and the order of its slides.
name: my-deck                     # output file name: output/my-deck.pptx
title: Mein Deck
author: Mein Team
date: 2026-01-15
footer: © Mein Team, 2026
legal:
  copyright: © Mein Team, 2026
  paragraphs:
    - Alle Inhalte sind urheberrechtlich geschützt.
slides:
  - kind: title
    title: MEIN DECK
    clients: FÜR UNSERE GÄSTE
    picture:
      path: assets/pictures/title.jpg
      alt: Abstraktes Motiv in Gelb.
    notes: Begrüßung.
  - kind: method
    title: VORGEHEN
    steps:
      - {number: "01", text: Trends sammeln}
      - {number: "02", text: Szenarien schreiben, emphasis: gemeinsam}
  - kind: radar
    kicker: "MEGATREND: BEISPIEL"
    title: TRENDRADAR
    text: Das Radar zeigt, wie nah die Trends am Handeln sind.
    legend_title: LEGENDE
    legend:
      - {text: Trends, symbol: trend}
      - {text: Signalstärke, symbol: strength}
  - kind: section
    title: TRENDS
  - kind: trends
  - kind: section
    title: SZENARIEN
    color: lightblue
  - kind: scenarios
  - kind: offerings
  - kind: program
  - kind: cta
    lines: [JETZT, MITMACHEN]
    # link: https://www.example.de/mitmachen   # where the call to action leads
  - kind: legal
"""

TRENDS = """\
# One slide per trend. `color` names a colour of theme.yaml.
trends:
  - title: ERSTER TREND
    color: golden
    picture:
      path: assets/pictures/trend.jpg
      alt: Abstraktes Motiv in Gelb.
    factors:
      - Ein Einflussfaktor
      - Noch ein Einflussfaktor
  - title: ZWEITER TREND
    color: lightblue
    picture:
      path: assets/pictures/trend.jpg
      alt: Abstraktes Motiv in Gelb.
      focus: [0.2, 0.5]
    factors:
      - Ein dritter Einflussfaktor
"""

SCENARIOS = """\
scenarios:
  - number: 1
    label: SZENARIO 1
    title: Die vernetzte Region
    color: golden
    paragraphs:
      - >-
        Im Jahr 2035 ist alles vernetzt. Ein langer Text läuft auf eine Folgefolie
        weiter, wenn er nicht auf eine passt.
"""

FUTURE_CIRCLE = """\
title: WAS SIE ERWARTET
highlight: ERWARTET
offerings:
  - {title: Treffen, text: Veranstaltungen mit anderen Mitgliedern.}
  - {title: Lesen, text: Studien und Publikationen.}
button: MEHR ERFAHREN
# link: https://www.example.de/mitmachen   # where the button leads (a web address)
"""

PROGRAM = """\
# Dates are YYYY-MM-DD; `deckbuilder events move TITLE DATE` changes them for you.
title: PROGRAMM 2026
year: 2026
# calendar_url: https://www.example.de/programm.ics   # where the calendar file is published
events:
  heading: EVENTS
  entries:
    - date: 2026-03-04
      title: Workshop
      place: Essen
deep_dives:
  heading: ONLINE
  location: Online
  entries:
    - date: 2026-04-17
      title: Sprechstunde
publications:
  heading: PUBLIKATIONEN
  entries:
    - half: 1
      title: Eine Studie
"""

RADAR = """\
# Positions on the trend radar (illustrative).
rings: [Act, Create, Develop, Discover]
segments: [Mensch, Technik]
trends:
  - {name: ERSTER TREND, ring: Act, segment: Mensch, strength: 4}
  - {name: ZWEITER TREND, ring: Develop, segment: Technik, strength: 2}
connections:
  - {from: ERSTER TREND, to: ZWEITER TREND, intensity: 2}
"""

EDITION = """\
# yaml-language-server: $schema=../../schema/edition.schema.json
# An edition: the deck for one audience, saying only what differs from the files in
# content/ (everything else comes from there). For a further audience copy this file as
# content/editions/NAME.yaml: `deckbuilder build --edition NAME` writes it to output/NAME/,
# `deckbuilder build --all-editions` writes every edition, `deckbuilder editions` lists them.
# With several, deck.yaml names the one a plain `deckbuilder build` writes:
# default_edition: standard
about: Die Standardfassung
# cover:                          # the title slide's lines, and the deck's date
#   clients: FÜR DIE IHK ESSEN
#   date: 2026-02-01
# deck:                           # keys of deck.yaml this edition sets differently
#   name: mein-deck-essen         # its file names: output/NAME/mein-deck-essen.pptx
#   footer: © Mein Team, 2026 | IHK Essen
# theme:                          # keys of theme.yaml: single colours, a template, ...
#   colors: {accent: "005CA9"}
# program: program-essen.yaml     # its own program, a file in content/ (events --edition)
# leave_out:
#   trends: [ZWEITER TREND]       # by title; leave it out of the radar too:
#   radar: [ZWEITER TREND]
#   scenarios: ["2"]              # by number or title
#   slides: [offerings]           # by kind or title
# add_slides:                     # slides only this edition shows
#   - after: program
#     kind: section
#     title: NUR FÜR ESSEN
# logos:                          # on the title slide
#   - {path: assets/logos/essen.png, alt: Logo der IHK Essen}
"""

EXAMPLE_YEAR = "2026"  # the texts above are written for it; a new project gets its own
FILES = {"deck.yaml": DECK, "trends.yaml": TRENDS, "scenarios.yaml": SCENARIOS,
         "future-circle.yaml": FUTURE_CIRCLE, "program.yaml": PROGRAM, "radar.yaml": RADAR}


def _artwork(path: Path, color: tuple[int, int, int]) -> None:
    """Large enough (2000 × 1500) for the full-bleed title at 150 ppi: a new project's
    first `check` shows no picture warning of its own making."""
    image = Image.new("RGB", (2000, 1500), color)
    draw = ImageDraw.Draw(image)
    for r in range(150, 1750, 225):
        draw.ellipse((1000 - r, 750 - r, 1000 + r, 750 + r), outline=(255, 255, 255), width=6)
    data = io.BytesIO()
    image.save(data, "JPEG", quality=85)
    write_atomically(path, data.getvalue())


def program_year(today: dt.date) -> int:
    """The year a new project's program is for: this year, or the next from October on,
    when chambers plan the coming year. Its example events then lie ahead, not greyed out."""
    return today.year + 1 if today.month >= 10 else today.year


#: What git leaves out of a new project: the outputs, and the history `undo` takes back
#: from (edits/history.py).
GITIGNORE = "/output/\n/.deckbuilder/\n"


def create_project(directory: Path, today: dt.date) -> list[Path]:
    """Writes the project; refuses to touch a folder that already has content. When a file
    cannot be written (a full disk), what was made so far goes again: no half project."""
    if (directory / "content").exists():
        raise UsageError(f"'{directory}' already has a content/ folder; choose a new folder")
    missing = [p for p in (directory / SCHEMA_DIR, directory, *directory.parents)
               if not p.exists()]
    created: list[Path] = []
    try:
        _fill(directory, today, created)
    except OSError:
        for path in reversed(created):
            path.unlink(missing_ok=True)
        if directory / SCHEMA_DIR in missing:
            shutil.rmtree(directory / SCHEMA_DIR, ignore_errors=True)
        for folder in (directory / "assets" / "pictures", directory / "assets",
                       directory / "content", *missing):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
    return created


def _fill(directory: Path, today: dt.date, created: list[Path]) -> None:
    """The project's files, each one added to ``created`` once it is written."""
    content = directory / "content"
    for name, text in FILES.items():
        text = text.replace(EXAMPLE_YEAR, str(program_year(today)))
        _write(content / name, (schema_line(name) + "\n" + text).encode("utf-8"), created)
    _write(content / "editions" / "standard.yaml", EDITION.encode("utf-8"), created)
    theme = Path(__file__).parents[1] / "default_theme.yaml"
    _write(content / "theme.yaml", theme.read_bytes(), created)
    for name, color in (("title.jpg", (60, 50, 30)), ("trend.jpg", (242, 179, 0))):
        created.append(directory / "assets" / "pictures" / name)
        _artwork(created[-1], color)
    _write(directory / ".gitignore", GITIGNORE.encode("utf-8"), created)
    created += write_schemas(directory)


def _write(path: Path, data: bytes, created: list[Path]) -> None:
    created.append(path)
    write_atomically(path, data)
