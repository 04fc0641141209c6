"""套打: certificates as text only at a stock's positions in mm (the printer offset added),
the stock calibration page, stocks saved by name, in the CLI and the print centre."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import SCREENSHOT_DIR, save_screenshot
from evaluation_helpers import YEAR
from prints_helpers import PT_PER_MM, build_school, page_sizes_mm, render_png, run_print, school_data_dir, text, \
    words_with_boxes

from desktop_app.services.errors import UserError
from desktop_app.services.prints.certificates import Certificate
from desktop_app.services.prints.fonts import font_set
from desktop_app.services.prints.options import load_options
from desktop_app.services.prints.page import Offset
from desktop_app.services.prints.stock import Stock, load_stocks, render_on_stock, render_stock_calibration, save_stock

CERT = Certificate("王晓明", "在2025-2026学年度创先争优活动中表现突出，被评为“党员标兵”。", "中共育英中学支部委员会",
                   date(2026, 7, 1), honour="党员标兵", number="2026-007")
STOCK = Stock("红色烫金证书", recipient_x=40, recipient_y=70, citation_x=50, citation_y=80, citation_w=190,
              citation_h=60, issuer_x=200, issuer_y=158, date_x=200, date_y=170, number_x=40, number_y=190)


def first_word(pdf, start: str):
    return next(w for w in words_with_boxes(pdf) if w[0].startswith(start))


@pytest.mark.parametrize("offset", [Offset(), Offset(2.5, -1.5)])
def test_text_lands_at_the_stock_positions_plus_the_offset(tmp_path, offset):
    pdf = tmp_path / "stock.pdf"
    assert render_on_stock([CERT], str(pdf), font_set(), STOCK, offset) == 1
    assert page_sizes_mm(pdf) == [(297.0, 210.0)]
    extracted = text(pdf)
    assert "荣誉证书" not in extracted and "王晓明" in extracted and "证书编号：2026-007" in extracted
    name = first_word(pdf, "王晓明")
    assert name[1] / PT_PER_MM == pytest.approx(40 + offset.x_mm, abs=0.6)  # left end
    assert name[4] / PT_PER_MM == pytest.approx(70 + offset.y_mm, abs=2.5)  # baseline, within the descent
    number = first_word(pdf, "证书编号")
    assert number[1] / PT_PER_MM == pytest.approx(40 + offset.x_mm, abs=0.6)
    citation = first_word(pdf, "在2025")
    assert citation[1] / PT_PER_MM >= 50 + offset.x_mm - 0.6 and citation[2] / PT_PER_MM >= 80 + offset.y_mm - 0.6
    issuer = first_word(pdf, "中共育英中学支部委员会")
    assert (issuer[1] + issuer[3]) / 2 / PT_PER_MM == pytest.approx(200 + offset.x_mm, abs=0.6)


def test_stock_calibration_marks_each_position(tmp_path):
    pdf = tmp_path / "calibration.pdf"
    render_stock_calibration(str(pdf), font_set(), STOCK, Offset(1, 0))
    whole = text(pdf).replace("\n", "")
    for part in ("证书纸校准页：红色烫金证书", "正文框（距左 50 mm，距上 80 mm）", "日期（距左 155 mm，距上 163 mm）",
                 "X = +1 mm"):
        assert part in whole, part
    assert render_png(pdf, SCREENSHOT_DIR, "prints_stock_calibration")


def test_stocks_are_saved_by_name_and_checked(ledger):
    save_stock(ledger, STOCK)
    assert load_stocks(ledger) == [STOCK]
    with pytest.raises(UserError, match="正文框超出了纸张"):
        save_stock(ledger, Stock("坏的", citation_x=200, citation_w=150))
    with pytest.raises(UserError, match="起个名字"):
        save_stock(ledger, Stock(" "))


def test_cli_prints_onto_a_saved_stock(data_dir, tmp_path, capsys):
    from desktop_app.store.ledger import open_ledger

    school = school_data_dir(data_dir)
    ledger = open_ledger(school)
    try:
        save_stock(ledger, STOCK)
    finally:
        ledger.close()
    out = tmp_path / "stock.pdf"
    assert run_print(school, "certificates", "--year", YEAR, "--stock", "红色烫金证书", "-o", str(out)) == 0
    assert "荣誉证书" not in text(out) and "证书编号：2026-001" in text(out)
    assert render_png(out, SCREENSHOT_DIR, "prints_certificates_on_stock")
    cal = tmp_path / "cal.pdf"
    assert run_print(school, "stock_calibration", "--stock", "红色烫金证书", "-o", str(cal)) == 0
    assert run_print(school, "certificates", "--year", YEAR, "--stock", "没有这种", "-o", str(out)) == 1
    assert "没有名为“没有这种”的证书纸" in capsys.readouterr().err
    assert run_print(school, "plaques", "--year", YEAR, "--stock", "红色烫金证书", "-o", str(out)) == 1


def test_print_centre_edits_a_stock_and_prints_onto_it(main_window, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from desktop_app.ui.prints.stock_dialog import StockDialog

    build_school(main_window.context.ledger)
    tab = main_window.open_tab("prints")
    main_window.resize(1092, 580)

    def edit(dialog):
        dialog.name.setCurrentText("红色烫金证书")
        dialog.boxes["recipient_x"].setValue(40)
        save_screenshot(dialog, "prints_stock_dialog")
        dialog._save()
        return dialog.result()

    monkeypatch.setattr(StockDialog, "exec", edit)
    qtbot.mouseClick(tab.controls.stock_button, Qt.MouseButton.LeftButton)
    assert tab.controls.stock.currentText() == "套打：红色烫金证书"
    assert tab.controls.options().stock.recipient_x == 40
    qtbot.mouseClick(tab.controls.save_settings, Qt.MouseButton.LeftButton)
    assert load_options(main_window.context.ledger).stock.name == "红色烫金证书"
    tab.controls.year.setCurrentText(YEAR)
    tab.controls.kind.setCurrentText("荣誉证书")
    tab.controls.choice.setCurrentText("党员先锋班")
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.save_button.isEnabled(), timeout=20000)
    assert tab.page_count() == 2
    qtbot.wait(800)
    save_screenshot(main_window, "prints_centre_stock_1092x580")


def test_the_seal_presses_on_the_date_and_stays_inside_the_frame(tmp_path):
    from desktop_app.services.prints import certificates as module

    pdf = tmp_path / "c.pdf"
    module.render_certificates([CERT], str(pdf), font_set())
    day = first_word(pdf, "二〇二六年七月一日")
    height = day[6]
    seal_x, seal_y = module.SEAL_CENTRE[0], height - module.SEAL_CENTRE[1]  # top-down, as pdftotext measures
    assert day[1] < seal_x < day[3] and abs((day[2] + day[4]) / 2 - seal_y) < module.SEAL_RADIUS / 2
    inner_frame = (12 + 4.5) * PT_PER_MM
    assert module.SEAL_CENTRE[1] - module.SEAL_RADIUS > inner_frame
    assert module.PAGE_W - module.SEAL_CENTRE[0] - module.SEAL_RADIUS > inner_frame
