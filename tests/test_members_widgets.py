"""The shared member picker and optional date edit, driven as a user would."""

from __future__ import annotations

from datetime import date

from conftest import save_screenshot

from desktop_app.domain.people import MemberData
from desktop_app.services.members import add_member, update_member
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.member_picker import MemberPicker


def _add(ledger, name, department=None, **extra):
    return add_member(ledger, MemberData(name=name, department=department, **extra))


def test_picker_shows_department_for_shared_names_and_returns_ids(ui_app, ledger, qtbot):
    first = _add(ledger, "王芳", "语文组")
    second = _add(ledger, "王芳", "数学组")
    only = _add(ledger, "张晓明", "高一年级组")
    picker = MemberPicker(ledger)
    qtbot.addWidget(picker)
    texts = [picker.itemText(i) for i in range(picker.count())]
    assert sorted(texts[:2]) == ["王芳（数学组）", "王芳（语文组）"] and texts[2] == "张晓明"  # pinyin order

    seen = []
    picker.memberChanged.connect(seen.append)
    picker.setEditText("张晓明")
    assert picker.member_id() == only and seen[-1] == only
    picker.setEditText("王芳（数学组）")
    assert picker.member_id() == second
    picker.setEditText("王芳")  # ambiguous: the user must choose one
    assert picker.member_id() is None
    assert "请从列表中选择" in picker.problem("班主任")
    picker.setEditText("赵六")
    assert picker.problem("班主任") == "班主任：找不到名为“赵六”的人员"
    picker.setEditText("")
    assert picker.member_id() is None and picker.problem("班主任") is None
    picker.set_member_id(first)
    assert picker.currentText() == "王芳（语文组）"


def test_picker_completes_by_contained_text(ui_app, ledger, qtbot):
    _add(ledger, "张晓明")
    _add(ledger, "李明")
    _add(ledger, "王芳")
    picker = MemberPicker(ledger)
    qtbot.addWidget(picker)
    completer = picker.completer()
    completer.setCompletionPrefix("明")
    found = {completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())}
    assert found == {"张晓明", "李明"}


def test_picker_hides_people_who_left_unless_already_chosen(ui_app, ledger, qtbot):
    left = _add(ledger, "周老师")
    update_member(ledger, left, MemberData(name="周老师", active=False, left_date=date(2025, 7, 1)))
    _add(ledger, "吴老师")
    picker = MemberPicker(ledger)
    qtbot.addWidget(picker)
    assert [picker.itemText(i) for i in range(picker.count())] == ["吴老师"]
    picker.set_member_id(left)  # an old record still shows its person
    assert picker.member_id() == left and "已离开" in picker.currentText()


def test_picker_keeps_choice_on_reload(ui_app, ledger, qtbot):
    chosen = _add(ledger, "陈静")
    picker = MemberPicker(ledger)
    qtbot.addWidget(picker)
    picker.set_member_id(chosen)
    _add(ledger, "陈静", "英语组")  # now the name repeats: shown with departments
    picker.reload()
    assert picker.member_id() == chosen
    assert picker.currentText() == "陈静（未填部门）"


def test_optional_date_edit_reads_what_people_type(ui_app, qtbot):
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    assert edit.date() is None and edit.problem() is None
    for text in ("2024-09-01", "2024/9/1", "2024年9月1日", "20240901"):
        edit.setText(text)
        assert edit.date() == date(2024, 9, 1)
    edit.setText("2024-02-30")
    assert "不是存在的日期" in edit.problem()
    edit.setText("1980-05")
    assert edit.problem() is not None
    birth = OptionalDateEdit(allow_year_month=True)
    qtbot.addWidget(birth)
    birth.setText("1980-05")
    assert birth.date() == date(1980, 5, 1)
    birth.set_date(None)
    assert birth.text() == ""


def test_optional_date_edit_calendar_picks_a_day(ui_app, qtbot):
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.set_date(date(2025, 3, 14))
    edit._sync_calendar()
    assert edit.calendar.selectedDate().toPython() == date(2025, 3, 14)
    edit.calendar.clicked.emit(edit.calendar.selectedDate().addDays(1))
    assert edit.date() == date(2025, 3, 15)
    edit.resize(260, 30)
    edit.show()
    save_screenshot(edit, "widget_optional_date_edit")
