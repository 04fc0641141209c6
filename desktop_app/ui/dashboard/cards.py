"""A clickable figure card: a big number, a caption, a detail line; red when something is behind."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

_STYLE = """
QFrame#card {{ background: #ffffff; border: 1px solid #e0d6d6; border-left: 5px solid {accent}; border-radius: 6px; }}
QFrame#card:hover {{ background: #fff7f5; }}
QLabel#figure {{ font-size: 26px; font-weight: bold; color: {accent}; }}
QLabel#caption {{ font-size: 14px; color: #333; }}
QLabel#detail {{ font-size: 12px; color: #666; }}
"""
NORMAL, ALERT = "#8c1c13", "#c62828"
GOOD = "#2e7d32"


class FigureCard(QFrame):
    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setCursor(Qt.PointingHandCursor)
        self.setFocusPolicy(Qt.StrongFocus)
        self.figure = QLabel("…", self)
        self.figure.setObjectName("figure")
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("caption")
        self.detail = QLabel("", self)
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        for label in (self.figure, self.caption, self.detail):
            layout.addWidget(label)
        self.set_state(NORMAL)

    def show_figure(self, figure: str, detail: str = "", *, alert: bool = False, good: bool = False) -> None:
        self.figure.setText(figure)
        self.detail.setText(detail)
        self.set_state(ALERT if alert else GOOD if good else NORMAL)

    def set_state(self, accent: str) -> None:
        self.setStyleSheet(_STYLE.format(accent=accent))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
