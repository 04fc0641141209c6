"""工作台 on a known branch: the figures, and each card opening the view behind it."""

from __future__ import annotations

from datetime import date

from conftest import save_screenshot
from helpers.dashboard import dashboard_on
from helpers.known_branch import make_known_branch
from PySide6.QtCore import Qt

TODAY = date(2025, 12, 10)  # a Wednesday in the first semester of 2025-2026


def _dashboard(main_window, qtbot):
    return dashboard_on(main_window, qtbot, TODAY)


def test_dashboard_figures_for_a_known_branch(ledger, main_window, qtbot):
    make_known_branch(ledger)
    tab = _dashboard(main_window, qtbot)
    d = tab.dashboard
    # 周校长 (校长, 5 a week) observed nothing in the week of 8–14 December; by Wednesday 3 were due.
    assert (d.observations_week.done, d.observations_week.due, d.observations_week.required) == (0, 3, 5)
    assert d.observations_week.behind_names == ("周校长",)
    assert tab.cards["observations"].figure.text() == "0 / 3"
    # 吴老师 (任课教师, 10 phone visits a month) made one in December.
    assert d.visits_month.done == 1
    assert "吴老师" in d.visits_month.behind_names
    assert (d.students_phoned, d.students) == (1, 1)
    assert tab.cards["coverage"].figure.text() == "100%"
    assert d.pledges_by_status["draft"] == 1
    assert tab.cards["rectifications"].figure.text() == "1"
    assert d.due_date == date(2026, 1, 3)
    assert [m.label for m in d.months] == ["9月", "10月", "11月", "12月"]
    # The chart runs to today: the visit of 15 December is not in it yet.
    assert [(m.observations, m.visits) for m in d.months] == [(1, 0), (1, 2), (1, 1), (1, 0)]
    main_window.resize(1180, 760)
    save_screenshot(main_window, "dashboard")


def test_clicking_a_card_opens_the_filtered_view(ledger, main_window, qtbot):
    make_known_branch(ledger)
    tab = _dashboard(main_window, qtbot)
    qtbot.mouseClick(tab.cards["rectifications"], Qt.LeftButton)
    assert main_window.tabs.tabText(main_window.tabs.currentIndex()) == "整改"
    qtbot.mouseClick(tab.cards["pledges"], Qt.LeftButton)
    assert main_window.tabs.tabText(main_window.tabs.currentIndex()) == "承诺"
    qtbot.mouseClick(tab.cards["coverage"], Qt.LeftButton)
    assert main_window.tabs.tabText(main_window.tabs.currentIndex()) == "家访"


def test_dashboard_refreshes_after_a_change(ledger, main_window, qtbot):
    tab = _dashboard(main_window, qtbot)
    assert tab.dashboard.members == 0
    from desktop_app.domain.people import MemberData
    from desktop_app.services.members import add_member

    add_member(ledger, MemberData(name="新党员"))
    qtbot.waitUntil(lambda: tab.dashboard.members == 1, timeout=20000)
