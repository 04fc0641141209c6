"""A page that loads only when seen: a tab builds all its pages at once, most stay hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LazyPage(QWidget):
    """`reload()` loads now if the page is shown, else the next time it is; subclasses write `_load()`."""

    _stale = True

    def reload(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._refresh()

    def _refresh(self) -> None:
        self._stale = False
        self._load()

    def _load(self) -> None:
        raise NotImplementedError
