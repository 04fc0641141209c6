"""The attendance roster of one meeting, marked from the keyboard.

Select one or more people and press 1 (出席), 2 (请假) or 3 (缺席) — or C, J, Q, the first
letters of 出、假、缺 — and the selection moves on to the next person, so a paper sign-in sheet
is entered top to bottom without the mouse. A 请假 reason is typed in its column (F2 or
double-click); marking 请假 opens that cell for typing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.domain.meetings import AttendanceStatus, tally
from desktop_app.services.meetings.commands import AttendanceEntry
from desktop_app.ui.widgets.record_table import HIGHLIGHT, HIGHLIGHT_BACKGROUND

_Index = QModelIndex | QPersistentModelIndex
STATUS_KEYS = {
    Qt.Key_1: AttendanceStatus.PRESENT, Qt.Key_C: AttendanceStatus.PRESENT,
    Qt.Key_2: AttendanceStatus.LEAVE, Qt.Key_J: AttendanceStatus.LEAVE,
    Qt.Key_3: AttendanceStatus.ABSENT, Qt.Key_Q: AttendanceStatus.ABSENT,
}
NAME, GROUP, STATUS, REASON = range(4)
HEADERS = ("姓名", "党小组", "出席情况", "请假事由")


@dataclass(frozen=True)
class RosterLine:
    member_id: int
    name: str
    party_group: str
    status: str = AttendanceStatus.PRESENT.value
    reason: str = ""


class AttendanceModel(QAbstractTableModel):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._lines: list[RosterLine] = []

    def set_lines(self, lines: list[RosterLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()
        self.changed.emit()

    def lines(self) -> list[RosterLine]:
        return list(self._lines)

    def member_ids(self) -> list[int]:
        return [line.member_id for line in self._lines]

    def add(self, line: RosterLine) -> None:
        if line.member_id in self.member_ids():
            return
        self.beginInsertRows(QModelIndex(), len(self._lines), len(self._lines))
        self._lines.append(line)
        self.endInsertRows()
        self.changed.emit()

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()
        self.changed.emit()

    def set_status(self, rows: list[int], status: AttendanceStatus) -> None:
        for row in rows:
            line = self._lines[row]
            reason = line.reason if status is AttendanceStatus.LEAVE else ""
            self._lines[row] = replace(line, status=status.value, reason=reason)
            self.dataChanged.emit(self.index(row, 0), self.index(row, REASON))
        self.changed.emit()

    def entries(self) -> list[AttendanceEntry]:
        return [AttendanceEntry(line.member_id, line.status, line.reason or None) for line in self._lines]

    def summary(self) -> str:
        counts = tally(line.status for line in self._lines)
        return (f"应到 {counts.expected} 人，实到 {counts.present} 人，请假 {counts.leave} 人，"
                f"缺席 {counts.absent} 人")

    # --- Qt ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return (line.name, line.party_group, AttendanceStatus.label_of(line.status), line.reason)[index.column()]
        if line.status == AttendanceStatus.ABSENT.value:
            if role == Qt.ForegroundRole:
                return HIGHLIGHT
            if role == Qt.BackgroundRole:
                return HIGHLIGHT_BACKGROUND
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == REASON and self._lines[index.row()].status == AttendanceStatus.LEAVE.value:
            flags |= Qt.ItemIsEditable
        return flags

    def setData(self, index: _Index, value, role: int = Qt.EditRole) -> bool:
        if role != Qt.EditRole or index.column() != REASON:
            return False
        self._lines[index.row()] = replace(self._lines[index.row()], reason=str(value or "").strip())
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True


class AttendanceView(QTableView):
    """The roster table: number keys (or C/J/Q) mark the selected people and move on."""

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the next field
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in ((NAME, 80), (GROUP, 100), (STATUS, 70)):
            self.setColumnWidth(column, width)
        self.setToolTip("选中人员后按 1 出席、2 请假、3 缺席（或 C、J、Q）；请假事由按 F2 或双击填写")

    def keyPressEvent(self, event) -> None:  # noqa: N802
        status = STATUS_KEYS.get(event.key())
        if status is None or event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            super().keyPressEvent(event)
            return
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        if not rows:
            return
        model: AttendanceModel = self.model()
        model.set_status(rows, status)
        if status is AttendanceStatus.LEAVE and len(rows) == 1:
            target = model.index(rows[0], REASON)
            self.setCurrentIndex(target)
            self.edit(target)
            return
        following = rows[-1] + 1
        if following < model.rowCount():
            self.selectRow(following)
