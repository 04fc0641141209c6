"""Fonts for the window: the bundled CJK fonts so Chinese renders on a machine without any."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app.paths import font_path

log = logging.getLogger(__name__)

UI_FONT_FILE = "wqy-microhei.ttc"
KAI_FONT_FILE = "LXGWWenKai-Regular.ttf"


def install_fonts(app: QApplication) -> None:
    families: list[str] = []
    for filename in (UI_FONT_FILE, KAI_FONT_FILE):
        font_id = QFontDatabase.addApplicationFont(str(font_path(filename)))
        if font_id < 0:
            log.warning("bundled font %s could not be loaded", filename)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    if sys.platform == "win32":
        font = QFont("Microsoft YaHei UI", 9)
    else:
        font = QFont(families[0] if families else app.font().family(), 10)
    font.setFamilies([font.family(), *families])
    app.setFont(font)
