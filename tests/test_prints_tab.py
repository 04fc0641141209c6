"""The 印制 tab: choose a kind, preview the pages in-app, save the PDF, print, settings."""

from __future__ import annotations

import pytest
from conftest import save_screenshot
from evaluation_helpers import YEAR
from prints_helpers import FIVE_STAR, FOUR_STAR, build_school, page_sizes_mm, render_png, text
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from desktop_app.domain.people import MemberData
from desktop_app.services.members import add_member, get_member, list_members, update_member
from desktop_app.services.prints.options import load_options
from desktop_app.services.prints.page import Offset
from desktop_app.ui.prints.printing import prepare_printer


@pytest.fixture
def tab(main_window, qtbot):
    build_school(main_window.context.ledger)
    screen = main_window.open_tab("prints")
    main_window.resize(1280, 860)
    return screen


def choose(tab, kind_label: str, year: str = YEAR, choice: str | None = None) -> None:
    controls = tab.controls
    controls.year.setCurrentText(year)
    controls.kind.setCurrentText(kind_label)
    if choice is not None:
        controls.choice.setCurrentText(choice)


def preview(tab, qtbot, pages: int) -> None:
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.save_button.isEnabled(), timeout=20000)
    assert tab.page_count() == pages
    assert f"共 {pages} 页" in tab.status.text()


def test_plaques_preview_then_save(tab, qtbot, tmp_path, monkeypatch, main_window):
    choose(tab, "桌牌", choice="五星级")
    people = tab.controls.people
    assert sorted(people.item(i).text() for i in range(people.count())) == sorted(FIVE_STAR)
    assert not tab.save_button.isEnabled()  # nothing to save before a preview
    people.item(0).setCheckState(Qt.CheckState.Unchecked)
    left_out = people.item(0).text()
    preview(tab, qtbot, 3)
    qtbot.wait(800)  # QPdfView paints its pages asynchronously
    save_screenshot(main_window, "prints_centre_plaques")
    target = tmp_path / "桌牌.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF 文件 (*.pdf)"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert page_sizes_mm(target) == [(210.0, 297.0)] * 3
    extracted = text(target)
    assert left_out not in extracted
    assert all(name in extracted for name in FIVE_STAR if name != left_out)
    assert "已保存" in tab.status.text()


def test_every_kind_previews_with_its_page_count(tab, qtbot, main_window):
    expected = {"桌牌": 6, "锦旗": 2, "荣誉证书": 8, "承诺书": 9, "公示名单": 1, "校准页": 1}
    for label, pages in expected.items():
        choose(tab, label, choice="全部" if label in ("桌牌", "荣誉证书") else None)
        preview(tab, qtbot, pages)
        shot = {"荣誉证书": "certificates", "公示名单": "notice", "锦旗": "pennants"}.get(label)
        if shot:
            qtbot.wait(800)  # QPdfView paints its pages asynchronously
            save_screenshot(main_window, f"prints_centre_{shot}")
    choose(tab, "荣誉证书", choice="党员先锋班")
    people = tab.controls.people
    assert sorted(people.item(i).text() for i in range(people.count())) == [
        "初一(12)班（党员先锋班）", "高二(3)班（党员先锋班）"]
    preview(tab, qtbot, 2)


def test_changing_a_choice_makes_the_preview_stale(tab, qtbot, tmp_path, monkeypatch):
    choose(tab, "锦旗")
    preview(tab, qtbot, 2)
    tab.controls.pennant_text.setText("育人先锋集体")
    assert not tab.save_button.isEnabled() and "重新生成预览" in tab.status.text()
    tab.controls.paper.setCurrentText("A3")
    preview(tab, qtbot, 2)
    target = tmp_path / "锦旗"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "锦旗.pdf"  # the extension is added
    assert page_sizes_mm(saved) == [(297.0, 420.0)] * 2
    assert all(ch in text(saved) for ch in "育人先锋集体高二(3)班")


def test_rare_character_warning_skips_the_person_when_confirmed(tab, qtbot, message_bridge, main_window):
    ledger = main_window.context.ledger
    member = next(m for m in list_members(ledger) if m.name == FOUR_STAR[0])
    data = get_member(ledger, member.id)
    data.name = "陈\U00030000"
    update_member(ledger, member.id, data)
    choose(tab, "桌牌", choice="四星级")
    assert tab.controls.people.count() == 2
    message_bridge.answers = [False]
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    assert "陈\U00030000：“\U00030000”（U+30000）" in message_bridge.texts("confirm")[-1]
    assert not tab.save_button.isEnabled()
    message_bridge.answers = [True]
    preview(tab, qtbot, 1)


def test_print_sends_every_page_true_to_size(tab, qtbot, tmp_path):
    choose(tab, "荣誉证书", choice="党员先锋班")
    preview(tab, qtbot, 2)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    out = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    prepare_printer(printer, tab.document)
    tab.send_to_printer(printer)  # on a pool thread
    qtbot.waitUntil(lambda: "已发送到打印机：2 页" in tab.status.text(), timeout=30000)
    assert tab.preview_button.isEnabled()
    sizes = page_sizes_mm(out)  # Qt's PDF printer rounds the paper to whole points
    assert len(sizes) == 2 and all(w == pytest.approx(297, abs=0.5) and h == pytest.approx(210, abs=0.5)
                                   for w, h in sizes)
    shots = render_png(out, tmp_path, "printed", dpi=30)
    assert len(shots) == 2


def test_offset_and_font_saved_as_defaults(tab, qtbot, main_window, message_bridge):
    tab.controls.offset_x.setValue(2.5)
    tab.controls.offset_y.setValue(-1.0)
    tab.controls.paper.setCurrentText("A3")
    tab.controls.pennant_text.setText("育人先锋班")
    qtbot.mouseClick(tab.controls.save_settings, Qt.MouseButton.LeftButton)
    options = load_options(main_window.context.ledger)
    assert options.offset == Offset(2.5, -1.0) and options.pennant_paper == "A3"
    assert options.pennant_text == "育人先锋班"
    assert message_bridge.texts("error") == []


def test_empty_year_explains_why_nothing_to_print(main_window, qtbot, message_bridge):
    add_member(main_window.context.ledger, MemberData(name="王晓明", political_status="full_member"))
    tab = main_window.open_tab("prints")
    tab.controls.kind.setCurrentText("桌牌")
    assert "还没有获得星级的党员" in tab.controls.notes.text()
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    assert "还没有获得星级的党员" in message_bridge.texts("warn")[-1]


def test_plaques_of_an_unapproved_year_need_an_explicit_tick(main_window, qtbot, message_bridge):
    from evaluation_helpers import add_members, enter_total

    from desktop_app.services.evaluations.schemes import get_scheme

    ledger = main_window.context.ledger
    (member,) = add_members(ledger, 1)
    enter_total(ledger, get_scheme(ledger, YEAR), member, 1, 95)
    tab = main_window.open_tab("prints")
    choose(tab, "桌牌", choice="全部")
    assert not tab.controls.allow_unapproved.isHidden() and "尚未审批锁定" in tab.controls.notes.text()
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    assert "仍按未审批的星级印制" in message_bridge.texts("warn")[-1]
    assert not tab.save_button.isEnabled()
    tab.controls.allow_unapproved.setChecked(True)
    preview(tab, qtbot, 1)
    choose(tab, "锦旗")
    assert tab.controls.allow_unapproved.isHidden()


def test_a_missing_font_is_named_and_asked_about(tab, qtbot, message_bridge, monkeypatch):
    for name in ("BRANCH_LEDGER_FONT_DIR", "WINDIR", "SystemRoot", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    choose(tab, "校准页")
    tab.controls.font.setCurrentIndex(tab.controls.font.findData("simkai"))
    message_bridge.answers = [False]
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    assert "本机没有安装“楷体（Windows）”（simkai.ttf）" in message_bridge.texts("confirm")[-1]
    assert not tab.save_button.isEnabled()


def test_save_as_word_beside_save_as_pdf(tab, qtbot, tmp_path, monkeypatch, main_window):
    from docx_helpers import full_text

    main_window.resize(1092, 580)  # her 1366×768 screen at 125 %, less the taskbar
    choose(tab, "公示名单")
    assert tab.word_button.isEnabled() and tab.word_button.isVisible()
    tab.controls.notice_phone.setText("0318-7654321")
    target = tmp_path / "公示"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Word 文档 (*.docx)"))
    qtbot.mouseClick(tab.word_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "公示.docx"
    words = full_text(saved)
    assert "监督电话：0318-7654321。" in words and "共 6 人，承诺 7 份" in words
    assert "已保存 Word 文档" in tab.status.text()
    preview(tab, qtbot, 1)
    qtbot.wait(800)
    save_screenshot(main_window, "prints_centre_1092x580_notice")
    choose(tab, "桌牌", choice="全部")
    assert not tab.word_button.isEnabled()


def test_the_settings_shown_are_those_of_the_chosen_kind(tab, qtbot):
    controls = tab.controls
    choose(tab, "锦旗")
    assert controls.pennant_size.isVisibleTo(tab) and not controls.notice_phone.isVisibleTo(tab)
    assert not controls.stock.isVisibleTo(tab)
    choose(tab, "公示名单")
    assert controls.notice_phone.isVisibleTo(tab) and not controls.pennant_size.isVisibleTo(tab)
    choose(tab, "荣誉证书")
    assert controls.stock.isVisibleTo(tab) and controls.templates_button.isVisibleTo(tab)
    assert not controls.plaque_post.isVisibleTo(tab)
    choose(tab, "桌牌")
    assert controls.plaque_post.isVisibleTo(tab) and not controls.pennant_text.isVisibleTo(tab)
    assert controls.font.isVisibleTo(tab) and controls.offset_x.isVisibleTo(tab) and controls.save_settings.isVisibleTo(tab)
    assert controls.people_box.isVisibleTo(tab)
    save_screenshot(tab, "prints_plaque_settings")
    choose(tab, "校准页")
    assert not controls.people_box.isVisibleTo(tab)  # a calibration page prints no one
