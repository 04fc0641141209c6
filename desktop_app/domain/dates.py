"""Reading dates the way people type them in China: 2024-09-01, 2024/9/1, 2024年9月1日, 2024.9.1."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_PATTERNS = (
    re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_YEAR_MONTH = (
    re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月?$"),
)
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value, *, allow_year_month: bool = False) -> date | None:
    """A date from a cell or text; None for blank; ValueError with a Chinese reason otherwise.

    With allow_year_month, '1980-05' or '1980年5月' (as 出生年月 is often written) means the 1st.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # an Excel serial day number stored as a plain number
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(f"“{value}”不是有效日期")
    text = str(value).strip()
    if not text:
        return None
    text = text.replace("．", ".").replace("／", "/").replace("－", "-")
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _build(text, *map(int, match.groups()))
    if allow_year_month:
        for pattern in _YEAR_MONTH:
            match = pattern.match(text)
            if match:
                year, month = map(int, match.groups())
                return _build(text, year, month, 1)
    raise ValueError(f"“{text}”不是可识别的日期（可写作 2024-09-01、2024/9/1 或 2024年9月1日）")


def _build(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"“{text}”不是存在的日期") from None


def format_date(day: date | None) -> str:
    return day.isoformat() if day else ""


def format_date_cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""
