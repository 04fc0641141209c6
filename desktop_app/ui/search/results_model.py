"""The search window's results: one row per kind, its hits below.

A model of its own rather than a QStandardItemModel: a one-character query fills hundreds of
rows, and making three items (with tooltips) for each took longer than the query itself. Here a
row's text is made only when the view shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop_app.services.search import SearchGroup, SearchHit

HIT_ROLE = Qt.UserRole + 1
COLUMNS = ("记录", "匹配内容", "日期")
_GROUP = 0  # internal id of a group row; a hit row's is its group's number + 1
# The view asks data() for a dozen roles per cell: compare plain ints, not Qt's Python enums.
_DISPLAY, _TOOLTIP, _FONT, _HIT = (int(r) for r in (Qt.DisplayRole.value, Qt.ToolTipRole.value,
                                                   Qt.FontRole.value, HIT_ROLE))
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _FONT, _HIT))
_GROUP_FLAGS, _HIT_FLAGS = Qt.ItemIsEnabled, Qt.ItemIsEnabled | Qt.ItemIsSelectable


class SearchResultsModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[SearchGroup] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_groups(self, groups: list[SearchGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        return [hit for group in self._groups for hit in group.hits]

    # --- QAbstractItemModel -------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:  # noqa: D102
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].hits)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == _GROUP else _HIT_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        group = index.internalId()
        if group == _GROUP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        hit = self._groups[group - 1].hits[index.row()]
        if role == _HIT:
            return hit
        if role == _DISPLAY or (role == _TOOLTIP and index.column() < 2):
            return _hit_text(hit, index.column())
        return None

    def _group_data(self, group: SearchGroup, column: int, role: int):
        if column != 0:
            return None
        if role == _DISPLAY:
            shown = f"，显示最新 {len(group.hits)} 条" if group.total > len(group.hits) else ""
            return f"{group.kind.label}（共 {group.total_text} 条{shown}）"
        return self._bold if role == _FONT else None


def _hit_text(hit: SearchHit, column: int) -> str:
    if column == 0:
        return hit.title
    if column == 1:
        return hit.matched
    return hit.when.isoformat() if hit.when else ""
