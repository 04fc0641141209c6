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
        return _from_number(value, allow_year_month)
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


_SERIAL_RANGE = (7306, 73051)  # Excel day numbers of 1920-01-01 … 2099-12-31


def _from_number(value: float, allow_year_month: bool) -> date:
    """A number cell: 20240901 typed as a number, 1985.06 as year.month, or an Excel day number."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, int) and abs(value) > 10**12:  # beyond any date; float() would overflow
        raise ValueError(f"“{text}”不是有效日期（可写作 2024-09-01、2024/9/1 或 2024年9月1日）")
    if float(value).is_integer() and 19000101 <= value <= 21001231:
        number = int(value)
        return _build(text, number // 10000, number // 100 % 100, number % 100)
    if 1900 <= value < 2101:
        if float(value).is_integer():
            raise ValueError(f"“{text}”只有年份，请写出完整日期，如 {int(value)}-09-01")
        year, digits = repr(float(value)).split(".")
        if digits == "1":  # Excel keeps 2024.10 as 2024.1
            raise ValueError(f"“{text}”是数字，无法确定是1月还是10月。请把单元格设为文本，或写作 {year}-10-01")
        if allow_year_month:
            return _build(text, int(year), int(digits[:2]), 1)
        raise ValueError(f"“{text}”不是完整日期，请写作 {year}-{int(digits[:2]):02d}-01 这样的格式")
    if _SERIAL_RANGE[0] <= value < _SERIAL_RANGE[1]:  # an Excel date stored as a plain number
        return _EXCEL_EPOCH + timedelta(days=int(value))
    raise ValueError(f"“{text}”不是有效日期（可写作 2024-09-01、2024/9/1 或 2024年9月1日）")


def _build(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"“{text}”不是存在的日期") from None


def format_date(day: date | None) -> str:
    return day.isoformat() if day else ""


def format_date_cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def parse_dates(text) -> list[date]:
    """Several dates in one cell or field, separated by 、，,;； or blanks; sorted; ValueError as parse_date."""
    items = re.split(r"[、，,;；\s]+", str(text or "").strip())
    return sorted(day for item in items if item and (day := parse_date(item)) is not None)
