"""Chinese resident ID numbers (GB 11643): checksum, birth date, masking."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_PATTERN = re.compile(r"^\d{17}[\dX]$", re.ASCII)


def normalise(id_number: str | None) -> str:
    """As stored: half-width digits (a Chinese IME types ３３０１…), no spaces, a capital X."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", id_number or "")).upper()


def check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def birth_date_of(id_number: str) -> date | None:
    try:
        return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return None


def validate(id_number: str) -> str | None:
    """None when the 18-digit number is well formed, else the reason in Chinese."""
    value = normalise(id_number)
    if not _PATTERN.match(value):
        return "应为18位，前17位是数字，最后一位是数字或X"
    if birth_date_of(value) is None:
        return "其中的出生日期不存在"
    if check_char(value[:17]) != value[17]:
        return "校验位不正确，请核对是否输错"
    return None


def mask(id_number: str | None) -> str:
    """1101**********1234: keep the first four and last four characters."""
    value = normalise(id_number)
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]
