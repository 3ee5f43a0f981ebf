"""German dates from CLDR data (Babel), never from hand-written month tables.

Babel loads and merges its German locale data the first time a date is written (with its
import, 0.05-0.08 s of every build's main process, the longer lane), though a deck has a
dozen dates. The texts written are kept in the output folder's cache, named after Babel's
version and checked against this module's code, as the word splits are (hyphenate.py): a
rebuild loads Babel only for a date it has not written before. The texts are Babel's,
unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from .. import cache_file

LOCALE = "de_DE"


class _Kept:
    """The texts written so far in this process (from the cache, and new) by kind and
    days; the file remember() read them from; whether one was written anew since."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.file: Path | None = None
        self.learned = False


_KEPT = _Kept()

#: CLDR puts thin spaces (U+2009) around a range's dash; Source Sans Pro has no glyph for
#: them, but has the narrow no-break space, which also keeps the dash off a line's start.
_THIN = str.maketrans({"\u2009": "\u202f"})


def remember(cache: Path | None) -> None:
    """Takes the texts earlier builds kept in ``cache`` (an output folder's cache); save()
    adds this build's new ones there. A missing, damaged or outdated file is ignored."""
    babel = cache_file.made_by("babel")
    _KEPT.file = None if cache is None else cache / f"dates-{LOCALE}-babel-{babel}.json"
    _KEPT.texts.update(_stored())


def _stored() -> dict[str, str]:
    """The sound texts in the cache file, if it was written by this code."""
    stored = cache_file.read(_KEPT.file)
    if not isinstance(stored, dict) or stored.get("code") != _code() \
            or not isinstance(stored.get("texts"), dict):
        return {}
    return {key: text for key, text in stored["texts"].items()
            if isinstance(key, str) and isinstance(text, str)}


def save() -> None:
    """Writes the texts this build wrote anew, added to those on disk now."""
    if _KEPT.learned and _KEPT.file is not None:
        cache_file.write(_KEPT.file, {"code": _code(), "texts": {**_stored(), **_KEPT.texts}})
        _KEPT.learned = False


def _code() -> str:
    """This module's code: a kept text is used only with the code that wrote it."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _written(kind: str, days: tuple[dt.date | None, ...], write: Callable[[], str]) -> str:
    key = " ".join([kind, *(day.isoformat() if day else "-" for day in days)])
    text = _KEPT.texts.get(key)
    if text is None:
        text = _KEPT.texts[key] = write()
        _KEPT.learned = True
    return text


def day_month(day: dt.date, last: dt.date | None = None) -> str:
    """'04. März': the program's date column; with a later ``last`` day the range as CLDR
    writes it: '10.–12. Juni', '30. Juni – 2. Juli'."""
    if last is None or last == day:
        return _written("day_month", (day,), lambda: _format(day, "dd. MMMM"))

    def interval() -> str:
        from babel.dates import format_interval

        return format_interval(day, last, "MMMMd", locale=LOCALE).translate(_THIN)

    return _written("day_month", (day, last), interval)


def long_date(day: dt.date) -> str:
    """'04. November 2025': the title slide's date line."""
    return _written("long_date", (day,), lambda: _format(day, "dd. MMMM y"))


def weekday_date(day: dt.date, last: dt.date | None = None) -> str:
    """'Mi., 04. März 2026': the dossier's calendar, where there is room for the weekday;
    a range reads 'Mi., 10. – Fr., 12. Juni 2026'."""
    if last is None or last == day:
        return _written("weekday_date", (day,), lambda: _format(day, "EEE, dd. MMMM y"))
    return _written("weekday_date", (day, last), lambda: _weekday_range(day, last))


def _format(day: dt.date, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=LOCALE)


def _weekday_range(first: dt.date, last: dt.date) -> str:
    """CLDR's weekday range (skeleton yMMMEd) with the month written out, as the single
    dates beside it are: the field-width adjustment UTS #35 asks for and Babel's
    ``format_interval`` leaves out ('Aug.' would stand under '12. November')."""
    from babel import Locale
    from babel.dates import parse_pattern

    formats = Locale.parse(LOCALE).interval_formats["yMMMEd"]
    field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    parts = (re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern) for pattern in formats[field])
    return "".join(parse_pattern(pattern).apply(day, LOCALE)
                   for pattern, day in zip(parts, (first, last), strict=True)).translate(_THIN)
def numeric_date(day: dt.date) -> str:
    """'19.11.2026': the change log, where dates are compared at a glance."""
    return _written("numeric_date", (day,), lambda: _format(day, "dd.MM.y"))
