"""Starting the window: Qt in Chinese, bundled fonts, the ledger opened safely."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID, APP_NAME
from desktop_app.logging_setup import setup_logging
from desktop_app.paths import ensure_private_dir, keep_files_private, resolve_data_dir, resources_dir
from desktop_app.services.files import clear_data_folder_leftovers
from desktop_app.store.ledger import Ledger
from desktop_app.store.schema import LedgerError
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.error_handler import install_error_handler
from desktop_app.ui.fonts import install_fonts
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.server_actions import open_server_at_start
from desktop_app.ui.single_instance import InstanceGuard
from desktop_app.ui.startup_checks import check_after_paint
from desktop_app.ui.startup_recovery import recover
from desktop_app.ui.startup_upgrade import open_ledger_at_start
from desktop_app.ui.widgets.background import BackgroundTask
from desktop_app.ui.widgets.first_paint import after_first_paint

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_ID)
    # No application display name: Qt would append it to every title ("党建台账 — 学校 · 支部 — 党建台账").
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    install_translations(app)
    install_fonts(app)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))
    return app


def install_translations(app: QApplication) -> None:
    """Qt's own buttons and dialogs (确定/取消/保存) in Chinese."""
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            app.setProperty(f"translator_{name}", translator)  # keep it alive
            return
    log.warning("Qt Chinese translations not found")


def window_settings(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / "window.ini"), QSettings.IniFormat)


def build_main_window(ledger: Ledger, folder: Path | None = None) -> MainWindow:
    """`folder`: this computer's data folder when `ledger` is on a server."""
    context = AppContext(ledger, folder=folder)
    window = MainWindow(context, window_settings(context.folder))
    context.setParent(window)
    return window


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="branch-ledger", description=APP_NAME)
    parser.add_argument("--data-dir", help="数据文件夹（默认为当前用户的应用数据文件夹）")
    parser.add_argument("--quit-after", type=int, default=0, help=argparse.SUPPRESS)  # smoke tests
    args, _qt_args = parser.parse_known_args(argv)
    return args


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    keep_files_private()
    setup_logging(data_dir)
    app = make_application([sys.argv[0], *argv])
    install_error_handler()
    guard = InstanceGuard(ensure_private_dir(data_dir))
    if not guard.claim():
        return _second_launch(guard)
    try:
        return _run_window(app, args, data_dir, guard)
    finally:
        guard.release()


def _second_launch(guard: InstanceGuard) -> int:
    """The folder is held: bring its window to the front and exit; say so if no window answers."""
    if guard.ask_running_to_raise():
        log.info("second launch: the running window was raised")
        return 0
    messages.error(None, "台账正在使用", f"另一个党建台账程序（进程 {guard.holder()}）正在使用这个数据文件夹，"
                   f"例如正在从命令行恢复备份。请等它完成后再打开。\n数据文件夹：{guard.data_dir}")
    return 1


def _run_window(app: QApplication, args: argparse.Namespace, data_dir: Path, guard: InstanceGuard) -> int:
    ledger = open_server_at_start(data_dir)  # None: no server set, or she chose the local ledger
    try:
        ledger = ledger or open_ledger_at_start(data_dir)
    except LedgerError as exc:
        ledger = recover(data_dir, exc)
        if ledger is None:
            return 2
    clear_data_folder_leftovers(data_dir)  # temp files of a crash; this window now owns the folder
    window = build_main_window(ledger, data_dir)
    window.show()
    checks: list[BackgroundTask] = []
    after_first_paint(window, lambda: checks.append(_follow_first_paint(window, ledger, guard)))
    if args.quit_after:
        QTimer.singleShot(args.quit_after, window.close)
    code = app.exec()
    for task in checks:
        task.wait()
    window.context.ledger.close()  # the one recovery may have put in place of the damaged file
    return code


def _follow_first_paint(window: MainWindow, ledger: Ledger, guard: InstanceGuard) -> BackgroundTask:
    """What the first screen does not need: answering later launches, the quick_check and the
    start-up copy (SQLite's backup API copies consistently while she writes), the first-run guide."""
    guard.serve(window)
    checks = check_after_paint(window, ledger)
    QTimer.singleShot(0, lambda: _first_run_or_warnings(window, ledger))  # once the 工作台 has begun counting
    return checks


def _first_run_or_warnings(window: MainWindow, ledger: Ledger) -> None:
    from desktop_app.ui.first_run import ledger_is_new, open_first_run_guide

    if ledger_is_new(ledger):
        QTimer.singleShot(0, lambda: open_first_run_guide(window))
    if ledger.warnings:  # e.g. the folder is read-only
        QTimer.singleShot(0, lambda: messages.warn(window, "提示", "\n\n".join(ledger.warnings)))


if __name__ == "__main__":
    sys.exit(main())
