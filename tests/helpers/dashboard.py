"""The 工作台 of a test window, counted for a fixed day."""

from __future__ import annotations

from datetime import date


def dashboard_on(main_window, qtbot, today: date):
    tab = main_window.tab_page("dashboard")
    qtbot.waitUntil(lambda: not tab.busy, timeout=20000)
    tab.today = today
    tab.refresh()
    qtbot.waitUntil(lambda: tab.dashboard is not None and tab.dashboard.today == today, timeout=20000)
    return tab
