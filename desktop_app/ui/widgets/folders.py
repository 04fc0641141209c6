"""Where files go by default, and showing her the folder a file was written to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def open_folder_of(path: Path) -> bool:
    """打开所在文件夹: the system file manager on the folder holding `path`."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
