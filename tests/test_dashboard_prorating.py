"""工作台 figures she can trust: pro-rated by school days gone, red only for people behind that,
and each card's numbers are the list it opens (one query)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot
from helpers.dashboard import dashboard_on
from helpers.known_branch import make_known_branch
from PySide6.QtCore import Qt

from desktop_app.domain.calendar import Period
from desktop_app.domain.prorating import due_so_far
from desktop_app.domain.quotas import QuotaSettings, SchoolCalendar
from desktop_app.services.records.quota_settings import save_quota_settings

FIRST_TERM = Period(date(2025, 9, 1), date(2026, 1, 31), "第一学期")
DECEMBER = Period(date(2025, 12, 1), date(2025, 12, 31), "2025年12月")
NEW_YEAR_WEEK = Period(date(2025, 12, 29), date(2026, 1, 4), "2025-12-29 所在周")
NEW_YEAR = Period(date(2026, 1, 1), date(2026, 1, 1), "元旦")


def test_due_so_far_by_school_days_gone():
    calendar = SchoolCalendar(terms=(FIRST_TERM,))
    # December 2025 has 23 school days; Monday 1 and Tuesday 2 are gone on the 2nd.
    assert calendar.school_days(DECEMBER) == 23
    assert due_so_far(15, DECEMBER, date(2025, 12, 2), calendar) == 1  # 15 × 2/23 = 1.3
    assert due_so_far(10, DECEMBER, date(2025, 12, 2), calendar) == 0  # 10 × 2/23 = 0.87: nobody behind yet
    assert due_so_far(10, DECEMBER, date(2025, 12, 10), calendar) == 3  # 10 × 8/23 = 3.48
    assert due_so_far(10, DECEMBER, date(2025, 12, 31), calendar) == 10  # the last day: all of it
    assert due_so_far(10, DECEMBER, date(2025, 11, 30), calendar) == 0  # not begun


def test_a_week_straddling_the_month_end():
    plain = SchoolCalendar(terms=(FIRST_TERM,))
    # Wednesday 31 December: Mon 29, Tue 30, Wed 31 gone of five school days.
    assert due_so_far(5, NEW_YEAR_WEEK, date(2025, 12, 31), plain) == 3
    with_holiday = SchoolCalendar(terms=(FIRST_TERM,), holidays=(NEW_YEAR,))
    # 元旦 off: four school days in the week; the week's 5 become round(5 × 4/5) = 4, and 3 of 4 are gone.
    assert with_holiday.school_days(NEW_YEAR_WEEK) == 4
    assert due_so_far(4, NEW_YEAR_WEEK, date(2025, 12, 31), with_holiday) == 3
    assert due_so_far(4, NEW_YEAR_WEEK, date(2026, 1, 1), with_holiday) == 3  # the holiday adds nothing due


def test_cards_on_day_two_of_a_month(ledger, main_window, qtbot):
    make_known_branch(ledger)
    tab = dashboard_on(main_window, qtbot, date(2025, 12, 2))
    d = tab.dashboard
    # Week 1–7 Dec, Tuesday: 周校长 (校长, 5 a week) owes 5 × 2/5 = 2 so far and has 1 (3 Dec is in the week).
    assert (d.observations_week.done, d.observations_week.due, d.observations_week.required) == (1, 2, 5)
    assert d.observations_week.behind_names == ("周校长",)
    assert tab.cards["observations"].figure.text() == "1 / 2"
    assert "截至今日应完成 2/5" in tab.cards["observations"].detail.text()
    assert "1人落后：周校长" in tab.cards["observations"].detail.text()
    # December: 周校长 (行管干部, 15 a month) owes 1 so far, 吴老师 (任课教师, 10) owes 0 and has 1.
    assert (d.visits_month.done, d.visits_month.due, d.visits_month.required) == (1, 1, 25)
    assert d.visits_month.behind_names == ("周校长",)
    assert tab.cards["visits"].figure.text() == "1 / 1"
    assert "截至今日应完成 1/25" in tab.cards["visits"].detail.text()
    for card in tab.cards.values():
        assert card.toolTip(), card.caption.text()
    assert "截至今日应完成" in tab.cards["visits"].toolTip() and "红色" in tab.cards["visits"].toolTip()


@pytest.mark.parametrize(("key", "today"), [("observations", date(2025, 12, 2)), ("visits", date(2025, 12, 10)),
                                            ("observations", date(2025, 12, 31))])
def test_card_numbers_are_the_list_it_opens(ledger, main_window, qtbot, key, today):
    make_known_branch(ledger)
    save_quota_settings(ledger, QuotaSettings(), [NEW_YEAR])
    tab = dashboard_on(main_window, qtbot, today)
    glance = tab.dashboard.observations_week if key == "observations" else tab.dashboard.visits_month
    qtbot.mouseClick(tab.cards[key], Qt.LeftButton)
    view = main_window.tab_page(key).quotas
    qtbot.waitUntil(lambda: not view._stale, timeout=5000)
    assert view.behind_only.isChecked()
    totals = view.totals()
    assert (totals.done, totals.due, totals.required) == (glance.done, glance.due, glance.required)
    shown = [row.name for row in view.proxy.visible_rows()]
    assert tuple(shown) == glance.behind_names == totals.behind_names
    assert f"落后 {len(shown)} 人" in view.summary.text()


def test_empty_ledger_says_what_to_do(ledger, main_window, qtbot):
    tab = dashboard_on(main_window, qtbot, date(2025, 12, 2))
    assert tab.start_panel.isVisible()
    assert all(card.figure.text() == "—" for card in tab.cards.values())
    assert "全部达标" not in "".join(card.detail.text() for card in tab.cards.values())
    make_known_branch(ledger)
    qtbot.waitUntil(lambda: tab.dashboard.people == 2, timeout=20000)
    assert not tab.start_panel.isVisible()


def test_screenshot_day_two(ledger, main_window, qtbot):
    from desktop_app.services.demo import fill_demo

    fill_demo(ledger)
    tab = dashboard_on(main_window, qtbot, date.today().replace(day=2))
    qtbot.waitUntil(lambda: tab.dashboard.people > 0 and not tab.busy, timeout=20000)
    main_window.resize(1092, 580)
    qtbot.wait(50)
    save_screenshot(main_window, "dashboard_day_two")
