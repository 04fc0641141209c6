"""The honours panel deletes all chosen honours in one step."""

from __future__ import annotations

from evaluation_helpers import YEAR
from PySide6.QtCore import Qt
from test_evaluations_ui import tab  # noqa: F401  (fixture)

from desktop_app.services.honours import HonourData, add_honour, list_honours


def test_deleting_all_chosen_honours_at_once(tab, ledger, qtbot, message_bridge):
    for n in range(3):
        add_honour(ledger, HonourData("党员标兵", YEAR, member_id=tab.semester_panel.model.row_at(n).member_id))
    tab.sections.setCurrentWidget(tab.honours_panel)
    panel = tab.honours_panel
    assert panel.count_label.text() == "共 3 项荣誉"
    panel.view.selectAll()
    message_bridge.answers = [True]
    qtbot.mouseClick(panel.buttons.delete, Qt.LeftButton)
    assert list_honours(ledger) == []
    assert panel.count_label.text() == "共 0 项荣誉"

