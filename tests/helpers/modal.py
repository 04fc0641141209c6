"""Driving a modal dialog that a tab opens with exec() (which blocks the test until it closes)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_dialog_opens(action, tries: int = 300) -> None:
    """Run `action(dialog)` on the modal dialog as soon as one is shown (polling every 10 ms)."""
    def run(left=tries):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            assert left > 0, "no dialog opened"
            QTimer.singleShot(10, lambda: run(left - 1))
            return
        try:
            action(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()  # never leave a modal loop running
    QTimer.singleShot(0, run)
