"""全局搜索: one box that finds every record mentioning a text, grouped by kind.

Results follow the typing (after a short pause); Enter or a double click opens the record in its
tab with the row selected. The window stays open beside the main window for the next result.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget,
)

from desktop_app.services.search import SearchHit, search
from desktop_app.services.search.query import PER_KIND
from desktop_app.ui.search.results_model import HIT_ROLE, SearchResultsModel
from desktop_app.ui.widgets.form_dialog import FittedDialog

PAUSE_MS = 150


class SearchDialog(FittedDialog):
    """`open_requested(hit)` asks the main window to show the record."""

    open_requested = Signal(object)

    def __init__(self, ledger_source, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger_source = ledger_source  # a callable: the ledger may be replaced by a restore
        self.setWindowTitle("全局搜索")
        self.setWindowFlag(Qt.WindowContextHelpButtonHint, False)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText("输入姓名、班级或记录里的文字：人员、学生、承诺、听课、家访、意见建议、整改…")
        self.query.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.results = QTreeView(self)
        self.results.setModel(self.model)
        self.results.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.results.setUniformRowHeights(True)
        self.results.setAlternatingRowColors(True)
        header = self.results.header()
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Fixed)  # a date: measuring every row would cost each keystroke
        self.results.setColumnWidth(2, self.fontMetrics().horizontalAdvance("2026-12-31") + 24)
        header.setStretchLastSection(False)
        self.results.setColumnWidth(0, 300)
        self.status = QLabel("至少输入 1 个字。姓名 1 个字即可查到；记录内容请输入 3 个字以上。", self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._open_first_or_current)
        self.results.activated.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key_Down), self.query, self._focus_results)
        self.resize(860, 520)

    def set_query(self, text: str) -> None:
        self.query.setText(text)
        self.run()

    def run(self) -> None:
        self._timer.stop()
        text = self.query.text()
        groups = search(self._ledger_source(), text)
        self.model.set_groups(groups)
        self.results.expandAll()
        if not text.strip():
            self.status.setText("至少输入 1 个字。姓名 1 个字即可查到；记录内容请输入 3 个字以上。")
        elif not groups:
            hint = "；记录内容请输入 3 个字以上" if len(text.strip()) < 3 else ""
            self.status.setText(f"没有找到含“{text.strip()}”的记录{hint}。")
        else:
            total = sum(g.total for g in groups)
            more = "+" if any(g.capped for g in groups) else ""
            self.status.setText(f"找到 {total}{more} 条记录（每类最多列出 {PER_KIND} 条最新的）。按回车或双击打开。")

    def hits_shown(self) -> list[SearchHit]:
        return self.model.hits()

    def _focus_results(self) -> None:
        first = self._first_hit_index()
        if first.isValid():
            self.results.setFocus()
            self.results.setCurrentIndex(first)

    def _first_hit_index(self) -> QModelIndex:
        if self.model.rowCount() == 0:
            return QModelIndex()
        return self.model.index(0, 0, self.model.index(0, 0))

    def _open_first_or_current(self) -> None:
        if self._timer.isActive():
            self.run()
        current = self.results.currentIndex()
        self._open_index(current if current.isValid() and current.parent().isValid() else self._first_hit_index())

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = index.sibling(index.row(), 0).data(HIT_ROLE)
        if hit is not None:
            self.open_requested.emit(hit)
            self.hide()  # out of the way of the record it opened; Ctrl+K brings it back as it was


def open_search(window, text: str | None = None) -> SearchDialog:
    """The main window's one search window: created on first use, then raised with the text chosen."""
    dialog = window.findChild(SearchDialog)
    if dialog is None:
        dialog = SearchDialog(lambda: window.context.ledger, window)
        dialog.open_requested.connect(window.open_record)
    if text is not None:
        dialog.set_query(text)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.query.setFocus()
    dialog.query.selectAll()
    return dialog
