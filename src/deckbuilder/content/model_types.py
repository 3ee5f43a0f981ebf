"""The kinds of value content fields are made of: shown and plain text, dates written as
in German program tables, document properties, colour names, with the checks that
give a content editor a message instead of a crash further down."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
                      r"\ue000-\uf8ff\ufffe\uffff]")


#: One text field's limit: about ten slides of body text. Longer belongs in paragraphs.
MAX_TEXT = 20_000


def _check_text(value: str) -> str:
    """Text must show something; control characters would vanish or corrupt the XML."""
    if len(value) > MAX_TEXT:
        count, limit = (f"{n:,}".replace(",", ".") for n in (len(value), MAX_TEXT))
        raise ValueError(f"the text has {count} characters, more than {limit}; "
                         "split it into paragraphs")
    bad = _CONTROL.search(value)
    if bad:
        name = unicodedata.name(bad.group(), f"U+{ord(bad.group()):04X}")
        raise ValueError(f"the text contains the invisible control character {name}")
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not value.strip():
        raise ValueError("the text is empty")
    return value.strip(" \t\n")


_DATE = re.compile(r"(?:(?P<before>[^\W\d_]+)\.?,?\s+)?(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                   r"(?:,?\s+\(?(?P<after>[^\W\d_]+)\.?\)?)?")


def _weekday_number(name: str) -> int | None:
    """Monday = 0 for a German or English weekday name or abbreviation (CLDR via Babel)."""
    from babel.dates import get_day_names

    wanted = name.lower().rstrip(".")
    for locale in ("de", "en"):
        for width in ("wide", "abbreviated", "short"):
            for number, day_name in get_day_names(width, locale=locale).items():
                if day_name.lower().rstrip(".") == wanted:
                    return int(number)
    return None


def parse_date(value: object) -> object:
    """ISO dates (optionally with a weekday, which must match), with a message that says
    why an impossible date is impossible."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return value
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-04")
    year, month, day = (int(match.group(g)) for g in ("y", "m", "d"))
    if not 1 <= month <= 12:
        raise ValueError(f"'{value}' is not a date (there is no month {month})")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = calendar.month_name[month]
        raise ValueError(f"'{value}' is not a date ({month_name} {year} has {last} days)")
    date = dt.date(year, month, day)
    named = match.group("before") or match.group("after")
    if named:
        number = _weekday_number(named)
        if number is None:
            raise ValueError(f"'{named}' in '{value}' is not a weekday")
        if number != date.weekday():
            raise ValueError(f"'{value}' names a {calendar.day_name[number]}, but "
                             f"{date.isoformat()} is a {calendar.day_name[date.weekday()]}")
    return date


class Shown:
    """Marks text that is drawn on a slide or page, so every character must be in the font.

    The glyph check finds visible text by this marker in a field's type, not by its name:
    a new field is checked as soon as it is declared ``Text``.
    """

    def __repr__(self) -> str:
        return "Shown()"


SHOWN = Shown()

#: Text that a reader sees on a slide or page.
Text = Annotated[str, AfterValidator(_check_text), SHOWN]
#: Text that is never drawn in the deck's fonts: file paths, alt text, speaker notes, ids,
#: metadata. It is checked like Text, but not against the font.
Plain = Annotated[str, AfterValidator(_check_text)]
#: Speaker notes: text for the notes pane, never drawn on a slide (content/notes.py).
Notes = Annotated[str, AfterValidator(_check_text)]
NOTES_HELP = ("Speaker notes for PowerPoint's notes pane. Write them as a block (notes: |): "
              "a blank line starts a new paragraph, a line that starts with '- ' is a list "
              "item; the lines of one paragraph or item are joined.")

#: Document properties (PPTX core properties, PDF info) hold at most this many characters.
MAX_PROPERTY = 255


def _check_property(value: str) -> str:
    """Title, author and subject also become document properties, which are short."""
    if len(value) > MAX_PROPERTY:
        raise ValueError(f"the text has {len(value)} characters; as a document property it "
                         f"may have at most {MAX_PROPERTY}")
    return value


def check_keywords(value: list[str]) -> list[str]:
    joined = ", ".join(value)
    if len(joined) > MAX_PROPERTY:
        raise ValueError(f"the keywords have {len(joined)} characters together; as a document "
                         f"property they may have at most {MAX_PROPERTY}")
    return value


#: Shown text that also becomes a document property.
Property = Annotated[str, AfterValidator(_check_text), AfterValidator(_check_property), SHOWN]
#: Unshown text that also becomes a document property.
PlainProperty = Annotated[str, AfterValidator(_check_text), AfterValidator(_check_property)]
IsoDate = Annotated[dt.date, BeforeValidator(parse_date)]
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")


def _check_language(value: str) -> str:
    """A BCP 47 language tag as PowerPoint and PDF readers take it: language, optional
    script and region (de-DE, en-GB, fr, sr-Latn-RS)."""
    if not _LANGUAGE.fullmatch(value):
        raise ValueError(f"'{value}' is not a language tag; write it like de-DE, en-GB or fr")
    return value


#: The language text is written in, for spelling checkers and screen readers.
Language = Annotated[str, AfterValidator(_check_language)]

#: A server name: labels of letters, digits and hyphens, the last one (the domain) letters.
_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}")
_EMAIL = re.compile(r"[\w.+-]+@" + _HOST.pattern)
_EXAMPLE = "e.g. https://www.zukunftsinstitut.de"


def check_link(value: str) -> str:
    """Where a link leads: a web address (``https://`` added to one written ``www.``) or
    ``mailto:`` and an e-mail address; the message says how to write it."""
    if any(c.isspace() for c in value):
        raise ValueError(f"'{value}' is not a link: it contains a space (write the address "
                         f"without spaces, {_EXAMPLE})")
    if value.startswith("mailto:"):
        if not _EMAIL.fullmatch(value.removeprefix("mailto:")):
            raise ValueError(f"'{value}' is not an e-mail link: write mailto: and the "
                             "address, e.g. mailto:info@zukunftsinstitut.de")
        return value
    address = f"https://{value}" if value.lower().startswith("www.") else value
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https"):
        hint = f"https://{value}" if _HOST.match(value) and "://" not in value else None
        raise ValueError(f"'{value}' is not a web address: write it in full, beginning with "
                         f"https:// ({f'here: {hint}' if hint else _EXAMPLE}), or mailto: "
                         "and an e-mail address")
    try:
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        host = ""
    if not _HOST.fullmatch(host):
        raise ValueError(f"'{value}' is not a whole web address: after https:// comes the "
                         f"server's name (write it as the browser shows it, {_EXAMPLE})")
    return address


#: Where a link (a button, the call to action) leads: https://, http://, www. or mailto:.
Link = Annotated[str, AfterValidator(_check_text), AfterValidator(check_link),
                 Field(description="A web address (https://…) or an e-mail link (mailto:…).")]


def check_https(value: str) -> str:
    """A web address that a printed QR code may carry: https:// only (``www.`` gets it),
    since a scanned plain-http address is what phones warn about."""
    address = check_link(value)
    if not address.startswith("https://"):
        raise ValueError(f"'{value}' is not an https:// address: write where it is "
                         f"published, beginning with https:// ({_EXAMPLE}/termine.ics)")
    return address


#: Where something is published on the web (the program's calendar file): https:// only.
HttpsLink = Annotated[str, AfterValidator(_check_text), AfterValidator(check_https),
                      Field(description="A web address beginning with https://.")]
ColorName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
