"""Desk plaques (桌牌) for star members: an A4 tent card folded along the horizontal middle.

The lower half of the sheet is one face, reading upright; the upper half is the same face
turned 180°, so that once folded and stood on a desk both faces read upright with the fold
on top. One card per page; a batch is all members of a star level for a year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.domain.scheme import StarLevel
from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import (
    DEEP_RED, GOLD, GREY, INK, NO_OFFSET, RED, Offset, Progress, Target, open_canvas, organisation, report,
)
from desktop_app.services.prints.shapes import draw_star_row
from desktop_app.services.prints.text import draw_line, fit_size

PAGE_W, PAGE_H = A4
FACE_H = PAGE_H / 2
SAFE_MARGIN = 12 * mm  # wider than any office printer's unprintable edge


@dataclass(frozen=True)
class PlaqueCard:
    name: str
    level: StarLevel
    school: str
    branch: str
    year: str  # school year "2025-2026"
    party: str = "共产党员"  # or 预备党员
    post: str = ""
    show_post: bool = False  # print the post beside 共产党员 (a print setting)

    @property
    def who(self) -> str:
        return self.name

    @property
    def honour(self) -> str:
        return f"{self.level.label}党员"

    @property
    def identity(self) -> str:
        """The line under the name: 共产党员, with the post when chosen."""
        return "　".join(p for p in (self.party, self.post if self.show_post else "") if p)

    @property
    def organisation(self) -> str:
        return organisation(self.school, self.branch)

    def texts(self) -> list[str]:
        return [self.name, self.honour, self.identity, self.organisation, self.year]


def _draw_face(c: Canvas, card: PlaqueCard, fonts: FontSet) -> None:
    """One face in its own frame: x 0..PAGE_W, y 0..FACE_H, the fold at the top edge."""
    bold, regular = fonts.chain(bold=True), fonts.chain()
    w, h = PAGE_W, FACE_H
    margin = 9 * mm
    # border: thin red rule all round the face
    c.setStrokeColorRGB(*RED)
    c.setLineWidth(1.2)
    c.rect(margin, margin, w - 2 * margin, h - 2 * margin)
    # red header band with gold stars, just under the fold
    band_top, band_h = h - margin - 2.5 * mm, 30 * mm
    c.setFillColorRGB(*RED)
    c.rect(margin + 2.5 * mm, band_top - band_h, w - 2 * margin - 5 * mm, band_h, stroke=0, fill=1)
    c.setStrokeColorRGB(*GOLD)
    c.setLineWidth(0.8)
    c.line(margin + 6 * mm, band_top - band_h + 3 * mm, w - margin - 6 * mm, band_top - band_h + 3 * mm)
    stars = card.level.stars
    if stars:
        draw_star_row(c, stars, w / 2, band_top - band_h / 2 + 1.3 * mm, 8.5 * mm, 5 * mm, GOLD)
    # honour line
    c.setFillColorRGB(*DEEP_RED)
    draw_line(c, card.honour, w / 2, band_top - band_h - 13 * mm, 24, bold, char_space=6)
    # the name, as large as the width allows
    size = fit_size(card.name, bold, w - 2 * margin - 24 * mm, 110, 28)
    c.setFillColorRGB(*INK)
    name_space = size * 0.25 if len(card.name) <= 3 else 0
    draw_line(c, card.name, w / 2, 47 * mm, size, bold, char_space=name_space)
    c.setFillColorRGB(*DEEP_RED)
    identity_size = fit_size(card.identity, regular, w - 2 * margin - 24 * mm, 17, 9)
    draw_line(c, card.identity, w / 2, 32 * mm, identity_size, regular, char_space=identity_size * 0.3)
    # school, branch and year at the foot
    c.setFillColorRGB(*RED)
    c.rect(margin + 2.5 * mm, margin + 2.5 * mm, w - 2 * margin - 5 * mm, 14 * mm, stroke=0, fill=1)
    foot = "　".join(p for p in (card.organisation, f"{card.year}学年") if p.strip())
    c.setFillColorRGB(*GOLD)
    foot_size = fit_size(foot, regular, w - 2 * margin - 16 * mm, 15, 8)
    draw_line(c, foot, w / 2, margin + 7.6 * mm, foot_size, regular)


def _draw_fold_marks(c: Canvas, fonts: FontSet) -> None:
    c.saveState()
    c.setStrokeColorRGB(*GREY)
    c.setLineWidth(0.4)
    c.setDash(2, 2)
    c.line(0, FACE_H, PAGE_W, FACE_H)
    c.setFillColorRGB(*GREY)
    draw_line(c, "沿此线对折", PAGE_W - SAFE_MARGIN, FACE_H + 1.2 * mm, 7, fonts.chain(), align="right")
    c.restoreState()


def draw_plaque(c: Canvas, card: PlaqueCard, fonts: FontSet, offset: Offset = NO_OFFSET) -> None:
    offset.apply(c)
    c.saveState()
    _draw_face(c, card, fonts)
    c.restoreState()
    c.saveState()
    c.translate(PAGE_W, PAGE_H)
    c.rotate(180)
    _draw_face(c, card, fonts)
    c.restoreState()
    _draw_fold_marks(c, fonts)
    c.showPage()


def render_plaques(cards: Iterable[PlaqueCard], target: Target, fonts: FontSet,
                   offset: Offset = NO_OFFSET, progress: Progress | None = None) -> int:
    """Write one tent card per page; returns the number of pages."""
    cards = list(cards)
    c = open_canvas(target, A4, fonts, "星级党员桌牌")
    for done, card in enumerate(cards, start=1):
        draw_plaque(c, card, fonts, offset)
        report(progress, done, len(cards))
    c.save()
    return len(cards)
