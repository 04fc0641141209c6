"""First start: the guide on an empty ledger, the help window (F1), one title."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop_app.domain.people import MemberData
from desktop_app.services import settings
from desktop_app.services.errors import ValidationError
from desktop_app.services.members import add_member, list_members
from desktop_app.ui.first_run import FirstRunGuide, ledger_is_new, open_first_run_guide
from desktop_app.ui.help_window import HelpWindow

TODAY = date(2026, 12, 2)


@pytest.fixture
def guide(main_window, qtbot):
    guide = open_first_run_guide(main_window, TODAY)
    qtbot.waitExposed(guide)
    return guide


def test_new_ledger_is_new_until_something_is_entered(ledger):
    assert ledger_is_new(ledger)
    add_member(ledger, MemberData(name="张晓明"))
    assert not ledger_is_new(ledger)


def test_guide_asks_for_names_and_semesters_then_the_roster(guide, main_window, qtbot, ledger):
    assert guide.year == "2026-2027"
    assert guide.date_edits["第一学期开始"].text() == "2026-09-01"
    main_window.resize(1092, 580)
    guide.resize(guide.sizeHint())
    save_screenshot(guide, "first_run_guide")
    qtbot.mouseClick(guide.next_button, Qt.LeftButton)
    assert guide.problems.texts() == ["学校名称：必须填写", "党支部名称：必须填写"]
    assert guide.pages.currentIndex() == 0 and settings.get_value(ledger, settings.SCHOOL_NAME) is None
    guide.school_name.setText("第一中学")
    guide.branch_name.setText("第一中学党支部")
    guide.date_edits["第一学期结束"].setText("2027-01-22")
    guide.date_edits["第二学期开始"].setText("2027-01-10")  # before the first ends
    qtbot.mouseClick(guide.next_button, Qt.LeftButton)
    assert guide.problems.texts() == ["学期：2026-2027学年第二学期应在第一学期结束之后开始"]
    assert settings.get_value(ledger, settings.SCHOOL_NAME) is None  # all or nothing
    guide.date_edits["第二学期开始"].setText("2027-02-20")
    qtbot.mouseClick(guide.next_button, Qt.LeftButton)
    assert not guide.problems.isVisible() and guide.pages.currentIndex() == 1
    assert settings.school_profile(ledger) == settings.SchoolProfile("第一中学", "第一中学党支部")
    assert settings.semester_dates(ledger, "2026-2027").first.end == date(2027, 1, 22)
    assert main_window.windowTitle() == "党建台账 — 第一中学 · 第一中学党支部"
    assert {b.text() for b in (guide.template_button, guide.import_button, guide.demo_button)} == {
        "下载党员名册模板…", "导入党员名册…", "载入示例学校"}
    save_screenshot(guide, "first_run_guide_roster")


def test_guide_imports_the_roster(guide, main_window, qtbot):
    guide.school_name.setText("第一中学")
    guide.branch_name.setText("第一中学党支部")
    qtbot.mouseClick(guide.next_button, Qt.LeftButton)
    qtbot.mouseClick(guide.import_button, Qt.LeftButton)
    from desktop_app.ui.importing.dialog import ImportDialog

    dialogs = [w for w in main_window.findChildren(ImportDialog) if w.isVisible()]
    assert len(dialogs) == 1 and not guide.isVisible()
    dialogs[0].reject()


def test_guide_loads_the_sample_school(guide, main_window, qtbot, ledger, message_bridge):
    qtbot.mouseClick(guide.later_button, Qt.LeftButton)  # 以后再说 is allowed
    guide = open_first_run_guide(main_window, TODAY)
    guide.school_name.setText("第一中学")
    guide.branch_name.setText("第一中学党支部")
    qtbot.mouseClick(guide.next_button, Qt.LeftButton)
    message_bridge.answers.append(True)  # the same 载入示例学校 as the 帮助 menu: asked first
    qtbot.mouseClick(guide.demo_button, Qt.LeftButton)
    assert len(list_members(ledger)) > 30 and not guide.isVisible()


def test_school_profile_refuses_empty_names(ledger):
    with pytest.raises(ValidationError) as refused:
        settings.save_school_profile(ledger, settings.SchoolProfile("第一中学", " "))
    assert [str(p) for p in refused.value.problems] == ["党支部名称：必须填写"]


def test_title_names_the_app_once(main_window, ui_app):
    from desktop_app.app import make_application

    make_application()
    assert ui_app.applicationDisplayName() == ui_app.applicationName()  # no display name for Qt to append
    assert main_window.windowTitle() == "党建台账"
    settings.save_school_profile(main_window.context.ledger, settings.SchoolProfile("第一中学", "第一中学党支部"))
    assert main_window.windowTitle() == "党建台账 — 第一中学 · 第一中学党支部"


def test_f1_opens_the_chinese_guide(main_window, qtbot):
    actions = {a.text(): a for a in main_window.findChildren(type(main_window.menuBar().actions()[0]))}
    help_action = actions["使用说明(&G)"]
    assert help_action.shortcut() == QKeySequence("F1")
    help_action.trigger()
    window = main_window.help_window
    assert isinstance(window, HelpWindow) and window.isVisible()
    text = window.browser.toPlainText()
    for topic in ("每周要做的事", "每月要做的事", "每学期", "工作台上的数字怎么算", "导入 Excel", "印制", "组织生活和发展党员",
                  "查找记录和导出报表", "数据和备份放在哪里"):
        assert topic in text, topic
    help_action.trigger()
    assert main_window.help_window is window  # one window, raised again
    main_window.resize(1092, 580)
    window.resize(760, 540)
    save_screenshot(window, "help_window")


def test_first_run_wizard_is_in_the_help_menu(main_window):
    texts = [a.text() for a in main_window.menuBar().actions()[-1].menu().actions()]
    assert texts[:2] == ["使用说明(&G)", "首次使用向导(&W)…"]
    assert isinstance(FirstRunGuide, type)
