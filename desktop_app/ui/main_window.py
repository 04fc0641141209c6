"""The main window: tabs created on first view, menus, remembered geometry."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMainWindow, QStackedLayout, QTabWidget, QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.domain.report_period import REPORT_NAMES
from desktop_app.domain.roles import Role
from desktop_app.services.settings import school_profile
from desktop_app.store.events import Topic
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.tabs import TABS, TabSpec
from desktop_app.ui.widgets.form_dialog import FormScrollArea, close_form_dialogs
from desktop_app.wiring import checked, resolve

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1200, 760)


class _LazyTab(QWidget):
    """Holds a tab's place until it is first shown, then builds the real screen inside."""

    def __init__(self, spec: TabSpec, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        checked(spec.target)
        self.spec = spec
        self._context = context
        self.screen: QWidget | None = None
        self._layout = QStackedLayout(self)

    def ensure_built(self) -> QWidget:
        if self.screen is None:
            self.screen = resolve(self.spec.target)(self._context, self)
            # A screen taller or wider than a small window scrolls instead of being cut off.
            self._layout.addWidget(FormScrollArea(self.screen, self))
        return self.screen


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, settings: QSettings):
        super().__init__()
        self.context = context
        self._settings = settings
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._pages: dict[str, _LazyTab] = {}
        for spec in TABS:
            page = _LazyTab(spec, context, self.tabs)
            self._pages[spec.key] = page
            self.tabs.addTab(page, spec.title)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.search_box = QLineEdit(self.tabs)
        self.search_box.setPlaceholderText("搜索全部记录 Ctrl+K")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(self.search_box.fontMetrics().horizontalAdvance("搜索全部记录 Ctrl+K") + 48)
        self.search_box.returnPressed.connect(self._search_from_box)
        corner = QWidget(self.tabs)
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 2, 6, 2)  # off the window's edge
        corner_layout.addWidget(self.search_box)
        self.tabs.setCornerWidget(corner, Qt.TopRightCorner)
        self.setCentralWidget(self.tabs)
        self._status = QLabel(self)
        self.statusBar().addPermanentWidget(self._status)
        self._build_menus()
        self._refresh_title()
        context.watch({Topic.SETTING}, self._on_changed)
        context.reloaded.connect(self._refresh_title)
        self._restore_geometry()
        self._on_tab_changed(self.tabs.currentIndex())

    # --- tabs -------------------------------------------------------------
    def _on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, _LazyTab):
            page.ensure_built()

    def tab_page(self, key: str) -> QWidget:
        """The screen of a tab (built if needed); tests and click-through use it."""
        return self._pages[key].ensure_built()

    def open_tab(self, key: str, **criteria) -> QWidget:
        """Switch to a tab, optionally showing a filtered view (dashboard click-through)."""
        page = self._pages[key]
        self.tabs.setCurrentWidget(page)
        screen = page.ensure_built()
        if criteria and hasattr(screen, "show_filtered"):
            screen.show_filtered(**criteria)
        return screen

    def _search_from_box(self) -> None:
        from desktop_app.ui.search.dialog import open_search  # not needed for the first paint

        open_search(self, self.search_box.text())

    def open_record(self, hit) -> QWidget:
        """A search result: its tab, showing the record selected."""
        screen = self.open_tab(hit.kind.tab)
        screen.show_record(hit.kind, hit.record_id, hit.when)
        return screen

    # --- menus ------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self._add_action(file_menu, "全局搜索(&K)…", "desktop_app.ui.search.dialog:open_search", "Ctrl+K")
        file_menu.addSeparator()
        self._add_action(file_menu, "导入Excel(&I)…", "desktop_app.ui.importing.dialog:open_import_dialog", "Ctrl+I")
        self._add_action(file_menu, "下载导入模板(&T)…", "desktop_app.ui.importing.dialog:save_template_dialog")
        file_menu.addSeparator()
        self._add_action(file_menu, "导出学年工作总结(&W)…", "desktop_app.ui.documents.year_summary:export_year_summary")
        file_menu.addSeparator()
        self._add_action(file_menu, "备份台账(&B)…", "desktop_app.ui.backup_actions:backup_now")
        self._add_action(file_menu, "从备份恢复(&R)…", "desktop_app.ui.backup_actions:restore_from_file")
        self._add_action(file_menu, "检查台账(&C)", "desktop_app.ui.maintenance_actions:check_ledger")
        file_menu.addSeparator()
        self._add_action(file_menu, "连接服务器台账(&S)…", "desktop_app.ui.server_actions:connect_to_server")
        self._add_action(file_menu, "改回本机台账(&L)", "desktop_app.ui.server_actions:back_to_local")
        self._add_action(file_menu, "迁移到服务器台账(&M)…", "desktop_app.ui.server_actions:move_to_server")
        file_menu.addSeparator()
        quit_action = QAction("退出(&X)", self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        export_menu = self.menuBar().addMenu("导出(&E)")
        for kind, name in REPORT_NAMES.items():
            self._add_action(export_menu, f"{name}…", "desktop_app.ui.exports.report_dialog:open_report_dialog",
                             "Ctrl+E" if kind == "quarter" else None, kind)

        settings_menu = self.menuBar().addMenu("设置(&S)")
        self._add_action(settings_menu, "学校与学期(&P)…", "desktop_app.ui.settings_dialog:open_settings_dialog", "Ctrl+,")
        self._add_action(settings_menu, "用户管理(&U)…", "desktop_app.ui.users_dialog:open_users_dialog")

        help_menu = self.menuBar().addMenu("帮助(&H)")
        self._add_action(help_menu, "使用说明(&G)", "desktop_app.ui.help_window:open_help", "F1")
        self._add_action(help_menu, "首次使用向导(&W)…", "desktop_app.ui.first_run:open_first_run_guide")
        self._add_action(help_menu, "载入示例学校(&D)…", "desktop_app.ui.maintenance_actions:load_demo")
        help_menu.addSeparator()
        about = QAction("关于党建台账(&A)", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _add_action(self, menu, text: str, target: str, shortcut: str | None = None, *args) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        # Imported on first use (the import and backup screens are not needed to start up); the
        # target is kept in the action's data, so a test can resolve every one.
        action.setData(checked(target))
        action.triggered.connect(lambda _checked=False, t=target: resolve(t)(self, *args))
        menu.addAction(action)
        return action

    def _about(self) -> None:
        messages.info(
            self, "关于党建台账",
            f"{APP_NAME} {__version__}\n学校党支部创先争优工作台账。\n{self._where()}",
        )

    # --- state ------------------------------------------------------------
    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        self._refresh_title()

    def _refresh_title(self) -> None:
        profile = school_profile(self.context.ledger)
        where = " · ".join(x for x in (profile.school_name, profile.branch_name) if x)
        self.setWindowTitle(f"{APP_NAME} — {where}" if where else APP_NAME)
        self._status.setText(self._where())

    def _where(self) -> str:
        ledger = self.context.ledger
        if not ledger.on_server:
            return f"数据文件：{ledger.db_path}"
        who = f" · 登录：{ledger.user}（{Role(ledger.role).label}）" if ledger.role else ""
        return f"服务器台账：{ledger.where}{who}"

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(DEFAULT_SIZE)
            room = QGuiApplication.primaryScreen().availableGeometry().size()
            if room.width() < DEFAULT_SIZE.width() or room.height() < DEFAULT_SIZE.height():
                self.setWindowState(Qt.WindowMaximized)  # her 1366×768 laptop at 125 %
        index = self._settings.value("window/tab", 0, type=int)
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not close_form_dialogs():
            event.ignore()
            return
        for page in self._pages.values():
            if page.screen is not None and hasattr(page.screen, "shutdown"):
                page.screen.shutdown()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/tab", self.tabs.currentIndex())
        self._settings.sync()
        super().closeEvent(event)
