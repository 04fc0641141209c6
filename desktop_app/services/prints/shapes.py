"""Drawn ornaments shared by the prints: five-pointed stars and decorative frames."""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas


def star_path(c: Canvas, cx: float, cy: float, radius: float, inner_ratio: float = 0.382):
    """A five-pointed star, one point straight up, as a closed path."""
    path = c.beginPath()
    for i in range(10):
        r = radius if i % 2 == 0 else radius * inner_ratio
        angle = math.pi / 2 + i * math.pi / 5
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    return path


def _star_form(c: Canvas, fill, stroke) -> str:
    """A unit star stored once in the PDF as a form XObject and reused: a 60-card batch then
    carries one star outline instead of 300, and draws in a fraction of the time."""
    name = "star-" + "-".join(f"{v:.3f}" for v in (*fill, *(stroke or ())))
    made = c.__dict__.setdefault("_star_forms", set())
    if name not in made:
        c.beginForm(name, lowerx=-1.1, lowery=-1.1, upperx=1.1, uppery=1.1)
        c.setFillColorRGB(*fill)
        if stroke:
            c.setStrokeColorRGB(*stroke)
            c.setLineWidth(0.04)
        c.drawPath(star_path(c, 0, 0, 1), fill=1, stroke=1 if stroke else 0)
        c.endForm()
        made.add(name)
    return name


def draw_star(c: Canvas, cx: float, cy: float, radius: float, fill, stroke=None) -> None:
    form = _star_form(c, fill, stroke)
    c.saveState()
    c.translate(cx, cy)
    c.scale(radius, radius)
    c.doForm(form)
    c.restoreState()


def draw_star_row(c: Canvas, count: int, cx: float, cy: float, radius: float, gap: float, fill, stroke=None) -> None:
    """`count` stars side by side, centred on (cx, cy)."""
    step = 2 * radius + gap
    first = cx - step * (count - 1) / 2
    for i in range(count):
        draw_star(c, first + i * step, cy, radius, fill, stroke)


def corner_ornament(c: Canvas, x: float, y: float, size: float, sx: int, sy: int) -> None:
    """An L-shaped double bracket with a dot, pointing into the page from the corner (x, y).
    sx/sy are +1 or -1: the direction towards the inside of the page."""
    c.saveState()
    c.translate(x, y)
    c.scale(sx, sy)
    c.setLineWidth(1.6)
    c.line(0, 0, size, 0)
    c.line(0, 0, 0, size)
    c.setLineWidth(0.7)
    inset = size * 0.18
    c.line(inset, inset, size * 0.75, inset)
    c.line(inset, inset, inset, size * 0.75)
    c.circle(inset * 2.1, inset * 2.1, size * 0.06, stroke=0, fill=1)
    c.restoreState()


def double_frame(c: Canvas, x: float, y: float, w: float, h: float, outer_colour, inner_colour,
                 gap: float, outer_width: float = 3, inner_width: float = 1) -> None:
    """A thick outer rule with a thin inner rule `gap` inside it, and ornamented corners."""
    c.saveState()
    c.setStrokeColorRGB(*outer_colour)
    c.setLineWidth(outer_width)
    c.rect(x, y, w, h)
    c.setStrokeColorRGB(*inner_colour)
    c.setFillColorRGB(*inner_colour)
    c.setLineWidth(inner_width)
    c.rect(x + gap, y + gap, w - 2 * gap, h - 2 * gap)
    size = gap * 3.2
    inset = gap * 1.6
    for cx, cy, sx, sy in ((x + inset, y + inset, 1, 1), (x + w - inset, y + inset, -1, 1),
                           (x + inset, y + h - inset, 1, -1), (x + w - inset, y + h - inset, -1, -1)):
        corner_ornament(c, cx, cy, size, sx, sy)
    c.restoreState()
