"""The member dialog, driven as the secretary uses it: type, click 保存, read the problems."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.domain import idcard
from desktop_app.domain.people import MemberData
from desktop_app.services.members import add_member, get_member, list_members
from desktop_app.ui.members.dialog import MemberDialog

FIRST17 = "11010519850302123"
ID_NUMBER = FIRST17 + idcard.check_char(FIRST17)  # born 1985-03-02, male


@pytest.fixture
def dialog(ui_app, ledger, qtbot):
    add_member(ledger, MemberData(name="陈静", party_group="第一党小组", department="语文组"))
    made = MemberDialog(ledger)
    qtbot.addWidget(made)
    made.show()
    return made


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)


def test_add_member_with_every_field(dialog, ledger, qtbot):
    dialog.name_edit.setText("张晓明")
    dialog.id_number.setText(ID_NUMBER)
    dialog.id_number.editingFinished.emit()  # leaving the field fills birth date and gender
    assert dialog.birth_date.text() == "1985-03-02" and dialog.gender.currentText() == "男"
    dialog.ethnicity.setEditText("汉族")
    dialog.education.setEditText("本科")
    dialog.phone.setText("13812345678")
    dialog.status.setCurrentText("中共党员")
    dialog.join_date.setText("2010年7月1日")
    dialog.full_member_date.setText("2011/7/1")
    dialog.party_group.setEditText("第一党小组")
    dialog.department.setEditText("高二年级组")
    dialog.subject.setEditText("数学")
    dialog.post_boxes["head_teacher"].setChecked(True)
    dialog.post_boxes["subject_teacher"].setChecked(True)
    dialog.title_boxes["教学骨干"].setChecked(True)
    dialog.other_titles.setText("市优秀教师、区级名师")
    dialog.notes.setPlainText("高二(3)班班主任")
    save_screenshot(dialog, "member_dialog_filled")
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted
    saved = get_member(ledger, dialog.saved_id)
    assert saved == MemberData(
        name="张晓明", political_status="full_member", gender="male", birth_date=date(1985, 3, 2),
        ethnicity="汉族", education="本科", join_date=date(2010, 7, 1), full_member_date=date(2011, 7, 1),
        party_group="第一党小组", department="高二年级组", posts=["head_teacher", "subject_teacher"],
        subject="数学", backbone_titles=["教学骨干", "市优秀教师", "区级名师"], phone="13812345678",
        id_number=ID_NUMBER, notes="高二(3)班班主任", active=True, left_date=None,
    )


def test_party_group_offers_existing_groups(dialog):
    assert [dialog.party_group.itemText(i) for i in range(dialog.party_group.count())] == ["第一党小组"]
    assert dialog.department.findText("语文组") >= 0


def test_empty_name_is_named_and_nothing_saved(dialog, ledger, qtbot):
    before = len(list_members(ledger))
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    assert dialog.problems.texts() == ["姓名：必须填写"]
    assert dialog.problems.isVisible() and dialog.name_edit.hasFocus()
    save_screenshot(dialog, "member_dialog_problems")
    assert len(list_members(ledger)) == before


def test_bad_id_checksum_and_dates_are_named(dialog, ledger, qtbot):
    dialog.name_edit.setText("李明")
    wrong = FIRST17 + ("0" if ID_NUMBER[-1] != "0" else "1")
    dialog.id_number.setText(wrong)
    dialog.join_date.setText("2012-09-01")
    dialog.full_member_date.setText("2011-09-01")
    dialog.birth_date.setText("1985-02-30")
    _save(qtbot, dialog)
    texts = dialog.problems.texts()
    assert "出生日期：“1985-02-30”不是存在的日期" in texts
    assert "转正日期：应晚于入党日期" in texts
    assert "身份证号：校验位不正确，请核对是否输错" in texts
    assert dialog.isVisible()
    assert [r.name for r in list_members(ledger)] == ["陈静"]
    dialog.birth_date.setText("1985-03-02")
    dialog.id_number.setText(ID_NUMBER)
    dialog.full_member_date.setText("2013-09-01")
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted
    assert sorted(r.name for r in list_members(ledger)) == ["李明", "陈静"]


def test_duplicate_warning_can_stop_or_allow(dialog, ledger, qtbot, message_bridge):
    dialog.name_edit.setText("陈静")
    message_bridge.answers = [False]
    _save(qtbot, dialog)
    asked = message_bridge.texts("confirm")[-1]
    assert asked.startswith("可能重复") and "陈静（语文组" in asked and asked.endswith("仍要保存吗？")
    assert dialog.isVisible() and len(list_members(ledger)) == 1
    message_bridge.answers = [True]
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted and len(list_members(ledger)) == 2


def test_edit_member_and_mark_as_left(ui_app, ledger, qtbot):
    member = add_member(ledger, MemberData(name="王芳", political_status="probationary", join_date=date(2024, 7, 1)))
    dialog = MemberDialog(ledger, member)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "编辑党员信息"
    assert dialog.name_edit.text() == "王芳" and dialog.status.currentText() == "中共预备党员"
    assert dialog.join_date.text() == "2024-07-01" and not dialog.left_date.isEnabled()
    dialog.status.setCurrentText("中共党员")
    dialog.full_member_date.setText("2025-07-01")
    dialog.left_box.setChecked(True)
    assert dialog.left_date.date() == date.today()
    dialog.left_date.setText("2025-08-31")
    _save(qtbot, dialog)
    saved = get_member(ledger, member)
    assert (saved.political_status, saved.full_member_date, saved.active, saved.left_date) == (
        "full_member", date(2025, 7, 1), False, date(2025, 8, 31))


def test_non_party_person_with_join_date_is_refused(dialog, qtbot):
    dialog.name_edit.setText("刘洋")
    dialog.status.setCurrentText("群众")
    dialog.join_date.setText("2015-07-01")
    _save(qtbot, dialog)
    assert dialog.problems.texts() == ["入党日期：政治面貌为群众的人员不应有入党日期"]


def test_dialog_fits_its_contents(dialog):
    hint = dialog.layout().sizeHint()
    assert dialog.width() >= hint.width() and dialog.height() >= hint.height()
    for box in dialog.post_boxes.values():
        assert box.width() >= box.sizeHint().width(), box.text()
    save_screenshot(dialog, "member_dialog_empty")
