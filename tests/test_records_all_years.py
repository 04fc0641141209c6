"""全部年份 in the 听课 and 家访 lists: the search text finds the right rows over every year, in SQL,
for one and two characters (which the trigram index cannot find) as well as longer text."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot

from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.visits import VisitData, add_visit, get_visit
from desktop_app.ui.records import record_tab
from records_school import make_people

YEARS = (2021, 2022, 2023, 2024, 2025)


@pytest.fixture
def years_of_visits(ledger):
    """One phone call a year by 张老师 to 学生甲, one home visit a year by 王校长 with a remark that
    names 周 only in its text, and one observation a year."""
    school = make_people(ledger)
    m, s, c = school.members, school.students, school.classes
    ids = {"call": {}, "home": {}, "observation": {}}
    for year in YEARS:
        ids["call"][year] = add_visit(ledger, VisitData(date=date(year, 10, 12), visitor_id=m["张老师"], kind="phone",
                                                        student_ids=[s["学生甲"]], content="了解学习情况"))
        ids["home"][year] = add_visit(ledger, VisitData(
            date=date(year, 11, 9), visitor_id=m["王校长"], kind="home", student_ids=[s["学生子"]],
            content=f"与周家长交流{year}年的学习计划", suggestions="多鼓励"))
        ids["observation"][year] = add_observation(ledger, ObservationData(
            date=date(year, 10, 20), observer_id=m["李主任"], teacher_id=m["赵老师"], lesson_no=3,
            class_id=c["高一(2)班"], subject="英语", lesson_type="demonstration", comment=f"{year}届示范课，板书清楚"))
    return ids


def _show_all_years(records) -> None:
    bar = records.filters.period_bar
    bar.unit_combo.setCurrentIndex(bar.unit_combo.findData("all"))
    assert bar.period().label == "全部年份" and not bar.previous_button.isEnabled()


def _typed(records, qtbot, text: str) -> set[int]:
    records.filters.search.setText(text)  # Chinese through setText (keyClicks aborts on it)
    qtbot.waitUntil(lambda: records.filters.search.text() == text and not records.filters._timer.isActive())
    return {row.id for row in records.proxy.visible_rows()}


def test_the_visits_filter_finds_rows_of_every_year(main_window, years_of_visits, qtbot):
    records = main_window.open_tab("visits").records
    _show_all_years(records)
    calls, homes = set(years_of_visits["call"].values()), set(years_of_visits["home"].values())
    assert {row.id for row in records.proxy.visible_rows()} == calls | homes
    assert "全部年份：共 10 条" in records.count_label.text()
    assert _typed(records, qtbot, "周") == homes  # one character, only in the text
    assert _typed(records, qtbot, "周家") == homes  # two characters
    assert _typed(records, qtbot, "学习计划") == homes  # the trigram index
    assert _typed(records, qtbot, "2023年") == {years_of_visits["home"][2023]}
    assert _typed(records, qtbot, "王") == homes  # the visitor's name, one character
    assert _typed(records, qtbot, "学生甲") == calls  # a student the calls reached
    assert _typed(records, qtbot, "子") == homes  # 学生子, whom the home visits reached
    assert _typed(records, qtbot, "电话") == calls  # the kind's label 电话家访
    assert _typed(records, qtbot, "(2)") == homes  # 学生子's class 高一(2)班 is the visits' class
    assert _typed(records, qtbot, "没有这个") == set()
    assert "全部年份：共 0 条" in records.count_label.text()
    records.filters.search.setText("周")
    qtbot.waitUntil(lambda: len(records.proxy.visible_rows()) == len(homes))
    save_screenshot(main_window, "records_visits_all_years_filtered")
    bar = records.filters.period_bar
    bar.unit_combo.setCurrentIndex(bar.unit_combo.findData("semester"))  # back to one period: the table filters
    bar.show_date(date(2024, 11, 9))
    assert {row.id for row in records.proxy.visible_rows()} == {years_of_visits["home"][2024]}


def test_the_observations_filter_finds_rows_of_every_year(main_window, years_of_visits, qtbot):
    records = main_window.open_tab("observations").records
    _show_all_years(records)
    everything = set(years_of_visits["observation"].values())
    assert _typed(records, qtbot, "板书") == everything
    assert _typed(records, qtbot, "示范") == everything  # the label 示范课 and the comment
    assert _typed(records, qtbot, "2022届") == {years_of_visits["observation"][2022]}
    assert _typed(records, qtbot, "赵") == everything  # the teacher
    assert _typed(records, qtbot, "张") == set()


def test_all_years_lists_the_newest_rows_and_says_so(main_window, years_of_visits, qtbot, monkeypatch):
    monkeypatch.setattr(record_tab, "ALL_YEARS_SHOWN", 3)
    records = main_window.open_tab("visits").records
    _show_all_years(records)
    shown = [row.date for row in records.proxy.visible_rows()]
    assert sorted(shown, reverse=True) == [date(2025, 11, 9), date(2025, 10, 12), date(2024, 11, 9)]
    assert "显示最新的 3 条" in records.count_label.text()
    assert _typed(records, qtbot, "学生甲") == {years_of_visits["call"][y] for y in (2025, 2024, 2023)}


def test_all_years_finds_topics_help_and_dates_as_a_period_list_does(main_window, years_of_visits, ledger, qtbot):
    records = main_window.open_tab("visits").records
    first_home = get_visit(ledger, years_of_visits["home"][2021])
    talked = add_visit(ledger, VisitData(date=date(2022, 3, 8), visitor_id=first_home.visitor_id, kind="home",
                                         student_ids=first_home.student_ids,
                                         topics=["family_influence"], assistance=["thinking"], content="谈心"))
    _show_all_years(records)
    assert _typed(records, qtbot, "家庭社会影响") == {talked}  # a 六谈 label, stored as its code
    assert _typed(records, qtbot, "思想帮扶") == {talked}  # a 帮扶 label
    assert _typed(records, qtbot, "2022-03") == {talked}  # the date as the list shows it
    assert _typed(records, qtbot, "2024-10-12") == {years_of_visits["call"][2024]}
    assert _typed(records, qtbot, "2024/10/12") == {years_of_visits["call"][2024]}
