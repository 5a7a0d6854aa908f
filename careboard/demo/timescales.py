"""Turn a plan's worded timescale ("March 2015", "July 2014 and ongoing") into a due date."""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)


def due_date_from_timescale(timescale: str) -> date | None:
    """The last day of the first month named with a year; None when no date is given.

    "March 2015" -> 31 March 2015; "June 2014 and annually" -> 30 June 2014;
    "Ongoing" -> None.
    """
    match = _MONTH_YEAR.search(timescale)
    if match is None:
        return None
    month = _MONTHS[match.group(1).lower()]
    year = int(match.group(2))
    return date(year, month, calendar.monthrange(year, month)[1])
