"""The quarterly workbook's 组织生活 sheet against hand-counted figures."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl

from desktop_app.domain import report_period
from desktop_app.services.exports.quarterly import export_quarterly
from desktop_app.services.meetings.commands import AttendanceEntry, MeetingData, add_meeting
from tests.meetings_support import make_branch

Q4 = report_period.quarter(2025, 4)


def _rows(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]


def test_meetings_sheet_in_the_quarterly_workbook(ledger, tmp_path):
    b = make_branch(ledger)
    for day in (date(2025, 10, 9), date(2025, 12, 3)):  # November missed
        add_meeting(ledger, MeetingData(kind="committee_meeting", date=day, topic="支委会",
                                        attendance=[AttendanceEntry(b.secretary),
                                                    AttendanceEntry(b.committee, "leave", "病假")]))
    add_meeting(ledger, MeetingData(kind="branch_assembly", date=date(2025, 11, 20), topic="党员大会",
                                    attendance=[AttendanceEntry(b.secretary), AttendanceEntry(b.zhang, "absent")]))
    path = export_quarterly(ledger, Q4, tmp_path / "q4.xlsx")
    book = openpyxl.load_workbook(path)
    assert "组织生活" in book.sheetnames
    sheet = book["组织生活"]
    assert sheet["A1"].value.endswith("2025年第四季度 组织生活")
    rows = _rows(sheet)
    by_duty = {row[1]: row for row in rows if isinstance(row[0], int)}
    assert by_duty["支部委员会会议"][2:6] == [2, 3, "未完成", "2025年11月"]
    assert by_duty["支部党员大会"][2:5] == [1, 1, "完成"]
    assert "组织生活会" not in by_duty  # the school year does not end in Q4
    meetings = [row for row in rows if isinstance(row[1], datetime)]
    assert [(row[1].date(), row[2:5]) for row in meetings] == [
        (date(2025, 10, 9), [2, 1, 0]), (date(2025, 11, 20), [2, 1, 1]), (date(2025, 12, 3), [2, 1, 0])]
    assert meetings[1][5] == "支部党员大会：党员大会"
    members = {row[1]: row for row in _rows(book["党员出席"])}
    assert members["李委员"][2:9] == ["第二党小组", 2, 0, 2, 0, "—", 0]  # two leaves, left out of 应到
    assert members["张三"][3:8] == [1, 0, 0, 1, "0%"]
    assert members["王书记"][7] == "100%"

def test_no_sheet_before_any_meeting_is_recorded(ledger, tmp_path):
    make_branch(ledger)
    book = openpyxl.load_workbook(export_quarterly(ledger, Q4, tmp_path / "q4.xlsx"))
    assert "组织生活" not in book.sheetnames and "党员出席" not in book.sheetnames
