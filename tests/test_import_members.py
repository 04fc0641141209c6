"""Importing members, classes and students: preview writes nothing, commit is all-or-nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from import_helpers import make_id, write_book
from sqlalchemy import delete, func, select

from desktop_app.services import importing
from desktop_app.services.errors import UserError
from desktop_app.services.members import get_member, list_members
from desktop_app.store.models import Member, SchoolClass, Student

pytestmark = pytest.mark.both_engines

ALIAS_HEADERS = ["姓名*", "性别", "出生年月", "民族", "政治面貌", "入党时间", "转正日期", "党小组", "处室",
                 "岗位", "学科", "骨干称号", "手机", "身份证号码", "备注"]


def count(ledger, model) -> int:
    with ledger.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def good_members_file(tmp_path):
    rows = [
        ALIAS_HEADERS,
        ["张晓明", "男", datetime(1985, 3, 12), "汉族", "中共党员", "2010-07-01", "2011/7/1", "高二党小组",
         "高二年级组", "班主任、任课教师", "数学", "教学能手", "13800001234", make_id("19850312"), ""],
        ["李芳", "女", "1990/5/6", "回族", "中共预备党员", "2025年6月1日", None, "高一党小组", "高一年级组",
         "任课教师,学科组长", "语文", None, "010-62345678", None, "新调入"],
        ["王强", "男", "1979年11月2日", "汉族", "群众", None, None, None, "总务处", "教辅后勤", None, None, None,
         make_id("19791102", "123"), None],
        [None, None, None, None, None, None, None, None, None, None, None, None, None, None, None],  # blank: skipped
        ["赵敏", "女", "1988-01-20", "汉族", "入党积极分子", None, None, None, "教务处", "教务处负责人", "英语", None,
         None, None, None],
    ]
    return write_book(tmp_path / "党员名册.xlsx", rows, title="某某中学党员名册（2025年）")


def test_good_file_with_aliases_title_row_and_every_date_form(ledger, tmp_path):
    checked = importing.preview(ledger, "members", good_members_file(tmp_path))
    assert checked.bad_rows == []
    assert [(g.row, g.summary.split(" · ")[0], g.action) for g in checked.good_rows] == [
        (3, "张晓明", "新增"), (4, "李芳", "新增"), (5, "王强", "新增"), (7, "赵敏", "新增")]
    assert checked.good_rows[0].summary == "张晓明 · 中共党员 · 1985-03-12 · 高二年级组 · 班主任、任课教师"
    assert checked.header_row == 2
    assert count(ledger, Member) == 0, "preview must not write"

    result = importing.commit(ledger, checked)
    assert (result.added, result.updated) == (4, 0)
    members = {m.name: m for m in list_members(ledger)}
    zhang = members["张晓明"]
    assert zhang.birth_date == date(1985, 3, 12)
    assert zhang.join_date == date(2010, 7, 1)
    assert zhang.posts == ("head_teacher", "subject_teacher")
    assert zhang.backbone_titles == ("教学能手",)
    assert zhang.phone == "13800001234"
    assert members["李芳"].birth_date == date(1990, 5, 6)
    assert members["李芳"].join_date == date(2025, 6, 1)
    assert members["李芳"].political_status == "probationary"
    assert members["王强"].birth_date == date(1979, 11, 2)
    assert members["王强"].department == "总务处"


def test_reimport_updates_instead_of_duplicating(ledger, tmp_path):
    path = good_members_file(tmp_path)
    importing.commit(ledger, importing.preview(ledger, "members", path))
    again = importing.preview(ledger, "members", path)
    assert [g.action for g in again.good_rows] == ["更新"] * 4
    result = importing.commit(ledger, again)
    assert (result.added, result.updated) == (0, 4)
    assert count(ledger, Member) == 4


def test_update_changes_filled_cells_only(ledger, tmp_path):
    importing.commit(ledger, importing.preview(ledger, "members", good_members_file(tmp_path)))
    changed = write_book(tmp_path / "改.xlsx", [
        ["姓名", "出生日期", "政治面貌", "联系电话"],
        ["张晓明", "1985-03-12", "中共党员", "13900009999"],
    ])
    checked = importing.preview(ledger, "members", changed)
    assert [g.action for g in checked.good_rows] == ["更新"]
    importing.commit(ledger, checked)
    zhang = next(m for m in list_members(ledger) if m.name == "张晓明")
    assert zhang.phone == "13900009999"
    assert zhang.subject == "数学", "a column missing from the file must not erase data"
    assert zhang.id_number == make_id("19850312")


def bad_members_file(tmp_path):
    return write_book(tmp_path / "有错.xlsx", [
        ["姓名", "出生日期", "政治面貌", "身份证号", "入党日期"],
        ["好人", "1980-01-01", "中共党员", make_id("19800101"), "2005-01-01"],   # row 2 good
        [None, "1980-01-01", "中共党员", None, None],                          # row 3 missing name
        ["坏面貌", "1981-01-01", "团员", None, None],                           # row 4 bad status
        ["坏号码", "1982-02-02", "群众", make_id("19820202")[:-1] + "0" if not make_id("19820202").endswith("0")
         else make_id("19820202")[:-1] + "1", None],                            # row 5 bad checksum
        ["坏日期", "1983-02-30", "群众", None, None],                           # row 6 bad date
        ["好人", "1980-01-01", "中共党员", make_id("19800101"), "2005-01-01"],   # row 7 duplicate of row 2
    ])


def test_bad_rows_listed_with_row_column_reason_and_nothing_written(ledger, tmp_path):
    checked = importing.preview(ledger, "members", bad_members_file(tmp_path))
    got = [(p.row, p.column, p.reason) for p in checked.problems]
    assert got[0] == (3, "姓名", "必须填写")
    assert got[1][:2] == (4, "政治面貌") and "“团员”不是可选项" in got[1][2]
    assert got[2] == (5, "身份证号", "校验位不正确，请核对是否输错")
    assert got[3] == (6, "出生日期", "“1983-02-30”不是存在的日期")
    assert got[4][:2] == (7, "") and "与第 2 行重复" in got[4][2]
    assert [g.row for g in checked.good_rows] == [2]
    with pytest.raises(UserError, match="有 5 行错误，整个文件未导入"):
        importing.commit(ledger, checked)
    assert count(ledger, Member) == 0
    result = importing.commit(ledger, checked, skip_bad_rows=True)
    assert (result.added, result.skipped) == (1, 5)


def test_error_report_lists_bad_rows_with_reasons(ledger, tmp_path):
    from openpyxl import load_workbook

    checked = importing.preview(ledger, "members", bad_members_file(tmp_path))
    out = importing.write_error_report(checked, tmp_path / "错误.xlsx")
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("原行号", "姓名", "出生日期", "政治面貌", "身份证号", "入党日期", "错误原因")
    assert [r[0] for r in rows[1:]] == [3, 4, 5, 6, 7]
    assert rows[1][-1] == "姓名：必须填写"
    assert rows[2][1] == "坏面貌" and rows[2][3] == "团员"


@pytest.mark.parametrize("content, message", [
    (b"name,status\n", "不是 Excel 工作簿"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "无法打开.*已损坏"),  # an .xls container, broken
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"), "设有打开密码"),
    (b"PK\x03\x04 broken zip", "不是 Excel 工作簿"),
])
def test_file_level_problems_name_the_file(ledger, tmp_path, content, message):
    path = tmp_path / "名册.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message) as caught:
        importing.preview(ledger, "members", path)
    assert "名册.xlsx" in str(caught.value)


def test_an_xlsx_with_another_extension_is_still_read(ledger, tmp_path):
    path = write_book(tmp_path / "名册.xlsx", [["姓名", "政治面貌"], ["张三", "群众"]])
    renamed = path.rename(tmp_path / "名册.xls")
    assert [g.summary for g in importing.preview(ledger, "members", renamed).good_rows] == ["张三 · 群众"]


def test_missing_required_headers_are_named(ledger, tmp_path):
    path = write_book(tmp_path / "缺列.xlsx", [["姓名", "性别", "出生日期"], ["张三", "男", "1980-01-01"]])
    with pytest.raises(UserError) as caught:
        importing.preview(ledger, "members", path)
    assert "“缺列.xlsx”缺少必填列：政治面貌*" in str(caught.value)


def test_empty_sheet_and_header_only(ledger, tmp_path):
    with pytest.raises(UserError, match="工作表是空的"):
        importing.preview(ledger, "members", write_book(tmp_path / "空.xlsx", []))
    with pytest.raises(UserError, match="表头下面没有数据行"):
        importing.preview(ledger, "members", write_book(tmp_path / "表头.xlsx", [["姓名", "政治面貌"]]))


def test_unknown_kind_lists_the_choices(ledger, tmp_path):
    with pytest.raises(UserError, match="可导入的类型有 members（党员）"):
        importing.preview(ledger, "teachers", tmp_path / "x.xlsx")


def _roster(ledger, tmp_path):
    importing.commit(ledger, importing.preview(ledger, "members", good_members_file(tmp_path)))


def test_classes_find_head_teacher_in_roster(ledger, tmp_path):
    _roster(ledger, tmp_path)
    path = write_book(tmp_path / "班级.xlsx", [
        ["班级*", "年级", "班主任"],
        ["高二(3)班", "高二年级", "张晓明"],
        ["高一(1)班", "高一", "无此人"],
        ["高一（2）班", None, None],
        ["高二（3）班", "高二", "李芳"],
    ])
    checked = importing.preview(ledger, "classes", path)
    assert [(p.row, p.column) for p in checked.problems] == [(3, "班主任"), (5, "")]
    assert "花名册中没有“无此人”" in checked.problems[0].reason
    importing.commit(ledger, checked, skip_bad_rows=True)
    with ledger.reading() as session:
        classes = {c.name: c for c in session.scalars(select(SchoolClass))}
        assert classes["高二(3)班"].head_teacher.name == "张晓明"
        assert classes["高一(2)班"].head_teacher is None, "names are stored in one spelling"
        assert classes["高一(2)班"].grade == "高一"


def _classes(ledger, tmp_path):
    _roster(ledger, tmp_path)
    path = write_book(tmp_path / "班级.xlsx", [["班级", "班主任"], ["高二(4)班", None], ["高二(3)班", "张晓明"]])
    importing.commit(ledger, importing.preview(ledger, "classes", path))


def test_students_import_update_and_unknown_class(ledger, tmp_path):
    _classes(ledger, tmp_path)
    path = write_book(tmp_path / "学生.xlsx", [
        ["姓名", "班级", "学号", "性别", "重点类别", "监护人", "家长电话", "住址"],
        ["李思远", "高二（3）班", 20230315, "男", "学习困难，留守儿童", "李建国", "13900005678", "幸福路8号"],
        ["周小雨", "高二(4)班", None, "女", None, None, None, None],
        ["陈某", "高三(9)班", None, None, None, None, None, None],
        ["吴某", "高二(3)班", None, None, "贫困", None, None, None],
    ])
    checked = importing.preview(ledger, "students", path)
    assert [(p.row, p.column) for p in checked.problems] == [(4, "班级"), (5, "重点类别")]
    assert "没有名为“高三(9)班”的班级" in checked.problems[0].reason
    importing.commit(ledger, checked, skip_bad_rows=True)
    again = importing.preview(ledger, "students", path)
    assert [g.action for g in again.good_rows] == ["更新", "更新"]
    importing.commit(ledger, again, skip_bad_rows=True)
    with ledger.reading() as session:
        students = {s.name: (s.student_number, s.flags, s.guardian_name) for s in session.scalars(select(Student))}
    assert len(students) == 2
    assert students["李思远"] == ("20230315", ["learning_difficulty", "left_behind"], "李建国")


def test_commit_failure_midway_writes_nothing(ledger, tmp_path):
    """A row that only fails at insert time (its class was deleted after the preview) undoes the lot."""
    _classes(ledger, tmp_path)
    path = write_book(tmp_path / "学生.xlsx", [
        ["姓名", "班级"], ["甲", "高二(3)班"], ["乙", "高二(3)班"], ["丙", "高二(4)班"], ["丁", "高二(3)班"],
    ])
    checked = importing.preview(ledger, "students", path)
    assert len(checked.good_rows) == 4
    with ledger.transaction() as session:
        session.execute(delete(SchoolClass).where(SchoolClass.name == "高二(4)班"))
    with pytest.raises(UserError, match="第 2–5 行之间：引用的记录已不存在.*已全部撤销，没有写入任何数据"):
        importing.commit(ledger, checked)
    assert count(ledger, Student) == 0


def test_template_round_trip(ledger, tmp_path):
    from openpyxl import load_workbook

    for kind, _label in importing.available_kinds():
        importing.write_template(kind, tmp_path / f"{kind}.xlsx")
    book = load_workbook(tmp_path / "members.xlsx")
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["姓名*", "性别", "出生日期"] and "政治面貌*" in headers
    assert sheet.freeze_panes == "A2"
    assert any("中共党员" in v.formula1 for v in sheet.data_validations.dataValidation)
    assert sheet.column_dimensions["A"].width >= 8
    # fill the template as a user would: replace the example row, then import it
    sheet["A2"], sheet["C2"], sheet["F2"] = "孙丽", "1992年4月5日", "中共党员"
    for col in "BDEGHIJKLMNP":
        sheet[f"{col}2"] = None
    sheet["O2"] = make_id("19920405", "222")
    book.save(tmp_path / "filled.xlsx")
    checked = importing.preview(ledger, "members", tmp_path / "filled.xlsx")
    assert checked.bad_rows == []
    importing.commit(ledger, checked)
    sun = list_members(ledger)[0]
    assert (sun.name, sun.birth_date, sun.id_number) == ("孙丽", date(1992, 4, 5), make_id("19920405", "222"))
    assert headers[-1] == "入校日期"  # #21: the template carries the 入校日期, kept as typed
    assert get_member(ledger, sun.id).school_start_date == date(2015, 8, 25)


def test_example_row_left_in_a_template_is_skipped(ledger, tmp_path):
    path = importing.write_template("classes", tmp_path / "classes.xlsx")
    with pytest.raises(UserError, match="表头下面没有数据行"):
        importing.preview(ledger, "classes", path)
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.worksheets[0].append(["高一(5)班", "高一", None])
    book.save(path)
    checked = importing.preview(ledger, "classes", path)
    assert [g.summary for g in checked.good_rows] == ["高一(5)班 · 高一"]
    assert checked.notes == ["第 2 行是模板中的示例行，已跳过。"]


def test_template_example_rows_are_valid(ledger, tmp_path):
    """Each spec's example values pass its own parsers (a template must not teach bad input)."""
    for kind, _label in importing.available_kinds():
        spec = importing.load_spec(kind)
        for column in spec.columns:
            if column.example != "":
                column.parse_cell(column.example)


def test_error_report_keeps_user_text_as_text(ledger, tmp_path):
    from openpyxl import load_workbook

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "政治面貌"])
    book.active["A2"], book.active["B2"] = '=HYPERLINK("http://x")', "团员"
    book.active["A2"].data_type = "s"  # text that looks like a formula, as a user may type it
    path = tmp_path / "注入.xlsx"
    book.save(path)
    checked = importing.preview(ledger, "members", path)
    out = importing.write_error_report(checked, tmp_path / "错误.xlsx")
    cell = load_workbook(out).active["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


def test_student_numbers_are_per_class_and_parents_may_give_two_phones(ledger, tmp_path):
    _classes(ledger, tmp_path)
    path = write_book(tmp_path / "学生.xlsx", [
        ["姓名", "班级", "学号", "联系电话"],
        ["甲", "高二(3)班", "01", "13900005678、0571-88886666"],
        ["乙", "高二(4)班", "01", "123"],
        ["乙", "高二(4)班", "01", None],
    ])
    checked = importing.preview(ledger, "students", path)
    assert [(p.row, p.column) for p in checked.problems] == [(3, "联系电话")]
    assert "位数不对" in checked.problems[0].reason
    assert [g.action for g in checked.good_rows] == ["新增", "新增"], "学号 01 of another class is another student"
    importing.commit(ledger, checked, skip_bad_rows=True)
    assert count(ledger, Student) == 2
    fixed = write_book(tmp_path / "学生2.xlsx", [["姓名", "班级", "学号"], ["甲", "高二(3)班", "01"], ["乙", "高二(4)班", "01"]])
    assert [g.action for g in importing.preview(ledger, "students", fixed).good_rows] == ["更新", "更新"]


def test_school_start_date_is_read_under_its_aliases(ledger, tmp_path):
    """#21: 入校日期 (or 到岗日期) from a roster; a date before 16 is refused naming the row."""
    path = write_book(tmp_path / "名册.xlsx", [["姓名", "政治面貌", "出生日期", "到岗日期"],
                                              ["钱一", "中共党员", "1990-01-01", "2016年8月28日"],
                                              ["钱二", "中共党员", "1990-01-01", "1995-09-01"]])
    checked = importing.preview(ledger, "members", path)
    assert [g.row for g in checked.good_rows] == [2]
    assert checked.bad_rows[0].reason == "到岗日期：应在年满16岁之后"  # named as her sheet names it
    importing.commit(ledger, checked, skip_bad_rows=True)
    assert get_member(ledger, list_members(ledger)[0].id).school_start_date == date(2016, 8, 28)
