"""An edition's changes to lists: its cover lines, slides left out or added, and trends,
scenarios or radar names left out; each name it gives is checked against the content."""

from __future__ import annotations

from typing import Any, Protocol

from ..errors import Diagnostic, Location, error
from . import overlay
from .radar_check import closest
from .sourcemap import SourceMap


class _LeftOut(Protocol):
    @property
    def trends(self) -> list[str]: ...
    @property
    def radar(self) -> list[str]: ...
    @property
    def scenarios(self) -> list[str]: ...
    @property
    def slides(self) -> list[str]: ...


class _Edition(Protocol):
    @property
    def leave_out(self) -> _LeftOut: ...


class Applying(Protocol):
    """The edition in use (editions.Applying), as far as its lists' changes need it."""

    data: dict[str, Any]
    smap: SourceMap
    problems: list[Diagnostic]
    flagged: set[str]

    @property
    def edition(self) -> _Edition: ...

    def at(self, *path: str | int) -> Location: ...


def _label(item: Any, *keys: str) -> list[str]:
    """The names an item of a list goes by (a slide's kind and title, a trend's title)."""
    if not isinstance(item, dict):
        return []
    return [str(item[k]) for k in keys if isinstance(item.get(k), str | int)]


def _unknown(app: Applying, what: str, name: str, known: list[str], where: Location) -> None:
    near = closest(name, list(dict.fromkeys(known)))
    hint = ("did you mean " + " or ".join(f"'{m}'" for m in near) + "?" if near
            else "one of: " + ", ".join(dict.fromkeys(known)))
    app.problems.append(error(where, f"unknown {what} '{name}'", hint))


def _without(app: Applying, what: str, data: dict[str, Any], key: str, smap: SourceMap,
             names: list[str], section: str, *by: str) -> set[str]:
    """Leaves out of ``data[key]`` the items named in ``names`` (by the fields ``by``);
    returns the names that matched."""
    items = data.get(key)
    if not isinstance(items, list) or not names:
        return set()
    known = [label for item in items for label in _label(item, *by)]
    for index, name in enumerate(names):
        if name not in known:
            _unknown(app, what, name, known, app.at("leave_out", section, index))
    kept = [(item, smap, (key, i)) for i, item in enumerate(items)
            if not set(_label(item, *by)) & set(names)]
    if items and not kept:  # said here, not as an empty list in the shared file
        app.problems.append(error(app.at("leave_out", section), f"the edition leaves out "
                                  f"every {what}", "keep at least one"))
        return set()
    if len(kept) < len(items):
        data[key] = overlay.relist(smap, (key,), kept)
    return set(names) & set(known)


def edit_slides(app: Applying, data: dict[str, Any], smap: SourceMap) -> None:
    """deck.yaml as the edition shows it: cover lines, slides left out, slides added."""
    _cover(app, data, smap)
    _without(app, "slide", data, "slides", smap, app.edition.leave_out.slides, "slides",
             "kind", "title")
    added = app.data.get("add_slides")
    slides = data.get("slides")
    if not isinstance(added, list) or not added or not isinstance(slides, list):
        return
    items: list[overlay.Item] = [(s, smap, ("slides", i)) for i, s in enumerate(slides)]
    for index, slide in enumerate(added):
        after = slide.get("after") if isinstance(slide, dict) else None
        names = [label for item, _, _ in items for label in _label(item, "kind", "title")]
        if after is None or str(after) not in names:
            if after is None:
                app.problems.append(error(app.at("add_slides", index), "an added slide needs "
                                          "'after:'", "name the kind or title of the slide "
                                          "it follows, e.g. after: program"))
            elif str(after) in app.edition.leave_out.slides:
                app.problems.append(error(app.at("add_slides", index, "after"), f"the slide "
                                          f"'{after}' is one this edition leaves out",
                                          "add the slide after another one"))
            else:
                _unknown(app, "slide", str(after), names, app.at("add_slides", index, "after"))
            continue
        place = max(i for i, (item, _, _) in enumerate(items)
                    if str(after) in _label(item, "kind", "title"))
        shown = {k: v for k, v in slide.items() if k != "after"}
        items.insert(place + 1, (shown, app.smap, ("add_slides", index)))
    data["slides"] = overlay.relist(smap, ("slides",), items)


def _cover(app: Applying, data: dict[str, Any], smap: SourceMap) -> None:
    """The cover's lines go onto the title slide; its date is the deck's."""
    cover = app.data.get("cover")
    cover = cover if isinstance(cover, dict) else {}
    logos = app.data.get("logos")
    if not cover and not logos:
        return
    if "date" in cover:
        data.update(overlay.merge(data, smap, {"date": cover["date"]}, app.smap, (),
                                  ("cover",)))
    rest = {k: v for k, v in cover.items() if k != "date"}
    slides = data.get("slides")
    titles = [i for i, s in enumerate(slides) if isinstance(s, dict)
              and s.get("kind") == "title"] if isinstance(slides, list) else []
    if (rest or logos) and not titles:
        app.problems.append(error(app.at("cover" if rest else "logos"), "the deck has no "
                                  "title slide to put the cover's lines and logos on",
                                  "add a slide with kind: title to deck.yaml"))
        return
    assert isinstance(slides, list)
    here = ("slides", titles[0]) if titles else ()
    if rest:
        slides[titles[0]] = overlay.merge(slides[titles[0]], smap, rest, app.smap, here,
                                          ("cover",))
    if logos and titles:  # the edition's logos go on its title slide
        slides[titles[0]] = overlay.merge(slides[titles[0]], smap, {"logos": logos},
                                          app.smap, here, ())


def leave_out(app: Applying, name: str, data: dict[str, Any], smap: SourceMap) -> None:
    """Trends, scenarios or radar names the edition leaves out of file ``name``."""
    out = app.edition.leave_out
    if name == "trends.yaml":
        _without(app, "trend", data, "trends", smap, out.trends, "trends", "title")
    elif name == "scenarios.yaml":
        _without(app, "scenario", data, "scenarios", smap, out.scenarios, "scenarios",
                 "number", "title")
    elif name == "radar.yaml":
        gone = _without(app, "name on the radar", data, "trends", smap, out.radar, "radar",
                        "name")
        links = data.get("connections")
        if gone and isinstance(links, list):
            kept = [(c, smap, ("connections", i)) for i, c in enumerate(links)
                    if not set(_label(c, "from", "to")) & gone]
            data["connections"] = overlay.relist(smap, ("connections",), kept)
        _still_shown(app, data, smap)


def _still_shown(app: Applying, data: dict[str, Any], smap: SourceMap) -> None:
    """A trend the edition leaves out that its radar still shows: said at the edition's
    line, where the fix belongs."""
    trends = data.get("trends")
    shown: list[Any] = trends if isinstance(trends, list) else []
    for index, title in enumerate(app.edition.leave_out.trends):
        places = [i for i, t in enumerate(shown) if title in _label(t, "name")]
        if places:
            line = smap.locate(("trends", places[0], "name")).line
            app.flagged.add(title)
            app.problems.append(error(
                app.at("leave_out", "trends", index),
                f"the edition leaves out the trend '{title}', but its radar still shows it "
                f"(content/radar.yaml line {line})",
                f"add '{title}' under leave_out: radar: too, or keep the trend"))
