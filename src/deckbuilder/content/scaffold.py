"""`deckbuilder new`: a small project that builds at once and shows every slide kind."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from ..errors import UsageError
from .schema import schema_line, write_schemas

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
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=85)


def program_year(today: dt.date) -> int:
    """The year a new project's program is for: this year, or the next from October on,
    when chambers plan the coming year. Its example events then lie ahead, not greyed out."""
    return today.year + 1 if today.month >= 10 else today.year


def create_project(directory: Path, today: dt.date) -> list[Path]:
    """Writes the project; refuses to touch a folder that already has content."""
    if (directory / "content").exists():
        raise UsageError(f"'{directory}' already has a content/ folder; choose a new folder")
    created: list[Path] = []
    content = directory / "content"
    content.mkdir(parents=True)
    for name, text in FILES.items():
        path = content / name
        text = text.replace(EXAMPLE_YEAR, str(program_year(today)))
        path.write_text(schema_line(name) + "\n" + text, "utf-8")
        created.append(path)
    edition = content / "editions" / "standard.yaml"
    edition.parent.mkdir()
    edition.write_text(EDITION, "utf-8")
    created.append(edition)
    theme = Path(__file__).parents[1] / "default_theme.yaml"
    shutil.copyfile(theme, content / "theme.yaml")
    created.append(content / "theme.yaml")
    for name, color in (("title.jpg", (60, 50, 30)), ("trend.jpg", (242, 179, 0))):
        _artwork(directory / "assets" / "pictures" / name, color)
        created.append(directory / "assets" / "pictures" / name)
    (directory / ".gitignore").write_text("/output/\n", "utf-8")
    created += write_schemas(directory)
    return created
