"""The calibration page (校准页): crosshairs and rulers at known positions in mm.

Print it, measure with a ruler where the crosshair centres landed, and enter the printer
offset: X = 40 − measured distance from the left edge, Y = 40 − measured distance from the
top edge. The page itself is printed with the current offset, so after a correct entry the
crosshairs sit exactly on their marks. The rulers run from the paper's edges (0 mm), so the
first tick that comes out shows where the printer's unprintable margin ends.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import GREY, INK, NO_OFFSET, RED, Offset, Target, open_canvas
from desktop_app.services.prints.text import draw_line

PAGE_W, PAGE_H = A4
# Crosshair centres, in mm from the paper's left and top edges.
CROSSHAIRS_MM = ((40, 40), (105, 148.5), (170, 257))
RULER_FROM_TOP_MM = 15
RULER_FROM_LEFT_MM = 15
PAPER_W_MM, PAPER_H_MM = 210, 297  # the rulers run from one paper edge to the other


def _at(x_mm: float, y_from_top_mm: float) -> tuple[float, float]:
    return x_mm * mm, PAGE_H - y_from_top_mm * mm


def _crosshair(c: Canvas, x_mm: float, y_mm: float, fonts: FontSet) -> None:
    x, y = _at(x_mm, y_mm)
    c.setStrokeColorRGB(*RED)
    c.setLineWidth(0.3)
    c.line(x - 12 * mm, y, x + 12 * mm, y)
    c.line(x, y - 12 * mm, x, y + 12 * mm)
    c.circle(x, y, 5 * mm)
    c.setFillColorRGB(*INK)
    label = f"距左边 {x_mm:g} mm，距上边 {y_mm:g} mm"
    if x_mm > 150:
        draw_line(c, label, x - 6.5 * mm, y + 2 * mm, 8, fonts.chain(), align="right")
    else:
        draw_line(c, label, x + 6.5 * mm, y + 2 * mm, 8, fonts.chain(), align="left")


def _horizontal_ruler(c: Canvas, fonts: FontSet) -> None:
    _x, y = _at(0, RULER_FROM_TOP_MM)
    c.setStrokeColorRGB(*INK)
    c.setFillColorRGB(*INK)
    for step in range(0, PAPER_W_MM + 1):
        length = 6 if step % 10 == 0 else 4 if step % 5 == 0 else 2.2
        c.setLineWidth(0.35 if step % 10 == 0 else 0.2)
        c.line(step * mm, y, step * mm, y - length * mm)
        if step % 10 == 0:
            draw_line(c, str(step), step * mm, y - 9.5 * mm, 7, fonts.chain())
    c.setLineWidth(0.35)
    c.line(0, y, PAPER_W_MM * mm, y)


def _vertical_ruler(c: Canvas, fonts: FontSet) -> None:
    x, _y = _at(RULER_FROM_LEFT_MM, 0)
    c.setStrokeColorRGB(*INK)
    c.setFillColorRGB(*INK)
    for step in range(0, PAPER_H_MM + 1):
        length = 6 if step % 10 == 0 else 4 if step % 5 == 0 else 2.2
        y = PAGE_H - step * mm
        c.setLineWidth(0.35 if step % 10 == 0 else 0.2)
        c.line(x, y, x + length * mm, y)
        if step % 10 == 0:
            draw_line(c, str(step), x + 7.5 * mm, y - 1 * mm, 7, fonts.chain(), align="left")
    c.setLineWidth(0.35)
    c.line(x, PAGE_H, x, 0)


INSTRUCTIONS = (
    "打印机偏移校准页（A4，按实际大小打印，不要“缩放以适合纸张”）",
    "1. 用直尺量出左上角十字中心到纸张左边、上边的实际距离（应为 40 mm）。",
    "2. 偏移 X = 40 − 实测左距；偏移 Y = 40 − 实测上距（单位 mm，可为负数）。",
    "3. 在“印制”页填入偏移并保存，再打印本页核对：十字应正好落在标注位置。",
    "横尺、竖尺从纸边的 0 起刻，刻度为距纸边的毫米数：最先印出的刻度就是打印机能印到的边界。",
)


def render_calibration(target: Target, fonts: FontSet, offset: Offset = NO_OFFSET) -> int:
    c = open_canvas(target, A4, fonts, "打印机偏移校准页")
    offset.apply(c)
    for x_mm, y_mm in CROSSHAIRS_MM:
        _crosshair(c, x_mm, y_mm, fonts)
    _horizontal_ruler(c, fonts)
    _vertical_ruler(c, fonts)
    c.setFillColorRGB(*INK)
    top = PAGE_H - 75 * mm
    draw_line(c, INSTRUCTIONS[0], 32 * mm, top, 11, fonts.chain(bold=True), align="left")
    for i, line in enumerate(INSTRUCTIONS[1:], start=1):
        draw_line(c, line, 32 * mm, top - i * 7 * mm, 9, fonts.chain(), align="left")
    c.setFillColorRGB(*GREY)
    draw_line(c, f"本页已按当前偏移打印：X = {offset.x_mm:+g} mm，Y = {offset.y_mm:+g} mm", 32 * mm,
              top - 6 * 7 * mm, 9, fonts.chain(), align="left")
    c.showPage()
    c.save()
    return 1
