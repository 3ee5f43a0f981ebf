"""Finds the program entry a person means by a name (title, place, or both) and a date.

People name events the way they read them on the slide: "Future Day Frankfurt", just
"Frankfurt", or with a typo. Exact names win; then entries whose title and place hold
every word asked for; then difflib's close matches. When that is not one entry, the
message lists the candidates with their dates, so the next command can add ``--on``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from ..content.program import Entry
from ..errors import UsageError

#: How many candidates a message lists at most.
LISTED = 6

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _names(entry: Entry) -> set[str]:
    """What a person may call an entry: its title, or title and place as the slide
    reads them ("Future Day Frankfurt") or as messages write them."""
    event = entry.event
    names = {event.title, event.label, f"{event.title} {event.place or ''}"}
    return {" ".join(_words(n)) for n in names}


def _by_words(wanted: list[str], found: list[Entry]) -> list[Entry]:
    """Entries whose title and place hold every word asked for ("Frankfurt", "Future Work")."""
    return [e for e in found
            if set(wanted) <= set(_words(f"{e.event.title} {e.event.place or ''}"))]


def _fuzzy(wanted: str, found: list[Entry]) -> list[Entry]:
    """Entries whose name is close to the one asked for (typos), best first."""
    by_name: dict[str, list[Entry]] = {}
    for entry in found:
        for name in _names(entry):
            by_name.setdefault(name, []).append(entry)
    close = difflib.get_close_matches(wanted, list(by_name), n=LISTED, cutoff=0.6)
    picked: list[Entry] = []
    for name in close:
        picked += [e for e in by_name[name] if e not in picked]
    for entry in found:  # then word by word: "Melita" for "Melitta, Minden/Westf."
        words = _words(f"{entry.event.title} {entry.event.place or ''}")
        if entry not in picked and all(difflib.get_close_matches(w, words, n=1, cutoff=0.75)
                                       for w in wanted.split()):
            picked.append(entry)
    return picked


def _on(entry: Entry, day: dt.date) -> bool:
    return entry.event.date <= day <= entry.event.last_day


def listing(found: list[Entry]) -> str:
    """One line per entry: its date and its name, as 'events list' shows them."""
    lines = [f"  {e.event.date.isoformat()}  {e.event.label}" for e in found[:LISTED]]
    if len(found) > LISTED:
        lines.append(f"  … and {len(found) - LISTED} more ('deckbuilder events list' shows all)")
    return "\n".join(lines)


def _nearby(day: dt.date, found: list[Entry]) -> list[Entry]:
    """The entries nearest to ``day``, in date order."""
    nearest = sorted(found, key=lambda e: abs((e.event.date - day).days))[:3]
    return sorted(nearest, key=lambda e: e.event.date)


def match_entry(all_entries: list[Entry], title: str, on: dt.date | None = None) -> Entry:
    """The one entry ``title`` names (on the date ``on``, if given), or UsageError with
    the candidates and their dates."""
    wanted = _words(title)
    if not wanted:
        raise UsageError("name the entry by its title or place, e.g. \"Future Day\"")
    key = " ".join(wanted)
    matches = [e for e in all_entries if key in _names(e)] or _by_words(wanted, all_entries)
    when = f" on {on.isoformat()}" if on else ""
    if matches and on is not None:
        dated = [e for e in matches if _on(e, on)]
        if not dated:
            raise UsageError(f"'{title}' is not in the program on {on.isoformat()}; it is on "
                             f"nearby dates:\n{listing(_nearby(on, matches))}")
        matches = dated
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(f"'{title}' names {len(matches)} entries; add --on DATE to choose "
                         f"one:\n{listing(matches)}")
    close = _fuzzy(key, all_entries)
    if close:
        hint = "did you mean"
    elif on is not None:
        hint, close = "entries on nearby dates", _nearby(on, all_entries)
    else:
        hint, close = "the program has", all_entries
    raise UsageError(f"no program entry called '{title}'{when}; {hint}:\n{listing(close)}")
