"""The 考核 tab driven like a user: enter scores, see totals and stars, approve, refuse edits, unlock."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot
from evaluation_helpers import YEAR, add_members, enter_total
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from desktop_app.domain.school import ClassData
from desktop_app.services.classes import add_class
from desktop_app.services.evaluations.commands import approve
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.honours import list_honours


def when_dialog_opens(action):
    """Run `action(dialog)` on the modal dialog the next event loop pass shows."""
    def run():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no dialog opened"
        action(dialog)
    QTimer.singleShot(0, run)


@pytest.fixture
def tab(main_window, ledger, qtbot):
    add_members(ledger, 4)
    screen = main_window.open_tab("evaluations")
    screen.set_year(YEAR)
    main_window.resize(1180, 700)
    return screen


def cell(panel, name: str, header: str):
    model = panel.model
    column = model.column_of(header)
    for row in range(model.rowCount()):
        if model.row_at(row).member_name == name:
            return panel.proxy.mapFromSource(model.index(row, column))
    raise KeyError(name)


def open_editor(view, index):
    """The line edit a double-click would open on the cell, or None when the cell is read-only."""
    view.scrollTo(index)
    where = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, where)
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, where)
    if view.state() != QAbstractItemView.EditingState:
        return None
    (editor,) = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    return editor


def type_into(qtbot, panel, index, text: str) -> None:
    """Double-click-style editing: open the cell's editor, type, press Enter."""
    editor = open_editor(panel.view, index)
    assert editor is not None, "cell is not editable"
    editor.setText(text)
    press_enter(qtbot, panel.view, editor)


def press_enter(qtbot, view, editor) -> None:
    """Enter commits the editor (Qt does it on the next event-loop pass) and closes it."""
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.EditingState)


def test_enter_scores_and_see_total_and_star(tab, qtbot, message_bridge):
    sheet = tab.semester_panel
    for header, value in (("思想政治", "15"), ("师德师风", "14.5"), ("教育教学", "19"), ("民主评议", "9.5"),
                          ("听课", "10"), ("示范课", "5"), ("家校联系", "13")):
        type_into(qtbot, sheet, cell(sheet, "王晓明", header), value)
    assert cell(sheet, "王晓明", "总分").data() == "86"
    assert cell(sheet, "王晓明", "星级").data() == "四星级"
    type_into(qtbot, sheet, cell(sheet, "王晓明", "承诺践诺"), "8.5")
    assert cell(sheet, "王晓明", "总分").data() == "94.5"
    assert cell(sheet, "王晓明", "星级").data() == "五星级"
    assert cell(sheet, "王晓明", "承诺践诺").data(Qt.ToolTipRole) == "承诺践诺（暂无记录，手工录入）"
    assert "指标合计 94.5" in cell(sheet, "王晓明", "总分").data(Qt.ToolTipRole)

    type_into(qtbot, sheet, cell(sheet, "王晓明", "教育教学"), "25")  # over the maximum
    assert message_bridge.texts("error")[-1].startswith("教育教学：“教育教学”应在 0 到 20 分之间")
    assert cell(sheet, "王晓明", "教育教学").data() == "19"
    assert sheet.summary.text() == "共 4 人　本学期：五星级 1 人，四星级 0 人，三星级 0 人"
    save_screenshot(tab.window(), "evaluations_semester_sheet")


def test_bonus_and_deduction_through_the_dialog(tab, ledger, qtbot):
    enter_total(ledger, get_scheme(ledger, YEAR), tab.semester_panel.model.row_at(0).member_id, 1, 84)
    sheet = tab.semester_panel
    name = sheet.model.row_at(0).member_name
    sheet.view.setCurrentIndex(cell(sheet, name, "姓名"))

    def fill(dialog):
        spin, reason = dialog.bonuses.lines[0]
        spin.setValue(4)
        reason.setText("区级优质课一等奖")
        qtbot.mouseClick(dialog.bonuses.add_button, Qt.LeftButton)
        spin, reason = dialog.bonuses.lines[1]
        spin.setValue(8)
        reason.setText("市级优秀班主任")
        spin, reason = dialog.deductions.lines[0]
        spin.setValue(1)
        reason.setText("教学常规检查迟交")
        save_screenshot(dialog, "evaluations_adjust_dialog")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(fill)
    qtbot.mouseClick(sheet.adjust_button, Qt.LeftButton)
    assert cell(sheet, name, "加分").data() == "12"
    assert "（计入 10 分）" in cell(sheet, name, "加分").data(Qt.ToolTipRole)  # capped at 10
    assert cell(sheet, name, "总分").data() == "93"  # 84 + 10 − 1
    assert cell(sheet, name, "星级").data() == "五星级"


def test_approve_refuses_edits_and_unlock_is_recorded(tab, ledger, qtbot, message_bridge):
    sheet = tab.semester_panel
    type_into(qtbot, sheet, cell(sheet, "王晓明", "思想政治"), "15")

    def approve_dialog(dialog):
        dialog.date_edit.setText("2026-01-20")
        dialog.meeting.setText("支部党员大会")
        save_screenshot(dialog, "evaluations_approve_dialog")
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    when_dialog_opens(approve_dialog)
    qtbot.mouseClick(sheet.approve_button, Qt.LeftButton)
    assert sheet.status.text().startswith("【已锁定】2025-2026学年第一学期考核结果已于 2026-01-20 经支部党员大会审批锁定")
    index = cell(sheet, "王晓明", "思想政治")
    assert not index.flags() & Qt.ItemIsEditable
    assert open_editor(sheet.view, index) is None
    assert not sheet.adjust_button.isEnabled()
    sheet.edit_adjustments(sheet.model.row_at(0))
    assert "不能修改" in message_bridge.texts("error")[-1]
    save_screenshot(tab.window(), "evaluations_semester_locked")

    def unlock_without_reason(dialog):
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
        assert dialog.isVisible()
        assert dialog.problems.texts() == ["解除原因：必须填写"]
        dialog.reason.setPlainText("民主评议分数录入有误，经支委会同意更正")
        save_screenshot(dialog, "evaluations_unlock_dialog")
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    when_dialog_opens(unlock_without_reason)
    qtbot.mouseClick(sheet.unlock_button, Qt.LeftButton)
    assert sheet.unlock_button.isEnabled() is False
    type_into(qtbot, sheet, cell(sheet, "王晓明", "思想政治"), "14")
    assert cell(sheet, "王晓明", "总分").data() == "14"
    tab.sections.setCurrentWidget(tab.audit_panel)
    audit = tab.audit_panel.audit_model.rows()
    assert [(a.action, a.reason) for a in audit] == [
        ("解除考核锁定", "民主评议分数录入有误，经支委会同意更正"), ("考核审批", "")]
    save_screenshot(tab.window(), "evaluations_audit")


def test_year_view_counts_stars_and_makes_honours(tab, ledger, qtbot, message_bridge):
    scheme = get_scheme(ledger, YEAR)
    ids = [row.member_id for row in tab.semester_panel.model.rows()]
    for member, (first, second) in zip(ids, [(95, 93), (88, 84), (89.99, 90.01), (None, 72)], strict=True):
        if first is not None:
            enter_total(ledger, scheme, member, 1, first)
        enter_total(ledger, scheme, member, 2, second)
    tab.sections.setCurrentWidget(tab.year_panel)
    panel = tab.year_panel
    assert panel.counts.text() == "2025-2026学年　共 4 人：五星级 2 人，四星级 1 人，三星级 1 人"
    rows = panel.proxy.visible_rows()
    assert [(r.score, r.star_label, r.rank) for r in rows] == [
        (94, "五星级", 1), (90, "五星级", 2), (86, "四星级", 3), (72, "三星级", 4)]
    assert not panel.honours_button.isEnabled()
    save_screenshot(tab.window(), "evaluations_year_view")
    approve(ledger, YEAR, None, date(2026, 7, 8), "支部党员大会")
    qtbot.mouseClick(panel.honours_button, Qt.LeftButton)
    qtbot.mouseClick(panel.honours_button, Qt.LeftButton)
    assert message_bridge.texts("info") == ["已登记 4 项星级荣誉。", "星级荣誉都已登记过，没有新增。"]
    assert [h.title for h in list_honours(ledger, YEAR)] == ["五星级党员", "五星级党员", "四星级党员", "三星级党员"]


def test_branch_five_goods_are_entered_in_place(tab, qtbot):
    tab.sections.setCurrentWidget(tab.branch_panel)
    panel = tab.branch_panel
    for row, (score, note) in enumerate([(19, "班子团结，民主集中制落实好"), (18, "党员干部带头听课、家访"),
                                         (18.5, "认责承诺、争标晋位长效机制"), (19, "五星级党员13人"),
                                         (18, "师生评议满意率高")]):
        for column, text in ((2, str(score)), (3, note)):
            editor = open_editor(panel.view, panel.model.index(row, column))
            editor.setText(text)
            press_enter(qtbot, panel.view, editor)
    assert panel.total.text() == "合计 92.5 分　五星级党支部"
    save_screenshot(tab.window(), "evaluations_branch")


def test_honours_add_edit_delete(tab, ledger, qtbot, message_bridge):
    teacher = tab.semester_panel.model.row_at(0)
    add_class(ledger, ClassData(name="高一(2)班", grade="高一", head_teacher_id=teacher.member_id))
    tab.sections.setCurrentWidget(tab.honours_panel)
    panel = tab.honours_panel

    def fill_class(dialog):
        dialog.title_box.setCurrentText("党员先锋班")
        dialog.class_box.setCurrentIndex(1)
        assert dialog.member_picker.member_id() == teacher.member_id  # the class's head teacher
        dialog.date_edit.setText("2026-06-28")
        save_screenshot(dialog, "evaluations_honour_dialog")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(fill_class)
    qtbot.mouseClick(panel.buttons.add, Qt.LeftButton)

    def fill_member(dialog):
        dialog.title_box.setCurrentText("学生爱戴星")
        dialog.member_picker.setEditText("李丽华")
        dialog.issuer_edit.setText("校党支部、校工会")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(fill_member)
    qtbot.mouseClick(panel.buttons.add, Qt.LeftButton)
    rows = panel.model.rows()
    assert [(r.title, r.recipient) for r in rows] == [
        ("学生爱戴星", "李丽华"), ("党员先锋班", f"高一(2)班（班主任 {teacher.member_name}）")]
    save_screenshot(tab.window(), "evaluations_honours")

    panel.view.selectRow(0)

    def rename(dialog):
        dialog.title_box.setCurrentText("爱岗敬业星")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(rename)
    qtbot.mouseClick(panel.buttons.edit, Qt.LeftButton)
    assert "爱岗敬业星" in [r.title for r in panel.model.rows()]
    panel.view.selectRow(0)
    message_bridge.answers = [True]
    qtbot.mouseClick(panel.buttons.delete, Qt.LeftButton)
    assert len(panel.model.rows()) == 1


def test_scheme_editor_changes_thresholds_and_refuses_bad_totals(tab, ledger, qtbot):
    def edit(dialog):
        save_screenshot(dialog, "evaluations_scheme_dialog")
        dialog.indicators.setData(dialog.indicators.index(0, 1), "20")
        assert dialog.total_label.text() == "各项满分合计 105 分（应为 100 分）"
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
        assert dialog.isVisible()
        assert "考核指标：各项满分合计应为 100 分，现为 105 分" in dialog.problems.texts()
        dialog.indicators.setData(dialog.indicators.index(0, 1), "15")
        dialog.five.setValue(92)
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(edit)
    qtbot.mouseClick(tab.scheme_button, Qt.LeftButton)
    assert get_scheme(ledger, YEAR).thresholds.five == 92


def test_sheet_follows_the_records_until_approved(main_window, ledger):
    from records_school import make_school

    from desktop_app.services.records.observations import ObservationData, add_observation

    school = make_school(ledger)
    principal, teacher = school.members["王校长"], school.members["张老师"]
    tab = main_window.open_tab("evaluations")
    tab.set_year(YEAR)
    sheet = tab.semester_panel

    def observe(day: int) -> None:
        add_observation(ledger, ObservationData(date=date(2025, 10, day), observer_id=principal, teacher_id=teacher,
                                                lesson_no=1, subject="语文", lesson_type="drop_in"))

    before = cell(sheet, "王校长", "听课").data(Qt.ToolTipRole)
    assert before.startswith("听课 3/")
    assert not cell(sheet, "王校长", "听课").flags() & Qt.ItemIsEditable  # counted from records: read-only
    assert cell(sheet, "王校长", "承诺践诺").flags() & Qt.ItemIsEditable  # no review yet: entered by hand
    observe(15)
    assert cell(sheet, "王校长", "听课").data(Qt.ToolTipRole).startswith("听课 4/")  # recomputed at once
    approve(ledger, YEAR, 1, date(2026, 1, 20), "支部党员大会")
    observe(16)
    assert cell(sheet, "王校长", "听课").data(Qt.ToolTipRole).startswith("听课 4/")  # approved: frozen


def test_sheet_and_branch_models_pass_the_model_tester(tab, ledger, qtmodeltester):
    enter_total(ledger, get_scheme(ledger, YEAR), tab.semester_panel.model.row_at(0).member_id, 1, 91)
    qtmodeltester.check(tab.semester_panel.model, force_py=True)
    tab.sections.setCurrentWidget(tab.branch_panel)
    qtmodeltester.check(tab.branch_panel.model, force_py=True)
    from desktop_app.ui.evaluations.scheme_dialog import IndicatorsModel

    qtmodeltester.check(IndicatorsModel(get_scheme(ledger, YEAR).indicators), force_py=True)


def test_year_list_offers_years_with_scores(tab, ledger):
    member = tab.semester_panel.model.row_at(0).member_id
    enter_total(ledger, get_scheme(ledger, YEAR), member, 1, 80)
    from desktop_app.services.evaluations.commands import set_entered

    set_entered(ledger, member, "2019-2020", 1, "politics", 12)
    years = [tab.year_box.itemText(i) for i in range(tab.year_box.count())]
    assert "2019-2020" in years and YEAR in years
    assert tab.school_year == YEAR  # the chosen year stays chosen


def test_scheme_editor_changes_sources_and_who_is_evaluated(tab, ledger, qtbot):
    from desktop_app.domain.people import MemberData
    from desktop_app.services.members import add_member

    add_member(ledger, MemberData(name="郑积极", political_status="activist"))
    assert "郑积极" not in [r.member_name for r in tab.semester_panel.model.rows()]

    def edit(dialog):
        source = dialog.indicators.index(2, 2)  # 教育教学 → counted from 示范课
        dialog.view.setCurrentIndex(source)
        dialog.view.edit(source)
        (box,) = [w for w in dialog.view.viewport().findChildren(QComboBox) if w.isVisible()]
        box.setCurrentText("示范课")
        dialog.view.commitData(box)
        dialog.scored_only["activist"].setChecked(True)
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(edit)
    qtbot.mouseClick(tab.scheme_button, Qt.LeftButton)
    scheme = get_scheme(ledger, YEAR)
    assert scheme.indicator("teaching").source == "demo_lessons"
    assert scheme.scored_only_statuses == ("activist",)
    assert "郑积极" in [r.member_name for r in tab.semester_panel.model.rows()]
