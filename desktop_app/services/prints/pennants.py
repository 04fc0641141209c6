"""Pennants (锦旗) for 党员先锋班, as the order sheet a shop makes them from (锦旗制作单).

One page per pennant: what the shop needs to know (finished size in cm, material, colours,
trim, the three texts with their character heights) and the pennant drawn to scale in the
classic vertical layout, with its dimensions. Columns read from right to left: the 上款 (授予
the class, or the class alone when the branch 敬赠), the large main text down the middle, the
落款 (the branch and the month). A main text too long for one column is split between two
at a phrase boundary: where she put a space or “/”, else between two-character words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import (
    GOLD, GREY, INK, NO_OFFSET, PAPER, RED, Offset, Progress, Target, chinese_date, open_canvas, report,
)
from desktop_app.services.prints.text import draw_line, draw_vertical, fit_size, vertical_cells

DEFAULT_MAIN_TEXT = "党员先锋班"
SIZES_CM = {"60×90": (60, 90), "70×120": (70, 120), "80×160": (80, 160), "90×180": (90, 180)}
MATERIALS = ("金丝绒", "植绒布", "丝绸")
WORDINGS = ("授予", "敬赠")
BREAKS = " /／｜|，,、·"
MAX_ONE_COLUMN = 6


@dataclass(frozen=True)
class Pennant:
    class_name: str  # 上款, e.g. 高二(3)班
    branch: str  # 落款
    day: date
    main_text: str = DEFAULT_MAIN_TEXT
    head_teacher: str = ""
    wording: str = "授予"  # 授予: the branch awards it; 敬赠: the branch presents it
    size: str = "60×90"  # finished size in cm, width × height
    material: str = MATERIALS[0]

    @property
    def who(self) -> str:
        return self.class_name

    @property
    def dedication(self) -> list[str]:
        """上款 columns, right to left."""
        first = f"授予{self.class_name}" if self.wording == "授予" else self.class_name
        return [first, *([f"班主任　{self.head_teacher}"] if self.head_teacher else [])]

    @property
    def signature(self) -> list[str]:
        """落款 columns, right to left: the branch (敬赠 after it), then the month."""
        branch = f"{self.branch}　敬赠" if self.wording == "敬赠" else self.branch
        return [branch, chinese_date(self.day, with_day=False)]

    @property
    def columns(self) -> list[str]:
        return main_columns(self.main_text)

    def texts(self) -> list[str]:
        return [self.main_text, *self.dedication, *self.signature]


def main_columns(text: str) -> list[str]:
    """One column up to six characters; longer, two columns (right one first) split where she
    marked a break, else at the two-character word boundary nearest the middle."""
    text = text.strip() or DEFAULT_MAIN_TEXT
    for mark in BREAKS:
        if mark in text.strip(BREAKS):
            left, _, right = text.partition(mark)
            return [left.strip(BREAKS), right.replace(mark, "").strip(BREAKS)]
    if len(text) <= MAX_ONE_COLUMN:
        return [text]
    cut = min(range(2, len(text) - 1, 2), key=lambda k: (abs(k - len(text) / 2), -k))
    return [text[:cut], text[cut:]]


@dataclass(frozen=True)
class Layout:
    """The pennant in cm: its size, the character heights and where the columns stand."""

    width: float
    height: float
    main_char: float  # height of a main-text character
    side_char: float  # 上款 and 落款
    margin: float  # from the edge to the text

    @staticmethod
    def of(pennant: Pennant) -> Layout:
        width, height = SIZES_CM.get(pennant.size, SIZES_CM["60×90"])
        columns = pennant.columns
        longest = max(len(vertical_cells(c)) for c in columns)
        side = round(width * 0.06, 1)
        margin = round(width * 0.08, 1)
        room = height - 2 * (margin + 3 * side)
        share = 0.34 if len(columns) == 1 else 0.2  # two columns leave room for 上款 and 落款
        main = round(min(room / longest, width * share) * 0.9, 1)
        return Layout(width, height, main, side, margin)


def spec_rows(p: Pennant, layout: Layout) -> list[tuple[str, str]]:
    columns = "”“".join(p.columns)
    return [
        ("成品尺寸", f"宽 {layout.width:g} cm × 高 {layout.height:g} cm（竖式）"),
        ("材质", p.material),
        ("颜色", "大红底色，金黄色字（烫金或印金）"),
        ("边饰", "下边及两侧金色流苏；上端穿杆，配横杆、挂绳"),
        ("数量", "1 面"),
        ("上款", f"“{'　'.join(p.dedication)}”，字高约 {layout.side_char:g} cm"),
        ("正文", f"“{columns}”，{len(p.columns)} 列，字高约 {layout.main_char:g} cm"),
        ("落款", f"“{'　'.join(p.signature)}”，字高约 {layout.side_char:g} cm"),
    ]


def _draw_specs(c: Canvas, p: Pennant, layout: Layout, fonts: FontSet, left: float, top: float, width: float) -> float:
    bold, regular = fonts.chain(bold=True), fonts.chain()
    y = top
    for label, value in spec_rows(p, layout):
        c.setFillColorRGB(*INK)
        draw_line(c, label, left, y, 11, bold, align="left")
        size = fit_size(value, regular, width - 22 * mm, 11, 7)
        draw_line(c, value, left + 22 * mm, y, size, regular, align="left")
        c.setStrokeColorRGB(*GREY)
        c.setLineWidth(0.3)
        c.line(left, y - 2.5 * mm, left + width, y - 2.5 * mm)
        y -= 8 * mm
    return y


def _dimension(c: Canvas, x0: float, y0: float, x1: float, y1: float, label: str, fonts: FontSet) -> None:
    c.setStrokeColorRGB(*GREY)
    c.setLineWidth(0.4)
    c.line(x0, y0, x1, y1)
    for x, y in ((x0, y0), (x1, y1)):
        c.circle(x, y, 0.6 * mm, stroke=1, fill=0)
    c.setFillColorRGB(*GREY)
    draw_line(c, label, (x0 + x1) / 2 + (3 * mm if x0 == x1 else 0), (y0 + y1) / 2 + (1.5 * mm if y0 == y1 else 0),
              8, fonts.chain(), align="left" if x0 == x1 else "centre")


def _draw_to_scale(c: Canvas, p: Pennant, layout: Layout, fonts: FontSet, box: tuple[float, float, float, float]) -> None:
    """The pennant at scale, centred in box (left, bottom, width, height), with dimensions."""
    bold = fonts.chain(bold=True)
    bx, by, bw, bh = box
    scale = min(bw / layout.width, bh / layout.height)  # points per cm
    w, h = layout.width * scale, layout.height * scale
    left, bottom = bx + (bw - w) / 2, by + (bh - h) / 2
    c.setFillColorRGB(*RED)
    c.rect(left, bottom, w, h, stroke=0, fill=1)
    c.setFillColorRGB(*GOLD)
    margin, side, main = layout.margin * scale, layout.side_char * scale, layout.main_char * scale
    x = left + w - margin - side / 2
    for column in p.dedication:  # 上款: upper right, leftwards
        draw_vertical(c, column, x, bottom + h - margin, side * 0.9, bold, side)
        x -= side * 1.3
    columns = p.columns
    centre = left + w / 2
    for i, column in enumerate(columns):
        cx = centre + (len(columns) - 1) * main * 0.6 - i * main * 1.2
        top = bottom + h / 2 + len(vertical_cells(column)) * main / 2
        draw_vertical(c, column, cx, top, main * 0.9, bold, main)
    x = left + margin + side / 2 + (len(p.signature) - 1) * side * 1.3
    for column in p.signature:  # 落款: lower left, bottom aligned
        draw_vertical(c, column, x, bottom + margin + len(vertical_cells(column)) * side, side * 0.9, bold, side)
        x -= side * 1.3
    _dimension(c, left, bottom - 5 * mm, left + w, bottom - 5 * mm, f"{layout.width:g} cm", fonts)
    _dimension(c, left + w + 5 * mm, bottom, left + w + 5 * mm, bottom + h, f"{layout.height:g} cm", fonts)
    c.setFillColorRGB(*GREY)
    ratio = (10 * mm) / scale  # a centimetre of pennant is `scale` points on the sheet
    draw_line(c, f"示意图，约 1:{ratio:.0f}", bx + bw / 2, by - 12 * mm, 8, fonts.chain())


def draw_pennant(c: Canvas, pennant: Pennant, fonts: FontSet, page_size, offset: Offset = NO_OFFSET) -> None:
    offset.apply(c)
    width, height = page_size
    u = width / (210 * mm)  # 1 on A4, about 1.41 on A3
    bold = fonts.chain(bold=True)
    layout = Layout.of(pennant)
    c.setFillColorRGB(*INK)
    draw_line(c, "锦旗制作单", width / 2, height - 24 * mm * u, 22 * u, bold, char_space=4 * u)
    draw_line(c, f"{pennant.class_name}　{pennant.main_text.strip()}", width / 2, height - 33 * mm * u, 12 * u,
              fonts.chain())
    left, text_width = 22 * mm * u, width - 44 * mm * u
    c.saveState()
    c.translate(left, height - 46 * mm * u)
    c.scale(u, u)
    bottom = _draw_specs(c, pennant, layout, fonts, 0, 0, text_width / u)
    c.restoreState()
    spec_bottom = height - 46 * mm * u + bottom * u
    box_top = spec_bottom - 6 * mm * u
    _draw_to_scale(c, pennant, layout, fonts, (left, 28 * mm * u, text_width - 20 * mm * u, box_top - 28 * mm * u))
    c.showPage()


def render_pennants(pennants: Iterable[Pennant], target: Target, fonts: FontSet, paper: str = "A4",
                    offset: Offset = NO_OFFSET, progress: Progress | None = None) -> int:
    pennants = list(pennants)
    page_size = PAPER[paper]
    c = open_canvas(target, page_size, fonts, "党员先锋班锦旗制作单")
    for done, pennant in enumerate(pennants, start=1):
        draw_pennant(c, pennant, fonts, page_size, offset)
        report(progress, done, len(pennants))
    c.save()
    return len(pennants)
