"""文件 → 检查台账 and 帮助 → 载入示例学校: the window's side of `check` and `demo`.

`load_demo(main_window)` is a plain function so the first-run guide can offer it too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop_app.services.checks import check_ledger_file
from desktop_app.services.demo import fill_empty_ledger
from desktop_app.services.roster import has_people
from desktop_app.services.errors import UserError
from desktop_app.ui import messages


def check_ledger(main_window) -> bool:  # noqa: ANN001 - MainWindow, kept import-free
    """Check the open ledger file (read-only) and say what was found; True when it is whole."""
    if main_window.context.ledger.on_server:
        messages.info(main_window, "检查台账", "检查台账用于这台电脑上的台账文件。服务器上的台账由 PostgreSQL 自身保证完整，"
                      "由数据库管理员检查。")
        return False
    try:
        result = check_ledger_file(main_window.context.ledger.db_path)
    except UserError as exc:
        messages.error(main_window, "检查台账", str(exc))
        return False
    if result.ok:
        messages.info(main_window, "检查台账", f"台账文件完好，没有发现问题。\n{result.summary()}")
    else:
        messages.warn(main_window, "检查台账",
                      f"{result.summary()}\n\n请用“文件 → 从备份恢复”换回一份完好的备份。")
    return result.ok


def load_demo(main_window) -> bool:  # noqa: ANN001
    """Fill an empty ledger with the sample school after asking; True when it was filled."""
    context = main_window.context
    if has_people(context.ledger):
        messages.warn(main_window, "载入示例学校",
                      "台账中已有人员信息，示例学校只能载入空台账，以免和真实数据混在一起。")
        return False
    if not messages.confirm(main_window, "载入示例学校",
                            "在这个空台账中填入一所示例学校（党员、班级学生、承诺、听课家访、整改、考核），"
                            "便于熟悉程序吗？\n\n以后要录入真实数据，请另用一个新的数据文件夹。"):
        return False
    QGuiApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        added = fill_empty_ledger(context.ledger)
    except UserError as exc:
        context.replace_ledger(context.ledger)  # every screen reloads the (restored, empty) file
        messages.error(main_window, "载入示例学校", str(exc))
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    messages.info(main_window, "载入示例学校", f"已填入示例学校（{len(added)} 类数据）。")
    return True
