"""Pennants (锦旗) for 党员先锋班, in the classic vertical layout.

A red field with gold text hangs from a dowel on a cord and ends in a gold fringe.
Columns read from right to left: the 上款 (the class and its head teacher) at the upper
right, the large main text down the middle, the 落款 (branch and date) at the lower left.
Drawn on A4 or A3 (everything scales with the paper) for a shop to reproduce or to print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import (
    DARK_GOLD, DEEP_RED, GOLD, NO_OFFSET, PAPER, RED, Offset, Progress, Target, chinese_date, open_canvas, report,
)
from desktop_app.services.prints.text import draw_vertical, vertical_cells

DEFAULT_MAIN_TEXT = "党员先锋班"
BASE_WIDTH = 210 * mm  # the layout is designed on A4 and scaled


@dataclass(frozen=True)
class Pennant:
    class_name: str  # 上款, e.g. 高二(3)班
    branch: str  # 落款
    day: date
    main_text: str = DEFAULT_MAIN_TEXT
    head_teacher: str = ""

    @property
    def who(self) -> str:
        return self.class_name

    @property
    def dedication(self) -> list[str]:
        """上款 columns, right to left."""
        columns = [self.class_name]
        if self.head_teacher:
            columns.append(f"班主任　{self.head_teacher}")
        return columns

    @property
    def signature(self) -> list[str]:
        """落款 columns, right to left: the branch, then the date."""
        return [self.branch, chinese_date(self.day, with_day=False)]

    def texts(self) -> list[str]:
        return [self.main_text, *self.dedication, *self.signature]


def _main_columns(text: str) -> list[str]:
    """Up to six characters in one column; longer texts in two, the right one first."""
    text = text.strip() or DEFAULT_MAIN_TEXT
    if len(text) <= 6:
        return [text]
    half = (len(text) + 1) // 2
    return [text[:half], text[half:]]


def _draw_hanger(c: Canvas, left: float, right: float, rod_y: float, top: float, u: float) -> None:
    """The cord to a hook, and the dowel with round knobs."""
    middle = (left + right) / 2
    c.setStrokeColorRGB(*DARK_GOLD)
    c.setLineWidth(1.2 * u)
    c.line(left + 12 * mm * u, rod_y, middle, top)
    c.line(right - 12 * mm * u, rod_y, middle, top)
    c.setFillColorRGB(*DARK_GOLD)
    c.circle(middle, top, 2.2 * mm * u, stroke=0, fill=1)
    c.setFillColorRGB(0.45, 0.28, 0.12)
    c.roundRect(left - 6 * mm * u, rod_y - 2.2 * mm * u, right - left + 12 * mm * u, 4.4 * mm * u, 2 * mm * u, stroke=0, fill=1)
    c.setFillColorRGB(*DARK_GOLD)
    for x in (left - 8 * mm * u, right + 8 * mm * u):
        c.circle(x, rod_y, 3.6 * mm * u, stroke=0, fill=1)


def _draw_fringe(c: Canvas, left: float, right: float, top: float, length: float, u: float) -> None:
    c.setFillColorRGB(*DARK_GOLD)
    c.rect(left, top - 3 * mm * u, right - left, 3 * mm * u, stroke=0, fill=1)
    c.setStrokeColorRGB(*GOLD)
    c.setLineWidth(0.9 * u)
    x, step = left + 1 * mm * u, 1.6 * mm * u
    while x < right - 0.5 * mm * u:
        c.line(x, top - 3 * mm * u, x, top - 3 * mm * u - length)
        x += step


def draw_pennant(c: Canvas, pennant: Pennant, fonts: FontSet, page_size, offset: Offset = NO_OFFSET) -> None:
    offset.apply(c)
    width, height = page_size
    u = width / BASE_WIDTH  # 1 on A4, about 1.41 on A3
    bold = fonts.chain(bold=True)
    left, right = 32 * mm * u, width - 32 * mm * u
    rod_y = height - 30 * mm * u
    field_top, field_bottom = rod_y - 2 * mm * u, 44 * mm * u
    _draw_hanger(c, left, right, rod_y, height - 12 * mm * u, u)
    # the red field, with a gold rule inside its edge
    c.setFillColorRGB(*RED)
    c.rect(left, field_bottom, right - left, field_top - field_bottom, stroke=0, fill=1)
    c.setStrokeColorRGB(*GOLD)
    c.setLineWidth(1.0 * u)
    inset = 5 * mm * u
    c.rect(left + inset, field_bottom + inset, right - left - 2 * inset, field_top - field_bottom - 2 * inset)
    c.setStrokeColorRGB(*DEEP_RED)
    c.setLineWidth(0.4 * u)
    c.line(left, field_top, right, field_top)
    _draw_fringe(c, left, right, field_bottom, 20 * mm * u, u)

    c.setFillColorRGB(*GOLD)
    small = 19 * u
    small_pitch = small * 1.2
    # 上款: upper right, columns leftwards
    x = right - 17 * mm * u
    for column in pennant.dedication:
        draw_vertical(c, column, x, field_top - 16 * mm * u, small, bold, small_pitch)
        x -= small_pitch * 1.15
    # main text down the middle
    columns = _main_columns(pennant.main_text)
    longest = max(len(vertical_cells(col)) for col in columns)
    room = field_top - field_bottom - 2 * 30 * mm * u
    cap = (38 if len(columns) == 1 else 33) * mm * u  # two columns leave room for 上款 and 落款
    pitch = min(room / longest, cap, (right - left - 2 * 34 * mm * u) / len(columns))
    size = pitch * 0.9
    centre = (left + right) / 2
    for i, column in enumerate(columns):
        x = centre + (len(columns) - 1) * pitch * 0.55 - i * pitch * 1.1
        top = (field_top + field_bottom) / 2 + len(vertical_cells(column)) * pitch / 2
        draw_vertical(c, column, x, top, size, bold, pitch)
    # 落款: lower left, columns leftwards, bottom aligned
    signature = pennant.signature
    x = left + 17 * mm * u + (len(signature) - 1) * small_pitch * 1.15
    for column in signature:
        top = field_bottom + 14 * mm * u + len(vertical_cells(column)) * small_pitch
        draw_vertical(c, column, x, top, small, bold, small_pitch)
        x -= small_pitch * 1.15
    c.showPage()


def render_pennants(pennants: Iterable[Pennant], target: Target, fonts: FontSet, paper: str = "A4",
                    offset: Offset = NO_OFFSET, progress: Progress | None = None) -> int:
    pennants = list(pennants)
    page_size = PAPER[paper]
    c = open_canvas(target, page_size, fonts, "党员先锋班锦旗")
    for done, pennant in enumerate(pennants, start=1):
        draw_pennant(c, pennant, fonts, page_size, offset)
        report(progress, done, len(pennants))
    c.save()
    return len(pennants)
