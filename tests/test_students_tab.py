"""The 班级学生 tab and its dialogs, driven as the secretary uses them."""

from __future__ import annotations

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.domain.people import MemberData
from desktop_app.domain.school import ClassData, StudentData
from desktop_app.services import classes, students
from desktop_app.services.members import add_member
from desktop_app.ui.context import AppContext
from desktop_app.ui.students.class_dialog import ClassDialog
from desktop_app.ui.students.student_dialog import StudentDialog
from desktop_app.ui.students.tab import StudentsTab

PUPILS = {
    "高二(3)班": [("李小红", "2023301", "female", ["留守儿童"]), ("王小刚", "2023302", "male", []),
                ("赵敏敏", "2023303", "female", ["学习困难", "生活困难"]), ("孙浩", "2023304", "male", ["学生干部"])],
    "高二(4)班": [("周杰", "2023401", "male", ["心理困惑"]), ("吴倩", "2023402", "female", [])],
    "高一(1)班": [("郑爽", "2024101", "female", ["学生干部"])],
    "高三(1)班": [("冯媛", "2022101", "female", [])],
}


@pytest.fixture
def school(ledger):
    teacher = add_member(ledger, MemberData(name="张晓明", department="高二年级组", posts=["head_teacher"]))
    other = add_member(ledger, MemberData(name="刘洋", department="高一年级组", posts=["head_teacher"]))
    ids = {"张晓明": teacher, "刘洋": other}
    for name, pupils in PUPILS.items():
        head = teacher if name == "高二(3)班" else other if name == "高一(1)班" else None
        ids[name] = classes.add_class(ledger, ClassData(name=name, head_teacher_id=head))
        for pupil, number, gender, flags in pupils:
            ids[pupil] = students.add_student(ledger, StudentData(
                name=pupil, class_id=ids[name], student_number=number, gender=gender, flags=flags,
                guardian_name=pupil[0] + "家长", phone="1390000" + number[-4:], address="城关镇人民路12号"))
    return ids


@pytest.fixture
def tab(ui_app, ledger, school, qtbot):
    made = StudentsTab(AppContext(ledger))
    qtbot.addWidget(made)
    made.resize(1180, 640)
    made.show()
    qtbot.waitExposed(made)
    return made


def names(tab) -> list[str]:
    return [row.name for row in tab.visible_rows()]


def test_classes_listed_with_counts_and_students_by_class(tab, school):
    listed = [(r.name, r.head_teacher_name, r.student_count) for r in tab.class_proxy.visible_rows()]
    assert listed == [("全部班级", "", 8), ("高一(1)班", "刘洋", 1), ("高二(3)班", "张晓明", 4), ("高二(4)班", "", 2),
                      ("高三(1)班", "", 1)]
    assert len(names(tab)) == 8
    tab.select_class(school["高二(3)班"])
    assert names(tab) == ["李小红", "王小刚", "赵敏敏", "孙浩"]
    assert tab.count_label.text() == "高二(3)班：共 4 名学生，显示 4 名"
    save_screenshot(tab, "students_tab")


def test_sorting_by_class_follows_school_order(tab, qtbot):
    header = tab.view.horizontalHeader()
    tab.view.sortByColumn(0, Qt.AscendingOrder)
    order = list(dict.fromkeys(r.class_name for r in tab.visible_rows()))
    assert order == ["高一(1)班", "高二(3)班", "高二(4)班", "高三(1)班"]
    tab.view.sortByColumn(0, Qt.DescendingOrder)
    assert list(dict.fromkeys(r.class_name for r in tab.visible_rows())) == order[::-1]
    assert header.sortIndicatorSection() == 0


def test_search_and_flag_filter_narrow_the_list(tab, school):
    tab.flag_filter.setCurrentText("学生干部")
    assert sorted(names(tab)) == sorted(["孙浩", "郑爽"])
    tab.flag_filter.setCurrentText("任一重点类别")
    assert len(names(tab)) == 5
    tab.select_class(school["高二(3)班"])
    assert sorted(names(tab)) == sorted(["李小红", "赵敏敏", "孙浩"])
    tab.flag_filter.setCurrentText("全部学生")
    tab.search.setText("2023302")
    assert names(tab) == ["王小刚"]
    tab.show_filtered(flag="psychological")
    assert names(tab) == ["周杰"]
    tab.show_filtered(class_name="高一(1)班")
    assert names(tab) == ["郑爽"]


def test_add_class_through_dialog_guesses_grade(ui_app, ledger, school, qtbot):
    dialog = ClassDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("高三（2）班")
    dialog.name_edit.textEdited.emit("高三（2）班")
    assert dialog.grade.value() == "高三"
    dialog.head_teacher.setEditText("刘洋")
    save_screenshot(dialog, "class_dialog")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    saved = classes.get_class(ledger, dialog.saved_id)
    assert (saved.name, saved.grade, saved.head_teacher_id) == ("高三(2)班", "高三", school["刘洋"])


def test_class_dialog_names_problems(ui_app, ledger, school, qtbot):
    dialog = ClassDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.head_teacher.setEditText("不存在的人")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.problems.texts() == ["班级：必须填写班级名称，如 高二(3)班", "班主任：找不到名为“不存在的人”的人员"]
    dialog.name_edit.setText("高二（3）班")
    dialog.head_teacher.setEditText("")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.problems.texts() == ["班级：已有名为“高二(3)班”的班级"]
    save_screenshot(dialog, "class_dialog_problems")
    assert dialog.isVisible() and len(classes.list_classes(ledger)) == 4


def test_edit_class_changes_head_teacher(ui_app, ledger, school, qtbot):
    dialog = ClassDialog(ledger, school["高二(4)班"])
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "高二(4)班" and dialog.head_teacher.member_id() is None
    dialog.head_teacher.set_member_id(school["张晓明"])
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert classes.get_class(ledger, school["高二(4)班"]).head_teacher_id == school["张晓明"]


def test_add_student_through_dialog(ui_app, ledger, school, qtbot):
    dialog = StudentDialog(ledger, class_id=school["高二(4)班"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.school_class.currentText() == "高二(4)班"
    dialog.name_edit.setText("钱多多")
    dialog.student_number.setText("2023403")
    dialog.gender.setCurrentText("男")
    dialog.flag_boxes["learning_difficulty"].setChecked(True)
    dialog.flag_boxes["left_behind"].setChecked(True)
    dialog.guardian.setText("钱父")
    dialog.phone.setText("0571-8888 6666")
    dialog.address.setText("城南街道幸福里3幢")
    save_screenshot(dialog, "student_dialog")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    saved = students.get_student(ledger, dialog.saved_id)
    assert saved == StudentData(name="钱多多", class_id=school["高二(4)班"], student_number="2023403", gender="male",
                                flags=["learning_difficulty", "left_behind"], guardian_name="钱父",
                                phone="0571-8888 6666", address="城南街道幸福里3幢", active=True)


def test_student_dialog_names_problems_and_saves_nothing(ui_app, ledger, school, qtbot):
    dialog = StudentDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.phone.setText("12345")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.problems.texts() == ["姓名：必须填写", "班级：必须选择", "联系电话：“12345”位数不对，应为7到20位数字"]
    save_screenshot(dialog, "student_dialog_problems")
    dialog.name_edit.setText("新同学")
    dialog.set_class(school["高二(3)班"])
    dialog.phone.setText("")
    dialog.student_number.setText("2023301")  # 李小红's number
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.problems.texts() == ["学号：本班已有学号为“2023301”的学生"]
    assert len(students.list_students(ledger)) == 8


def test_same_name_in_class_asks_first(ui_app, ledger, school, qtbot, message_bridge):
    dialog = StudentDialog(ledger, class_id=school["高二(3)班"])
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("李小红")
    message_bridge.answers = [False]
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "已有名为“李小红”的学生（学号：2023301）" in message_bridge.texts("confirm")[-1]
    assert len(students.list_students(ledger)) == 8


def test_edit_student_moves_class(ui_app, ledger, school, qtbot):
    dialog = StudentDialog(ledger, school["周杰"])
    qtbot.addWidget(dialog)
    assert dialog.flag_boxes["psychological"].isChecked() and dialog.school_class.currentText() == "高二(4)班"
    dialog.set_class(school["高二(3)班"])
    dialog.flag_boxes["psychological"].setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    moved = students.get_student(ledger, school["周杰"])
    assert (moved.class_id, moved.flags) == (school["高二(3)班"], [])


def test_tab_refreshes_and_deletes_student(tab, ledger, school, qtbot, message_bridge):
    students.add_student(ledger, StudentData(name="新来的", class_id=school["高二(4)班"]))
    assert "新来的" in names(tab)
    counts = {r.name: r.student_count for r in tab.class_proxy.visible_rows()}
    assert counts["高二(4)班"] == 3 and counts["全部班级"] == 9
    tab.select_class(school["高二(4)班"])
    row = names(tab).index("新来的")
    tab.view.selectRow(row)
    tab.view.setFocus()
    message_bridge.answers = [True]
    qtbot.keyClick(tab.view, Qt.Key_Delete)
    assert "确定删除高二(4)班学生“新来的”吗？" in message_bridge.texts("confirm")[-1]
    assert "新来的" not in names(tab)
    assert tab.current_class_id() == school["高二(4)班"]  # the class stays chosen after the refresh


def test_delete_class_with_students_asks_and_takes_them(tab, ledger, school, message_bridge, qtbot):
    tab.select_class(school["高二(4)班"])
    message_bridge.answers = [False]
    qtbot.mouseClick(tab.delete_class_button, Qt.LeftButton)
    assert "还有 2 名学生" in message_bridge.texts("confirm")[-1]
    assert len(classes.list_classes(ledger)) == 4
    message_bridge.answers = [True]
    qtbot.mouseClick(tab.delete_class_button, Qt.LeftButton)
    assert [r.name for r in classes.list_classes(ledger)] == ["高一(1)班", "高二(3)班", "高三(1)班"]
    assert len(students.list_students(ledger)) == 6
    assert tab.current_class_id() == 0 and len(names(tab)) == 6


def test_add_student_needs_a_class_first(ui_app, ledger, qtbot, message_bridge):
    tab = StudentsTab(AppContext(ledger))
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.buttons.add, Qt.LeftButton)
    assert "请先在左侧“新增班级”" in message_bridge.texts("info")[-1]
    assert not tab.edit_class_button.isEnabled()


def test_students_tab_in_main_window(main_window, ledger, school):
    tab = main_window.open_tab("students", class_name="高二(3)班")
    assert isinstance(tab, StudentsTab) and len(names(tab)) == 4
    save_screenshot(main_window, "main_window_students")
