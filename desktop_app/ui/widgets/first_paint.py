"""Work that waits until a widget is on the screen: what the first screen does not show.

A zero-delay timer is not enough: Qt may run it before the paint, and a worker started then
competes with the painting for the interpreter (on a busy two-core laptop, visibly).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 2000  # a window that is not painted (minimised at start) gets its follow-ups anyway


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self, self._run)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001
        if event.type() == QEvent.Paint and self._then is not None:
            QTimer.singleShot(0, self, self._run)  # once this paint is on the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.parent().removeEventFilter(self)
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call `then()` once, right after `widget` was first painted."""
    _FirstPaint(widget, then)
