"""Saved records stay in sight in the 党员, 班级学生, 承诺 and 整改 lists: after a save that the
filters, period or school year on screen would hide, the list moves to show the record and selects it,
undoing only what hid it."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import shown_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from records_school import make_people

from desktop_app.domain.people import MemberData
from desktop_app.domain.pledges import PledgeData
from desktop_app.domain.rectifications import RectificationData, SuggestionData
from desktop_app.services import pledges as pledge_service
from desktop_app.services import rectifications as rect_service
from desktop_app.services.members import add_member, list_members
from desktop_app.services.students import list_students
from desktop_app.ui.widgets.record_table import selected_rows
from tests.helpers.modal import when_dialog_opens


def _selected_ids(view) -> list[int]:
    return [row.id for row in selected_rows(view)]


def _ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.Ok), Qt.LeftButton)


# --- 党员 -----------------------------------------------------------------------------------
def test_a_new_member_the_group_filter_hides_is_shown_and_the_search_kept(main_window, ledger, qtbot):
    add_member(ledger, MemberData(name="李明", party_group="第一党小组"))
    add_member(ledger, MemberData(name="王芳", party_group="第二党小组"))
    roster = main_window.open_tab("members").roster
    roster.group_filter.setCurrentText("第一党小组")
    roster.search.setText("李")

    def fill(dialog):
        dialog.name_edit.setText("李红")
        dialog.party_group.setEditText("第二党小组")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(fill)
    roster.add_member()
    saved = next(m for m in list_members(ledger) if m.name == "李红")
    assert _selected_ids(roster.view) == [saved.id]
    assert roster.group_filter.currentText() == "全部"  # it hid her
    assert roster.search.text() == "李"  # it did not


def test_a_member_edited_to_left_is_followed_into_the_whole_roster(main_window, ledger, qtbot):
    member_id = add_member(ledger, MemberData(name="张晓明"))
    roster = main_window.open_tab("members").roster
    assert roster.active_filter.currentText() == "在册"
    roster.view.selectRow(0)

    def leave(dialog):
        dialog.left_box.setChecked(True)
        dialog.left_date.setText("2025-12-01")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(leave)
    roster.edit_selected()
    assert roster.active_filter.currentText() == "全部"
    assert _selected_ids(roster.view) == [member_id]


# --- 班级学生 ---------------------------------------------------------------------------------
def test_a_student_saved_into_another_class_shows_that_class(main_window, ledger, qtbot):
    school = make_people(ledger)
    tab = main_window.open_tab("students")
    tab.select_class(school.classes["高一(2)班"])
    tab.flag_filter.setCurrentText("留守儿童")

    def fill(dialog):
        dialog.name_edit.setText("学生新")
        dialog.school_class.setCurrentText("高一(1)班")
        dialog.save_button.click()

    when_dialog_opens(fill)
    tab.add_student()
    saved = next(s for s in list_students(ledger) if s.name == "学生新")
    assert tab.current_class_id() == school.classes["高一(1)班"]
    assert tab.flag_filter.currentText() == "全部学生"
    assert _selected_ids(tab.view) == [saved.id]


def test_an_edited_student_the_search_hides_is_shown(main_window, ledger, qtbot):
    school = make_people(ledger)
    tab = main_window.open_tab("students")
    tab.search.setText("学生甲")
    tab.view.selectRow(0)

    def rename(dialog):
        dialog.name_edit.setText("学生新名")
        dialog.save_button.click()

    when_dialog_opens(rename)
    tab.edit_student()
    assert tab.search.text() == ""
    assert _selected_ids(tab.view) == [school.students["学生甲"]]


# --- 承诺 -------------------------------------------------------------------------------------
def test_a_pledge_written_for_another_year_moves_the_year_and_clears_the_status(main_window, ledger, qtbot):
    member = add_member(ledger, MemberData(name="张晓明", political_status="full_member", party_group="第一党小组"))
    tab = main_window.open_tab("pledges")
    tab.show_year("2025-2026")
    tab.status.set_code("published")
    qtbot.mouseClick(tab.write_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    dialog.member.set_member_id(member)
    dialog.school_year.setCurrentText("2024-2025")
    dialog.content.setPlainText("每学期上好一节示范课")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    saved = pledge_service.list_pledges(ledger, "2024-2025")
    assert tab.school_year == "2024-2025"
    assert tab.status.currentData() is None
    assert _selected_ids(tab.pledge_view) == [saved[0].id]


def test_an_edited_pledge_the_kind_filter_hides_is_shown(main_window, ledger, qtbot):
    member = add_member(ledger, MemberData(name="张晓明", political_status="full_member"))
    pledge_id = pledge_service.write_pledge(ledger, PledgeData(member, "post", "2025-2026", "五个模范", ["示范课"]))
    tab = main_window.open_tab("pledges", school_year="2025-2026")
    tab.kind.set_code("post")
    tab.pledge_view.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    dialog.kind.set_code("goal")
    _ok(qtbot, dialog)
    assert tab.kind.currentData() is None
    assert _selected_ids(tab.pledge_view) == [pledge_id]


# --- 整改 -------------------------------------------------------------------------------------
def test_a_suggestion_raised_outside_the_period_moves_the_period(main_window, ledger, qtbot):
    tab = main_window.open_tab("rectifications", view="suggestions")
    view = tab.suggestions
    last_year = date.today() - timedelta(days=400)
    quarter = next(i for i in range(view.period.count())
                   if view.period.itemText(i).endswith("季度") and date.today() in view.period.itemData(i))
    view.period.setCurrentIndex(quarter)
    qtbot.mouseClick(tab.add_suggestion_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    dialog.content.setPlainText("食堂午餐高峰排队时间过长")
    dialog.raised_on.setText(last_year.isoformat())
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    saved = rect_service.list_suggestions(ledger)[0]
    assert _selected_ids(view.table) == [saved.id]
    assert view.period.currentData() is not None and last_year in view.period.currentData()


def test_a_completed_rectification_the_status_filter_hides_is_shown(main_window, ledger, qtbot):
    today = date.today()
    suggestion = rect_service.add_suggestion(ledger, SuggestionData(content="作业太多", raised_on=today))
    rect_id = rect_service.add_rectification(ledger, suggestion, RectificationData(
        measure="统筹作业量", responsible_unit="教务处", deadline=today + timedelta(days=20)))
    tab = main_window.open_tab("rectifications", status="pending")
    view = tab.rectifications
    view.table.selectRow(0)
    qtbot.mouseClick(tab.complete_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    dialog.completed_on.setText(today.isoformat())
    dialog.result.setPlainText("每科作业量公示")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert view.status.currentText() == "全部"
    assert _selected_ids(view.table) == [rect_id]
