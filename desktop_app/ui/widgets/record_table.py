"""A table model over plain row objects, with column specs, sorting and text search.

Each screen describes its columns once (`Column`) and hands the model a list of rows
(frozen dataclasses from the services). The proxy sorts by each column's sort key and
filters by search text and an optional predicate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.domain.collation import name_key


SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
# data() runs for every cell and role the view paints: comparing a role with one of Qt's Python
# enums costs microseconds each, so the roles are compared as plain ints.
_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _BACKGROUND = (int(role) for role in (
    Qt.DisplayRole, Qt.ToolTipRole, Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.BackgroundRole))
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    highlight: Callable[[Any], bool] | None = None  # e.g. overdue, behind quota
    align_right: bool = False
    width: int | None = None


def display_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "、".join(display_text(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


HIGHLIGHT = QBrush(QColor("#b71c1c"))
HIGHLIGHT_BACKGROUND = QBrush(QColor("#fdecea"))


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        role = int(role)
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return display_text(column.value(row))
        if role == SORT_ROLE:
            return (column.sort_key or column.value)(row)
        if role == ROW_ROLE:
            return row
        if role == _TOOLTIP and column.tooltip:
            return column.tooltip(row)
        if role == _ALIGNMENT and column.align_right:
            return _RIGHT
        if (role == _FOREGROUND or role == _BACKGROUND) and column.highlight and column.highlight(row):
            return HIGHLIGHT if role == _FOREGROUND else HIGHLIGHT_BACKGROUND
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section].header
        return None


def _sortable(value: Any) -> tuple:
    """Blanks sort last; numbers and dates by value; text (names above all) in pinyin order."""
    if value is None or value == "":
        return (1, "")
    if isinstance(value, (list, tuple)):
        return (0, name_key(display_text(value)))
    if isinstance(value, str):
        return (0, name_key(value))
    return (0, value)


class RecordFilterProxy(QSortFilterProxyModel):
    """Search text over every displayed column, plus an optional row predicate."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._needle = ""
        self._predicate: Callable[[Any], bool] | None = None

    # Qt 6.10 deprecated invalidateFilter(); begin/endFilterChange is its replacement.
    def set_search_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        row = model.row_at(source_row)
        if self._predicate and not self._predicate(row):
            return False
        if not self._needle:
            return True
        return any(
            self._needle in display_text(column.value(row)).casefold() for column in model.columns
        )

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = _sortable(left.data(SORT_ROLE)), _sortable(right.data(SORT_ROLE))
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def visible_rows(self) -> list[Any]:
        """The rows as the user sees them: filtered and in the current sort order."""
        return [self.index(r, 0).data(ROW_ROLE) for r in range(self.rowCount())]


def make_table_view(proxy: RecordFilterProxy, parent: QWidget | None = None, *, export_title: str = "") -> QTableView:
    """A sortable, row-selecting table; right-click offers 「导出为Excel…」 of the rows shown."""
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    model = proxy.sourceModel()
    if isinstance(model, RecordTableModel):
        for i, column in enumerate(model.columns):
            if column.width:
                view.setColumnWidth(i, column.width)
    view.sortByColumn(-1, Qt.AscendingOrder)
    from desktop_app.ui.widgets.table_export import add_export_menu  # avoids an import cycle

    add_export_menu(view, export_title or "导出")
    return view


def select_record(view: QTableView, record_id: int) -> bool:
    """Select and scroll to the shown row whose `id` is `record_id`; False when it is not shown."""
    proxy = view.model()
    for r in range(proxy.rowCount()):
        row = proxy.index(r, 0).data(ROW_ROLE)
        if getattr(row, "id", None) == record_id:
            view.selectRow(r)
            view.setCurrentIndex(proxy.index(r, 0))
            view.scrollTo(proxy.index(r, 0))
            return True
    return False


def bring_into_view(view: QTableView, record_id: int, widenings: Sequence[Callable[[], object]]) -> bool:
    """After saving: select the record's row. While the list hides it, take the next widening step
    (move to the period or year that holds it, set a filter that hides it back to 全部, clear the
    search; each step leaves the list alone when it is not what hides the record) and look again.
    False when it is still hidden after every step."""
    if select_record(view, record_id):
        return True
    for widen in widenings:
        widen()
        if select_record(view, record_id):
            return True
    return False


def loaded_row(model: RecordTableModel, record_id: int | None) -> Any | None:
    """The row with `id` among all the model holds, shown or filtered out; None when not loaded."""
    return next((row for row in model.rows() if getattr(row, "id", None) == record_id), None)


def selected_rows(view: QTableView) -> list[Any]:
    return [index.data(ROW_ROLE) for index in view.selectionModel().selectedRows()]


def record_table(columns: Sequence[Column], owner: QWidget, *, view_parent: QWidget | None = None,
                 export_title: str = "", proxy: RecordFilterProxy | None = None,
                 ) -> tuple[RecordTableModel, RecordFilterProxy, QTableView]:
    """Model, filter proxy and view for one record table, wired together."""
    model = RecordTableModel(columns, owner)
    proxy = proxy if proxy is not None else RecordFilterProxy(owner)
    proxy.setSourceModel(model)
    return model, proxy, make_table_view(proxy, view_parent or owner, export_title=export_title)
