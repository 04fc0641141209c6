"""Imports that accept what offices hand in: warnings (stored, listed as to-dos) apart from errors,
and the common short forms of 政治面貌."""

from __future__ import annotations

from conftest import save_screenshot
from import_helpers import write_book

from desktop_app.cli.main import main
from desktop_app.domain.people import MemberData
from desktop_app.domain.pledges import Review
from desktop_app.services import importing
from desktop_app.services import pledges as svc
from desktop_app.services.members import add_member, list_members
from desktop_app.services.todos import open_todos
from desktop_app.store.ledger import open_ledger

HEADERS = ["姓名", "学年", "承诺类型", "承诺内容", "公示开始", "公示结束", "公示方式", "评议等次", "评议主体", "评议日期",
           "未践诺说明"]
POSTED = ["2025-09-10", "2025-09-16", "公示栏"]
REVIEWS = [
    ["张晓明", "2025-2026", "岗位承诺", "上好示范课", *POSTED, "好", "党员大会", "2026-07-03", None],
    ["李红", "2025-2026", "岗位承诺", "每月家访15人次", *POSTED, "一般", "党员大会", "2026-07-03", None],
    ["王刚", "2025-2026", "岗位承诺", "每周听课3节", *POSTED, "差", "党员大会", "2026-07-03", ""],
    ["赵敏", "2025-2026", "岗位承诺", "带好青年教师", *POSTED, "一般", "党员大会", "2026-07-03", "产假半年"],
]


def _roster(ledger):
    return {n: add_member(ledger, MemberData(name=n)) for n in ("张晓明", "李红", "王刚", "赵敏")}


def _reviews(tmp_path):
    return write_book(tmp_path / "评议.xlsx", [HEADERS, *REVIEWS], title="2025-2026学年践诺评议")


def test_reviews_without_a_reason_import_whole_with_a_warning_each(ledger, tmp_path):
    _roster(ledger)
    checked = importing.preview(ledger, "pledges", _reviews(tmp_path))
    assert checked.bad_rows == [] and len(checked.good_rows) == 4
    assert checked.summary() == "新增 4，更新 0，错误 0，提醒 2"
    assert [str(w) for w in checked.warnings] == [
        "第 4 行 〔未践诺说明〕：评议为“一般”时必须说明原因：已导入，请在承诺页补写（已列入待办）",
        "第 5 行 〔未践诺说明〕：评议为“差”时必须说明原因：已导入，请在承诺页补写（已列入待办）",
    ]
    assert importing.commit(ledger, checked).summary() == "已导入：新增 4，更新 0；其中 2 行有提醒，已列入待办"
    grades = {r.owner_name: (r.status_label, r.grade_label) for r in svc.list_pledges(ledger, "2025-2026")}
    assert grades["李红"] == ("已评议", "一般") and grades["王刚"] == ("已评议", "差")
    assert [t.text for t in open_todos(ledger)] == [
        "李红 2025-2026学年岗位承诺：评议为“一般”，缺未践诺说明",
        "王刚 2025-2026学年岗位承诺：评议为“差”，缺未践诺说明",
    ]


def test_a_todo_closes_once_the_reason_is_written(ledger, tmp_path):
    _roster(ledger)
    importing.commit(ledger, importing.preview(ledger, "pledges", _reviews(tmp_path)))
    # reviewed pledges are locked against imports; the reason is written in 承诺 (the window)
    rows = {r.owner_name: r for r in svc.list_pledges(ledger, "2025-2026")}
    for name in ("李红", "王刚"):
        row = rows[name]
        svc.reopen(ledger, row.id)
        svc.record_review(ledger, row.id, Review(row.review_grade, row.review_body, row.review_date, "", "已补写"))
    assert open_todos(ledger) == []


def test_cli_shows_warnings_apart_from_errors(tmp_path, capsys):
    data = tmp_path / "cli"
    ledger = open_ledger(data)
    _roster(ledger)
    ledger.close()
    bad = [*REVIEWS, ["查无此人", "2025-2026", "岗位承诺", "x", *POSTED, "好", "党员大会", "2026-07-03", None]]
    path = write_book(tmp_path / "混合.xlsx", [HEADERS, *bad])
    assert main(["--data-dir", str(data), "import", "pledges", str(path), "--dry-run"]) == 1
    out = capsys.readouterr().out
    errors, warnings = out.split("错误（这些行不会导入）：")[1].split("提醒（这些行照常导入，并列入待办）：")
    assert "查无此人" in errors and "未践诺说明" not in errors
    assert warnings.count("未践诺说明") == 2 and "查无此人" not in warnings


def test_window_preview_lists_warnings_apart_and_the_dashboard_lists_todos(ledger, main_window, qtbot, tmp_path):
    _roster(ledger)
    from desktop_app.ui.importing.dialog import open_import_dialog

    dialog = open_import_dialog(main_window, "pledges")
    dialog.set_file(str(_reviews(tmp_path)))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
    assert dialog.bad_model.rows() == [] and len(dialog.warning_model.rows()) == 2
    assert dialog.warning_box.isVisible() and dialog.warning_box.title().startswith("提醒（2）")
    assert "提醒 2" in dialog.summary_label.text()
    save_screenshot(dialog, "import_preview_warnings")
    importing.commit(ledger, dialog.preview)
    dialog.reject()
    tab = main_window.tab_page("dashboard")
    tab.refresh()
    qtbot.waitUntil(lambda: tab.dashboard is not None and len(tab.dashboard.todos) == 2 and not tab.busy,
                    timeout=20000)
    assert tab.todo_label.isVisible() and "待办 2 条" in tab.todo_label.text()
    tab.todo_label.linkActivated.emit("open")
    assert main_window.tabs.tabText(main_window.tabs.currentIndex()) == "承诺"


def test_political_status_short_forms(ledger, tmp_path):
    rows = [["姓名", "政治面貌"], ["甲", "党员"], ["乙", "预备党员"], ["丙", "积极分子"], ["丁", "发展对象"],
            ["戊", "中共党员"], ["己", "群众"]]
    checked = importing.preview(ledger, "members", write_book(tmp_path / "名册.xlsx", rows))
    assert checked.bad_rows == []
    importing.commit(ledger, checked)
    statuses = {m.name: m.political_status for m in list_members(ledger)}
    assert statuses == {"甲": "full_member", "乙": "probationary", "丙": "activist", "丁": "development_target",
                        "戊": "full_member", "己": "non_party"}
