"""设置 → 学校与学期, driven through the real dialog."""

from __future__ import annotations

from datetime import date

from conftest import save_screenshot
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.services import settings
from desktop_app.ui.settings_dialog import SettingsDialog, open_settings_dialog

TODAY = date(2026, 11, 22)


def make_dialog(qtbot, ledger) -> SettingsDialog:
    dialog = SettingsDialog(ledger, today=TODAY)
    qtbot.addWidget(dialog)
    if not dialog.school_name.text():  # both names are required
        dialog.school_name.setText("示例中学")
        dialog.branch_name.setText("示例中学党支部")
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_save(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), qtbot_left())


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.LeftButton


def test_settings_are_saved_together(ui_app, qtbot, ledger):
    dialog = make_dialog(qtbot, ledger)
    assert dialog.selected_year() == "2026-2027"
    assert dialog.date_edits["第一学期开始"].text() == "2026-09-01"  # default until set
    dialog.school_name.setText("  ××市第一中学 ")
    dialog.branch_name.setText("××市第一中学党支部")
    dialog.date_edits["第一学期结束"].setText("2027年1月22日")
    dialog.date_edits["第二学期开始"].setText("2027/2/20")
    dialog.date_edits["第二学期结束"].setText("2027-07-09")
    dialog.backup_keep.setValue(5)
    save_screenshot(dialog, "settings_dialog")
    click_save(qtbot, dialog)
    assert dialog.result() == SettingsDialog.Accepted
    profile = settings.school_profile(ledger)
    assert (profile.school_name, profile.branch_name) == ("××市第一中学", "××市第一中学党支部")
    dates = settings.semester_dates(ledger, "2026-2027")
    assert (dates.first.start, dates.first.end) == (date(2026, 9, 1), date(2027, 1, 22))
    assert (dates.second.start, dates.second.end) == (date(2027, 2, 20), date(2027, 7, 9))
    assert settings.get_value(ledger, settings.BACKUP_KEEP) == 5


def test_edits_of_two_years_are_both_kept(ui_app, qtbot, ledger):
    dialog = make_dialog(qtbot, ledger)
    dialog.date_edits["第二学期结束"].setText("2027-07-10")
    dialog.set_year("2025-2026")
    assert dialog.date_edits["第二学期结束"].text() == "2026-07-31"
    dialog.date_edits["第一学期结束"].setText("2026-01-23")
    dialog.set_year("2026-2027")
    assert dialog.date_edits["第二学期结束"].text() == "2027-07-10"
    click_save(qtbot, dialog)
    assert settings.semester_dates(ledger, "2026-2027").second.end == date(2027, 7, 10)
    assert settings.semester_dates(ledger, "2025-2026").first.end == date(2026, 1, 23)
    assert "2027-2028" not in settings.get_value(ledger, settings.SEMESTERS)  # untouched year not stored


def test_end_before_start_is_refused_naming_the_field(ui_app, qtbot, ledger):
    dialog = make_dialog(qtbot, ledger)
    dialog.school_name.setText("不会被保存的中学")
    dialog.date_edits["第一学期结束"].setText("2026-08-20")
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != SettingsDialog.Accepted
    assert dialog.problems.texts() == ["第一学期结束：2026-2027学年第一学期的结束日期早于开始日期"]
    save_screenshot(dialog, "settings_dialog_problem")
    assert settings.school_profile(ledger).school_name == ""  # nothing written
    assert settings.get_value(ledger, settings.SEMESTERS) is None


def test_overlapping_semesters_and_bad_text_are_refused(ui_app, qtbot, ledger):
    dialog = make_dialog(qtbot, ledger)
    dialog.date_edits["第二学期开始"].setText("2027-01-15")
    click_save(qtbot, dialog)
    assert dialog.problems.texts() == ["第二学期开始：2026-2027学年第二学期应在第一学期结束之后开始"]
    dialog.date_edits["第二学期开始"].setText("下学期")
    dialog.date_edits["第二学期结束"].setText("")
    click_save(qtbot, dialog)
    texts = dialog.problems.texts()
    assert texts[0].startswith("第二学期开始：2026-2027学年：")
    assert texts[1] == "第二学期结束：2026-2027学年：必须填写"


def test_problem_in_another_year_switches_to_that_year(ui_app, qtbot, ledger):
    dialog = make_dialog(qtbot, ledger)
    dialog.set_year("2025-2026")
    dialog.date_edits["第一学期开始"].setText("2019-09-01")
    dialog.set_year("2026-2027")
    click_save(qtbot, dialog)
    assert dialog.selected_year() == "2025-2026"
    assert dialog.problems.texts() == ["第一学期开始：2025-2026学年：应在2025年或2026年之内"]


def test_stored_values_are_shown_and_window_title_follows(ui_app, qtbot, main_window):
    ledger = main_window.context.ledger
    settings.set_values(ledger, {settings.SCHOOL_NAME: "示例中学", settings.BACKUP_KEEP: 3})

    def fill_and_save():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        assert dialog.school_name.text() == "示例中学" and dialog.backup_keep.value() == 3
        dialog.branch_name.setText("示例中学党支部")
        click_save(qtbot, dialog)

    QTimer.singleShot(0, fill_and_save)
    assert open_settings_dialog(main_window) is True
    assert "示例中学党支部" in main_window.windowTitle()


def test_empty_school_or_branch_name_is_refused(ui_app, qtbot, ledger):
    dialog = make_dialog(qtbot, ledger)
    dialog.school_name.setText("  ")
    dialog.branch_name.setText("")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problems.texts() == ["学校名称：必须填写", "党支部名称：必须填写"]
    assert settings.get_value(ledger, settings.SCHOOL_NAME) is None  # nothing written
