"""使用说明: the Chinese guide bundled in resources/help, shown inside the app (F1, 帮助 › 使用说明)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.paths import resources_dir
from desktop_app.ui.widgets.form_dialog import FittedDialog

GUIDE = "guide.html"


def guide_path():
    return resources_dir() / "help" / GUIDE


class HelpWindow(FittedDialog):
    def __init__(self, parent: QWidget | None = None, section: str = ""):
        super().__init__(parent)
        self.setWindowTitle("党建台账 使用说明")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(guide_path().parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        if section:
            self.browser.scrollToAnchor(section)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText("关闭")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 540)


def open_help(main_window, section: str = "") -> HelpWindow:
    """One help window: a second F1 raises the open one."""
    window = getattr(main_window, "help_window", None)
    if window is None or not window.isVisible():
        window = HelpWindow(main_window, section)
        main_window.help_window = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window
