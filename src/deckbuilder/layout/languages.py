"""Which words of the deck are in another language than the deck's, and where.

PowerPoint proofs a run in the language the run names, and a screen reader reads a PDF
element in its /Lang; a German deck full of English trend names would be underlined red
throughout, or read with German pronunciation. Content marks those names (a trend's or a
radar concept's ``lang:``, deck.yaml's ``other_languages:``); every renderer then finds
them in its text with text/languages.py, wherever layout has put them.
"""

from __future__ import annotations

from ..content.model import Loaded
from ..text.languages import Foreign


def foreign_phrases(loaded: Loaded) -> Foreign:
    """The phrases content marks as written in another language than the deck's."""
    project = loaded.project
    found: dict[str, str] = {}
    for lang, phrases in project.deck.other_languages.items():
        for phrase in phrases:
            found[phrase] = lang
    for trend in project.trends.trends:
        if trend.lang:
            found[trend.title] = trend.lang
    radar = project.radar_file if project.radar is not None else None
    for entry in radar.trends if radar is not None else ():
        if entry.lang:
            found[entry.name] = entry.lang
    own = project.deck.language
    return tuple(sorted(((p, lang) for p, lang in found.items() if lang != own and p.strip()),
                        key=lambda item: (-len(item[0]), item[0])))
