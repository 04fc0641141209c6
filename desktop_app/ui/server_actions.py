"""文件 → 连接服务器台账 / 改回本机台账, and the password asked at start when a server is set.

Switching closes the open ledger and reloads every screen from the other one
(`context.replace_ledger`), as a restore does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from desktop_app.services.errors import UserError
from desktop_app.services.server_connection import forget_connection, load_connection
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.schema import LedgerError
from desktop_app.ui import messages
from desktop_app.ui.server_dialog import ServerConnectionDialog


def open_server_at_start(folder: Path) -> Ledger | None:
    """With a server set for this computer: ask the password and connect. None: no server is set, or
    she chose this computer's own ledger for this time (the setting is kept)."""
    try:
        known = load_connection(folder)
    except UserError as exc:
        messages.refuse(None, "连接服务器台账", exc)
        return None
    if known is None:
        return None
    dialog = ServerConnectionDialog(folder, known, cancel_text="本次使用本机台账")
    if dialog.exec() != QDialog.Accepted or dialog.ledger is None:
        return None
    return dialog.ledger if _logged_in(dialog.ledger, None) else None


def connect_to_server(main_window) -> bool:  # noqa: ANN001 - MainWindow, kept import-free
    context = main_window.context
    try:
        known = load_connection(context.folder)
    except UserError:
        known = None  # an unreadable setting is simply typed again
    dialog = ServerConnectionDialog(context.folder, known, main_window)
    if dialog.exec() != QDialog.Accepted or dialog.ledger is None or not _logged_in(dialog.ledger, main_window):
        return False
    _switch(main_window, dialog.ledger)
    messages.info(main_window, "连接服务器台账", f"已连接服务器台账：{dialog.ledger.where}\n所有页面已重新载入。"
                  "以后打开程序时会询问密码。")
    return True


MOVE_TITLE = "迁移到服务器台账"


def move_to_server(main_window) -> bool:  # noqa: ANN001
    """The school moves to a shared server: this computer's whole ledger is copied into an empty
    server database (counts checked table by table), and the window then uses the server's."""
    context = main_window.context
    if context.ledger.on_server:
        messages.info(main_window, MOVE_TITLE, "现在用的已是服务器台账。要把它存回这台电脑：在服务器台账上"
                      "“文件 → 备份台账”，改回本机台账后再“从备份恢复”。")
        return False
    if not messages.confirm(main_window, MOVE_TITLE,
                            "把这台电脑上的整个台账复制到服务器上一个空的数据库（由数据库管理员准备），逐表核对行数，"
                            "然后改用服务器台账。本机的台账文件保持不变。\n\n继续吗？"):
        return False
    dialog = ServerConnectionDialog(context.folder, None, main_window)
    if dialog.exec() != QDialog.Accepted or dialog.ledger is None:
        return False
    from desktop_app.store.transfer import copy_ledger  # every model

    target = dialog.ledger
    QGuiApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        counts = copy_ledger(context.ledger, target)
    except (UserError, LedgerError) as exc:
        target.close()
        forget_connection(context.folder)  # the next start stays on this computer's ledger
        messages.refuse(main_window, MOVE_TITLE, exc)
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    if not _logged_in(target, main_window):
        forget_connection(context.folder)
        return False
    _switch(main_window, target)
    messages.info(main_window, MOVE_TITLE, f"已把台账复制到服务器：{len(counts)} 张表，共 {sum(counts.values())} 行，"
                  f"逐表核对无误。现在用的是服务器台账（{target.where}），以后打开程序时会询问密码。")
    return True


def back_to_local(main_window) -> bool:  # noqa: ANN001
    context = main_window.context
    if not context.ledger.on_server:
        messages.info(main_window, "改回本机台账", f"现在用的就是本机的台账：{context.ledger.db_path}")
        return False
    if not messages.confirm(main_window, "改回本机台账",
                            f"不再连接服务器台账，改用这台电脑数据文件夹里的台账（{context.folder}）吗？\n\n"
                            "服务器上的台账不受影响；以后可以再从“文件 → 连接服务器台账”连接。"):
        return False
    try:
        local = open_ledger(context.folder)
        forget_connection(context.folder)
    except (UserError, LedgerError) as exc:
        messages.refuse(main_window, "改回本机台账", exc)
        return False
    _switch(main_window, local)
    return True


def _logged_in(ledger: Ledger, parent) -> bool:  # noqa: ANN001
    """The login (or the secretary's first account) on the server ledger just opened; closed when cancelled."""
    from desktop_app.ui.login_dialog import logged_in  # accounts and every model: only for a server ledger

    if logged_in(ledger, parent):
        return True
    ledger.close()
    return False


def _switch(main_window, ledger: Ledger) -> None:  # noqa: ANN001
    old = main_window.context.ledger
    main_window.context.replace_ledger(ledger)
    QThreadPool.globalInstance().waitForDone()  # screens still reading the old ledger in the background
    old.close()
