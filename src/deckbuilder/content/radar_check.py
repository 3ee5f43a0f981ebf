"""Cross-checks of radar.yaml: names that must exist, and no trend placed twice.

Every line that names an unknown trend or concept gets its own error in the same run: a
trend renamed in trends.yaml is named by its radar entry and by each of its connections,
and an editor who saw only the first of them would need one build per line to find the rest.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection

from ..errors import Diagnostic, Location, error, warning
from .model import RadarFile

#: Suggestions whose likeness is this close to the best one's are offered with it: "did you
#: mean 'ERSTER TREND' or 'ZWEITER TREND'?" when both are as near, only the best otherwise.
_TIE = 0.1


def closest(name: str, known: list[str], n: int = 3) -> list[str]:
    """The known names nearest to ``name`` (difflib), best first; empty when none is near."""
    near = difflib.get_close_matches(name, known, n=n, cutoff=0.6)
    if not near:
        return []
    best = difflib.SequenceMatcher(None, name, near[0]).ratio()
    return [m for m in near if difflib.SequenceMatcher(None, name, m).ratio() >= best - _TIE]


def _unknown(kind: str, name: str, known: list[str], where: Location) -> Diagnostic:
    near = closest(name, known)
    if near:
        hint = "did you mean " + " or ".join(f"'{m}'" for m in near) + "?"
    else:
        hint = f"one of: {', '.join(known)}"
    return error(where, f"unknown {kind} '{name}'", hint)


def _check_places(radar: RadarFile) -> list[Diagnostic]:
    """Rings and segments that are not the radar's own, and trends placed twice."""
    problems: list[Diagnostic] = []
    first: dict[str, Location] = {}
    for trend in radar.trends:
        if trend.ring not in radar.rings:
            problems.append(_unknown("ring", trend.ring, radar.rings, trend.where("ring")))
        if trend.segment not in radar.segments:
            problems.append(_unknown("segment", trend.segment, radar.segments,
                                     trend.where("segment")))
        if trend.name in first:
            problems.append(error(trend.where("name"), f"'{trend.name}' is on the radar twice "
                                  f"(first on line {first[trend.name].line})"))
        first.setdefault(trend.name, trend.where("name"))
    return problems


def _check_links(radar: RadarFile, known: list[str]) -> list[Diagnostic]:
    """An error at each end of a connection that names no known trend or concept, or a
    known one that is not placed on the radar (the line would have no dot to end at)."""
    problems: list[Diagnostic] = []
    placed = {t.name for t in radar.trends}
    for link in radar.connections:
        for field, name in (("source", link.source), ("target", link.target)):
            if name not in known:
                problems.append(_unknown("trend", name, known, link.where(field)))
            elif name not in placed:
                problems.append(error(
                    link.where(field), f"'{name}' is connected but not on the radar",
                    "add it to radar.yaml's trends with its ring, segment and strength, "
                    "or remove this connection"))
    return problems


def check_radar(radar: RadarFile, trend_titles: list[str] | None,
                said: Collection[str] = ()) -> list[Diagnostic]:
    """Errors for unknown rings, segments, trends and concepts; a warning for a trend left
    off. ``trend_titles``: the titles of trends.yaml, None when that file has errors (then
    the radar's own names are taken as known). ``said``: names whose absence from
    trends.yaml is reported elsewhere (an edition leaves the trend out), not again here."""
    problems = _check_places(radar)
    concepts = [t.name for t in radar.trends if t.concept]
    if trend_titles is None:
        known = list(dict.fromkeys(t.name for t in radar.trends))
    else:
        known = list(dict.fromkeys([*trend_titles, *concepts, *said]))
        for trend in radar.trends:
            if not trend.concept and trend.name not in known:
                problems.append(_unknown("trend", trend.name, trend_titles, trend.where("name")))
    problems += _check_links(radar, known)
    if trend_titles is not None:
        placed = {t.name for t in radar.trends}
        for title in trend_titles:
            if title not in placed:
                problems.append(warning(radar.loc, f"the trend '{title}' is not on the radar",
                                        "add it to radar.yaml's trends"))
    return problems


def radar_for_layout(radar: RadarFile) -> RadarFile:
    """The radar without trends placed on an unknown ring or segment (already reported),
    so the rest of the deck can still be laid out and checked in the same run."""
    placed = [t for t in radar.trends if t.ring in radar.rings and t.segment in radar.segments]
    if len(placed) == len(radar.trends):
        return radar
    return radar.model_copy(update={"trends": placed})
