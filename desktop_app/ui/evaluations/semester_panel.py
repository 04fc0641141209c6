"""学期考核: the semester sheet with in-place entry, 加分/减分, approval and unlock."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from desktop_app.domain.calendar import SEMESTER_LABELS
from desktop_app.domain.evaluation import star_counts, star_counts_text
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations import commands
from desktop_app.services.evaluations.queries import semester_sheet
from desktop_app.services.evaluations.sources import FactsCache
from desktop_app.services.edits import expecting
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.evaluations.adjust_dialog import AdjustmentsDialog
from desktop_app.ui.evaluations.lock_dialogs import ApproveDialog, UnlockDialog
from desktop_app.ui.evaluations.sheet_model import ROW_ROLE, SORT_ROLE, SemesterSheetModel

LOCKED_STYLE = "QLabel { background: #fff3e0; color: #8a4b00; padding: 4px; border-radius: 3px; }"
OPEN_STYLE = "QLabel { color: #555; padding: 4px; }"


class SemesterPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.cache = FactsCache()  # the tab shares its own and clears it when records change
        self.school_year = ""
        self.semester_box = QComboBox(self)
        for number, label in SEMESTER_LABELS.items():
            self.semester_box.addItem(label, number)
        self.semester_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.adjust_button = QPushButton("加分/减分…", self)
        self.adjust_button.setToolTip("也可以双击“加分”或“减分”单元格")
        self.adjust_button.clicked.connect(self.edit_adjustments)
        self.approve_button = QPushButton("审批锁定…", self)
        self.approve_button.clicked.connect(self.approve)
        self.unlock_button = QPushButton("解除锁定…", self)
        self.unlock_button.clicked.connect(self.unlock)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.summary = QLabel(self)

        self.model = SemesterSheetModel(self._save_cell, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.view.horizontalHeader().setMinimumHeight(44)
        self.view.doubleClicked.connect(self._on_double_click)

        top = QHBoxLayout()
        top.addWidget(QLabel("学期"))
        top.addWidget(self.semester_box)
        top.addStretch(1)
        for button in (self.adjust_button, self.approve_button, self.unlock_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    @property
    def semester(self) -> int:
        return self.semester_box.currentData()

    def set_year(self, school_year: str) -> None:
        self.school_year = school_year
        self.reload()

    def reload(self) -> None:
        if not self.school_year:
            return
        sheet = semester_sheet(self.context.ledger, self.school_year, self.semester, self.cache)
        self.model.set_sheet(sheet)
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, {0: 90, 1: 110}.get(column, 76))
        locked = sheet.lock is not None
        self.approve_button.setEnabled(not locked)
        self.unlock_button.setEnabled(locked)
        self.adjust_button.setEnabled(not locked)
        if locked:
            self.status.setText(f"【已锁定】{sheet.lock.label}。成绩只读。")
            self.status.setStyleSheet(LOCKED_STYLE)
        else:
            note = f"{sheet.source_note}。" if sheet.source_note else ""
            self.status.setText(f"未审批，随记录自动重新计算。{note}"
                                "双击单元格录入（黄底为尚未录入）；蓝底为由记录计算的指标，悬停查看计算过程。")
            self.status.setStyleSheet(OPEN_STYLE)
        counts = star_counts(row.star_level for row in sheet.rows)
        self.summary.setText(f"共 {len(sheet.rows)} 人　本学期：{star_counts_text(counts)}")

    # --- editing -----------------------------------------------------------
    def _save_cell(self, member_id: int, key: str, value: float | None) -> str | None:
        try:
            commands.set_entered(self.context.ledger, member_id, self.school_year, self.semester, key, value)
        except UserError as exc:
            return str(exc)
        return None

    def _on_double_click(self, index) -> None:
        column = self.proxy.mapToSource(index).column()
        if self.model.headerData(column, Qt.Horizontal) in ("加分", "减分"):
            self.edit_adjustments(index.data(ROW_ROLE))

    def current_row(self):
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def edit_adjustments(self, row=None) -> None:
        row = row or self.current_row()
        if row is None:
            messages.info(self, "加分/减分", "请先在表中选择一位党员。")
            return
        if self.model.sheet.lock is not None:
            messages.error(self, "不能修改", f"{self.model.sheet.lock.label}，不能修改。")
            return
        year, semester = self.school_year, self.semester

        def save(bonuses, deductions):  # over the items the sheet showed, or refused when they changed since
            with expecting(*([row.loaded] if row.loaded else [])):
                commands.set_adjustments(self.context.ledger, row.member_id, year, semester, bonuses, deductions)

        dialog = AdjustmentsDialog(row.member_name, f"{year}学年{SEMESTER_LABELS[semester]}",
                                   self.model.sheet.scheme, row.bonuses, row.deductions, save, self)
        dialog.exec()
        self.reload()  # also after a refusal: another window's items are shown now

    def approve(self) -> None:
        def run(semester, day, meeting):
            commands.approve(self.context.ledger, self.school_year, semester, day, meeting)

        ApproveDialog(self.school_year, self.semester, run, self).exec()

    def unlock(self) -> None:
        lock = self.model.sheet.lock if self.model.sheet else None
        if lock is None:
            return

        def run(reason):
            commands.unlock(self.context.ledger, lock.id, reason)

        UnlockDialog(lock.label, run, self).exec()
