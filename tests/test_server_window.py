"""文件 → 连接服务器台账 / 改回本机台账, and the password asked at start, through the real window."""

from __future__ import annotations

from conftest import save_screenshot, shown_dialog
from PySide6.QtCore import Qt, QTimer
from sqlalchemy.engine import make_url

from desktop_app.domain.people import MemberData
from desktop_app.domain.roles import Role
from desktop_app.services import members, users
from desktop_app.services.server_connection import SETTING_FILENAME, ServerConnection, load_connection
from desktop_app.store.ledger import open_ledger
from desktop_app.ui.backup_actions import restore_from_file
from desktop_app.ui.maintenance_actions import check_ledger
from desktop_app.ui.server_actions import back_to_local, connect_to_server, open_server_at_start
from desktop_app.ui.login_dialog import LoginDialog
from desktop_app.ui.server_dialog import ServerConnectionDialog

PASSWORD = "不该存下的口令"


def _server_with_a_member(url: str) -> ServerConnection:
    server = open_ledger(url)
    members.add_member(server, MemberData(name="服务器上的王芳", political_status="full_member"))
    server.close()
    parts = make_url(url)
    return ServerConnection(parts.host, parts.port, parts.database, parts.username)


def _fill(dialog: ServerConnectionDialog, server: ServerConnection, *, port: int | None = None) -> None:
    dialog.host.setText(server.host)
    dialog.port.setValue(port or server.port)
    dialog.database.setText(server.database)
    dialog.user.setText(server.user)
    dialog.password.setText(PASSWORD)


def _answer_the_connection(main_window, qtbot, server: ServerConnection, *, account: bool = True,
                           screenshot: str | None = None) -> None:
    """Once the connection dialog shows: fill it and 连接; then (a ledger without accounts) create hers."""
    def create_her_account():
        dialog = shown_dialog(main_window)
        assert isinstance(dialog, LoginDialog) and dialog.first
        dialog.name.setText("王书记")
        dialog.password.setText(PASSWORD)
        dialog.again.setText(PASSWORD)
        qtbot.mouseClick(dialog.login_button, Qt.LeftButton)

    def fill_and_connect():
        dialog = shown_dialog(main_window)
        _fill(dialog, server)
        if screenshot:
            save_screenshot(dialog, screenshot)
        if account:
            QTimer.singleShot(0, create_her_account)
        qtbot.mouseClick(dialog.connect_button, Qt.LeftButton)

    QTimer.singleShot(0, fill_and_connect)


def _roster(main_window) -> set[str]:
    return {row.name for row in main_window.tab_page("members").roster.visible_rows()}


def _files_holding(folder, text: str) -> list:
    return [p for p in folder.rglob("*") if p.is_file() and text.encode("utf-8") in p.read_bytes()]


def test_connecting_from_the_menu_reloads_every_tab_from_the_server_and_keeps_no_password(
        main_window, pg_ledger_url, data_dir, qtbot, message_bridge):
    server = _server_with_a_member(pg_ledger_url)
    main_window.open_tab("members")
    local = main_window.context.ledger
    _answer_the_connection(main_window, qtbot, server, screenshot="server_connection_dialog")
    assert connect_to_server(main_window) is True
    ledger = main_window.context.ledger
    assert ledger.on_server and ledger is not local
    assert (ledger.user, ledger.role) == ("王书记", "secretary")
    assert _roster(main_window) == {"服务器上的王芳"}
    status = main_window.statusBar().findChildren(type(main_window._status))[0].text()
    assert status.startswith("服务器台账：") and status.endswith("登录：王书记（书记）")
    assert "已连接服务器台账" in message_bridge.texts("info")[-1]
    save_screenshot(main_window, "server_ledger_window")
    assert load_connection(data_dir) == server
    assert _files_holding(data_dir, PASSWORD) == []  # the password is in no file of the data folder

    message_bridge.answers = [True]
    assert back_to_local(main_window) is True
    assert not main_window.context.ledger.on_server and _roster(main_window) == set()
    assert not (data_dir / SETTING_FILENAME).exists()


def test_a_wrong_port_is_explained_and_the_open_ledger_stays(main_window, pg_ledger_url, qtbot, message_bridge):
    server = _server_with_a_member(pg_ledger_url)
    local = main_window.context.ledger
    tried = []

    def fill_wrong_then_cancel():
        dialog = shown_dialog(main_window)
        _fill(dialog, server, port=1)
        qtbot.mouseClick(dialog.connect_button, Qt.LeftButton)
        tried.append(dialog.isVisible())
        dialog.reject()

    QTimer.singleShot(0, fill_wrong_then_cancel)
    assert connect_to_server(main_window) is False
    assert tried == [True] and main_window.context.ledger is local
    [said] = message_bridge.texts("error")
    assert "服务器没有响应" in said and "仍在使用原来的台账，没有改动" in said


def _shown(ui_app, kind):
    return next(w for w in ui_app.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_with_a_server_set_the_start_asks_the_password_and_a_login(ui_app, pg_ledger_url, data_dir, qtbot,
                                                                     message_bridge):
    server = _server_with_a_member(pg_ledger_url)
    with_accounts = open_ledger(pg_ledger_url)
    users.create_first_secretary(with_accounts, "王书记", PASSWORD)
    users.add_user(with_accounts, "高一年级组", Role.GRADE_OFFICE, "gaoyi-456", "高一年级组")
    with_accounts.close()
    (data_dir / SETTING_FILENAME).write_text(
        f'{{"host": "{server.host}", "port": {server.port}, "database": "{server.database}", '
        f'"user": "{server.user}"}}', encoding="utf-8")
    asked = []

    def type_password():
        dialog = _shown(ui_app, ServerConnectionDialog)
        asked.append((dialog.host.text(), dialog.database.text(), dialog.password.text()))
        save_screenshot(dialog, "server_password_at_start")
        dialog.password.setText(PASSWORD)
        QTimer.singleShot(0, log_in_as_grade_office)
        qtbot.mouseClick(dialog.connect_button, Qt.LeftButton)

    def log_in_as_grade_office():
        dialog = _shown(ui_app, LoginDialog)
        assert not dialog.first and not dialog.again.isVisible()
        dialog.name.setText("高一年级组")
        dialog.password.setText("不对的口令")
        qtbot.mouseClick(dialog.login_button, Qt.LeftButton)  # refused: the dialog stays
        assert dialog.isVisible() and "用户名或密码不正确" in message_bridge.texts("error")[-1]
        save_screenshot(dialog, "login_dialog")
        dialog.password.setText("gaoyi-456")
        qtbot.mouseClick(dialog.login_button, Qt.LeftButton)

    QTimer.singleShot(0, type_password)
    ledger = open_server_at_start(data_dir)
    try:
        assert asked == [(server.host, server.database, "")]  # all but the password filled in
        assert (ledger.user, ledger.role) == ("高一年级组", "grade_office")
        assert ledger.on_server and [m.name for m in members.list_members(ledger)] == ["服务器上的王芳"]
    finally:
        ledger.close()

    def choose_local():
        dialog = _shown(ui_app, ServerConnectionDialog)
        dialog.reject()  # 本次使用本机台账

    QTimer.singleShot(0, choose_local)
    assert open_server_at_start(data_dir) is None
    assert load_connection(data_dir) == server  # kept for the next start


def test_file_only_actions_say_why_on_a_server_ledger(ui_app, pg_ledger_url, data_dir, qtbot, message_bridge):
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.context import AppContext

    ledger = open_ledger(pg_ledger_url)
    window = QWidget()  # what the menu actions use of the main window: its context
    qtbot.addWidget(window)
    window.context = AppContext(ledger, window, folder=data_dir)
    try:
        assert restore_from_file(window) is False
        assert "不能在一台电脑上被整个替换，没有改动" in message_bridge.texts("error")[-1]
        assert check_ledger(window) is False
        assert "由数据库管理员检查" in message_bridge.texts("info")[-1]
    finally:
        ledger.close()


def test_cancelling_the_login_keeps_the_open_ledger(main_window, pg_ledger_url, qtbot, message_bridge):
    server = _server_with_a_member(pg_ledger_url)
    with_accounts = open_ledger(pg_ledger_url)
    users.create_first_secretary(with_accounts, "王书记", PASSWORD)
    with_accounts.close()
    local = main_window.context.ledger
    asked = []

    def fill_and_connect():
        dialog = shown_dialog(main_window)
        _fill(dialog, server)
        QTimer.singleShot(0, cancel_login)
        qtbot.mouseClick(dialog.connect_button, Qt.LeftButton)

    def cancel_login():
        dialog = shown_dialog(main_window)
        asked.append(isinstance(dialog, LoginDialog) and not dialog.first)
        dialog.reject()

    QTimer.singleShot(0, fill_and_connect)
    assert connect_to_server(main_window) is False
    assert asked == [True] and main_window.context.ledger is local and local.role is None
    assert message_bridge.texts("info") == []


def test_moving_the_school_to_an_empty_server_copies_everything_and_switches(
        main_window, ledger, pg_ledger_url, data_dir, qtbot, message_bridge):
    from desktop_app.ui.server_actions import move_to_server

    members.add_member(ledger, MemberData(name="本机的李老师", political_status="full_member"))
    parts = make_url(pg_ledger_url)
    server = ServerConnection(parts.host, parts.port, parts.database, parts.username)
    message_bridge.answers = [True]  # 继续
    _answer_the_connection(main_window, qtbot, server)
    assert move_to_server(main_window) is True
    assert main_window.context.ledger.on_server
    assert _roster(main_window) == {"本机的李老师"}
    assert "逐表核对无误" in message_bridge.texts("info")[-1]
    assert load_connection(data_dir) == server
    own_file = open_ledger(data_dir)
    assert [row.name for row in members.list_members(own_file)] == ["本机的李老师"]  # the file stays as it was
    own_file.close()


def test_moving_to_a_server_that_is_not_empty_is_refused_and_nothing_changes(
        main_window, ledger, pg_ledger_url, data_dir, qtbot, message_bridge):
    from desktop_app.ui.server_actions import move_to_server

    server = _server_with_a_member(pg_ledger_url)
    local = main_window.context.ledger
    message_bridge.answers = [True]
    _answer_the_connection(main_window, qtbot, server, account=False)
    assert move_to_server(main_window) is False
    assert main_window.context.ledger is local
    assert "已有记录" in message_bridge.texts("error")[-1]
    assert not (data_dir / SETTING_FILENAME).exists()
