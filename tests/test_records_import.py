"""Importing 听课 and 家访 sheets: names matched in the roster, bad rows named, re-import updates."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot
from import_helpers import write_book
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from records_school import make_people

from desktop_app.domain.calendar import month_period
from desktop_app.domain.people import MemberData
from desktop_app.domain.records import SixLook
from desktop_app.services import importing
from desktop_app.services.errors import UserError
from desktop_app.services.members import add_member
from desktop_app.services.records.observations import list_observations
from desktop_app.services.records.visits import list_visits
from desktop_app.store.models import Student

SEPTEMBER = month_period(2025, 9)
VISIT_HEADERS = ["日期*", "访问人*", "方式*", "学生", "班级", "受访对象", "帮扶类型", "主要内容", "意见建议", "是否回访"]


def _school(ledger):
    school = make_people(ledger)
    add_member(ledger, MemberData(name="赵老师", posts=["support_staff"], political_status="non_party"))  # same name
    with ledger.transaction("student") as session:  # 学生甲 in both classes
        session.add(Student(name="学生甲", class_id=school.classes["高一(2)班"], flags=[]))
    return school


def visits_file(tmp_path):
    rows = [
        VISIT_HEADERS,
        ["2025-09-05", "张老师", "电话家访", "学生乙", "高一(1)班", "学生母亲", "学习", "交流作息", "", "否"],
        ["2025/9/6", "张老师", "入户家访", "学生甲、学生丙", "高一(1)班", "", "学习帮扶、生活帮扶", "走访", "希望开放图书馆", "是"],
        ["2025-09-08", "王校长", "访谈教师", None, None, "张老师", None, "一对一谈心", None, None],
        ["2025-09-09", "钱师傅", "服务走访", None, None, "高一年级组", None, "六问", "热水时间太短", None],
        ["2025-09-10", "查无此人", "电话家访", "学生乙", "高一(1)班", None, None, None, None, None],  # 6 unknown visitor
        ["2025-09-10", "赵老师", "电话家访", "学生乙", "高一(1)班", None, None, None, None, None],  # 7 ambiguous visitor
        ["2025-09-10", "张老师", "电话家访", "学生甲", None, None, None, None, None, None],  # 8 学生甲 in two classes
        ["2025-09-10", "张老师", "电话家访", "学生午", "高一(1)班", None, None, None, None, None],  # 9 unknown student
        ["2025-09-10", "张老师", "上门", "学生乙", "高一(1)班", None, None, None, None, None],  # 10 unknown kind
        ["2099-09-10", "张老师", "电话家访", "学生乙", "高一(1)班", None, None, None, None, None],  # 11 future
        ["2025-09-10", "张老师", "电话家访", None, "高一(1)班", None, None, None, None, None],  # 12 no student
        ["2025-09-10", "张老师", "电话家访", "学生乙", "高三(9)班", None, None, None, None, None],  # 13 unknown class
        ["2025-09-05", "张老师", "电话家访", "学生乙", "高一(1)班", None, None, None, None, None],  # 14 repeats row 2
        ["2025-09-12", "张老师", "电话家访", "学生丁", None, None, None, None, None, "也许"],  # 15 bad yes/no
    ]
    return write_book(tmp_path / "家访记录.xlsx", rows)


def test_visit_import_names_every_bad_row(ledger, tmp_path):
    _school(ledger)
    checked = importing.preview(ledger, "visits", visits_file(tmp_path))
    assert [g.row for g in checked.good_rows] == [2, 3, 4, 5]
    reasons = {b.row: b.reason for b in checked.bad_rows}
    assert "名册中没有名为“查无此人”的人员" in reasons[6]
    assert "有2人名为“赵老师”" in reasons[7]
    assert "全校有2名学生叫“学生甲”，请填写班级" in reasons[8]
    assert "该班没有名为“学生午”的学生" in reasons[9]
    assert reasons[10].startswith("方式：“上门”不是可选项")
    assert "晚于今天" in reasons[11]
    assert "请至少选择一名学生" in reasons[12]
    assert "没有名为“高三(9)班”的班级" in reasons[13]
    assert "与第 2 行重复" in reasons[14]
    assert reasons[15].startswith("是否回访")
    with pytest.raises(UserError):  # all or nothing: bad rows stop the import …
        importing.commit(ledger, checked)
    assert list_visits(ledger, None) == []
    result = importing.commit(ledger, checked, skip_bad_rows=True)  # … unless asked to skip them
    assert (result.added, result.updated, result.skipped) == (4, 0, 10)
    rows = {v.kind_label: v for v in list_visits(ledger, SEPTEMBER)}
    home = rows["入户家访"]
    assert home.student_names == ("学生甲", "学生丙") and home.follow_up_needed
    assert home.assistance_label == "学习帮扶、生活帮扶" and home.suggestions == "希望开放图书馆"
    assert rows["访谈教师"].target_name == "张老师"
    assert rows["服务走访"].interviewee == "高一年级组"
    assert rows["电话家访"].class_name == "高一(1)班" and rows["电话家访"].assistance_label == "学习帮扶"


def test_visit_reimport_updates_instead_of_duplicating(ledger, tmp_path):
    _school(ledger)
    path = write_book(tmp_path / "v.xlsx", [VISIT_HEADERS,
                                            ["2025-09-05", "张老师", "电话家访", "学生乙", "高一(1)班", None, None, "第一次", None, None]])
    importing.commit(ledger, importing.preview(ledger, "visits", path))
    path = write_book(tmp_path / "v2.xlsx", [VISIT_HEADERS,
                                             ["2025-09-05", "张老师", "电话家访", "学生乙", "高一(1)班", None, None, "改过", None, None],
                                             ["2025-09-06", "张老师", "电话家访", "学生乙", "高一(1)班", None, None, "新的", None, None]])
    again = importing.preview(ledger, "visits", path)
    assert (again.to_add, again.to_update) == (1, 1)
    importing.commit(ledger, again)
    assert sorted(v.content for v in list_visits(ledger, SEPTEMBER)) == ["改过", "新的"]


def test_observation_import(ledger, tmp_path):
    _school(ledger)
    headers = ["日期*", "听课人*", "授课教师*", "节次", "班级", "学科", "课型", "敬业精神", "教育理念", "教学水平",
               "教学技能", "教学效果", "仪表规范", "评语", "建议"]
    path = write_book(tmp_path / "听课.xlsx", [
        headers,
        ["2025-09-02", "王校长", "张老师", 2, "高一(1)班", "语文", "示范课", "优", "良", "优", "优", "良", "优", "很好", "多互动"],
        ["2025-09-03", "王校长", "李主任", 3, None, "数学", None, None, None, None, None, None, None, None, None],
        ["2025-09-03", "王校长", "王校长", 4, None, None, None, None, None, None, None, None, None, None, None],
        ["2025-09-03", "王校长", "赵老师", 5, None, None, None, None, None, None, None, None, None, None, None],
        ["2025-09-03", "王校长", "张老师", 25, None, None, "公开课", "好", None, None, None, None, None, None, None],
    ])
    checked = importing.preview(ledger, "observations", path)
    reasons = {b.row: b.reason for b in checked.bad_rows}
    assert [g.row for g in checked.good_rows] == [2, 3]
    assert "不能是同一人" in reasons[4] and "有2人名为“赵老师”" in reasons[5]
    assert "节次" in reasons[6] and "课型" in reasons[6] and "敬业精神" in reasons[6]
    importing.commit(ledger, checked, skip_bad_rows=True)
    rows = list_observations(ledger, SEPTEMBER)
    assert [(r.teacher_name, r.lesson_type_label) for r in rows] == [("李主任", "推门课"), ("张老师", "示范课")]
    assert rows[1].rating_label(SixLook.DEDICATION) == "优" and rows[1].rating_label(SixLook.PHILOSOPHY) == "良"


def test_imported_records_keep_who_entered_them(ledger, tmp_path):
    from sqlalchemy import text

    _school(ledger)
    ledger.user = "初二年级组"
    path = write_book(tmp_path / "听课.xlsx", [["日期*", "听课人*", "授课教师*"], ["2025-09-02", "王校长", "张老师"]])
    importing.commit(ledger, importing.preview(ledger, "observations", path))
    with ledger.reading() as session:
        who = session.execute(text("SELECT entered_by, changed_by FROM observation")).all()
    assert [tuple(row) for row in who] == [("初二年级组", "初二年级组")]


def test_templates_carry_the_agreed_headers(tmp_path):
    for kind, expected in (
        ("visits", VISIT_HEADERS),
        ("observations", ["日期*", "听课人*", "授课教师*", "节次", "班级", "学科", "课型", "敬业精神", "教育理念",
                          "教学水平", "教学技能", "教学效果", "仪表规范", "评语", "建议"]),
    ):
        path = importing.write_template(kind, tmp_path / f"{kind}.xlsx")
        sheet = load_workbook(path).worksheets[0]
        headers = [c.value for c in next(sheet.iter_rows(max_row=10)) if c.value]
        found = [row for row in sheet.iter_rows(values_only=True) if row and row[0] == "日期*"]
        assert found and [v for v in found[0] if v] == expected, headers


def test_import_dialog_with_visit_sheet(main_window, qtbot, tmp_path, message_bridge):
    from desktop_app.ui.importing.dialog import open_import_dialog

    _school(main_window.context.ledger)
    dialog = open_import_dialog(main_window)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("visits"))
    dialog.set_file(visits_file(tmp_path))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.bad_box.title() == "错误行（10）"
    dialog.resize(1000, 640)
    save_screenshot(dialog, "records_import_visits_bad_rows")
    message_bridge.answers = [True]
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    assert len(list_visits(main_window.context.ledger, SEPTEMBER)) == 4
    assert date(2025, 9, 5) in {v.date for v in list_visits(main_window.context.ledger, SEPTEMBER)}
