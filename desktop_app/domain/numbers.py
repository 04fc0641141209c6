"""Reading a number the user typed: one rule for every cell, with a Chinese message naming the field.

Python's `float()` also accepts "nan", "inf" and "1e999"; none of them is a number a secretary
means, and NaN slips through every range comparison, so they are refused here.
"""

from __future__ import annotations

import math
from typing import Any


class NumberError(ValueError):
    """The typed text is not an acceptable number; `str(error)` is the message to show."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"“{field}”{reason}")
        self.field, self.reason = field, reason


def _g(value: float) -> str:
    return f"{value:g}"


def parse_number(text: Any, minimum: float | None = None, maximum: float | None = None, field: str = "数值",
                 *, required: bool = False, unit: str = "") -> float | None:
    """The finite number in `text` within [minimum, maximum]; None for a blank that is not required.

    Raises NumberError, e.g. "“教育教学”应填数字，输入的是“nan”".
    """
    if isinstance(text, bool):
        raise NumberError(field, f"应填数字，输入的是“{text}”")
    if isinstance(text, (int, float)):
        value, shown = float(text), _g(text)
    else:
        shown = "" if text is None else str(text).strip()
        if not shown:
            if required:
                raise NumberError(field, "必须填写")
            return None
        try:
            value = float(shown)
        except (ValueError, OverflowError):
            raise NumberError(field, f"应填数字，输入的是“{shown}”") from None
    if not math.isfinite(value):
        raise NumberError(field, f"应填数字，输入的是“{shown}”")
    low = minimum is not None and value < minimum
    high = maximum is not None and value > maximum
    if low or high:
        if minimum is not None and maximum is not None:
            raise NumberError(field, f"应在 {_g(minimum)} 到 {_g(maximum)} {unit}之间，输入的是 {shown}")
        bound = minimum if low else maximum
        raise NumberError(field, f"{'不能小于' if low else '不能大于'} {_g(bound)}{' ' + unit if unit else ''}，输入的是 {shown}")
    return value
