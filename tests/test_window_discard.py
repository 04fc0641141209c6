"""放弃修改？: Esc, ✕ and 取消 never throw typed text away without asking; nor does closing the window."""

from __future__ import annotations

from conftest import save_screenshot
from PySide6.QtCore import Qt
from records_school import make_people

from desktop_app.services.members import list_members
from desktop_app.ui.members.dialog import MemberDialog
from desktop_app.ui.observations.dialog import ObservationDialog
from desktop_app.ui.widgets.form_dialog import DISCARD_TITLE
from tests.helpers.discard import questions, shown


def test_an_untouched_dialog_closes_without_a_question(ui_app, ledger, qtbot, message_bridge):
    dialog = shown(qtbot, MemberDialog(ledger))
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible() and questions(message_bridge) == []


def test_esc_close_and_cancel_ask_before_discarding(ui_app, ledger, qtbot, message_bridge):
    dialog = shown(qtbot, MemberDialog(ledger))
    dialog.name_edit.setText("张晓明")
    dialog.post_boxes["principal"].setChecked(True)

    message_bridge.answers = [False]  # 继续编辑
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert dialog.isVisible() and dialog.name_edit.text() == "张晓明"

    message_bridge.answers = [False]
    dialog.close()  # the title-bar ✕
    assert dialog.isVisible()

    message_bridge.answers = [False]
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.LeftButton)
    assert dialog.isVisible()
    assert questions(message_bridge) == [DISCARD_TITLE] * 3

    message_bridge.answers = [True]  # 放弃修改
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()
    assert list_members(ledger) == []


def test_putting_a_field_back_is_no_change(ui_app, ledger, qtbot, message_bridge):
    dialog = shown(qtbot, MemberDialog(ledger))
    dialog.notes.setPlainText("临时")
    dialog.notes.setPlainText("")
    dialog.reject()
    assert not dialog.isVisible() and questions(message_bridge) == []


def test_save_and_continue_counts_as_saved(ui_app, ledger, qtbot, message_bridge):
    make_people(ledger)
    dialog = shown(qtbot, ObservationDialog(ledger))
    dialog.date_edit.setText("2025-09-02")
    dialog.observer.setEditText("王校长")
    dialog.teacher.setEditText("张老师")
    qtbot.mouseClick(dialog.continue_button, Qt.LeftButton)
    assert dialog.saved_count == 1
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.LeftButton)
    assert not dialog.isVisible() and questions(message_bridge) == []


def test_closing_the_main_window_asks_for_an_open_dialog(main_window, qtbot, message_bridge):
    dialog = MemberDialog(main_window.context.ledger, None, main_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setText("李红")
    save_screenshot(dialog, "member_dialog_typed")

    message_bridge.answers = [False]
    main_window.close()
    assert main_window.isVisible() and dialog.isVisible()

    message_bridge.answers = [True]
    main_window.close()
    assert not main_window.isVisible() and not dialog.isVisible()
    assert questions(message_bridge) == [DISCARD_TITLE] * 2


def test_a_window_opened_from_the_dialog_and_closed_is_no_change(ui_app, ledger, qtbot, message_bridge):
    """Opening 请假记录 from a member and closing it untouched changes nothing in the member dialog."""
    from desktop_app.domain.people import MemberData
    from desktop_app.services.members import add_member
    from desktop_app.ui.members.leaves_dialog import LeavesDialog

    member_id = add_member(ledger, MemberData(name="蔡一鸣", political_status="full_member"))
    dialog = shown(qtbot, MemberDialog(ledger, member_id))
    leaves = LeavesDialog(ledger, member_id, "蔡一鸣", dialog)
    leaves.show()
    qtbot.waitExposed(leaves)
    leaves.close()
    dialog.reject()
    assert not dialog.isVisible() and questions(message_bridge) == []
