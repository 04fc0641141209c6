"""What a quota asks for *so far*: the current week, month or semester judged on the school days gone.

A monthly quota judged on day 2 carries no signal if the whole month's figure is asked for. The
requirement for the whole period (domain/quotas.py) is scaled by the share of its school days that
have passed, rounded down: someone is behind only once a whole visit or lesson was due.
"""

from __future__ import annotations

import math
from datetime import date

from desktop_app.domain.calendar import Period
from desktop_app.domain.quotas import SchoolCalendar


def due_so_far(required: int, period: Period, today: date, calendar: SchoolCalendar) -> int:
    """Of `required` for `period`, what is due by the end of `today` (all of it once the period is over)."""
    if today >= period.end:
        return required
    if today < period.start or not required:
        return 0
    total = calendar.school_days(period)
    if not total:
        return required
    gone = calendar.school_days(Period(period.start, today, period.label))
    return math.floor(required * gone / total + 1e-9)
