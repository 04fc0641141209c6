"""Drawing text on a reportlab canvas with per-character font fallback.

Lines are measured and drawn as runs of one font each (see `fonts.split_runs`); vertical
text (锦旗) is set one character per cell, brackets and dashes turned 90° as vertical
Chinese typesetting does. `markup` gives Paragraph text with the user's words escaped.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop_app.services.prints.fonts import split_runs

Chain = tuple[str, ...]

# Characters that lie on their side in a vertical column.
_TURNED_IN_VERTICAL = set("()（）[]【】《》〈〉「」『』<>—–-~～…:：")


def text_width(text: str, chain: Chain, size: float) -> float:
    return sum(stringWidth(run, font, size) for font, run in split_runs(text, chain))


def fit_size(text: str, chain: Chain, max_width: float, size: float, min_size: float = 6) -> float:
    """The largest size ≤ `size` at which `text` fits in `max_width` (never below min_size)."""
    width = text_width(text, chain, size)
    if width <= max_width or width == 0:
        return size
    return max(min_size, size * max_width / width)


def draw_line(c: Canvas, text: str, x: float, y: float, size: float, chain: Chain,
              align: str = "centre", char_space: float = 0) -> float:
    """Draw one line with its baseline at y; x is the left, centre or right edge. Returns width."""
    runs = split_runs(text, chain)
    width = sum(stringWidth(run, font, size) for font, run in runs) + char_space * max(len(text) - 1, 0)
    left = {"left": x, "centre": x - width / 2, "right": x - width}[align]
    obj = c.beginText(left, y)
    obj.setCharSpace(char_space)
    for font, run in runs:
        obj.setFont(font, size)
        obj.textOut(run)
    c.drawText(obj)
    return width


def vertical_cells(text: str) -> list[str]:
    """One character per cell, except that up to three ASCII letters or digits share a cell
    set across the column (纵中横), so 高二(12)班 reads 12 rather than 1 over 2."""
    cells: list[str] = []
    for char in text:
        if char.isascii() and char.isalnum() and cells and cells[-1].isascii() and cells[-1].isalnum() \
                and len(cells[-1]) < 3:
            cells[-1] += char
        else:
            cells.append(char)
    return [cell for cell in cells if cell]


def draw_vertical(c: Canvas, text: str, x_centre: float, y_top: float, size: float,
                  chain: Chain, pitch: float | None = None) -> float:
    """Draw `text` top to bottom in a column centred on x_centre; returns the column height."""
    pitch = pitch or size
    y = y_top
    for cell in vertical_cells(text):
        font = split_runs(cell, chain)[0][0]
        cell_middle = y - pitch / 2
        if cell in _TURNED_IN_VERTICAL:
            c.saveState()
            c.translate(x_centre, cell_middle)
            c.rotate(-90)
            width = stringWidth(cell, font, size)
            c.setFont(font, size)
            c.drawString(-width / 2, -size * 0.35, cell)
            c.restoreState()
        elif not cell.isspace():
            cell_size = size
            if cell.isascii():  # Latin letters and digits: as tall as the Chinese, at most one cell wide
                natural = stringWidth(cell, font, size * 1.2)
                cell_size = min(size * 1.2, size * 1.2 * pitch * 0.95 / max(natural, 1))
            width = stringWidth(cell, font, cell_size)
            c.setFont(font, cell_size)
            c.drawString(x_centre - width / 2, cell_middle - size * 0.36, cell)
        y -= pitch
    return y_top - y


def markup(text: str, chain: Chain) -> str:
    """Paragraph markup for user text: escaped, with <font> only where a fallback is needed."""
    parts = []
    for font, run in split_runs(text, chain):
        safe = escape(run)
        parts.append(safe if font == chain[0] else f'<font name="{font}">{safe}</font>')
    return "".join(parts)

