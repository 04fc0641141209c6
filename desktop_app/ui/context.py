"""What every screen gets: the open ledger and a Qt signal for its changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.store.ledger import Ledger


class AppContext(QObject):
    """`changed(set[str])` fires after any committed change; `reloaded` after a restore."""

    changed = Signal(object)
    reloaded = Signal()

    def __init__(self, ledger: Ledger, parent: QObject | None = None):
        super().__init__(parent)
        self._unsubscribe = None
        self._ledger = ledger
        self._attach()

    @property
    def ledger(self) -> Ledger:
        return self._ledger

    def _attach(self) -> None:
        self._unsubscribe = self._ledger.bus.subscribe(self.changed.emit)

    def replace_ledger(self, ledger: Ledger) -> None:
        """After a restore: every screen reloads from the new file."""
        if self._unsubscribe:
            self._unsubscribe()
        self._ledger = ledger
        self._attach()
        self.reloaded.emit()
