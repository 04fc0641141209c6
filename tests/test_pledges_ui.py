"""Driving the 承诺 tab and its dialogs as the secretary would."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from conftest import save_screenshot, shown_dialog
from desktop_app.domain.calendar import school_year_of
from desktop_app.domain.people import MemberData
from desktop_app.domain.pledges import PledgeData, Publication
from desktop_app.services import pledges as svc
from desktop_app.services.demo import pledges as demo_pledges
from desktop_app.services.demo import people as demo_people
from desktop_app.services.members import add_member
from desktop_app.ui.context import AppContext
from desktop_app.ui.pledges.edit_dialog import PledgeDialog
from desktop_app.ui.pledges.publish_dialog import PublishDialog
from desktop_app.ui.pledges.review_dialog import BatchReviewDialog, ReviewDialog
from desktop_app.ui.pledges.tab import PledgesTab
from desktop_app.ui.pledges.year_dialog import StartYearDialog

YEAR = school_year_of(date.today())
PUB = Publication(date(2025, 9, 10), date(2025, 9, 16), ["notice_board"])


@pytest.fixture
def people(ledger):
    return {name: add_member(ledger, MemberData(name=name, political_status=status, party_group=group))
            for name, status, group in (("张晓明", "full_member", "第一党小组"), ("李红", "probationary", "第二党小组"),
                                        ("王刚", "full_member", "第一党小组"), ("赵敏", "activist", "第二党小组"))}


@pytest.fixture
def tab(ui_app, ledger, qtbot):
    context = AppContext(ledger)
    widget = PledgesTab(context)
    qtbot.addWidget(widget)
    widget.resize(1250, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _write(ledger, member_id, kind="post", items=("每学期上好一节示范课", "结对帮扶一名青年教师")):
    return svc.write_pledge(ledger, PledgeData(member_id, kind, YEAR, "五个模范", list(items)))


def _names(tab):
    return [row.owner_name for row in tab.pledge_proxy.visible_rows()]


def _select(tab, *names):
    view = tab.pledge_view
    view.clearSelection()
    for number in range(tab.pledge_proxy.rowCount()):
        index = tab.pledge_proxy.index(number, 0)
        if index.data(Qt.DisplayRole) in names:
            view.selectionModel().select(index, QItemSelectionModel.Select | QItemSelectionModel.Rows)


def _ok(qtbot, dialog):
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.Ok), Qt.LeftButton)


def test_write_a_pledge_through_the_dialog(tab, ledger, people, qtbot):
    qtbot.mouseClick(tab.write_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    assert isinstance(dialog, PledgeDialog) and dialog.isVisible()
    dialog.member.setEditText("张晓明")
    dialog.standard.setCurrentText("党员标兵")
    dialog.content.setPlainText("1. 每学期上好一节示范课\n2. 结对帮扶一名青年教师\n")
    dialog.signed_date.setText("2026年9月8日")
    save_screenshot(dialog, "pledges_write_dialog")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert _names(tab) == ["张晓明"]
    row = tab.pledge_proxy.visible_rows()[0]
    assert row.content_items == ("每学期上好一节示范课", "结对帮扶一名青年教师")
    assert (row.status_label, row.standard, row.signed_date) == ("草拟", "党员标兵", date(2026, 9, 8))
    assert tab.show_pledges.text() == "承诺列表（1）"


def test_write_dialog_refuses_empty_content_and_unknown_name(tab, people, qtbot, message_bridge):
    qtbot.mouseClick(tab.write_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    dialog.member.setEditText("查无此人")
    _ok(qtbot, dialog)
    assert dialog.problems.texts() == ["承诺人：找不到名为“查无此人”的人员"]  # in the dialog, not a box
    dialog.member.setEditText("李红")
    _ok(qtbot, dialog)
    assert "承诺内容：至少写一条承诺事项" in dialog.problems.texts()
    assert message_bridge.texts("error") == []
    assert dialog.isVisible() and _names(tab) == []


def test_branch_pledge_needs_no_member(tab, people, qtbot):
    qtbot.mouseClick(tab.write_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    dialog.kind.setCurrentIndex(dialog.kind.findText("支部承诺"))
    assert not dialog.member.isEnabled()
    dialog.content.setPlainText("建设团结务实的领导班子\n坚持“三会一课”制度")
    _ok(qtbot, dialog)
    assert _names(tab) == ["本支部"]


def test_publish_selected_pledges_in_one_go(tab, ledger, people, qtbot):
    for name in ("张晓明", "李红", "王刚"):
        _write(ledger, people[name])
    _select(tab, "张晓明", "李红")
    qtbot.mouseClick(tab.publish_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    assert isinstance(dialog, PublishDialog) and dialog.windowTitle() == "批量公示承诺（2 份）"
    dialog.start.setText("2026-09-10")
    dialog.end.setText("2026-09-16")
    dialog.places["web"].setChecked(True)
    dialog.places["school_paper"].setChecked(True)
    save_screenshot(dialog, "pledges_publish_dialog")
    _ok(qtbot, dialog)
    rows = {r.owner_name: r for r in svc.list_pledges(ledger, YEAR)}
    assert rows["张晓明"].places_label == "公示栏、校报、网络" and rows["李红"].status_label == "已公示"
    assert rows["张晓明"].publication_label == "2026-09-10 至 2026-09-16"
    assert rows["王刚"].status_label == "草拟"


def test_publication_period_backwards_is_refused(tab, ledger, people, qtbot, message_bridge):
    _write(ledger, people["张晓明"])
    _select(tab, "张晓明")
    qtbot.mouseClick(tab.publish_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    dialog.start.setText("2026-09-16")
    dialog.end.setText("2026-09-10")
    _ok(qtbot, dialog)
    assert dialog.problems.texts() == ["公示结束：不能早于公示开始日期"]
    assert dialog.isVisible() and svc.list_pledges(ledger, YEAR)[0].status == "draft"


def test_review_one_pledge_with_explanation_for_average(tab, ledger, people, qtbot, message_bridge):
    pid = _write(ledger, people["王刚"])
    svc.publish(ledger, pid, PUB)
    _select(tab, "王刚")
    qtbot.mouseClick(tab.review_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    assert isinstance(dialog, ReviewDialog)
    dialog.grade.setCurrentIndex(dialog.grade.findText("一般"))
    assert dialog.explanation_label.text() == "未践诺说明 *"
    dialog.meeting.review_date.setText("2026-07-03")
    _ok(qtbot, dialog)
    assert dialog.problems.texts() == ["未践诺说明：评议为“一般”时必须说明原因"]
    dialog.explanation.setPlainText("因病休假，示范课未完成")
    dialog.comment.setText("态度认真")
    save_screenshot(dialog, "pledges_review_dialog")
    _ok(qtbot, dialog)
    row = svc.get_pledge(ledger, pid)
    assert (row.grade_label, row.body_label, row.review_date) == ("一般", "党员大会", date(2026, 7, 3))
    assert row.review_explanation == "因病休假，示范课未完成"
    assert "未践诺说明：因病休假" in tab.detail.text() or tab.selected() == []


def test_batch_review_of_a_meeting(tab, ledger, people, qtbot):
    ids = [_write(ledger, people[n]) for n in ("张晓明", "李红", "王刚")]
    svc.publish_many(ledger, ids, PUB)
    _select(tab, "张晓明", "李红", "王刚")
    qtbot.mouseClick(tab.review_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    assert isinstance(dialog, BatchReviewDialog) and len(dialog.grades) == 3
    dialog.meeting.body.setCurrentIndex(dialog.meeting.body.findText("支部委员会"))
    dialog.meeting.review_date.setText("2026-07-05")
    dialog.set_all.setCurrentIndex(dialog.set_all.findText("好"))
    names = [r.owner_name for r in dialog._rows]
    poor = names.index("李红")
    dialog.grades[poor].setCurrentIndex(dialog.grades[poor].findText("差"))
    assert dialog.explanations[poor].isEnabled() and not dialog.explanations[1 - poor if poor else 1].isEnabled()
    dialog.explanations[poor].setText("结对帮扶未开展")
    qtbot.wait(20)  # let the scroll area lay out its rows before the picture
    save_screenshot(dialog, "pledges_batch_review_dialog")
    _ok(qtbot, dialog)
    grades = {r.owner_name: (r.grade_label, r.body_label, r.review_date) for r in svc.list_pledges(ledger, YEAR)}
    assert grades == {"张晓明": ("好", "支部委员会", date(2026, 7, 5)), "李红": ("差", "支部委员会", date(2026, 7, 5)),
                      "王刚": ("好", "支部委员会", date(2026, 7, 5))}
    assert svc.review_grades(ledger, YEAR) == {people["张晓明"]: "good", people["李红"]: "poor", people["王刚"]: "good"}


def test_batch_review_missing_grade_refused_naming_the_member(tab, ledger, people, qtbot, message_bridge):
    ids = [_write(ledger, people[n]) for n in ("张晓明", "李红")]
    svc.publish_many(ledger, ids, PUB)
    _select(tab, "张晓明", "李红")
    qtbot.mouseClick(tab.review_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    dialog.grades[0].setCurrentIndex(dialog.grades[0].findText("好"))
    _ok(qtbot, dialog)
    text = message_bridge.texts("error")[0]
    assert text.startswith("不能记录评议，没有做任何改动") and "评议等次：必须选择" in text
    assert svc.counts_by_status(ledger, YEAR)["reviewed"] == 0


def test_illegal_moves_refused_with_reason(tab, ledger, people, qtbot, message_bridge):
    draft = _write(ledger, people["张晓明"])
    reviewed = _write(ledger, people["李红"])
    svc.publish(ledger, reviewed, PUB)
    svc.record_review(ledger, reviewed, svc.queries.ReviewGrade and __import__(
        "desktop_app.domain.pledges", fromlist=["Review"]).Review("good", "members_meeting", date(2026, 7, 1)))
    tab.reload()
    _select(tab, "张晓明")
    qtbot.mouseClick(tab.review_button, Qt.LeftButton)
    assert message_bridge.texts("error")[-1] == "张晓明的岗位承诺：承诺还没有公示，不能评议：请先公示。"
    assert shown_dialog(tab) is None
    qtbot.mouseClick(tab.fulfil_button, Qt.LeftButton)
    assert "还没有公示，不能进入践诺" in message_bridge.texts("error")[-1]
    _select(tab, "李红")
    qtbot.mouseClick(tab.edit_button, Qt.LeftButton)
    assert message_bridge.texts("error")[-1] == "李红的岗位承诺：承诺已评议，内容已锁定；如需修改请先“重新打开”。"
    qtbot.mouseClick(tab.delete_button, Qt.LeftButton)
    assert "只能删除草拟的承诺" in message_bridge.texts("error")[-1]
    assert shown_dialog(tab) is None
    message_bridge.answers = [True]
    qtbot.mouseClick(tab.reopen_button, Qt.LeftButton)
    assert svc.get_pledge(ledger, reviewed).status_label == "践诺中"
    _select(tab, "李红")
    qtbot.mouseClick(tab.edit_button, Qt.LeftButton)
    assert isinstance(shown_dialog(tab), PledgeDialog)
    assert svc.get_pledge(ledger, draft).status == "draft"


def test_not_pledged_view_and_write_for_a_member(tab, ledger, people, qtbot):
    _write(ledger, people["张晓明"])
    assert tab.show_not_pledged.text() == "未承诺（2）"
    qtbot.mouseClick(tab.show_not_pledged, Qt.LeftButton)
    assert tab.pages.currentIndex() == 1
    assert sorted(m.name for m in tab.member_proxy.visible_rows()) == ["李红", "王刚"]
    tab.wider.setChecked(True)
    assert sorted(m.name for m in tab.member_proxy.visible_rows()) == ["李红", "王刚", "赵敏"]
    tab.group.setCurrentIndex(tab.group.findText("第一党小组"))
    assert [m.name for m in tab.member_proxy.visible_rows()] == ["王刚"]
    tab.member_view.selectRow(0)
    qtbot.mouseClick(tab.write_for_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    assert dialog.member.currentText() == "王刚"
    dialog.content.setPlainText("每月电话家访不少于10人次")
    _ok(qtbot, dialog)
    assert [m.name for m in tab.member_proxy.visible_rows()] == []
    assert tab.show_not_pledged.text() == "未承诺（0）"


def test_bulk_start_of_a_year(tab, ledger, people, qtbot, message_bridge):
    last = svc.previous_school_year(YEAR)
    svc.write_pledge(ledger, PledgeData(people["张晓明"], "post", last, "党员标兵", ["每周听课不少于3节"]))
    qtbot.mouseClick(tab.start_year_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    assert isinstance(dialog, StartYearDialog) and dialog.school_year.currentText() == YEAR
    assert dialog.statuses["full_member"].isChecked() and not dialog.statuses["activist"].isChecked()
    save_screenshot(dialog, "pledges_start_year_dialog")
    _ok(qtbot, dialog)
    assert message_bridge.texts("info") == [
        f"已为 3 人创建岗位承诺草稿，其中 1 份沿用了上一学年的内容。"]
    assert sorted(_names(tab)) == ["张晓明", "李红", "王刚"]
    copied = next(r for r in tab.pledge_proxy.visible_rows() if r.owner_name == "张晓明")
    assert copied.content_items == ("每周听课不少于3节",) and copied.status_label == "草拟"
    assert tab.show_not_pledged.text() == "未承诺（0）"


def test_filters_and_dashboard_click_through(tab, ledger, people, qtbot):
    a = _write(ledger, people["张晓明"])
    _write(ledger, people["李红"])
    _write(ledger, people["王刚"], kind="goal", items=["分管工作争先进位"])
    svc.publish(ledger, a, PUB)
    tab.status.setCurrentIndex(tab.status.findText("草拟"))
    assert sorted(_names(tab)) == ["李红", "王刚"]
    tab.kind.setCurrentIndex(tab.kind.findText("目标承诺"))
    assert _names(tab) == ["王刚"]
    tab.kind.setCurrentIndex(0)
    tab.status.setCurrentIndex(0)
    tab.group.setCurrentIndex(tab.group.findText("第二党小组"))
    assert _names(tab) == ["李红"]
    tab.group.setCurrentIndex(0)
    tab.search.setText("争先")
    assert _names(tab) == ["王刚"]
    tab.show_filtered(status="published", school_year=YEAR)
    assert _names(tab) == ["张晓明"] and tab.status.currentText() == "已公示"
    tab.show_filtered(status="已公示", school_year="2024-2025")
    assert _names(tab) == [] and tab.year.currentText() == "2024-2025"


def test_screenshot_with_demo_data(ui_app, ledger, qtbot):
    rng = random.Random(7)
    demo_people.add_demo(ledger, rng)
    demo_pledges.add_demo(ledger, rng)
    context = AppContext(ledger)
    tab = PledgesTab(context)
    qtbot.addWidget(tab)
    tab.resize(1400, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.pledge_view.selectRow(2)
    assert tab.pledge_proxy.rowCount() > 30
    assert tab.status_counts.text().startswith("草拟 3　已公示 ")
    save_screenshot(tab, "pledges_tab")
    tab.year.setCurrentText(svc.previous_school_year(YEAR))
    assert {r.status for r in tab.pledge_proxy.visible_rows()} == {"reviewed"}
    save_screenshot(tab, "pledges_tab_last_year")
    tab.year.setCurrentText(YEAR)
    qtbot.mouseClick(tab.show_not_pledged, Qt.LeftButton)
    assert tab.member_proxy.rowCount() == 2
    save_screenshot(tab, "pledges_tab_not_pledged")


def test_import_preview_with_bad_rows_from_the_tab(tab, ledger, people, qtbot, tmp_path, message_bridge):
    from import_helpers import write_book

    path = write_book(tmp_path / "承诺一览表.xlsx", [
        ["姓名", "学年", "承诺类型", "对标", "承诺内容", "公示开始", "公示结束", "公示方式", "评议等次", "评议主体", "评议日期"],
        ["张晓明", YEAR, "岗位承诺", "五个模范", "每学期上好一节示范课；结对帮扶一名青年教师", None, None, None, None, None, None],
        ["李红", YEAR, "岗位承诺", "", "每月家访15人次", "2026-09-10", "2026-09-16", "公示栏", None, None, None],
        ["孙悟空", YEAR, "岗位承诺", "", "x", None, None, None, None, None, None],
        ["王刚", YEAR, "岗位承诺", "", "每周听课3节", "2026-09-10", "2026-09-16", "公示栏", "一般", "党员大会", "2026-12-01"],
    ])
    qtbot.mouseClick(tab.import_button, Qt.LeftButton)
    dialog = shown_dialog(tab)
    assert dialog.kind_combo.currentData() == "pledges"
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy, timeout=60_000)
    assert dialog.good_box.title() == "可导入的行（3）" and dialog.bad_box.title() == "错误行（1）"
    bad = [(p.row, p.column, p.reason) for p in dialog.bad_model.rows()]
    assert bad == [(4, "姓名", "名册中没有“孙悟空”，请先在党员页添加或导入党员")]
    warned = [(p.row, p.column) for p in dialog.warning_model.rows()]  # 一般 without a reason: stored, a to-do
    assert warned == [(5, "未践诺说明")] and dialog.warning_box.title().startswith("提醒（1）")
    dialog.resize(900, 600)
    save_screenshot(dialog, "pledges_import_preview")
    message_bridge.answers = [True]  # skip the bad rows
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    qtbot.waitUntil(lambda: sorted(_names(tab)) == ["张晓明", "李红", "王刚"])
    assert {r.owner_name: r.status_label for r in tab.pledge_proxy.visible_rows()} == {
        "张晓明": "草拟", "李红": "已公示", "王刚": "已评议"}
    dialog.close()


def test_tab_in_main_window_and_click_through(main_window, qtbot):
    ledger = main_window.context.ledger
    member = add_member(ledger, MemberData(name="张晓明"))
    pid = _write(ledger, member)
    svc.publish(ledger, pid, PUB)
    screen = main_window.open_tab("pledges", status="published", school_year=YEAR)
    assert isinstance(screen, PledgesTab)
    assert _names(screen) == ["张晓明"] and screen.status.currentText() == "已公示"
