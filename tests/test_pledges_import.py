"""Importing pledges from Excel: preview with bad rows, all-or-nothing commit, updates, CLI, template."""

from __future__ import annotations

from datetime import date

import pytest
from import_helpers import write_book
from openpyxl import load_workbook

from desktop_app.cli.main import main
from desktop_app.domain.people import MemberData
from desktop_app.domain.pledges import PledgeData, Publication, Review
from desktop_app.services import importing
from desktop_app.services import pledges as svc
from desktop_app.services.errors import UserError
from desktop_app.services.members import add_member
from desktop_app.store.ledger import open_ledger

HEADERS = ["姓名", "学年", "承诺类型", "对标", "承诺内容", "公示开始", "公示结束", "公示方式", "评议等次", "评议主体", "评议日期"]


@pytest.fixture
def roster(ledger):
    ids = {n: add_member(ledger, MemberData(name=n)) for n in ("张晓明", "李红", "王刚")}
    add_member(ledger, MemberData(name="刘洋", department="高一年级组"))
    add_member(ledger, MemberData(name="刘洋", department="总务处"))
    return ids


def _book(tmp_path, rows, name="承诺.xlsx"):
    return write_book(tmp_path / name, [HEADERS, *rows], title="2025-2026学年党员承诺一览表")


GOOD = [
    ["张晓明", "2025-2026", "岗位承诺", "五个模范", "每学期上好一节示范课\n结对帮扶一名青年教师", None, None, None, None, None, None],
    ["李红", "2025—2026学年", "目标承诺", "", "班级平均分进入年级前三；每月家访15人次", "2025-09-10", "2025/9/16", "公示栏、网络",
     None, None, None],
    ["王刚", "2025", "岗位承诺", "党员标兵", "每周听课3节", date(2025, 9, 10), date(2025, 9, 16), "电子屏",
     "较好", "党员大会", "2026年7月3日"],
    ["本支部", "2025-2026", "支部承诺", "五个好先进党支部", "领导班子好；干部队伍好", "2025-09-10", "2025-09-16", "校报",
     None, None, None],
]


def test_good_file_imports_with_statuses_from_the_row(ledger, roster, tmp_path):
    checked = importing.preview(ledger, "pledges", _book(tmp_path, GOOD))
    assert checked.summary() == "新增 4，更新 0，错误 0"
    assert [g.summary for g in checked.good_rows][0] == "张晓明 岗位承诺 2025-2026"
    assert importing.commit(ledger, checked).summary() == "已导入：新增 4，更新 0"
    rows = {r.owner_name: r for r in svc.list_pledges(ledger, "2025-2026")}
    assert rows["张晓明"].status_label == "草拟" and rows["张晓明"].content_items == ("每学期上好一节示范课", "结对帮扶一名青年教师")
    assert rows["李红"].status_label == "已公示" and rows["李红"].places_label == "公示栏、网络"
    assert rows["李红"].published_to == date(2025, 9, 16)
    assert (rows["王刚"].status_label, rows["王刚"].grade_label, rows["王刚"].review_date) == ("已评议", "较好", date(2026, 7, 3))
    assert rows["本支部"].member_id is None and rows["本支部"].kind_label == "支部承诺"
    assert svc.review_grades(ledger, "2025-2026") == {roster["王刚"]: "fairly_good"}


def test_bad_rows_named_by_row_and_column_and_nothing_written(ledger, roster, tmp_path):
    rows = [
        GOOD[0],
        ["查无此人", "2025-2026", "岗位承诺", "", "x", None, None, None, None, None, None],
        ["刘洋", "2025-2026", "岗位承诺", "", "x", None, None, None, None, None, None],
        ["李红", "2025-2027", "承诺", "", "", None, None, None, None, None, None],
        ["王刚", "2025-2026", "岗位承诺", "", "每周听课3节", None, None, None, "好", "党员大会", "2026-07-01"],
        ["张晓明", "2025-2026", "目标承诺", "", "x", "2025-09-16", "2025-09-10", "公示栏", "差", "党员大会", "2026-07-01"],
        ["张晓明", "2025-2026", "岗位承诺", "", "重复的一行", None, None, None, None, None, None],
    ]
    checked = importing.preview(ledger, "pledges", _book(tmp_path, rows))
    assert checked.summary() == "新增 1，更新 0，错误 6"
    problems = [str(p) for p in checked.problems]
    assert "第 4 行 〔姓名〕：名册中没有“查无此人”，请先在党员页添加或导入党员" in problems
    assert "第 5 行 〔姓名〕：名册中有2人名为“刘洋”，无法确定是哪一位，请在承诺页逐个录入" in problems
    assert any(p.startswith("第 6 行 〔学年〕：学年“2025-2027”的两个年份应相差一年") for p in problems)
    assert any(p.startswith("第 6 行 〔承诺类型〕：“承诺”不是可选项") for p in problems)
    assert "第 6 行 〔承诺内容〕：必须填写" in problems
    assert "第 7 行 〔公示开始〕：必须填写" in problems  # reviewed but never posted
    assert "第 8 行 〔公示结束〕：不能早于公示开始日期" in problems
    assert not any("未践诺说明" in p for p in problems)  # a missing reason is a 提醒, not an error
    assert "第 9 行 ：与第 3 行重复（同一承诺出现两次）" in problems
    with pytest.raises(UserError, match="有 6 行错误，整个文件未导入"):
        importing.commit(ledger, checked)
    assert svc.list_pledges(ledger) == []


def test_reimport_updates_and_reviewed_pledges_are_locked(ledger, roster, tmp_path):
    pid = svc.write_pledge(ledger, PledgeData(roster["张晓明"], "post", "2025-2026", "五个模范", ["旧内容"]))
    done = svc.write_pledge(ledger, PledgeData(roster["李红"], "post", "2025-2026", "", ["旧内容"]))
    svc.publish(ledger, done, Publication(date(2025, 9, 1), date(2025, 9, 7), ["web"]))
    svc.record_review(ledger, done, Review("good", "members_meeting", date(2026, 7, 1)))
    rows = [
        ["张晓明", "2025-2026", "岗位承诺", "", "新内容一；新内容二", "2025-09-10", "2025-09-16", "公示栏", None, None, None],
        ["李红", "2025-2026", "岗位承诺", "", "改写", None, None, None, None, None, None],
    ]
    checked = importing.preview(ledger, "pledges", _book(tmp_path, rows))
    assert [str(p) for p in checked.problems] == [
        "第 4 行 ：李红 2025-2026学年的岗位承诺：承诺已评议，内容已锁定；如需修改请先“重新打开”。"]
    importing.commit(ledger, checked, skip_bad_rows=True)
    row = svc.get_pledge(ledger, pid)
    assert row.content_items == ("新内容一", "新内容二") and row.standard == "五个模范"  # blank 对标 kept
    assert row.status_label == "已公示"
    assert svc.get_pledge(ledger, done).content_items == ("旧内容",)


def test_template_has_the_pledge_headers(tmp_path):
    path = importing.write_template("pledges", tmp_path / "承诺模板.xlsx")
    sheet = load_workbook(path).worksheets[0]
    headers = [c.value for row in sheet.iter_rows(max_row=5) for c in row if c.value]
    for header in ("姓名*", "学年*", "承诺类型*", "对标", "承诺内容*", "公示开始", "公示结束", "公示方式", "评议等次",
                   "评议主体", "评议日期"):
        assert header in headers
    assert ("pledges", "承诺") in importing.available_kinds()


def test_cli_import_pledges(tmp_path, capsys):
    data = tmp_path / "data"
    ledger = open_ledger(data)
    for name in ("张晓明", "李红", "王刚"):
        add_member(ledger, MemberData(name=name))
    ledger.close()
    bad = _book(tmp_path, [*GOOD, ["查无此人", "2025-2026", "岗位承诺", "", "x", None, None, None, None, None, None]], "坏.xlsx")
    assert main(["--data-dir", str(data), "import", "pledges", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "承诺导入 坏.xlsx" in out and "新增 4，更新 0，错误 1" in out and "第 7 行 〔姓名〕" in out
    assert main(["--data-dir", str(data), "import", "pledges", str(_book(tmp_path, GOOD))]) == 0
    assert "已导入：新增 4，更新 0" in capsys.readouterr().out
    ledger = open_ledger(data)
    try:
        assert svc.counts_by_status(ledger, "2025-2026") == {"draft": 1, "published": 2, "in_progress": 0, "reviewed": 1}
    finally:
        ledger.close()


def test_rows_move_pledges_only_as_the_domain_allows(ledger, roster, tmp_path):
    """The importer writes through the commands' steps: a pledge in 践诺中 stays there when a row
    corrects its posting, and moves on to 已评议 when the row brings the review."""
    started = svc.write_pledge(ledger, PledgeData(roster["张晓明"], "post", "2025-2026", content_items=["听课"]))
    svc.publish(ledger, started, Publication(date(2025, 9, 1), date(2025, 9, 7), ["notice_board"]))
    svc.start_fulfilment(ledger, [started])
    corrected = ["张晓明", "2025-2026", "岗位承诺", "", "听课", "2025-09-02", "2025-09-08", "网络", None, None, None]
    importing.commit(ledger, importing.preview(ledger, "pledges", _book(tmp_path, [corrected])))
    row = svc.get_pledge(ledger, started)
    assert (row.status_label, row.published_from, row.places_label) == ("践诺中", date(2025, 9, 2), "网络")
    reviewed = [*corrected[:8], "好", "党员大会", "2026-07-01"]
    importing.commit(ledger, importing.preview(ledger, "pledges", _book(tmp_path, [reviewed], "评议.xlsx")))
    row = svc.get_pledge(ledger, started)
    assert (row.status_label, row.grade_label, row.review_body) == ("已评议", "好", "members_meeting")
