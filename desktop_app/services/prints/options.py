"""Print settings kept in the ledger: the font, the printer offset, the pennant paper, the
公示 list's order and supervision phone, whether plaques show the post."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.collation import NameOrder
from desktop_app.services import settings
from desktop_app.services.errors import UserError
from desktop_app.services.prints.fonts import FONT_SETTING, FontSet, choice_by_key, font_set
from desktop_app.services.prints.page import PAPER, Offset
from desktop_app.services.prints.stock import Stock, stock_by_name
from desktop_app.services.prints.pennants import BREAKS, DEFAULT_MAIN_TEXT, MATERIALS, SIZES_CM, WORDINGS
from desktop_app.store.ledger import Ledger

OFFSET_X = "print.offset_x_mm"
OFFSET_Y = "print.offset_y_mm"
PENNANT_PAPER = "print.pennant_paper"
PENNANT_TEXT = "print.pennant_text"
PENNANT_SIZE = "print.pennant_size"
PENNANT_MATERIAL = "print.pennant_material"
PENNANT_WORDING = "print.pennant_wording"
CERTIFICATE_STOCK = "print.certificate_stock"  # the stock certificates are printed onto (套打); "" = full design
NOTICE_ORDER = "print.notice_order"
NOTICE_PHONE = "print.notice_phone"
PLAQUE_POST = "print.plaque_post"
MAX_OFFSET_MM = 30
MAX_PHONE = 40
MAX_PENNANT_TEXT = 12  # two columns of six characters


@dataclass(frozen=True)
class PrintOptions:
    font_key: str = "bundled"
    offset: Offset = Offset()
    pennant_paper: str = "A4"
    pennant_text: str = DEFAULT_MAIN_TEXT  # the large text on pennants
    pennant_size: str = "60×90"  # cm, width × height (SIZES_CM)
    pennant_material: str = MATERIALS[0]
    pennant_wording: str = WORDINGS[0]  # 授予 / 敬赠
    notice_order: NameOrder = NameOrder.STROKES  # 公示 lists are posted in 姓氏笔画 order
    notice_phone: str = ""  # 监督电话 printed on the 公示 list
    plaque_post: bool = False  # plaques show the member's post under 共产党员
    allow_unapproved: bool = False  # this run only: plaques for a year not yet approved
    stock: Stock | None = None  # 套打: certificates as text only onto this stock; None: the full design

    def fonts(self) -> FontSet:
        return font_set(self.font_key)


def load_options(ledger: Ledger) -> PrintOptions:
    paper = settings.get_value(ledger, PENNANT_PAPER, "A4")
    return PrintOptions(
        font_key=choice_by_key(settings.get_value(ledger, FONT_SETTING, "bundled")).key,
        offset=Offset(float(settings.get_value(ledger, OFFSET_X, 0) or 0),
                      float(settings.get_value(ledger, OFFSET_Y, 0) or 0)),
        pennant_paper=paper if paper in PAPER else "A4",
        pennant_text=settings.get_value(ledger, PENNANT_TEXT, "") or DEFAULT_MAIN_TEXT,
        pennant_size=_one_of(settings.get_value(ledger, PENNANT_SIZE, ""), tuple(SIZES_CM)),
        pennant_material=_one_of(settings.get_value(ledger, PENNANT_MATERIAL, ""), MATERIALS),
        pennant_wording=_one_of(settings.get_value(ledger, PENNANT_WORDING, ""), WORDINGS),
        notice_order=_order(settings.get_value(ledger, NOTICE_ORDER, NameOrder.STROKES.value)),
        notice_phone=settings.get_value(ledger, NOTICE_PHONE, "") or "",
        plaque_post=bool(settings.get_value(ledger, PLAQUE_POST, False)),
        stock=_stock(ledger, settings.get_value(ledger, CERTIFICATE_STOCK, "") or ""),
    )


def _stock(ledger: Ledger, name: str) -> Stock | None:
    if not name:
        return None
    try:
        return stock_by_name(ledger, name)
    except UserError:
        return None  # a stock since removed: the full design


def _one_of(value, choices: tuple[str, ...]) -> str:
    return value if value in choices else choices[0]


def pennant_text_length(text: str) -> int:
    """Characters of the main text, not counting the marks that split it into columns."""
    return len([char for char in text.strip() if char not in BREAKS])


def _order(code: str | None) -> NameOrder:
    try:
        return NameOrder(code)
    except ValueError:
        return NameOrder.STROKES


def check_offset(offset: Offset) -> None:
    for axis, value in (("X", offset.x_mm), ("Y", offset.y_mm)):
        if abs(value) > MAX_OFFSET_MM:
            raise UserError(f"打印偏移 {axis} 为 {value:g} mm，超出 ±{MAX_OFFSET_MM} mm，请用校准页重新量一下。")


def save_options(ledger: Ledger, options: PrintOptions) -> None:
    check_offset(options.offset)
    text = (options.pennant_text or "").strip()
    if not 1 <= pennant_text_length(text) <= MAX_PENNANT_TEXT:
        raise UserError(f"锦旗正文应为 1–{MAX_PENNANT_TEXT} 个字（现在是 {pennant_text_length(text)} 个）。")
    for value, choices, label in ((options.pennant_size, SIZES_CM, "锦旗尺寸"), (options.pennant_material, MATERIALS, "锦旗材质"),
                                  (options.pennant_wording, WORDINGS, "锦旗用语")):
        if value not in choices:
            raise UserError(f"{label}只能选 {'、'.join(choices)}。")
    if len(options.notice_phone.strip()) > MAX_PHONE:
        raise UserError(f"监督电话不能超过 {MAX_PHONE} 个字。")
    if options.pennant_paper not in PAPER:
        raise UserError(f"锦旗纸张只能选 {'、'.join(PAPER)}。")
    settings.set_values(ledger, {
        FONT_SETTING: choice_by_key(options.font_key).key,
        OFFSET_X: round(options.offset.x_mm, 1),
        OFFSET_Y: round(options.offset.y_mm, 1),
        PENNANT_PAPER: options.pennant_paper,
        PENNANT_TEXT: text,
        PENNANT_SIZE: options.pennant_size,
        PENNANT_MATERIAL: options.pennant_material,
        PENNANT_WORDING: options.pennant_wording,
        NOTICE_ORDER: options.notice_order.value,
        NOTICE_PHONE: options.notice_phone.strip(),
        PLAQUE_POST: bool(options.plaque_post),
        CERTIFICATE_STOCK: options.stock.name if options.stock else "",
    })
