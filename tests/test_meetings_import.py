"""Importing meetings: names to attendance, reasons in brackets, bad rows named by row and column."""

from __future__ import annotations

from datetime import date

import pytest
from import_helpers import write_book
from openpyxl import load_workbook

from desktop_app.services import importing
from desktop_app.services.errors import UserError
from desktop_app.services.meetings.queries import get_meeting, list_meetings
from tests.meetings_support import make_branch

HEADERS = ["日期*", "类型*", "主题*", "地点", "主持人", "记录人", "出席", "请假", "缺席", "列席", "内容摘要"]


def _problems(preview) -> dict[int, list[tuple[str, str]]]:
    return {bad.row: [(p.column, p.reason) for p in bad.problems] for bad in preview.bad_rows}


def test_good_rows_become_meetings_with_attendance(ledger, tmp_path):
    b = make_branch(ledger)
    path = write_book(tmp_path / "会议.xlsx", [
        HEADERS,
        ["2025-09-26", "支部党员大会", "学习贯彻全会精神", "三楼会议室", "王书记", "李委员",
         "王书记，李委员、王芳", "张三（外出培训）", "", "赵积极", "传达上级会议精神"],
        ["2025/10/15", "党小组会", "交流师德体会", "", "李委员", "", "李委员、王芳", "", "", "", ""],
        ["2025-11-20", "党课", "新时代师德修养", "", "", "王书记", "王书记、张三", "", "李委员", "", ""],
    ])
    preview = importing.preview(ledger, "meetings", path)
    assert preview.bad_rows == [] and len(preview.good_rows) == 3
    importing.commit(ledger, preview)
    rows = {row.kind: row for row in list_meetings(ledger, None)}
    assembly = get_meeting(ledger, rows["branch_assembly"].id)
    assert {(e.member_id, e.status, e.reason) for e in assembly.attendance} == {
        (b.secretary, "present", None), (b.committee, "present", None), (b.wang_fang, "present", None),
        (b.zhang, "leave", "外出培训")}
    assert assembly.guest_ids == [b.activist] and assembly.minutes == "传达上级会议精神"
    assert (assembly.host_id, assembly.recorder_id, assembly.place) == (b.secretary, b.committee, "三楼会议室")
    assert rows["group_meeting"].party_group == "第二党小组"  # taken from the attendees
    assert get_meeting(ledger, rows["party_lecture"].id).recorder_id == b.secretary  # 讲课人
    assert (rows["party_lecture"].counts.present, rows["party_lecture"].counts.absent) == (2, 1)

    # The same date, kind and topic again: the meeting is updated, not added twice.
    again = write_book(tmp_path / "再次.xlsx", [HEADERS, ["2025-09-26", "支部党员大会", "学习贯彻全会精神", "", "", "",
                                                         "王书记、李委员、王芳、张三", "", "", "", ""]])
    checked = importing.preview(ledger, "meetings", again)
    assert [good.action for good in checked.good_rows] == [importing.UPDATE]
    importing.commit(ledger, checked)
    assert len(list_meetings(ledger, None)) == 3
    assert {e.status for e in get_meeting(ledger, rows["branch_assembly"].id).attendance} == {"present"}


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(ledger, tmp_path):
    make_branch(ledger)
    path = write_book(tmp_path / "错误.xlsx", [
        HEADERS,
        ["2025-09-26", "支部党员大会", "大会", "", "", "", "王书记、查无此人", "", "", "", ""],
        ["2025-09-27", "主题党日", "党日", "", "", "", "王书记、张三", "张三（病假）", "", "", ""],
        ["2025-09-28", "党小组会", "小组会", "", "", "", "张三、王芳", "", "", "", ""],
        ["2025-09-29", "组织生活会", "年度组织生活会", "", "无名氏", "", "王书记", "", "", "", ""],
        ["2025-09-30", "茶话会", "聚会", "", "", "", "", "", "", "", ""],
        ["2025-10-08", "支部委员会会议", "支委会", "", "", "", "王书记", "", "", "", ""],
    ])
    preview = importing.preview(ledger, "meetings", path)
    problems = _problems(preview)
    assert problems[2] == [("出席", "名册中没有名为“查无此人”的人员")]
    assert problems[3] == [("请假", "“张三”同时出现在“出席”和“请假”中")]
    assert problems[4] == [("出席", "党小组会的应到人员应属于同一党小组，这里有第一党小组、第二党小组的人员")]
    assert ("主持人", "名册中没有名为“无名氏”的人员") in problems[5]
    assert problems[6][0][0] == "类型" and "茶话会" in problems[6][0][1]
    assert 7 not in problems and len(preview.good_rows) == 1
    with pytest.raises(UserError):
        importing.commit(ledger, preview)  # all or nothing unless bad rows are skipped
    assert list_meetings(ledger, None) == []
    report = importing.write_error_report(preview, tmp_path / "错误行.xlsx")
    assert report.exists()


def test_template_has_the_headers_and_the_notes(tmp_path):
    path = importing.write_template("meetings", tmp_path / "模板.xlsx")
    book = load_workbook(path)
    first = book.worksheets[0]
    headers = [c.value for c in first[next(r for r in range(1, 4) if first.cell(r, 1).value == "日期*")]]
    assert headers[:11] == HEADERS
    assert any("张三（外出培训）" in str(c.value) for sheet in book.worksheets for row in sheet.iter_rows()
               for c in row if c.value)


def test_a_meeting_dated_in_the_future_is_a_bad_row(ledger, tmp_path):
    make_branch(ledger)
    path = write_book(tmp_path / "将来.xlsx", [HEADERS, ["2099-01-01", "主题党日", "将来", "", "", "", "王书记", "", "",
                                                         "", ""]])
    assert _problems(importing.preview(ledger, "meetings", path))[2][0][0] == "日期"
    assert date.today().year < 2099


def test_a_missing_topic_is_named(ledger, tmp_path):
    make_branch(ledger)
    path = write_book(tmp_path / "无主题.xlsx", [HEADERS, ["2025-09-29", "组织生活会", "", "", "", "", "王书记", "", "",
                                                          "", ""]])
    assert _problems(importing.preview(ledger, "meetings", path))[2] == [("主题", "必须填写")]
