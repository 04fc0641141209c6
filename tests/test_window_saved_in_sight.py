"""A record saved for a date outside the period on screen: the list follows it and selects it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from records_school import make_school

from desktop_app.domain.calendar import month_period
from desktop_app.services.records.observations import list_observations
from desktop_app.ui.widgets.record_table import selected_rows
from tests.helpers.modal import when_dialog_opens

SEPTEMBER = month_period(2025, 9)


def test_a_new_observation_in_another_month_is_shown_and_selected(main_window, ledger, qtbot):
    make_school(ledger)
    tab = main_window.open_tab("observations", period=SEPTEMBER)
    records = tab.records
    assert records.filters.period_bar.period() == SEPTEMBER
    records.filters.search.setText("板书")
    records._search("板书")
    assert records.proxy.rowCount() == 0

    def fill(dialog):
        dialog.date_edit.setText("2025-10-14")
        dialog.observer.setEditText("李主任")
        dialog.teacher.setEditText("张老师")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(fill)
    records.add()
    october = month_period(2025, 10)
    assert records.filters.period_bar.period() == october
    saved = list_observations(ledger, october)
    assert len(saved) == 1
    assert [row.id for row in selected_rows(records.view)] == [saved[0].id]
    assert records.filters.search.text() == ""  # the search would have hidden it


def test_editing_a_record_into_another_month_follows_it(main_window, ledger, qtbot):
    make_school(ledger)
    tab = main_window.open_tab("observations", period=SEPTEMBER)
    records = tab.records
    records.view.selectRow(0)
    chosen = selected_rows(records.view)[0]

    def move(dialog):
        dialog.date_edit.setText("2025-11-03")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(move)
    records.edit()
    assert records.filters.period_bar.period() == month_period(2025, 11)
    assert [row.id for row in selected_rows(records.view)] == [chosen.id]
