"""German dates from CLDR data (Babel), never from hand-written month tables.

Babel loads and merges its German locale data the first time a date is written (with its
import, 0.05-0.08 s of every build's main process, the longer lane), though a deck has a
dozen dates. The texts written are kept in the output folder's cache, named after Babel's
version and checked against this module's code, as the word splits are (hyphenate.py): a
rebuild loads Babel only for a date it has not written before. The texts are CLDR's; a
range's fields are written as wide as the single dates beside it ('09.–11. Dezember' under
'04. März'), the field-width adjustment UTS #35 asks for.
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
    """'04. März': the program's date column; with a later ``last`` day CLDR's range, its
    days with two digits as the single dates have: '09.–11. Dezember', '30. Juni – 02. Juli'."""
    if last is None or last == day:
        return _written("day_month", (day,), lambda: _format(day, "dd. MMMM"))
    return _written("day_month", (day, last), lambda: _range(day, last, "MMMMd"))


def long_date(day: dt.date) -> str:
    """'04. November 2025': the title slide's date line."""
    return _written("long_date", (day,), lambda: _format(day, "dd. MMMM y"))


def weekday_date(day: dt.date, last: dt.date | None = None) -> str:
    """'Mi., 04. März 2026': the dossier's calendar, where there is room for the weekday;
    a range reads 'Mi., 09. – Fr., 11. Dezember 2026'."""
    if last is None or last == day:
        return _written("weekday_date", (day,), lambda: _format(day, "EEE, dd. MMMM y"))
    return _written("weekday_date", (day, last), lambda: _range(day, last, "yMMMEd"))


def numeric_date(day: dt.date, last: dt.date | None = None) -> str:
    """'19.11.2026': the change log, where dates are compared at a glance; a range reads
    '09.–11.12.2026'."""
    if last is None or last == day:
        return _written("numeric_date", (day,), lambda: _format(day, "dd.MM.y"))
    return _written("numeric_date", (day, last), lambda: _range(day, last, "yMd"))


def _format(day: dt.date, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=LOCALE)


def _widened(pattern: str) -> str:
    """A CLDR pattern with the day in two digits and the month written out, as the single
    dates are: Babel's ``format_interval`` leaves this adjustment out ('9.' would stand
    under '04.', 'Aug.' under 'November')."""
    pattern = re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern)
    return re.sub(r"(?<!d)d(?!d)", "dd", pattern)


def _range(first: dt.date, last: dt.date, skeleton: str) -> str:
    """CLDR's range for ``skeleton`` (its pattern for the largest field that differs),
    widened; where CLDR has none (a day-month range across a year), its fallback: both
    dates whole, joined by a dash."""
    from babel import Locale
    from babel.dates import parse_pattern

    locale = Locale.parse(LOCALE)
    formats = locale.interval_formats[skeleton]
    field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    if field in formats:
        parts = [_widened(pattern) for pattern in formats[field]]
        text = "".join(parse_pattern(pattern).apply(day, LOCALE)
                       for pattern, day in zip(parts, (first, last), strict=True))
    else:
        whole = parse_pattern(_widened(locale.datetime_skeletons[skeleton].pattern))
        text = locale.interval_formats[None].format(whole.apply(first, LOCALE),
                                                    whole.apply(last, LOCALE))
    return text.translate(_THIN)
