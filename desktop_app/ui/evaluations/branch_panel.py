"""五个好: the branch's self-assessment per year, score and notes per criterion, edited in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop_app.domain.branch_criteria import branch_total
from desktop_app.domain.evaluation import fmt, level_for
from desktop_app.domain.numbers import NumberError, parse_number
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations.branch import CriterionRow, branch_assessment, save_criterion
from desktop_app.services.evaluations.queries import is_year_locked
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext

HEADERS = ("标准", "满分", "自评得分", "说明")
SCORE, NOTES = 2, 3


class BranchModel(QAbstractTableModel):
    def __init__(self, save, parent=None):
        super().__init__(parent)
        self._save = save  # (criterion, score, notes) -> error text or None
        self.rows: list[CriterionRow] = []
        self.locked = False
        self.view: QWidget | None = None  # the table showing the model: parent of its messages

    def set_rows(self, rows: list[CriterionRow], locked: bool) -> None:
        """Update in place (the five criteria never change), so an open editor is not torn away."""
        if len(rows) == len(self.rows):
            self.rows, self.locked = rows, locked
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(HEADERS) - 1))
            return
        self.beginResetModel()
        self.rows, self.locked = rows, locked
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() in (SCORE, NOTES) and not self.locked:
            return base | Qt.ItemIsEditable
        return base

    def data(self, index, role=Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            return (row.label, fmt(row.max_points), fmt(row.score), row.notes)[column]
        if role == Qt.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and column == NOTES and row.notes:
            return row.notes
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        row = self.rows[index.row()]
        text = str(value).strip()
        score, notes = row.score, row.notes
        if index.column() == SCORE:
            try:
                score = parse_number(text, None, None, f"{row.label}自评得分")
            except NumberError as exc:
                messages.error(self.view, "不能保存", str(exc))
                return False
        else:
            notes = text
        if (score, notes) == (row.score, row.notes):
            return False
        error = self._save(row.criterion, score, notes)
        if error:
            messages.error(self.view, "不能保存", error)
            return False
        return True


class BranchPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.school_year = ""
        self.model = BranchModel(self._save, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.model.view = self.view
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.view.setColumnWidth(1, 60)
        self.view.setColumnWidth(2, 80)
        self.total = QLabel(self)
        self.total.setStyleSheet("QLabel { font-size: 15px; font-weight: bold; }")
        intro = QLabel("支部“五星级”创建：按领导班子好、干部队伍好、工作机制好、工作业绩好、群众反映好自评，"
                       "每项 20 分，合计百分制。双击“自评得分”或“说明”单元格填写。", self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)

    def set_year(self, school_year: str) -> None:
        self.school_year = school_year
        self.reload()

    def reload(self) -> None:
        if not self.school_year:
            return
        rows = branch_assessment(self.context.ledger, self.school_year)
        locked = is_year_locked(self.context.ledger, self.school_year) is not None
        self.model.set_rows(rows, locked)
        total = branch_total({r.criterion: r.score for r in rows})
        if total is None:
            done = sum(r.score is not None for r in rows)
            self.total.setText(f"已自评 {done}/5 项")
            return
        level = level_for(get_scheme(self.context.ledger, self.school_year).thresholds, total)
        self.total.setText(f"合计 {fmt(total)} 分" + (f"　{level.label}党支部" if level else "") +
                           ("　（已审批锁定）" if locked else ""))

    def _save(self, criterion: str, score: float | None, notes: str) -> str | None:
        try:
            save_criterion(self.context.ledger, self.school_year, criterion, score, notes)
        except UserError as exc:
            return str(exc)
        return None
