"""What every print shares: paper sizes, the printer offset, a canvas with embedded fonts,
progress reporting and dates written the way certificates write them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.services.prints.fonts import FontSet

PAPER = {"A4": A4, "A3": A3}
Target = str | BinaryIO
Progress = Callable[[int, int], None]  # (done, total)

RED = (0.72, 0.06, 0.07)
DEEP_RED = (0.55, 0.03, 0.05)
GOLD = (0.98, 0.80, 0.30)
DARK_GOLD = (0.72, 0.53, 0.13)
INK = (0.12, 0.10, 0.10)
GREY = (0.55, 0.55, 0.55)


@dataclass(frozen=True)
class Offset:
    """Printer misalignment correction in mm: x moves the print right, y moves it down."""

    x_mm: float = 0.0
    y_mm: float = 0.0

    def apply(self, c: Canvas) -> None:
        if self.x_mm or self.y_mm:
            c.translate(self.x_mm * mm, -self.y_mm * mm)


NO_OFFSET = Offset()


def landscape_a4() -> tuple[float, float]:
    return landscape(A4)


def open_canvas(target: Target, pagesize, fonts: FontSet, title: str) -> Canvas:
    """A canvas whose default font is our embedded font (never a bare Helvetica)."""
    c = Canvas(target, pagesize=pagesize, initialFontName=fonts.regular[0], initialFontSize=12)
    c.setTitle(title)
    c.setCreator("党建台账")
    c.setAuthor("党建台账")
    return c


def report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def organisation(school: str, branch: str) -> str:
    """「育英中学　育英中学党支部」 reads twice: when the branch name already holds the school, use it alone."""
    if branch and school and branch.startswith(school):
        return branch
    return "　".join(p for p in (school, branch) if p)


_DIGITS = "〇一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1..31 as 一 … 三十一 (for months and days)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def chinese_date(day: date, with_day: bool = True) -> str:
    """2026-07-01 → 二〇二六年七月一日 (the style of 落款 on pennants and certificates)."""
    year = "".join(_DIGITS[int(d)] for d in str(day.year))
    text = f"{year}年{_chinese_number(day.month)}月"
    return text + (f"{_chinese_number(day.day)}日" if with_day else "")


def numeric_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
