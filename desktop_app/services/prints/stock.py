"""套打: certificates printed as text only onto bought certificate stock (证书纸).

A stock is a set of positions in mm, measured from the top-left corner of the sheet (A4
landscape): where the recipient's line starts, the box the citation fills, where the issuer,
the date and the number stand. Stocks are saved by name in the settings. The stock calibration
page draws those positions as labelled boxes, to lay over a sheet of the stock against the
light before printing on it; the printer offset applies to both, as to every print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.services import settings
from desktop_app.services.errors import UserError
from desktop_app.services.prints.certificates import PAGE_H, PAGE_W, SEAL_RADIUS, Certificate
from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.linebreak import draw_block, fit_block
from desktop_app.services.prints.page import GREY, INK, NO_OFFSET, RED, Offset, Progress, Target, chinese_date, \
    open_canvas, report
from desktop_app.services.prints.text import draw_line, fit_size
from desktop_app.store.ledger import Ledger

STOCKS = "certificate.stocks"  # name → positions
SHEET_W_MM, SHEET_H_MM = 297, 210
DEFAULT_NAME = "通用A4横式证书纸"


@dataclass(frozen=True)
class Stock:
    """Positions in mm from the sheet's left and top edges."""

    name: str = DEFAULT_NAME
    recipient_x: float = 50  # the 「姓名　同志：」 line: its left end …
    recipient_y: float = 78  # … and baseline
    citation_x: float = 60  # the citation's box: left, top, width, height
    citation_y: float = 86
    citation_w: float = 185
    citation_h: float = 56
    issuer_x: float = 212  # issuer and date: centred on x, baseline at y
    issuer_y: float = 160
    date_x: float = 212
    date_y: float = 171
    number_x: float = 50  # 证书编号: left end, baseline
    number_y: float = 186

    def positions(self) -> dict[str, float]:
        return {k: v for k, v in asdict(self).items() if k != "name"}


POSITION_LABELS = {
    "recipient": "姓名行", "citation": "正文框", "issuer": "落款单位", "date": "日期", "number": "证书编号",
}


def check_stock(stock: Stock) -> None:
    if not stock.name.strip():
        raise UserError("请给这种证书纸起个名字。")
    for f in fields(stock):
        if f.name == "name":
            continue
        value = getattr(stock, f.name)
        limit = SHEET_W_MM if f.name.endswith(("_x", "_w")) else SHEET_H_MM
        if not 0 <= value <= limit:
            raise UserError(f"证书纸“{stock.name}”的位置 {f.name} = {value:g} mm 超出纸张（0–{limit} mm）。")
    if stock.citation_x + stock.citation_w > SHEET_W_MM or stock.citation_y + stock.citation_h > SHEET_H_MM:
        raise UserError(f"证书纸“{stock.name}”的正文框超出了纸张。")


def load_stocks(ledger: Ledger) -> list[Stock]:
    stored = settings.get_value(ledger, STOCKS, {}) or {}
    names = {f.name for f in fields(Stock)}
    return [Stock(name=name, **{k: float(v) for k, v in values.items() if k in names and k != "name"})
            for name, values in sorted(stored.items())]


def stock_by_name(ledger: Ledger, name: str) -> Stock:
    for stock in load_stocks(ledger):
        if stock.name == name:
            return stock
    if name == DEFAULT_NAME:
        return Stock()
    raise UserError(f"没有名为“{name}”的证书纸，请先在“证书纸位置”里保存它。")


def save_stock(ledger: Ledger, stock: Stock) -> None:
    check_stock(stock)
    stored = dict(settings.get_value(ledger, STOCKS, {}) or {})
    stored[stock.name.strip()] = stock.positions()
    settings.set_values(ledger, {STOCKS: stored})


def _at(x_mm: float, y_mm: float) -> tuple[float, float]:
    return x_mm * mm, PAGE_H - y_mm * mm


def draw_on_stock(c: Canvas, cert: Certificate, stock: Stock, fonts: FontSet, offset: Offset = NO_OFFSET) -> None:
    """Only the texts, at the stock's positions (no frame, title or colour)."""
    offset.apply(c)
    bold, regular = fonts.chain(bold=True), fonts.chain()
    c.setFillColorRGB(*INK)
    salutation = f"{cert.recipient}{('　' + cert.salutation) if cert.salutation else ''}："
    x, y = _at(stock.recipient_x, stock.recipient_y)
    draw_line(c, salutation, x, y, fit_size(salutation, bold, (SHEET_W_MM - stock.recipient_x - 20) * mm, 24, 10),
              bold, align="left")
    left, top = _at(stock.citation_x, stock.citation_y)
    width, height = stock.citation_w * mm, stock.citation_h * mm
    block = fit_block(cert.citation, regular, width, height, 20, 9)
    if block is None:
        raise UserError(f"{cert.recipient}的证书正文太长，在“{stock.name}”的正文框里最小字号也排不下。")
    draw_block(c, block, regular, left, top, width)
    for text, (x_mm, y_mm), size, chain in (
        (cert.issuer, (stock.issuer_x, stock.issuer_y), 18, bold),
        (chinese_date(cert.day), (stock.date_x, stock.date_y), 15, regular),
    ):
        x, y = _at(x_mm, y_mm)
        draw_line(c, text, x, y, fit_size(text, chain, 110 * mm, size, 8), chain)
    if cert.number:
        draw_line(c, f"证书编号：{cert.number}", *_at(stock.number_x, stock.number_y), 10, regular, align="left")
    c.showPage()


def render_on_stock(certs: Iterable[Certificate], target: Target, fonts: FontSet, stock: Stock,
                    offset: Offset = NO_OFFSET, progress: Progress | None = None) -> int:
    certs = list(certs)
    c = open_canvas(target, (PAGE_W, PAGE_H), fonts, f"荣誉证书（套打：{stock.name}）")
    for done, cert in enumerate(certs, start=1):
        draw_on_stock(c, cert, stock, fonts, offset)
        report(progress, done, len(certs))
    c.save()
    return len(certs)


def _box(c: Canvas, fonts: FontSet, label: str, x_mm: float, y_mm: float, w_mm: float, h_mm: float) -> None:
    x, y = _at(x_mm, y_mm + h_mm)
    c.setStrokeColorRGB(*RED)
    c.setDash(2, 2)
    c.rect(x, y, w_mm * mm, h_mm * mm)
    c.setDash()
    c.setFillColorRGB(*RED)
    draw_line(c, f"{label}（距左 {x_mm:g} mm，距上 {y_mm:g} mm）", x + 1.5 * mm, y + h_mm * mm - 4 * mm, 8,
              fonts.chain(), align="left")


def render_stock_calibration(target: Target, fonts: FontSet, stock: Stock, offset: Offset = NO_OFFSET) -> int:
    """The stock's positions as labelled boxes, to lay over a sheet of the stock against the light."""
    c = open_canvas(target, (PAGE_W, PAGE_H), fonts, f"证书纸校准页：{stock.name}")
    offset.apply(c)
    _box(c, fonts, POSITION_LABELS["recipient"], stock.recipient_x, stock.recipient_y - 9, 120, 11)
    _box(c, fonts, POSITION_LABELS["citation"], stock.citation_x, stock.citation_y, stock.citation_w, stock.citation_h)
    for key, x_mm, y_mm in (("issuer", stock.issuer_x, stock.issuer_y), ("date", stock.date_x, stock.date_y)):
        _box(c, fonts, POSITION_LABELS[key], x_mm - 45, y_mm - 7, 90, 9)
    _box(c, fonts, POSITION_LABELS["number"], stock.number_x, stock.number_y - 5, 60, 7)
    seal_x, seal_y = _at(stock.date_x, stock.date_y - 4)  # the seal presses on the date
    c.setStrokeColorRGB(*GREY)
    c.setDash(1, 2)
    c.circle(seal_x, seal_y, SEAL_RADIUS)
    c.setDash()
    draw_line(c, "印章（压在日期上）", seal_x, seal_y - SEAL_RADIUS - 4 * mm, 8, fonts.chain())
    c.setFillColorRGB(*GREY)
    for i, line in enumerate((
        f"证书纸校准页：{stock.name}（A4 横向，按实际大小打印）",
        "把本页叠在一张证书纸上对着光看：各虚线框应落在证书纸上要印字的空白处。",
        "不合适就在“证书纸位置”里改毫米数（距纸张左边、上边），保存后再印本页核对。",
        f"本页已按当前打印偏移印出：X = {offset.x_mm:+g} mm，Y = {offset.y_mm:+g} mm。",
    )):
        draw_line(c, line, 20 * mm, PAGE_H - (14 + i * 5) * mm, 8, fonts.chain(), align="left")
    c.showPage()
    c.save()
    return 1
