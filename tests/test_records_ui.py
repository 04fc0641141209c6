"""Entering observations and visits through the dialogs; quota and coverage views on a known school."""

from __future__ import annotations

from datetime import date

from conftest import save_screenshot
from PySide6.QtCore import Qt
from records_school import make_people, make_school

from desktop_app.domain.calendar import month_period
from desktop_app.domain.quotas import QuotaSettings
from desktop_app.services.records.observations import list_observations
from desktop_app.services.records.quota_settings import load_holidays, load_quotas
from desktop_app.services.records.visits import list_visits
from desktop_app.ui.context import AppContext
from desktop_app.ui.observations.dialog import ObservationDialog
from desktop_app.ui.observations.tab import ObservationsTab
from desktop_app.ui.records.post_quota_table import DEMO, OBSERVATIONS, VISITS, PostQuotaModel, spin_of
from desktop_app.ui.records.quota_settings_dialog import QuotaSettingsDialog
from desktop_app.ui.visits.dialog import VisitDialog
from desktop_app.ui.visits.tab import VisitsTab
from desktop_app.ui.widgets.record_table import HIGHLIGHT

SEPTEMBER = month_period(2025, 9)


def _shown(view, name: str) -> dict[str, object]:
    """The row of `name` as the user reads it: header → text, plus which cells are red."""
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == name:
            cells = {model.headerData(c, Qt.Horizontal): model.index(row, c).data() for c in range(model.columnCount())}
            cells["red"] = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())
                            if model.index(row, c).data(Qt.ForegroundRole) == HIGHLIGHT]
            return cells
    raise AssertionError(f"{name} not shown")


def test_enter_observations_with_save_and_continue(ui_app, ledger, qtbot):
    school = make_people(ledger)
    dialog = ObservationDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setText("2025-09-02")
    dialog.observer.setEditText("王校长")
    dialog.teacher.setEditText("张老师")
    assert dialog.subject.value() == "语文"  # taken from the teacher
    dialog.lesson_no.setValue(2)
    dialog.class_combo.set_class_id(school.classes["高一(1)班"])
    dialog.lesson_type.set_code("demonstration")
    dialog.ratings[next(iter(dialog.ratings))].set_code("excellent")
    dialog.comment.setPlainText("重点突出，课堂气氛活跃")
    save_screenshot(dialog, "records_observation_dialog")
    qtbot.mouseClick(dialog.continue_button, Qt.LeftButton)
    assert dialog.isVisible() and dialog.saved_count == 1
    assert dialog.observer.currentText() == "王校长" and dialog.date_edit.text() == "2025-09-02"
    assert dialog.teacher.currentText() == "" and dialog.comment.toPlainText() == ""
    assert "已保存 1 条" in dialog.saved_label.text()
    dialog.teacher.setEditText("赵老师")
    dialog.lesson_no.setValue(5)
    save_screenshot(dialog, "records_observation_dialog_continue")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    rows = list_observations(ledger, SEPTEMBER)
    assert [(r.observer_name, r.teacher_name, r.lesson_no, r.lesson_type_label) for r in rows] == [
        ("王校长", "赵老师", 5, "推门课"), ("王校长", "张老师", 2, "示范课")]
    assert rows[1].rating_label(next(iter(dialog.ratings))) == "优"


def test_observation_dialog_names_the_problems(ui_app, ledger, qtbot):
    make_people(ledger)
    dialog = ObservationDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setText("2025-13-40")
    dialog.observer.setEditText("王校长")
    dialog.teacher.setEditText("查无此人")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    texts = dialog.problems.texts()
    assert any(t.startswith("日期") for t in texts)
    assert any("授课教师" in t and "查无此人" in t for t in texts)
    save_screenshot(dialog, "records_observation_dialog_problems")
    assert dialog.isVisible() and list_observations(ledger, None) == []


def test_enter_visits_with_save_and_continue(ui_app, ledger, qtbot):
    school = make_people(ledger)
    dialog = VisitDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setText("2025-09-05")
    dialog.visitor.setEditText("张老师")
    dialog.kind.set_code("home")
    dialog.class_combo.set_class_id(school.classes["高一(1)班"])
    dialog.students.set_checked_names(["学生甲", "学生乙"])
    dialog.topic_boxes[0].setChecked(True)
    dialog.assistance[next(iter(dialog.assistance))].setChecked(True)
    dialog.content.setPlainText("了解学习情况")
    dialog.suggestions.setPlainText("希望学校延长图书馆开放时间")
    dialog.follow_up_needed.setChecked(True)
    dialog.show()  # lay out the 六谈 check boxes of the chosen kind before the picture
    qtbot.waitExposed(dialog)
    assert len(dialog.topic_boxes) == 6 and all(box.isVisible() for box in dialog.topic_boxes)
    save_screenshot(dialog, "records_visit_dialog")
    qtbot.mouseClick(dialog.continue_button, Qt.LeftButton)
    assert dialog.saved_count == 1 and dialog.isVisible()
    assert (dialog.visitor.currentText(), dialog.date_edit.text(), dialog.kind.code()) == ("张老师", "2025-09-05", "home")
    assert dialog.class_combo.class_id() == school.classes["高一(1)班"] and dialog.students.student_ids() == []
    # the next form follows up 学生甲's visit
    dialog.kind.set_code("phone")
    dialog.students.set_checked_names(["学生甲"])
    assert dialog.follows.count() == 2
    dialog.follows.setCurrentIndex(1)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    rows = list_visits(ledger, SEPTEMBER)
    assert [(r.kind_label, r.student_names) for r in rows] == [("电话家访", ("学生甲",)), ("入户家访", ("学生甲", "学生乙"))]
    assert rows[0].follows_visit_id == rows[1].id
    assert rows[1].topics_label == "办学理念" and rows[1].assistance_label == "学习帮扶"


def test_teacher_interview_and_missing_student(ui_app, ledger, qtbot):
    make_people(ledger)
    dialog = VisitDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setText("2025-09-08")
    dialog.visitor.setEditText("王校长")
    dialog.kind.set_code("teacher_interview")
    assert dialog.teacher.isVisible() and not dialog.students.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert any(t.startswith("受访教师") for t in dialog.problems.texts())
    dialog.teacher.setEditText("赵老师")
    save_screenshot(dialog, "records_visit_dialog_interview")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert [r.target_name for r in list_visits(ledger, SEPTEMBER)] == ["赵老师"]


def test_quota_views_show_done_and_required(ui_app, ledger, qtbot):
    make_school(ledger)
    context = AppContext(ledger)
    tab = ObservationsTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    tab.show_filtered(view="quota", period=SEPTEMBER)
    view = tab.quotas.view
    assert _shown(view, "王校长")["听课 完成/应完成"] == "3 / 22"
    li = _shown(view, "李主任")
    assert (li["听课 完成/应完成"], li["示范课 完成/应完成"]) == ("1 / 26", "0 / 1")
    assert li["red"] == ["听课 完成/应完成", "示范课 完成/应完成"]
    zhang = _shown(view, "张老师")
    assert zhang["示范课 完成/应完成"] == "1 / 1" and zhang["red"] == []
    save_screenshot(tab, "records_observations_quota")
    tab.quotas.behind_only.setChecked(True)
    assert sorted(r.name for r in tab.quotas.proxy.visible_rows()) == ["李主任", "王校长"]
    visits = VisitsTab(context)
    qtbot.addWidget(visits)
    visits.resize(1100, 600)
    visits.show()
    visits.show_filtered(view="quota", period=SEPTEMBER)
    assert _shown(visits.quotas.view, "张老师")["家访 完成/应完成"] == "2 / 15"
    assert _shown(visits.quotas.view, "钱师傅")["计入方式"] == "服务走访"
    save_screenshot(visits, "records_visits_quota")


def test_coverage_view_per_class(ui_app, ledger, qtbot):
    school = make_school(ledger)
    tab = VisitsTab(AppContext(ledger))
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    tab.show_filtered(view="coverage", period=SEPTEMBER, class_id=school.classes["高一(1)班"])
    cover = tab.coverage
    assert "2025-2026学年第一学期" in cover.period_bar.period().label
    one = _shown(cover.view, "高一(1)班")
    # the semester includes 张老师's 2 Oct phone call to 学生丁
    assert (one["电话家访 已访/应访"], one["入户家访 已访/应访"], one["访谈学生 已访/应访"]) == ("4 / 6", "2 / 2", "1 / 5")
    assert one["red"] == ["电话家访 已访/应访", "访谈学生 已访/应访"]
    assert [cover.missing_list.item(i).text() for i in range(cover.missing_list.count())] == ["学生戊", "学生己"]
    cover.set_kind("interview")
    assert cover.missing_list.count() == 5
    assert "1 / 3" in cover.teachers_label.text()
    save_screenshot(tab, "records_visits_coverage")


def test_records_tabs_in_the_main_window(main_window, ledger, qtbot):
    school = make_school(ledger)
    tab = main_window.open_tab("visits", period=SEPTEMBER, member_id=school.members["赵老师"])
    assert tab.records.model.rowCount() == 3  # two visits by 赵老师, one interview of 赵老师
    tab.records.filters.search.setText("学生丙")
    qtbot.waitUntil(lambda: tab.records.proxy.rowCount() == 1)
    tab.records.filters.search.setText("")
    qtbot.waitUntil(lambda: tab.records.proxy.rowCount() == 3)
    save_screenshot(main_window, "records_visits_tab")
    obs = main_window.open_tab("observations", period=SEPTEMBER)
    assert obs.records.model.rowCount() == 4
    save_screenshot(main_window, "records_observations_tab")
    # delete through the tab, confirming
    obs.records.view.selectRow(0)
    import desktop_app.ui.messages as messages
    messages.BRIDGE.answers = [True]
    qtbot.mouseClick(obs.records.buttons.delete, Qt.LeftButton)
    assert obs.records.model.rowCount() == 3


def test_quota_settings_dialog_saves_quotas_and_holidays(ui_app, ledger, qtbot):
    dialog = QuotaSettingsDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.post_table
    assert spin_of(table, "teacher_development_head", OBSERVATIONS).value() == 12
    spin_of(table, "principal", OBSERVATIONS).setValue(4)
    # every post has its own row; a 学科组长 visits as a 任课教师 until the school sets otherwise
    assert table.model().rowCount() == 12
    assert spin_of(table, "subject_leader", VISITS).value() == 10
    spin_of(table, "subject_leader", VISITS).setValue(6)
    assert spin_of(table, "support_staff", VISITS) is None  # 教辅后勤: 服务走访, set on the right
    dialog.demo_unit.setCurrentIndex(dialog.demo_unit.findData("semester"))
    assert table.model().index(8, DEMO).data() == "党员每学期1节"
    dialog.holiday_start.setText("2025-10-01")
    dialog.holiday_end.setText("2025-10-08")
    dialog.holiday_label.setText("国庆节")
    dialog._add_holiday()
    save_screenshot(dialog, "records_quota_settings")
    dialog.save()
    assert load_quotas(ledger).observations_per_week["principal"] == 4
    assert load_quotas(ledger).phone_visits_per_month["subject_leader"] == 6
    assert abs(load_quotas(ledger).home_visit_share - 1 / 3) < 1e-9
    assert [(h.start, h.label) for h in load_holidays(ledger)] == [(date(2025, 10, 1), "国庆节")]


def test_the_post_quota_table_is_a_sound_model_and_a_changed_amount_is_asked_about(
        ui_app, ledger, qtbot, qtmodeltester, message_bridge):
    qtmodeltester.check(PostQuotaModel())
    dialog = QuotaSettingsDialog(ledger)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    spin_of(dialog.post_table, "head_teacher", OBSERVATIONS).setValue(7)
    assert dialog.quotas().observations_per_week["head_teacher"] == 7
    message_bridge.answers = [False]  # 放弃修改？ 继续编辑
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert dialog.isVisible()
    assert load_quotas(ledger).observations_per_week.get("head_teacher") != 7
    dialog.show_quotas(QuotaSettings())  # 恢复默认值: the open spin box follows the model
    assert spin_of(dialog.post_table, "head_teacher", OBSERVATIONS).value() == \
        QuotaSettings().observations_per_week.get("head_teacher", 0)


def test_period_bar_steps_through_weeks_months_and_semesters(ui_app, ledger, qtbot):
    from desktop_app.ui.records.period_bar import PeriodBar

    bar = PeriodBar(ledger, today=date(2025, 10, 1))
    qtbot.addWidget(bar)
    assert bar.period().label == "2025年10月"
    bar.previous_button.click()
    assert (bar.period().start, bar.period().end) == (date(2025, 9, 1), date(2025, 9, 30))
    bar.show_date(date(2025, 10, 1), "week")  # a week crossing the month end, Mon–Sun
    assert (bar.period().start, bar.period().end) == (date(2025, 9, 29), date(2025, 10, 5))
    bar.next_button.click()
    assert bar.period().start == date(2025, 10, 6)
    bar.show_date(date(2025, 10, 1), "semester")
    assert bar.period().label == "2025-2026学年第一学期"
    bar.next_button.click()  # over the winter holiday to the next semester
    assert bar.period().label == "2025-2026学年第二学期"
    bar.previous_button.click()
    assert bar.period().label == "2025-2026学年第一学期"
    bar.show_date(date(2025, 8, 10), "semester")  # summer: the semester that ended last
    assert bar.period().label == "2024-2025学年第二学期"


def test_edit_an_observation(ui_app, ledger, qtbot):
    make_school(ledger)
    row = list_observations(ledger, SEPTEMBER, lesson_type="drop_in")[0]
    dialog = ObservationDialog(ledger, row.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.continue_button.isVisible()
    assert (dialog.observer.currentText(), dialog.teacher.currentText(), dialog.lesson_no.value()) == ("王校长", "张老师", 2)
    dialog.lesson_type.set_code("diagnostic")
    dialog.suggestions.setPlainText("板书再规范些")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    edited = [r for r in list_observations(ledger, SEPTEMBER) if r.id == row.id][0]
    assert (edited.lesson_type_label, edited.suggestions) == ("诊断课", "板书再规范些")
