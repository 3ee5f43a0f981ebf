"""German dates from CLDR data (Babel), never from hand-written month tables."""

from __future__ import annotations

import datetime as dt
import re

from babel import Locale
from babel.dates import format_date, format_interval, parse_pattern

LOCALE = "de_DE"

#: CLDR puts thin spaces (U+2009) around a range's dash; Source Sans Pro has no glyph for
#: them, but has the narrow no-break space, which also keeps the dash off a line's start.
_THIN = str.maketrans({"\u2009": "\u202f"})


def day_month(day: dt.date, last: dt.date | None = None) -> str:
    """'04. März': the program's date column; with a later ``last`` day the range as CLDR
    writes it: '10.–12. Juni', '30. Juni – 2. Juli'."""
    if last is None or last == day:
        return format_date(day, "dd. MMMM", locale=LOCALE)
    return format_interval(day, last, "MMMMd", locale=LOCALE).translate(_THIN)


def long_date(day: dt.date) -> str:
    """'04. November 2025': the title slide's date line."""
    return format_date(day, "dd. MMMM y", locale=LOCALE)


def weekday_date(day: dt.date, last: dt.date | None = None) -> str:
    """'Mi., 04. März 2026': the dossier's calendar, where there is room for the weekday;
    a range reads 'Mi., 10. – Fr., 12. Juni 2026'."""
    if last is None or last == day:
        return format_date(day, "EEE, dd. MMMM y", locale=LOCALE)
    return _weekday_range(day, last)


def _weekday_range(first: dt.date, last: dt.date) -> str:
    """CLDR's weekday range (skeleton yMMMEd) with the month written out, as the single
    dates beside it are: the field-width adjustment UTS #35 asks for and Babel's
    ``format_interval`` leaves out ('Aug.' would stand under '12. November')."""
    formats = Locale.parse(LOCALE).interval_formats["yMMMEd"]
    field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    parts = (re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern) for pattern in formats[field])
    return "".join(parse_pattern(pattern).apply(day, LOCALE)
                   for pattern, day in zip(parts, (first, last), strict=True)).translate(_THIN)
def numeric_date(day: dt.date) -> str:
    """'19.11.2026': the change log, where dates are compared at a glance."""
    return format_date(day, "dd.MM.y", locale=LOCALE)
