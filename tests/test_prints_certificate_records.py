"""Certificates: citation templates per honour, numbers unique across reprints, the print log
(in the CLI and the print centre)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from conftest import save_screenshot
from evaluation_helpers import YEAR
from prints_helpers import build_school, text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.cli.main import main
from desktop_app.services.errors import UserError
from desktop_app.services.honours import HonourData, add_honour, delete_honour, list_honours
from desktop_app.services.prints import jobs, sources
from desktop_app.services.prints.records import assign_numbers, recent_prints
from desktop_app.store.ledger import open_ledger


def test_numbers_are_year_and_sequence_and_kept_for_reprints(ledger):
    build_school(ledger)
    certs = sources.certificates(ledger, YEAR)
    first = assign_numbers(ledger, certs)
    assert [c.number for c in first] == [f"2026-{n:03d}" for n in range(1, 9)]
    again = assign_numbers(ledger, sources.certificates(ledger, YEAR, "党员先锋班"))  # a reprint of two
    by_honour = {c.honour_id: c.number for c in first}
    assert [c.number for c in again] == [by_honour[c.honour_id] for c in again]
    member = next(h for h in list_honours(ledger, YEAR) if h.member_id and h.title == "五星级党员")
    delete_honour(ledger, member.id)  # its number stays taken
    new = add_honour(ledger, HonourData("党员标兵", YEAR, member_id=member.member_id, awarded_on=date(2026, 7, 1)))
    (cert,) = [c for c in sources.certificates(ledger, YEAR, "党员标兵")]
    assert cert.honour_id == new
    assert assign_numbers(ledger, [cert])[0].number == "2026-009"


def test_citation_templates_per_honour_with_placeholders(ledger):
    build_school(ledger)
    sources.save_citation_templates(ledger, {"五星级党员": "{姓名}同志在{学年}学年量化考核中被评为{荣誉}，特发此证。"})
    by_title = {c.honour: c for c in sources.certificates(ledger, YEAR)}
    five = [c for c in sources.certificates(ledger, YEAR, "五星级党员")]
    assert five[0].citation == f"{five[0].recipient}同志在{YEAR}学年量化考核中被评为五星级党员，特发此证。"
    assert by_title["四星级党员"].citation.startswith(f"在{YEAR}学年度创先争优活动中表现突出")
    assert by_title["党员先锋班"].citation.startswith("高二(3)班在") or by_title["党员先锋班"].citation.startswith("初一(12)班在")
    with pytest.raises(UserError, match=r"不认识的占位符：\{名字\}"):
        sources.save_citation_templates(ledger, {"党员标兵": "{名字}同志"})
    assert "五星级党员" in sources.citation_templates(ledger)


def test_cli_reprint_keeps_numbers_and_logs_each_run(data_dir, tmp_path, capsys):
    ledger = open_ledger(data_dir)
    try:
        build_school(ledger)
    finally:
        ledger.close()
    first, second = tmp_path / "a.pdf", tmp_path / "b.docx"
    assert main(["--data-dir", str(data_dir), "print", "certificates", "--year", YEAR, "-o", str(first)]) == 0
    assert main(["--data-dir", str(data_dir), "print", "certificates", "--year", YEAR, "--format", "docx",
                 "-o", str(second)]) == 0
    assert "证书编号：2026-001" in text(first) and "证书编号：2026-008" in text(first)
    ledger = open_ledger(data_dir)
    try:
        log = recent_prints(ledger)
    finally:
        ledger.close()
    assert [(r.output, r.copies) for r in log] == [("word", 8), ("pdf", 8)]
    assert log[0].numbers == log[1].numbers and log[1].numbers.startswith("2026-001、2026-002")
    assert log[1].what == f"{YEAR}学年荣誉证书 8 份" and log[1].target == str(first)
    assert isinstance(log[0].printed_at, datetime)


def test_print_centre_logs_saves_and_shows_the_log(main_window, qtbot, tmp_path, monkeypatch):
    build_school(main_window.context.ledger)
    tab = main_window.open_tab("prints")
    tab.controls.year.setCurrentText(YEAR)
    tab.controls.kind.setCurrentText("荣誉证书")
    tab.controls.choice.setCurrentText("党员先锋班")
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.save_button.isEnabled(), timeout=20000)
    target = tmp_path / "证书.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF 文件 (*.pdf)"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "证书编号：2026-00" in text(target)
    shown = []

    def capture(dialog):
        shown.append([dialog.model.rows()[0].what, dialog.model.rows()[0].numbers])
        dialog.resize(960, 440)
        save_screenshot(dialog, "prints_log_dialog")
        return 0

    monkeypatch.setattr("desktop_app.ui.prints.log_dialog.PrintLogDialog.exec", capture)
    qtbot.mouseClick(tab.log_button, Qt.MouseButton.LeftButton)
    assert shown == [[f"{YEAR}学年荣誉证书（党员先锋班） 2 份", "2026-001、2026-002"]]


def test_templates_dialog_saves_per_honour(main_window, qtbot, message_bridge):
    from desktop_app.ui.prints.templates_dialog import CitationTemplatesDialog

    ledger = main_window.context.ledger
    build_school(ledger)
    dialog = CitationTemplatesDialog(ledger, ["五星级党员"], main_window)
    qtbot.addWidget(dialog)
    dialog.title.setCurrentText("党员标兵")
    dialog.text.setPlainText("{姓名}同志被评为{荣誉}。")
    assert dialog.example.text() == "王晓明同志被评为党员标兵。"
    save_screenshot(dialog, "prints_templates_dialog")
    dialog.title.setCurrentText("五星级党员")
    dialog.text.setPlainText("{名字}")
    dialog._save()
    assert "不认识的占位符" in message_bridge.texts("error")[-1]
    dialog.text.setPlainText("{姓名}，{学年}学年{荣誉}。")
    dialog._save()
    assert sources.citation_templates(ledger) == {"党员标兵": "{姓名}同志被评为{荣誉}。", "五星级党员": "{姓名}，{学年}学年{荣誉}。"}
