"""The 组织生活 tab and dialogs through qtbot: keyboard attendance, attachments, due view, settings."""

from __future__ import annotations

from datetime import date

from conftest import save_screenshot
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLineEdit

from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.commands import AttendanceEntry, MeetingData, add_meeting
from desktop_app.services.meetings.queries import get_meeting, list_meetings
from desktop_app.ui.context import AppContext
from desktop_app.ui.meetings.attendance import REASON
from desktop_app.ui.meetings.dialog import MeetingDialog
from desktop_app.ui.meetings.settings_dialog import MeetingSettingsDialog
from desktop_app.ui.meetings.tab import MeetingsTab
from desktop_app.ui.widgets.record_table import HIGHLIGHT
from tests.meetings_support import make_branch

HER_SCREEN = QSize(1092, 580)  # 1366×768 at 125 %, less the taskbar, in logical pixels


def _fits(dialog) -> None:
    hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    assert hint.width() <= HER_SCREEN.width() and dialog.minimumSizeHint().height() <= HER_SCREEN.height(), hint
    dialog.resize(dialog.size().boundedTo(HER_SCREEN))
    assert dialog.width() <= HER_SCREEN.width() and dialog.height() <= HER_SCREEN.height()
    save = dialog.save_button
    corner = save.mapTo(dialog, save.rect().bottomRight())
    assert save.isVisible() and corner.x() <= dialog.width() and corner.y() <= dialog.height()


def _roster(dialog) -> dict[str, tuple[str, str]]:
    model = dialog.roster
    return {model.index(r, 0).data(): (model.index(r, 2).data(), model.index(r, REASON).data())
            for r in range(model.rowCount())}


def test_attendance_is_marked_from_the_keyboard_and_saved(ui_app, ledger, qtbot, tmp_path):
    b = make_branch(ledger)
    dialog = MeetingDialog(ledger, None, kind="committee_meeting", day=date(2026, 4, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert set(_roster(dialog)) == {"王书记", "李委员"}  # the committee
    dialog.kind.set_code("branch_assembly")
    assert set(_roster(dialog)) == {"王书记", "李委员", "张三", "王芳", "陈新"}  # every party member on 1 April
    assert dialog.form.labelForField(dialog.recorder).text() == "记录人"
    dialog.topic.setText("学习贯彻全会精神")
    dialog.time_edit.setText("15:30")
    dialog.host.set_member_id(b.secretary)
    view = dialog.roster_view
    view.setFocus()
    order = [dialog.roster.index(r, 0).data() for r in range(dialog.roster.rowCount())]
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key_1)  # 出席, moves on to the next person
    qtbot.keyClick(view, Qt.Key_3)  # 缺席
    qtbot.keyClick(view, Qt.Key_J)  # 请假: the reason cell opens for typing
    assert view.state() == view.State.EditingState
    (editor,) = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.setText("外出培训")
    qtbot.keyClick(editor, Qt.Key_Return)  # the view commits the typed reason on its next turn of the event loop
    qtbot.waitUntil(lambda: _roster(dialog)[order[2]][1] == "外出培训")
    shown = _roster(dialog)
    assert shown[order[0]] == ("出席", "") and shown[order[1]] == ("缺席", "") and shown[order[2]] == ("请假", "外出培训")
    assert dialog.roster.index(1, 0).data(Qt.ForegroundRole) == HIGHLIGHT
    assert dialog.roster_summary.text().startswith("应到 5 人，实到 3 人，请假 1 人，缺席 1 人")
    dialog.guest_picker.set_member_id(b.activist)
    dialog.add_guest_button.click()
    photo = tmp_path / "签到表.png"
    photo.write_bytes(b"\x89PNG" + b"0" * 2048)
    dialog.attachments.add_paths([photo])
    assert dialog.texts.tabText(3) == "附件（1）"
    dialog.texts.setCurrentIndex(3)
    save_screenshot(dialog, "meetings_dialog")
    _fits(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible()
    (row,) = list_meetings(ledger, None)
    assert (row.counts.expected, row.counts.present, row.counts.leave, row.counts.absent, row.guests) == (5, 3, 1, 1, 1)
    assert row.attachments_label == "1 个，2 KB" and row.start_time.strftime("%H:%M") == "15:30"
    reasons = {e.member_id: e.reason for e in get_meeting(ledger, row.id).attendance if e.status == "leave"}
    assert list(reasons.values()) == ["外出培训"]


def test_group_meeting_roster_and_refusals(ui_app, ledger, qtbot):
    make_branch(ledger)
    dialog = MeetingDialog(ledger, None, kind="group_meeting", day=date(2026, 4, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.party_group.isVisible() and _roster(dialog) == {}
    dialog.party_group.set_value("第二党小组")
    assert set(_roster(dialog)) == {"李委员", "王芳", "陈新"}
    dialog.kind.set_code("party_lecture")
    assert dialog.form.labelForField(dialog.recorder).text() == "讲课人"
    dialog.kind.set_code("group_meeting")
    dialog.party_group.set_value("")
    dialog.time_edit.setText("25:00")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert {"主题", "党小组", "时间"} <= {text.split("：")[0] for text in dialog.problems.texts()}
    assert list_meetings(ledger, None) == []


def test_editing_keeps_marks_and_removes_an_attachment(ui_app, ledger, qtbot, tmp_path):
    b = make_branch(ledger)
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"\xff\xd8" + b"1" * 100)
    from desktop_app.services.attachments import read_file
    meeting_id = add_meeting(ledger, MeetingData(
        kind="theme_day", date=date(2026, 3, 5), topic="重温入党誓词",
        attendance=[AttendanceEntry(b.zhang, "leave", "病假"), AttendanceEntry(b.secretary)],
        new_attachments=[read_file(photo)]))
    dialog = MeetingDialog(ledger, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _roster(dialog) == {"张三": ("请假", "病假"), "王书记": ("出席", "")}
    opened = []
    dialog.attachments.open_path = opened.append
    dialog.attachments.files.setCurrentRow(0)
    dialog.attachments.open_selected()
    assert opened[0].read_bytes() == photo.read_bytes()
    dialog.attachments.remove_selected()
    dialog.save_button.click()
    assert list_meetings(ledger, None)[0].attachments_label == ""


def test_tab_lists_meetings_and_shows_what_is_missing(ui_app, ledger, qtbot):
    b = make_branch(ledger)
    for day in (date(2025, 9, 10), date(2025, 11, 10)):
        add_meeting(ledger, MeetingData(kind="committee_meeting", date=day, topic="支委会",
                                        attendance=[AttendanceEntry(b.secretary), AttendanceEntry(b.committee, "absent")]))
    context = AppContext(ledger)
    tab = MeetingsTab(context)
    qtbot.addWidget(tab)
    tab.resize(1092, 540)
    tab.show()
    tab.meetings.filters.set_criteria(period=None)
    tab.meetings.filters.period_bar.show_date(date(2025, 10, 1), "school_year")
    assert tab.meetings.model.rowCount() == 2
    assert tab.meetings.count_label.text() == "2025-2026学年：共 2 条"
    ui_app.processEvents()  # the layout makes room for the new count text on its next turn
    save_screenshot(tab, "meetings_tab")
    tab.show_filtered(view="due", period=tab.meetings.filters.period_bar.period())
    due = tab.due
    model = due.due_proxy
    shown = {(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())}
    assert ("支部委员会会议", "2025年10月") in shown and ("支部委员会会议", "2025年9月") not in shown
    members = due.member_proxy
    rates = {members.index(r, 0).data(): members.index(r, 6).data() for r in range(members.rowCount())}
    assert rates["王书记"] == "100%" and rates["李委员"] == "0%"
    assert "未完成" in due.summary.text()
    due.missing_only.setChecked(False)
    save_screenshot(tab, "meetings_due")


def test_settings_dialog_saves_frequencies_policy_and_committee(ui_app, ledger, qtbot):
    b = make_branch(ledger)
    dialog = MeetingSettingsDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.committee_ids() == [b.committee]
    dialog.times["theme_day"].setValue(2)
    dialog.leave_policy.set_code("as_present")
    dialog.committee_picker.set_member_id(b.zhang)
    dialog._add()
    save_screenshot(dialog, "meetings_settings_dialog")
    _fits(dialog)
    dialog.save_button.click()
    chosen = meeting_settings.load(ledger)
    assert chosen.frequencies["theme_day"].times == 2 and chosen.leave_policy.value == "as_present"
    assert chosen.committee == (b.secretary, b.committee, b.zhang)


def test_dashboard_card_shows_this_month_and_opens_the_due_view(ledger, main_window, qtbot):
    b = make_branch(ledger)
    add_meeting(ledger, MeetingData(kind="committee_meeting", date=date(2025, 12, 2), topic="支委会",
                                    attendance=[AttendanceEntry(b.secretary), AttendanceEntry(b.committee)]))
    tab = main_window.tab_page("dashboard")
    qtbot.waitUntil(lambda: not tab.busy, timeout=20000)
    tab.today = date(2025, 12, 10)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.dashboard is not None and tab.dashboard.today == date(2025, 12, 10), timeout=20000)
    glance = tab.dashboard.meetings
    due = [line.label for line in glance.due_this_month]
    # December: 支委会 held; 主题党日 and both groups' meetings still to hold; Q4's 党员大会 and 党课 end this month.
    assert "支部委员会会议" not in due and glance.met_this_month == 1
    assert {"主题党日", "党小组会（第一党小组）", "党小组会（第二党小组）", "支部党员大会", "党课"} <= set(due)
    assert ("支部委员会会议", "2025年9月") in {(line.label, line.period.label) for line in glance.missed_this_year}
    card = tab.cards["meetings"]
    assert card.figure.text() == f"{len(due)} 项" and "本学年已缺" in card.detail.text()
    qtbot.mouseClick(card, Qt.LeftButton)
    assert main_window.tabs.tabText(main_window.tabs.currentIndex()) == "组织生活"
    meetings_tab = main_window.tab_page("meetings")
    assert meetings_tab.pages.currentWidget() is meetings_tab.due and meetings_tab.due.missing_only.isChecked()
    assert meetings_tab.due.period_bar.period().label == "2025-2026学年"
    main_window.open_tab("dashboard")
    main_window.resize(1092, 580)
    save_screenshot(main_window, "meetings_dashboard")


def test_talk_dialog_saves_and_refuses_a_talk_with_oneself(ui_app, ledger, qtbot):
    from desktop_app.services.meetings.queries import list_talks
    from desktop_app.ui.meetings.talk_dialog import TalkDialog

    b = make_branch(ledger)
    dialog = TalkDialog(ledger, None, talker_id=b.secretary, day=date(2025, 10, 8))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.member.set_member_id(b.secretary)
    dialog.save_button.click()
    assert dialog.isVisible() and "谈话对象：谈话人和谈话对象不能是同一人" in dialog.problems.texts()
    dialog.member.setEditText("张三")
    dialog.topic.setText("思想动态")
    save_screenshot(dialog, "meetings_talk_dialog")
    _fits(dialog)
    dialog.save_button.click()
    assert not dialog.isVisible()
    (talk,) = list_talks(ledger, None)
    assert (talk.talker_name, talk.member_name, talk.topic, talk.date) == ("王书记", "张三", "思想动态", date(2025, 10, 8))
