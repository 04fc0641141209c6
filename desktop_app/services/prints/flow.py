"""Flowing documents (pledge letters, the 公示 list): reportlab platypus with our fonts,
the printer offset on every page and a 「第 N 页，共 M 页」 footer."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, SimpleDocTemplate

from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import GREY, NO_OFFSET, Offset, Target
from desktop_app.services.prints.text import draw_line


def styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    regular, bold = fonts.regular[0], fonts.bold[0]
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=24, leading=32, alignment=TA_CENTER,
                                textColor=(0.72, 0.06, 0.07), spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", fontName=regular, fontSize=12, leading=18, alignment=TA_CENTER,
                                   spaceAfter=10),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=14, leading=22, spaceBefore=12, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=regular, fontSize=13, leading=22, firstLineIndent=26,
                               wordWrap="CJK"),
        "item": ParagraphStyle("item", fontName=regular, fontSize=13, leading=22, leftIndent=26,
                               firstLineIndent=-20, wordWrap="CJK", spaceAfter=3),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=11, leading=16, wordWrap="CJK"),
        "head_cell": ParagraphStyle("head_cell", fontName=bold, fontSize=11.5, leading=16, alignment=TA_CENTER),
        "note": ParagraphStyle("note", fontName=regular, fontSize=11, leading=18, spaceBefore=10, wordWrap="CJK"),
    }


class SpacedTitle(Flowable):
    """A centred red title with its characters spread (对 标 承 诺 书), as formal letters set it."""

    def __init__(self, text: str, fonts: FontSet, size: float = 26, spread: float = 0.35):
        super().__init__()
        self.text, self.chain, self.size, self.spread = text, fonts.chain(bold=True), size, spread

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.size * 1.5

    def draw(self):
        self.canv.setFillColorRGB(0.72, 0.06, 0.07)
        draw_line(self.canv, self.text, self.width / 2, self.size * 0.4, self.size, self.chain,
                  char_space=self.size * self.spread)


def red_rule() -> HRFlowable:
    return HRFlowable(width="100%", thickness=1.6, color=(0.72, 0.06, 0.07), spaceBefore=2, spaceAfter=8)


def _numbered_canvas(fonts: FontSet):
    """A canvas class that holds pages back until the end so each footer knows the total."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFillColorRGB(*GREY)
                width = self._pagesize[0]
                draw_line(self, f"第 {number} 页，共 {total} 页", width / 2, 12 * mm, 9, fonts.chain())
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def build(target: Target, story: list, fonts: FontSet, title: str, offset: Offset = NO_OFFSET,
          pagesize=A4, margins_mm: tuple[float, float, float, float] = (22, 20, 20, 22),
          numbered: bool = True) -> int:
    """Lay out `story` (top, right, bottom, left margins in mm); returns the page count."""
    top, right, bottom, left = margins_mm
    doc = SimpleDocTemplate(target, pagesize=pagesize, title=title, author="党建台账", creator="党建台账",
                            topMargin=top * mm, rightMargin=right * mm, bottomMargin=bottom * mm,
                            leftMargin=left * mm, initialFontName=fonts.regular[0], initialFontSize=12)

    def on_page(c: Canvas, _doc) -> None:
        offset.apply(c)  # stays in force for everything drawn on this page

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page,
              canvasmaker=_numbered_canvas(fonts) if numbered else Canvas)
    return doc.page
