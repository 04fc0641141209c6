"""The short "coming" state for a tab whose feature has not landed yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingSoon(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        label = QLabel(f"“{title}”功能即将推出。\n现有的数据不受影响。", self)
        label.setAlignment(Qt.AlignCenter)
        label.setStyleSheet("color: #666; font-size: 16px;")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
