"""文件 → 备份台账 / 从备份恢复 through the real main window and dialogs."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from conftest import save_screenshot
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.domain.people import MemberData
from desktop_app.services import members
from desktop_app.services.demo import people
from desktop_app.store.backup import rotating_backup
from desktop_app.ui.backup_actions import RestoreDialog, backup_now, restore_from_file


def roster_names(main_window) -> set[str]:
    return {row.name for row in main_window.tab_page("members").roster.visible_rows()}


def test_backup_now_writes_the_chosen_file(main_window, tmp_path, message_bridge):
    target = tmp_path / "我的备份" / "台账.sqlite3"
    assert backup_now(main_window, target) == target
    assert message_bridge.texts("info") == [f"台账已备份到：\n{target}"]
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_backup_into_an_unwritable_place_says_why_and_harms_nothing(main_window, tmp_path, message_bridge):
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    assert backup_now(main_window, blocked / "b.sqlite3") is None
    [text] = message_bridge.texts("error")
    assert "无法把台账备份到" in text and "台账本身没有受到影响" in text
    members.add_member(main_window.context.ledger, MemberData(name="仍可写入", political_status="full_member"))


def test_backup_then_restore_round_trip_reloads_every_tab(main_window, tmp_path, message_bridge):
    ledger = main_window.context.ledger
    people.add_demo(ledger, random.Random(3))
    main_window.open_tab("members")
    before = roster_names(main_window)
    copy = tmp_path / "周五.sqlite3"
    backup_now(main_window, copy)
    members.add_member(ledger, MemberData(name="备份后新增", political_status="full_member"))
    assert "备份后新增" in roster_names(main_window)

    message_bridge.answers = [True]
    assert restore_from_file(main_window, copy) is True
    assert main_window.context.ledger is not ledger
    assert roster_names(main_window) == before
    info = message_bridge.texts("info")[-1]
    assert "已用“周五.sqlite3”恢复台账" in info and "恢复前的台账已另存为" in info
    safety = Path(info.rsplit("\n", 1)[1])
    conn = sqlite3.connect(safety)
    try:
        assert conn.execute("select count(*) from member where name='备份后新增'").fetchone()[0] == 1
    finally:
        conn.close()
    # the restored ledger is the live one: writes go to it and the roster follows
    members.add_member(main_window.context.ledger, MemberData(name="恢复后新增", political_status="activist"))
    assert "恢复后新增" in roster_names(main_window)


def test_declining_the_confirmation_changes_nothing(main_window, tmp_path, message_bridge):
    ledger = main_window.context.ledger
    copy = tmp_path / "copy.sqlite3"
    backup_now(main_window, copy)
    members.add_member(ledger, MemberData(name="保留", political_status="full_member"))
    message_bridge.answers = [False]
    assert restore_from_file(main_window, copy) is False
    assert main_window.context.ledger is ledger
    assert "保留" in {row.name for row in members.list_members(ledger)}


def test_a_bad_file_is_refused_before_asking(main_window, tmp_path, message_bridge):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("不是数据库" * 100, encoding="utf-8")
    assert restore_from_file(main_window, bad) is False
    [text] = message_bridge.texts("error")
    assert "不是党建台账的备份" in text and "当前台账没有改动" in text
    assert not [level for level, _t, _x in message_bridge.shown if level == "confirm"]


def test_restore_dialog_lists_automatic_backups_newest_first(main_window, qtbot, message_bridge):
    ledger = main_window.context.ledger
    members.add_member(ledger, MemberData(name="第一次", political_status="full_member"))
    first = rotating_backup(ledger.db_path, ledger.data_dir, "start")
    members.add_member(ledger, MemberData(name="第二次", political_status="full_member"))
    rotating_backup(ledger.db_path, ledger.data_dir, "pre-upgrade")
    dialog = RestoreDialog(ledger.data_dir, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    save_screenshot(dialog, "restore_dialog")
    assert [row.kind for row in dialog.rows()] == ["升级前备份", "启动时自动备份"]
    assert dialog.restore_button.isEnabled()  # the newest is selected
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, qtbot_left())
    assert dialog.chosen_path == first


def test_restore_from_an_automatic_backup_through_the_menu_dialog(main_window, qtbot, message_bridge):
    ledger = main_window.context.ledger
    members.add_member(ledger, MemberData(name="启动时已有", political_status="full_member"))
    rotating_backup(ledger.db_path, ledger.data_dir, "start")
    members.add_member(ledger, MemberData(name="之后误加", political_status="full_member"))

    def choose_newest():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        qtbot.mouseClick(dialog.restore_button, qtbot_left())

    message_bridge.answers = [True]
    QTimer.singleShot(0, choose_newest)
    assert restore_from_file(main_window) is True
    names = {row.name for row in members.list_members(main_window.context.ledger)}
    assert names == {"启动时已有"}


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.LeftButton


def test_restore_is_refused_when_the_safety_backup_cannot_be_written(main_window, tmp_path, message_bridge):
    ledger = main_window.context.ledger
    copy = tmp_path / "copy.sqlite3"
    backup_now(main_window, copy)
    members.add_member(ledger, MemberData(name="不能丢", political_status="full_member"))
    (ledger.data_dir / "backups").write_text("a file where the backups folder should be")
    message_bridge.answers = [True]
    assert restore_from_file(main_window, copy) is False
    [text] = message_bridge.texts("error")
    assert "安全备份" in text and "没有恢复" in text and "台账没有改动" in text
    # the old ledger was closed for the swap and carries on where it was
    assert main_window.context.ledger is ledger
    members.add_member(ledger, MemberData(name="还能写", political_status="full_member"))
    assert {"不能丢", "还能写"} <= {r.name for r in members.list_members(ledger)}
