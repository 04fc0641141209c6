"""The 工作台's 发展党员 card: deadlines within 30 days and overdue, opening the tab filtered."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from desktop_app.domain.development.steps import Step
from desktop_app.services.development.commands import save_development
from tests.development_helpers import make_branch, procedure


def test_the_card_counts_deadlines_and_opens_the_tab(ledger, main_window, qtbot):
    today = date.today()
    branch = make_branch(ledger)
    data = procedure(branch, Step.APPLY)
    data.dates[Step.APPLY] = today - timedelta(days=5)
    save_development(ledger, None, data, today)
    tab = main_window.tab_page("dashboard")
    tab.refresh()
    card = tab.cards["development"]
    # the count begun when the window opened may finish after the save and show 0 people ("—");
    # the dashboard then counts again: wait for what she would see once both are done
    qtbot.waitUntil(lambda: not tab.busy and card.figure.text() == "1", timeout=20000)
    assert card.detail.text().startswith("刘洋 谈话 ")
    qtbot.mouseClick(card, Qt.LeftButton)
    assert main_window.tabs.tabText(main_window.tabs.currentIndex()) == "发展党员"
    development = main_window.tab_page("development")
    assert development.filter.currentText() == "30天内到期或已逾期"
    assert [r.name for r in development.rows()] == ["刘洋"]
