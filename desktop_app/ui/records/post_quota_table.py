"""The 各岗位任务 table of 量化要求设置: one row per post, its weekly observations and monthly
phone visits typed in spin boxes that stay open, and the 示范课 rule it follows.

A model (the numbers) and a view with a spin-box delegate, instead of widgets placed in table
cells.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDoubleSpinBox, QHeaderView, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QTableView,
    QWidget,
)

from desktop_app.domain.post_quotas import post_quotas
from desktop_app.domain.quotas import QuotaSettings
from desktop_app.domain.vocab import Post

POSTS = [post.value for post in Post]
PHONE_POSTS = [post for post in POSTS if post != Post.SUPPORT_STAFF.value]  # 教辅后勤: 服务走访 instead
HEADERS = ("岗位", "听课（节/周）", "电话家访（次/月）", "示范课")
POST, OBSERVATIONS, VISITS, DEMO = range(4)
SERVICE_NOTE = "见右：服务走访"
MAXIMUM = 100

_Index = QModelIndex | QPersistentModelIndex


class PostQuotaModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._amounts: dict[int, dict[str, float]] = {
            OBSERVATIONS: dict.fromkeys(POSTS, 0.0), VISITS: dict.fromkeys(PHONE_POSTS, 0.0)}
        self._demo = dict.fromkeys(POSTS, "")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(POSTS)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return HEADERS[section]
        return None

    def editable(self, index: _Index) -> bool:
        return index.column() in self._amounts and POSTS[index.row()] in self._amounts[index.column()]

    def flags(self, index: _Index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled
        return flags | Qt.ItemIsEditable if self.editable(index) else flags

    def data(self, index: _Index, role: int = Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.EditRole):
            return None
        post, column = POSTS[index.row()], index.column()
        if column == POST:
            return Post.label_of(post)
        if column == DEMO:
            return self._demo[post]
        if self.editable(index):
            amount = self._amounts[column][post]
            return amount if role == Qt.EditRole else f"{amount:g}"
        return SERVICE_NOTE

    def setData(self, index: _Index, value, role: int = Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole or not self.editable(index):
            return False
        self._amounts[index.column()][POSTS[index.row()]] = float(value)
        self.dataChanged.emit(index, index, [Qt.DisplayRole, Qt.EditRole])
        return True

    def index_of(self, post: str, column: int) -> QModelIndex:
        return self.index(POSTS.index(post), column)

    # --- as quota settings -------------------------------------------------------------------
    def show_quotas(self, quotas: QuotaSettings) -> None:
        for post in POSTS:
            self.setData(self.index_of(post, OBSERVATIONS), quotas.observations_per_week.get(post, 0))
            if post in PHONE_POSTS:
                self.setData(self.index_of(post, VISITS), post_quotas(quotas, post).visits.amount)

    def show_demo_rules(self, quotas: QuotaSettings) -> None:
        """The 示范课 column as `quotas` (with the amounts typed here) would have it."""
        for post in POSTS:
            self._demo[post] = post_quotas(quotas, post).demo_text
        self.dataChanged.emit(self.index(0, DEMO), self.index(len(POSTS) - 1, DEMO), [Qt.DisplayRole])

    def observations_per_week(self) -> dict[str, float]:
        return dict(self._amounts[OBSERVATIONS])

    def visits_per_month(self) -> dict[str, float]:
        return dict(self._amounts[VISITS])


class SpinDelegate(QStyledItemDelegate):
    """Whole numbers 0–100 in a spin box that writes each change to the model at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802
        spin = QDoubleSpinBox(parent)
        spin.setRange(0, MAXIMUM)
        spin.setDecimals(0)
        spin.valueChanged.connect(lambda _value: self.commitData.emit(spin))
        return spin

    def setEditorData(self, editor: QDoubleSpinBox, index: _Index) -> None:  # noqa: N802
        editor.setValue(float(index.data(Qt.EditRole)))

    def setModelData(self, editor: QDoubleSpinBox, model: PostQuotaModel, index: _Index) -> None:  # noqa: N802
        model.setData(index, editor.value())


def post_quota_view(model: PostQuotaModel, parent: QWidget | None = None) -> QTableView:
    """The table, every amount open in its spin box."""
    view = QTableView(parent)
    view.setModel(model)
    view.setItemDelegate(SpinDelegate(view))
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.setSelectionMode(QAbstractItemView.NoSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(DEMO, QHeaderView.Stretch)
    for row in range(model.rowCount()):
        for column in (OBSERVATIONS, VISITS):
            index = model.index(row, column)
            if model.editable(index):
                view.openPersistentEditor(index)
                # The view selects an opened editor's text, as for typing over it; a spin box that
                # merely stays open should not look chosen (and keeps that selection as values change).
                view.indexWidget(index).findChild(QLineEdit).deselect()
    view.setMinimumWidth(480)
    return view


def spin_of(view: QTableView, post: str, column: int) -> QDoubleSpinBox:
    """The open spin box of one post's amount."""
    return view.indexWidget(view.model().index_of(post, column))
