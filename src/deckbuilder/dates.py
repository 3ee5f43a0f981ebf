"""German dates from CLDR data (Babel), never from hand-written month tables."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

LOCALE = "de_DE"


def day_month(day: dt.date) -> str:
    """'04. März': the program's date column."""
    return format_date(day, "dd. MMMM", locale=LOCALE)


def long_date(day: dt.date) -> str:
    """'04. November 2025': the title slide's date line."""
    return format_date(day, "dd. MMMM y", locale=LOCALE)


def weekday_date(day: dt.date) -> str:
    """'Mi., 04. März 2026': the dossier's calendar, where there is room for the weekday."""
    return format_date(day, "EEE, dd. MMMM y", locale=LOCALE)


def numeric_date(day: dt.date) -> str:
    """'19.11.2026': the change log, where dates are compared at a glance."""
    return format_date(day, "dd.MM.y", locale=LOCALE)
