"""The 整改 tab driven through its real buttons and dialogs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import save_screenshot, shown_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.people import MemberData
from desktop_app.domain.rectifications import RectificationData, SuggestionData
from desktop_app.services import rectifications as rect
from desktop_app.services.members import add_member
from desktop_app.ui.context import AppContext
from desktop_app.ui.rectifications.tab import RectificationsTab
from desktop_app.ui.widgets.record_table import HIGHLIGHT

TODAY = date.today()


@pytest.fixture
def tab(ui_app, ledger, qtbot):
    context = AppContext(ledger)
    widget = RectificationsTab(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot, button):
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.LeftButton)


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)


def select(view, predicate):
    rows = view.proxy.visible_rows()
    index = next(i for i, row in enumerate(rows) if predicate(row))
    view.table.selectRow(index)
    return rows[index]


def texts(view, column: int) -> list[str]:
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def test_a_suggestion_becomes_a_rectification_and_goes_through_its_states(tab, qtbot, ledger, message_bridge):
    add_member(ledger, MemberData(name="王建国"))
    click(qtbot, tab.add_suggestion_button)
    dialog = shown_dialog(tab)
    dialog.content.setPlainText("食堂午餐高峰排队时间过长")
    dialog.category.setCurrentIndex(dialog.category.findText("后勤服务"))
    dialog.source.setCurrentIndex(dialog.source.findText("家访"))
    dialog.raised_by.setText("高一(2)班家长")
    dialog.raised_on.setText((TODAY - timedelta(days=10)).isoformat())
    save_screenshot(dialog, "rectifications_suggestion_dialog")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert texts(tab.suggestions, 4) == ["食堂午餐高峰排队时间过长"]
    assert texts(tab.suggestions, 6) == ["未立整改"]

    select(tab.suggestions, lambda r: True)
    click(qtbot, tab.rectify_button)
    dialog = shown_dialog(tab)
    dialog.measure.setPlainText("高峰时段增开两个售饭窗口")
    dialog.responsible_unit.setText("总务处")
    dialog.responsible.setEditText("王建国")
    dialog.deadline.setText((TODAY + timedelta(days=20)).isoformat())
    save_screenshot(dialog, "rectifications_rectification_dialog")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert texts(tab.suggestions, 6) == ["待整改"]
    select(tab.suggestions, lambda r: True)
    assert not tab.rectify_button.isEnabled()  # one rectification per suggestion

    tab.views.setCurrentWidget(tab.rectifications)
    view = tab.rectifications
    assert texts(view, 1) == ["待整改"]
    assert texts(view, 6) == ["总务处、王建国"]
    select(view, lambda r: True)
    assert not tab.reopen_button.isEnabled()
    click(qtbot, tab.start_button)
    assert texts(view, 1) == ["整改中"]

    select(view, lambda r: True)
    click(qtbot, tab.complete_button)
    dialog = shown_dialog(tab)
    assert dialog.completed_on.text() == TODAY.isoformat()
    dialog.result.setPlainText("已增开窗口，排队不超过10分钟")
    save_screenshot(dialog, "rectifications_complete_dialog")
    press_ok(qtbot, dialog)
    assert texts(view, 1) == ["已完成"]
    assert texts(view, 7) == [TODAY.isoformat()]

    select(view, lambda r: True)
    assert not tab.start_button.isEnabled() and not tab.complete_button.isEnabled()
    click(qtbot, tab.publish_button)
    dialog = shown_dialog(tab)
    save_screenshot(dialog, "rectifications_publish_dialog")
    press_ok(qtbot, dialog)
    assert texts(view, 9) == [TODAY.isoformat()]
    [row] = rect.list_rectifications(ledger)
    assert (row.status_label, row.result, row.published_on) == ("已完成", "已增开窗口，排队不超过10分钟", TODAY)
    assert message_bridge.texts("error") == []
    save_screenshot(tab, "rectifications_ledger_after_states")


def seed(ledger, content, deadline, *, start=False, finish=False):
    sid = rect.add_suggestion(ledger, SuggestionData(content=content, raised_on=TODAY - timedelta(days=90)))
    rid = rect.add_rectification(ledger, sid, RectificationData(measure=f"整改：{content}", responsible_unit="政教处", deadline=deadline))
    if start:
        rect.start_rectification(ledger, rid)
    if finish:
        rect.complete_rectification(ledger, rid, TODAY - timedelta(days=1), "已完成")
    return rid


def test_overdue_rows_stand_out_and_are_counted(tab, ledger, qtbot):
    seed(ledger, "逾期未动", TODAY - timedelta(days=30))
    seed(ledger, "逾期整改中", TODAY - timedelta(days=1), start=True)
    seed(ledger, "今天到期", TODAY)
    seed(ledger, "超期但已完成", TODAY - timedelta(days=40), finish=True)
    view = tab.rectifications
    assert view.overdue_label.text() == "逾期 2 项"
    red = {}
    for r in range(view.proxy.rowCount()):
        row = view.proxy.index(r, 0).data(Qt.UserRole + 2)
        red[row.suggestion] = all(view.proxy.index(r, c).data(Qt.ForegroundRole) == HIGHLIGHT for c in range(10))
        assert view.proxy.index(r, 0).data(Qt.ForegroundRole) in (None, HIGHLIGHT)
    assert red == {"逾期未动": True, "逾期整改中": True, "今天到期": False, "超期但已完成": False}
    assert texts(view, 2) == ["", "30", "1", ""]  # 逾期天数, rows by deadline

    tab.show_filtered(overdue=True)
    assert tab.views.currentWidget() is view
    assert sorted(texts(view, 3)) == ["逾期整改中", "逾期未动"]
    assert view.status.currentText() == "逾期"
    save_screenshot(tab, "rectifications_overdue_filter")

    tab.show_filtered(status="已完成")
    assert texts(view, 3) == ["超期但已完成"]
    tab.show_filtered(status="pending")
    assert texts(view, 3) == ["逾期未动", "今天到期"]


def test_bad_input_is_refused_with_the_field_named(tab, qtbot, ledger, message_bridge):
    click(qtbot, tab.add_suggestion_button)
    dialog = shown_dialog(tab)
    dialog.raised_on.setText("2025-13-01")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problems.texts() == ["提出日期：“2025-13-01”不是存在的日期"]
    dialog.raised_on.setText((TODAY + timedelta(days=3)).isoformat())
    press_ok(qtbot, dialog)
    assert "\n".join(dialog.problems.texts()) == "意见内容：必须填写\n提出日期：不能晚于今天"
    save_screenshot(dialog, "rectifications_suggestion_dialog_refused")
    message_bridge.answers.append(True)  # 放弃修改？ — what she typed is thrown away only when she says so
    dialog.reject()
    assert not dialog.isVisible()
    assert rect.list_suggestions(ledger) == []

    sid = rect.add_suggestion(ledger, SuggestionData(content="作业太多", raised_on=TODAY - timedelta(days=5)))
    select(tab.suggestions, lambda r: r.id == sid)
    click(qtbot, tab.rectify_button)
    dialog = shown_dialog(tab)
    dialog.measure.setPlainText("统筹作业量")
    press_ok(qtbot, dialog)
    assert "\n".join(dialog.problems.texts()) == "责任单位/责任人：至少填写一项\n整改期限：必须填写"
    dialog.responsible_unit.setText("教务处")
    dialog.deadline.setText((TODAY - timedelta(days=6)).isoformat())
    press_ok(qtbot, dialog)
    raised = (TODAY - timedelta(days=5)).isoformat()
    assert "\n".join(dialog.problems.texts()) == f"整改期限：不能早于意见提出日期 {raised}"
    assert dialog.isVisible() and rect.list_rectifications(ledger) == []
    dialog.deadline.setText(TODAY.isoformat())
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()

    tab.views.setCurrentWidget(tab.rectifications)
    select(tab.rectifications, lambda r: True)
    click(qtbot, tab.complete_button)
    dialog = shown_dialog(tab)
    dialog.completed_on.setText("")
    press_ok(qtbot, dialog)
    assert "\n".join(dialog.problems.texts()) == "完成日期：已完成的整改必须填写完成日期\n整改结果：已完成的整改必须填写整改结果"
    message_bridge.answers.append(True)  # 放弃修改？
    dialog.reject()
    assert rect.list_rectifications(ledger)[0].status_label == "待整改"


def test_collect_from_visits_button(tab, qtbot, ledger, message_bridge):
    from desktop_app.services.records.visits import VisitData, add_visit

    teacher = add_member(ledger, MemberData(name="李红"))
    add_visit(ledger, VisitData(date=TODAY - timedelta(days=3), visitor_id=teacher, kind="service",
                                interviewee="张小明家长", suggestions="希望学校门口增设护学岗，放学太挤不安全"))
    add_visit(ledger, VisitData(date=TODAY - timedelta(days=2), visitor_id=teacher, kind="service", suggestions=None))
    tab.views.setCurrentWidget(tab.rectifications)
    click(qtbot, tab.collect_button)
    assert message_bridge.texts("info") == ["全部期间：从家访记录中汇总了 1 条意见建议。"]
    assert tab.views.currentWidget() is tab.suggestions
    assert texts(tab.suggestions, 1) == ["安全管理"]
    assert texts(tab.suggestions, 3) == ["张小明家长"]
    click(qtbot, tab.collect_button)
    assert message_bridge.texts("info")[-1] == "全部期间：从家访记录中汇总了 0 条意见建议，另有 1 条此前已汇总。"
    assert tab.suggestions.proxy.rowCount() == 1


def test_deleting_a_suggestion_asks_and_mentions_its_rectification(tab, qtbot, ledger, message_bridge):
    seed(ledger, "校服质量差", TODAY + timedelta(days=5))
    select(tab.suggestions, lambda r: True)
    message_bridge.answers = [False]
    click(qtbot, tab.delete_suggestion_button)
    assert "它的整改（待整改）也会一并删除" in message_bridge.texts("confirm")[-1]
    assert len(rect.list_suggestions(ledger)) == 1
    select(tab.suggestions, lambda r: True)
    message_bridge.answers = [True]
    click(qtbot, tab.delete_suggestion_button)
    assert rect.list_suggestions(ledger) == [] and rect.list_rectifications(ledger) == []
    assert tab.suggestions.proxy.rowCount() == 0


def test_main_window_opens_the_overdue_view(main_window, ledger):
    seed(ledger, "逾期", TODAY - timedelta(days=2))
    seed(ledger, "未到期", TODAY + timedelta(days=2))
    screen = main_window.open_tab("rectifications", overdue=True)
    assert isinstance(screen, RectificationsTab)
    assert texts(screen.rectifications, 3) == ["逾期"]


def test_a_new_suggestion_offers_a_category_until_one_is_picked(tab, qtbot, message_bridge):
    click(qtbot, tab.add_suggestion_button)
    dialog = shown_dialog(tab)
    dialog.content.setPlainText("宿舍热水供应时间太短")
    assert dialog.category.currentText() == "后勤服务"
    dialog.category.setCurrentIndex(dialog.category.findText("学生管理"))
    dialog.category.activated.emit(dialog.category.currentIndex())  # what a user's pick emits
    dialog.content.setPlainText("宿舍热水供应时间太短，放学后校门口也不安全")
    assert dialog.category.currentText() == "学生管理"
    message_bridge.answers.append(True)  # 放弃修改？ — what she typed is thrown away only when she says so
    dialog.reject()
    assert not dialog.isVisible()


def test_reopening_a_finished_rectification_asks_and_clears_the_date(tab, qtbot, ledger, message_bridge):
    seed(ledger, "校服质量差", TODAY + timedelta(days=5), finish=True)
    tab.views.setCurrentWidget(tab.rectifications)
    select(tab.rectifications, lambda r: True)
    click(qtbot, tab.edit_rectification_button)
    dialog = shown_dialog(tab)
    assert dialog.completed_on.isEnabled() and dialog.result.toPlainText() == "已完成"
    assert dialog.status_label.text() == "已完成"
    qtbot.wait(20)
    save_screenshot(dialog, "rectifications_edit_finished_dialog")
    dialog.result.setPlainText("")
    press_ok(qtbot, dialog)
    assert "\n".join(dialog.problems.texts()) == "整改结果：已完成的整改必须填写整改结果"
    message_bridge.answers.append(True)  # 放弃修改？ — what she typed is thrown away only when she says so
    dialog.reject()
    assert not dialog.isVisible()

    select(tab.rectifications, lambda r: True)
    message_bridge.answers = [True]
    click(qtbot, tab.reopen_button)
    assert texts(tab.rectifications, 1) == ["整改中"]
    assert texts(tab.rectifications, 7) == [""]

    select(tab.rectifications, lambda r: True)
    click(qtbot, tab.edit_rectification_button)
    dialog = shown_dialog(tab)
    assert not dialog.completed_on.isEnabled()
    dialog.measure.setPlainText("更换校服供应商")
    press_ok(qtbot, dialog)
    assert rect.list_rectifications(ledger)[0].measure == "更换校服供应商"


def test_demo_ledger_views(tab, ledger, qtbot, qtmodeltester):
    import random

    from desktop_app.services.demo import people
    from desktop_app.services.demo import rectifications as demo

    people.add_demo(ledger, random.Random(3))
    demo.add_demo(ledger, random.Random(3))
    tab.reload()
    qtmodeltester.check(tab.rectifications.model)
    qtmodeltester.check(tab.suggestions.proxy)
    qtbot.wait(20)  # let the layouts take the new label texts before grabbing
    assert tab.suggestions.count_label.text() == "共 50 条"
    late = len(rect.overdue(ledger, TODAY))
    assert tab.rectifications.overdue_label.text() == f"逾期 {late} 项"
    save_screenshot(tab, "rectifications_view_suggestions")
    tab.views.setCurrentWidget(tab.rectifications)
    qtbot.wait(20)
    save_screenshot(tab, "rectifications_view_ledger")
    tab.suggestions.set_filters(status="none")
    tab.views.setCurrentWidget(tab.suggestions)
    assert {row.status_label for row in tab.suggestions.proxy.visible_rows()} == {"未立整改"}
    tab.show_filtered(category="后勤服务", view="suggestions")
    assert {row.category_label for row in tab.suggestions.proxy.visible_rows()} == {"后勤服务"}


def test_responsible_person_may_be_off_the_roster_but_not_an_ambiguous_name(tab, qtbot, ledger, message_bridge):
    add_member(ledger, MemberData(name="王伟", department="数学组"))
    add_member(ledger, MemberData(name="王伟", department="总务处"))
    sid = rect.add_suggestion(ledger, SuggestionData(content="校车太挤", raised_on=TODAY))
    select(tab.suggestions, lambda r: r.id == sid)
    click(qtbot, tab.rectify_button)
    dialog = shown_dialog(tab)
    dialog.measure.setPlainText("增开一趟校车")
    dialog.deadline.setText(TODAY.isoformat())
    dialog.responsible.setEditText("王伟")
    press_ok(qtbot, dialog)
    assert dialog.problems.texts() == ["责任人：有2人名为“王伟”，请从列表中选择（带部门的那一项）"]
    dialog.responsible.setEditText("王伟（总务处）")
    press_ok(qtbot, dialog)
    [row] = rect.list_rectifications(ledger)
    assert row.responsible == "王伟" and row.responsible_member_id is not None

    tab.views.setCurrentWidget(tab.rectifications)
    select(tab.rectifications, lambda r: True)
    click(qtbot, tab.edit_rectification_button)
    dialog = shown_dialog(tab)
    assert dialog.responsible.currentText() == "王伟（总务处）"
    dialog.responsible.setEditText("车队李师傅")
    press_ok(qtbot, dialog)
    [row] = rect.list_rectifications(ledger)
    assert (row.responsible, row.responsible_member_id) == ("车队李师傅", None)


def test_period_filter_follows_the_schools_semester_dates(tab, ledger):
    from desktop_app.domain.calendar import Period, SemesterDates, school_year_of
    from desktop_app.services.settings import save_semester_dates

    year = school_year_of(TODAY)
    start = int(year[:4])
    first = Period(date(start, 8, 25), date(start + 1, 1, 20), "")
    second = Period(date(start + 1, 2, 10), date(start + 1, 7, 10), "")
    save_semester_dates(ledger, SemesterDates(year, first, second))
    periods = [tab.suggestions.period.itemData(i) for i in range(tab.suggestions.period.count())]
    assert any(p is not None and (p.start, p.end) == (first.start, first.end) for p in periods)
    rect.add_suggestion(ledger, SuggestionData(content="开学前提出", raised_on=date(start, 8, 28)))
    index = next(i for i, p in enumerate(periods) if p is not None and p.start == first.start)
    tab.suggestions.period.setCurrentIndex(index)
    assert texts(tab.suggestions, 4) == ["开学前提出"]
