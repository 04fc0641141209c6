"""The semester sheet as an editable table model: one row per member, one column per indicator.

Entered cells are edited in place (setData calls the service); computed cells are read-only
and carry their explanation as tooltip; once the semester is approved nothing is editable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.collation import name_key
from desktop_app.domain.evaluation import fmt, score_text
from desktop_app.domain.numbers import NumberError, parse_number
from desktop_app.services.evaluations.queries import SemesterSheet, SheetRow
from desktop_app.ui import messages

SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex

COMPUTED_BACKGROUND = QBrush(QColor("#eef3f8"))
MISSING_BACKGROUND = QBrush(QColor("#fff8e1"))
LOCKED_FOREGROUND = QBrush(QColor("#555555"))
STAR_FOREGROUND = QBrush(QColor("#b71c1c"))
INCOMPLETE_FOREGROUND = QBrush(QColor("#9e9e9e"))  # a total with indicators still to enter

# Editing reports back: (member id, indicator key, value or None) → error text or None.
EditHandler = Callable[[int, str, float | None], str | None]


class SemesterSheetModel(QAbstractTableModel):
    LEADING = ("姓名", "政治面貌")
    TRAILING = ("加分", "减分", "总分", "星级")

    def __init__(self, on_edit: EditHandler, parent=None):
        super().__init__(parent)
        self._on_edit = on_edit
        self.sheet: SemesterSheet | None = None
        self._rows: list[SheetRow] = []
        self.last_error: str | None = None

    # --- content ---------------------------------------------------------
    def set_sheet(self, sheet: SemesterSheet) -> None:
        """Show a sheet; the same members in the same scheme are updated in place (selection stays)."""
        same_shape = (
            self.sheet is not None and self.sheet.scheme == sheet.scheme
            and [r.member_id for r in self._rows] == [r.member_id for r in sheet.rows]
        )
        if same_shape:
            self.sheet, self._rows = sheet, list(sheet.rows)
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self.sheet, self._rows = sheet, list(sheet.rows)
        self.endResetModel()

    def row_at(self, row: int) -> SheetRow:
        return self._rows[row]

    def rows(self) -> list[SheetRow]:
        return list(self._rows)

    @property
    def indicators(self):
        return self.sheet.scheme.indicators if self.sheet else ()

    def indicator_column(self, key: str) -> int:
        for n, ind in enumerate(self.indicators):
            if ind.key == key:
                return len(self.LEADING) + n
        raise KeyError(key)

    def column_of(self, header: str) -> int:
        for column in range(self.columnCount()):
            if str(self.headerData(column, Qt.Horizontal)).split("\n")[0] == header:
                return column
        raise KeyError(header)

    def _kind(self, column: int) -> tuple[str, Any]:
        lead, inds = len(self.LEADING), len(self.indicators)
        if column < lead:
            return "lead", column
        if column < lead + inds:
            return "indicator", column - lead
        return "trail", column - lead - inds

    # --- Qt model API ------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.LEADING) + len(self.indicators) + len(self.TRAILING)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Horizontal:
            return None
        kind, n = self._kind(section)
        if kind == "indicator":
            ind = self.indicators[n]
            if role == Qt.DisplayRole:
                return f"{ind.name}\n({fmt(ind.max_points)})"
            if role == Qt.ToolTipRole:
                how = "由记录计算" if ind.computed else "手工录入，双击单元格填写"
                return f"{ind.name}：满分 {fmt(ind.max_points)} 分，{how}"
            return None
        if role == Qt.DisplayRole:
            return self.LEADING[n] if kind == "lead" else self.TRAILING[n]
        if role == Qt.ToolTipRole and kind == "trail" and n < 2 and self.sheet:
            cap = self.sheet.scheme.bonus_cap if n == 0 else self.sheet.scheme.deduction_cap
            return f"双击填写{self.TRAILING[n]}项目和事由（合计最多 {fmt(cap)} 分）"
        return None

    def _editable(self, index: _Index) -> bool:
        if self.sheet is None or self.sheet.lock is not None:
            return False
        kind, n = self._kind(index.column())
        if kind != "indicator":
            return False
        return not self._rows[index.row()].scores[n].computed

    def flags(self, index: _Index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsEditable if self._editable(index) else base

    def data(self, index: _Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        kind, n = self._kind(index.column())
        if role == ROW_ROLE:
            return row
        if kind == "lead":
            value = row.member_name if n == 0 else row.status_label
            if role == SORT_ROLE:
                return name_key(value)
            return value if role == Qt.DisplayRole else None
        if kind == "indicator":
            return self._indicator_data(row, n, role)
        return self._trailing_data(row, n, role)

    def _indicator_data(self, row: SheetRow, n: int, role: int) -> Any:
        score = row.scores[n]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return fmt(score.points) if score.applicable else "不计"
        if role == SORT_ROLE:
            return score.points if score.points is not None else -1.0
        if role == Qt.ToolTipRole:
            return score.explanation or None
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole:
            if score.computed:
                return COMPUTED_BACKGROUND
            if score.points is None and not row.locked:
                return MISSING_BACKGROUND
        if role == Qt.ForegroundRole and row.locked:
            return LOCKED_FOREGROUND
        return None

    def _trailing_data(self, row: SheetRow, n: int, role: int) -> Any:
        result = row.result
        values = (
            sum(a.points for a in row.bonuses), sum(a.points for a in row.deductions), result.total, None,
        )
        if n == 3:
            if role in (Qt.DisplayRole, SORT_ROLE):
                return row.star_label
            if role == Qt.ForegroundRole:
                return STAR_FOREGROUND
            return None
        if role == Qt.DisplayRole:
            if n < 2 and not values[n]:
                return ""
            return score_text(values[n]) if n == 2 else fmt(values[n])
        if role == SORT_ROLE:
            return float(values[n])
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and n == 2 and not result.complete:
            return INCOMPLETE_FOREGROUND
        if role == Qt.ToolTipRole:
            if n == 0 and row.bonuses:
                return f"{row.bonus_reasons}（计入 {fmt(result.bonus)} 分）"
            if n == 1 and row.deductions:
                return f"{row.deduction_reasons}（计入 {fmt(result.deduction)} 分）"
            if n == 2:
                text = f"指标合计 {fmt(result.base)} + 加分 {fmt(result.bonus)} − 减分 {fmt(result.deduction)}"
                return text if result.complete else text + "；尚有指标未录入"
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole or not self._editable(index):
            return False
        row = self._rows[index.row()]
        _kind, n = self._kind(index.column())
        text = str(value).strip()
        if text == fmt(row.scores[n].points):
            return False
        try:  # the range is the service's rule (check_entered); here only "is it a number"
            number = parse_number(text, None, None, self.indicators[n].name)
        except NumberError as exc:
            self.last_error = str(exc)
            self._report(self.last_error)
            return False
        self.last_error = self._on_edit(row.member_id, self.indicators[n].key, number)
        if self.last_error:
            self._report(self.last_error)
            return False
        return True

    def _report(self, text: str) -> None:
        parent = self.parent()
        messages.error(parent if parent is not None and parent.isWidgetType() else None, "不能保存", text)
