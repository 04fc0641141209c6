"""培养计划 (双培双促进) in the 党员 tab: add through the dialog, filter, edit, delete."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.domain.cultivation import CultivationData
from desktop_app.domain.people import MemberData
from desktop_app.services import cultivation
from desktop_app.services.members import add_member
from desktop_app.ui.context import AppContext
from desktop_app.ui.members.cultivation_dialog import CultivationDialog
from desktop_app.ui.members.tab import MembersTab


@pytest.fixture
def people(ledger):
    return {name: add_member(ledger, MemberData(name=name, political_status=status, backbone_titles=titles))
            for name, status, titles in (
                ("刘洋", "non_party", ["教学骨干"]), ("陈静", "full_member", ["名师"]),
                ("王芳", "probationary", []), ("李明", "full_member", ["学科带头人"]))}


def test_add_plan_through_dialog(ui_app, ledger, people, qtbot):
    dialog = CultivationDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentText("骨干培养成党员")
    dialog.member.setEditText("刘洋")
    dialog.mentor.setEditText("陈静")
    dialog.target.setText("两年内递交入党申请并成为入党积极分子")
    dialog.start_date.setText("2025年9月1日")
    dialog.stage.setEditText("结对帮扶中")
    dialog.notes.setPlainText("每月谈心一次")
    save_screenshot(dialog, "cultivation_dialog")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    assert cultivation.get_cultivation(ledger, dialog.saved_id) == CultivationData(
        kind="backbone_to_member", member_id=people["刘洋"], mentor_id=people["陈静"],
        target="两年内递交入党申请并成为入党积极分子", start_date=date(2025, 9, 1), stage="结对帮扶中",
        notes="每月谈心一次")


def test_plan_dialog_names_problems(ui_app, ledger, people, qtbot):
    dialog = CultivationDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.mentor.setEditText("查无此人")
    dialog.start_date.setText("九月")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.problems.texts() == [
        "帮扶人：找不到名为“查无此人”的人员",
        "开始日期：“九月”不是可识别的日期（可写作 2024-09-01、2024/9/1 或 2024年9月1日）",
        "培养对象：必须选择",
    ]
    dialog.member.setEditText("陈静")
    dialog.mentor.setEditText("陈静")
    dialog.start_date.setText("")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.problems.texts() == ["帮扶人：不能与培养对象是同一人"]
    save_screenshot(dialog, "cultivation_dialog_problems")
    assert cultivation.list_cultivations(ledger) == []


def test_plans_panel_lists_filters_and_deletes(ui_app, ledger, people, qtbot, message_bridge):
    cultivation.add_cultivation(ledger, CultivationData(kind="backbone_to_member", member_id=people["刘洋"],
                                                        mentor_id=people["陈静"], target="发展入党",
                                                        start_date=date(2025, 9, 1), stage="结对帮扶中"))
    cultivation.add_cultivation(ledger, CultivationData(kind="member_to_backbone", member_id=people["王芳"],
                                                        mentor_id=people["李明"], target="成长为教学骨干",
                                                        start_date=date(2025, 3, 1), stage="考察中"))
    tab = MembersTab(AppContext(ledger))
    qtbot.addWidget(tab)
    tab.resize(1180, 640)
    tab.show()
    tab.show_filtered(view="cultivation")
    plans = tab.plans
    assert [r.member_name for r in plans.visible_rows()] == ["刘洋", "王芳"]  # newest first
    assert plans.count_label.text() == "共 2 项，显示 2 项"
    save_screenshot(tab, "members_tab_cultivation")
    plans.kind_filter.setCurrentText("党员培养成骨干")
    assert [r.member_name for r in plans.visible_rows()] == ["王芳"]
    plans.kind_filter.setCurrentIndex(0)
    plans.search.setText("发展入党")
    assert [r.member_name for r in plans.visible_rows()] == ["刘洋"]
    plans.view.selectRow(0)
    message_bridge.answers = [True]
    qtbot.mouseClick(plans.buttons.delete, Qt.LeftButton)
    assert "确定删除“刘洋”的培养计划（骨干培养成党员）吗？" in message_bridge.texts("confirm")[-1]
    assert [r.member_name for r in cultivation.list_cultivations(ledger)] == ["王芳"]
    assert plans.count_label.text() == "共 1 项，显示 0 项"


def test_edit_plan_keeps_people(ui_app, ledger, people, qtbot):
    plan = cultivation.add_cultivation(ledger, CultivationData(kind="member_to_backbone", member_id=people["王芳"]))
    dialog = CultivationDialog(ledger, plan)
    qtbot.addWidget(dialog)
    assert dialog.member.member_id() == people["王芳"] and dialog.kind.currentText() == "党员培养成骨干"
    dialog.stage.setEditText("已达成")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert cultivation.list_cultivations(ledger)[0].stage == "已达成"
