"""Cross-checks of radar.yaml: names that must exist, and no trend placed twice."""

from __future__ import annotations

import difflib

from ..errors import Diagnostic, Location, error, warning
from .model import RadarFile


def _unknown(kind: str, name: str, known: list[str], where: Location) -> Diagnostic:
    near = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"did you mean '{near[0]}'?" if near else f"one of: {', '.join(known)}"
    return error(where, f"unknown {kind} '{name}'", hint)


def check_radar(radar: RadarFile, trend_titles: list[str] | None) -> list[Diagnostic]:
    """Errors for unknown rings, segments and trends; a warning for a trend left off."""
    problems: list[Diagnostic] = []
    names: dict[str, Location] = {}
    for trend in radar.trends:
        if trend.ring not in radar.rings:
            problems.append(_unknown("ring", trend.ring, radar.rings, trend.where("ring")))
        if trend.segment not in radar.segments:
            problems.append(_unknown("segment", trend.segment, radar.segments,
                                     trend.where("segment")))
        if trend.name in names:
            problems.append(error(trend.where("name"), f"'{trend.name}' is on the radar twice "
                                  f"(first on line {names[trend.name].line})"))
        names.setdefault(trend.name, trend.where("name"))
        if trend_titles is not None and not trend.concept and trend.name not in trend_titles:
            problems.append(_unknown("trend", trend.name, trend_titles, trend.where("name")))
    for link in radar.connections:
        for field, name in (("source", link.source), ("target", link.target)):
            if name not in names:
                problems.append(_unknown("trend", name, list(names), link.where(field)))
    if trend_titles is not None:
        for title in trend_titles:
            if title not in names:
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
