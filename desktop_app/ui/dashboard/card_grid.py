"""A grid of equally wide cards whose number of columns follows the width it is given.

At her maximised window the 工作台's cards stand four abreast; in a narrow window two, or one,
instead of being cut off on the right. The rows are balanced: eight cards at room for five
columns are laid out 4 + 4, not 5 + 3.
"""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class CardGridLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, least_width: int = 200, spacing: int = 12):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._least_width = least_width
        self.setSpacing(spacing)

    # --- QLayout's item list ------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # --- sizes ----------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def cell_width(self) -> int:
        """The narrowest a card may be: no caption is cut."""
        return max([self._least_width] + [item.minimumSize().width() for item in self._shown()])

    def columns_for(self, width: int) -> int:
        cards = len(self._shown())
        if cards == 0:
            return 1
        fit = max(1, min(cards, (width + self.spacing()) // (self.cell_width() + self.spacing())))
        return ceil(cards / ceil(cards / fit))  # as many rows as needed, then the columns evened out

    def _margins(self) -> QSize:
        left, top, right, bottom = self.getContentsMargins()
        return QSize(left + right, top + bottom)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def minimumSize(self) -> QSize:  # noqa: N802
        # One card; the height the cards take at a given width is heightForWidth's (a minimum of
        # one column's height would hold a wide window as tall as a narrow one).
        tallest = max([item.minimumSize().height() for item in self._shown()], default=0)
        return QSize(self.cell_width(), tallest) + self._margins()

    def sizeHint(self) -> QSize:  # noqa: N802
        shown = self._shown()
        wide = min(len(shown), 4) or 1
        width = wide * self.cell_width() + (wide - 1) * self.spacing() + self._margins().width()
        return QSize(width, self.heightForWidth(width))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the cards in `rect` (when `move`); the height they take."""
        left, top, right, bottom = self.getContentsMargins()
        inner = rect.adjusted(left, top, -right, -bottom)
        shown, gap = self._shown(), self.spacing()
        columns = self.columns_for(inner.width())
        width = max(1, (inner.width() - (columns - 1) * gap) // columns)
        y = inner.y()
        for start in range(0, len(shown), columns):
            row = shown[start:start + columns]
            height = max(_height_at(item, width) for item in row)
            if move:
                for column, item in enumerate(row):
                    item.setGeometry(QRect(QPoint(inner.x() + column * (width + gap), y), QSize(width, height)))
            y += height + gap
        return y - gap - inner.y() + top + bottom if shown else top + bottom


def _height_at(item: QLayoutItem, width: int) -> int:
    height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
    return max(height, item.minimumSize().height())
