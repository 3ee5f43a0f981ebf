"""The build's date and time: SOURCE_DATE_EPOCH when set (reproducible builds), else now.

One rule for every reader (the build, the up-to-date check): the variable holds whole
seconds since 1970 (https://reproducible-builds.org/specs/source-date-epoch/); an empty
variable counts as unset; anything else is refused.
"""

from __future__ import annotations

import datetime as dt
import os

VARIABLE = "SOURCE_DATE_EPOCH"


def source_date_epoch() -> int | None:
    """The variable's seconds, None when unset; ValueError when it is not whole seconds."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"{VARIABLE}='{value}' is not a number of seconds")
    return int(value)


def build_timestamp() -> dt.datetime:
    """The build's moment in UTC; ValueError for a malformed SOURCE_DATE_EPOCH."""
    epoch = source_date_epoch()
    if epoch is None:
        return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
    try:
        return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"{VARIABLE}='{epoch}' is not a date deckbuilder can use") from None
