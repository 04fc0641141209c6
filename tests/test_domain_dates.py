"""Dates as people type them into Excel: text, real dates, and numbers Excel made of them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.domain.dates import parse_date


@pytest.mark.parametrize("value, expected", [
    ("2024-09-01", date(2024, 9, 1)),
    ("2024/9/1", date(2024, 9, 1)),
    ("2024年9月1日", date(2024, 9, 1)),
    ("2024.9.1", date(2024, 9, 1)),
    ("20240901", date(2024, 9, 1)),
    (20240901, date(2024, 9, 1)),  # typed without separators, stored by Excel as a number
    (45536, date(2024, 9, 1)),  # an Excel day number
    (datetime(2024, 9, 1, 8, 30), date(2024, 9, 1)),
    ("", None),
    (None, None),
])
def test_accepted_forms(value, expected):
    assert parse_date(value) == expected


def test_year_and_month_for_birth_dates():
    assert parse_date("1985年6月", allow_year_month=True) == date(1985, 6, 1)
    assert parse_date(1985.06, allow_year_month=True) == date(1985, 6, 1)  # 出生年月 typed as 1985.06
    assert parse_date(2024.9, allow_year_month=True) == date(2024, 9, 1)


@pytest.mark.parametrize("value, words", [
    (1985, "只有年份"),
    (2024.1, "1月还是10月"),  # Excel keeps 2024.10 as 2024.1
    (1985.06, "不是完整日期"),  # without allow_year_month a year.month is not a date
    (12, "不是有效日期"),  # day 12 of 1900: never a real date in this ledger
    (10**400, "不是有效日期"),  # too big even for a float
    (float("nan"), "不是有效日期"),
    ("2024-02-30", "不是存在的日期"),
    ("下周一", "不是可识别的日期"),
])
def test_refused_with_a_reason(value, words):
    with pytest.raises(ValueError, match=words):
        parse_date(value)
