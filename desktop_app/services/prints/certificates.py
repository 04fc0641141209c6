"""Honour certificates (荣誉证书): A4 landscape, framed, with title, recipient, citation,
issuer and date. A long name or citation shrinks to fit its box instead of overflowing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.services.errors import UserError
from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import (
    DARK_GOLD, DEEP_RED, GOLD, INK, NO_OFFSET, RED, Offset, Progress, Target, chinese_date, landscape_a4,
    open_canvas, report,
)
from desktop_app.services.prints.shapes import double_frame, draw_star_row
from desktop_app.services.prints.linebreak import draw_block, fit_block
from desktop_app.services.prints.text import draw_line, fit_size

PAGE_W, PAGE_H = landscape_a4()
TITLE = "荣誉证书"
CITATION_SIZE = 22  # pt, the size a citation of ordinary length gets
CITATION_MIN_SIZE = 9

# The citation's box, shared with the tests that check long text stays inside it.
TEXT_LEFT, TEXT_RIGHT = 42 * mm, PAGE_W - 42 * mm
CITATION_TOP, CITATION_BOTTOM = PAGE_H - 92 * mm, 68 * mm
SEAL_CENTRE = (PAGE_W - 82 * mm, 41 * mm)  # where the seal is pressed: over the date
SEAL_RADIUS = 21 * mm


DEFAULT_TEMPLATE = "在{学年}学年度创先争优活动中表现突出，被评为“{荣誉}”。特发此证，以资鼓励。"
CLASS_TEMPLATE = "{班级}在{学年}学年度创先争优活动中成绩突出，被评为“{荣誉}”。特发此证，以资鼓励。"
PLACEHOLDERS = ("姓名", "学年", "荣誉", "班级")


def fill_template(template: str, **values: str) -> str:
    """{姓名} {学年} {荣誉} {班级} replaced by their values; other text, braces included, kept as typed."""
    text = template
    for key in PLACEHOLDERS:
        text = text.replace("{" + key + "}", values.get(key, ""))
    return text


def unknown_placeholders(template: str) -> list[str]:
    """Words in braces that are not placeholders (a typo such as {名字})."""
    found = re.findall(r"\{([^{}]*)\}", template)
    return [word for word in found if word not in PLACEHOLDERS]


def default_citation(school_year: str, honour: str) -> str:
    return fill_template(DEFAULT_TEMPLATE, 学年=school_year, 荣誉=honour)


@dataclass(frozen=True)
class Certificate:
    recipient: str  # a member's name, or a class for 党员先锋班
    citation: str
    issuer: str
    day: date
    salutation: str = "同志"  # empty for a class
    honour: str = ""  # the title, to tell one person's certificates apart in lists
    honour_id: int | None = None  # the honours register's row: its number is kept for reprints
    number: str = ""  # 2026-007, given when first printed

    @property
    def who(self) -> str:
        return self.recipient

    @property
    def list_label(self) -> str:
        return f"{self.recipient}（{self.honour}）" if self.honour else self.recipient

    def texts(self) -> list[str]:
        return [self.recipient, self.citation, self.issuer]


def draw_certificate(c: Canvas, cert: Certificate, fonts: FontSet, offset: Offset = NO_OFFSET) -> float:
    """Draw one certificate page; returns the citation's font size."""
    offset.apply(c)
    bold, regular = fonts.chain(bold=True), fonts.chain()
    c.setFillColorRGB(1.0, 0.985, 0.95)
    c.rect(12 * mm, 12 * mm, PAGE_W - 24 * mm, PAGE_H - 24 * mm, stroke=0, fill=1)
    double_frame(c, 12 * mm, 12 * mm, PAGE_W - 24 * mm, PAGE_H - 24 * mm, RED, DARK_GOLD, 4.5 * mm, 4, 1)
    # title between two small gold stars
    c.setFillColorRGB(*RED)
    title_y = PAGE_H - 52 * mm
    width = draw_line(c, TITLE, PAGE_W / 2, title_y, 46, bold, char_space=18)
    for side in (-1, 1):
        draw_star_row(c, 1, PAGE_W / 2 + side * (width / 2 + 14 * mm), title_y + 5.5 * mm, 4.2 * mm, 0, GOLD, RED)
    c.setStrokeColorRGB(*DARK_GOLD)
    c.setLineWidth(0.8)
    c.line(PAGE_W / 2 - 60 * mm, title_y - 7 * mm, PAGE_W / 2 + 60 * mm, title_y - 7 * mm)
    # recipient, then the citation
    c.setFillColorRGB(*INK)
    salutation = f"{cert.recipient}{('　' + cert.salutation) if cert.salutation else ''}："
    size = fit_size(salutation, bold, TEXT_RIGHT - TEXT_LEFT, 26, 10)
    draw_line(c, salutation, TEXT_LEFT, PAGE_H - 80 * mm, size, bold, align="left")
    block = fit_block(cert.citation, regular, TEXT_RIGHT - TEXT_LEFT, CITATION_TOP - CITATION_BOTTOM,
                      CITATION_SIZE, CITATION_MIN_SIZE)
    if block is None:
        raise UserError(f"{cert.recipient}的证书正文太长，最小字号也排不下，请删减后再印。")
    draw_block(c, block, regular, TEXT_LEFT, CITATION_TOP, TEXT_RIGHT - TEXT_LEFT)
    # issuer and date, centred on each other at the lower right; the seal (up to 42 mm) is set
    # centred on them, pressing on the date, and stays inside the frame
    c.setFillColorRGB(*DEEP_RED)
    centre = SEAL_CENTRE[0]
    issuer_size = fit_size(cert.issuer, bold, 110 * mm, 20, 9)
    draw_line(c, cert.issuer, centre, SEAL_CENTRE[1] + 7 * mm, issuer_size, bold)
    c.setFillColorRGB(*INK)
    draw_line(c, chinese_date(cert.day), centre, SEAL_CENTRE[1] - 4 * mm, 16, regular)
    if cert.number:
        draw_line(c, f"证书编号：{cert.number}", TEXT_LEFT, 26 * mm, 11, regular, align="left")
    c.showPage()
    return block.size


def render_certificates(certs: Iterable[Certificate], target: Target, fonts: FontSet,
                        offset: Offset = NO_OFFSET, progress: Progress | None = None) -> int:
    certs = list(certs)
    c = open_canvas(target, (PAGE_W, PAGE_H), fonts, TITLE)
    for done, cert in enumerate(certs, start=1):
        draw_certificate(c, cert, fonts, offset)
        report(progress, done, len(certs))
    c.save()
    return len(certs)
