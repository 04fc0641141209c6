"""The filters above a record table: period, person, kind and class (applied in SQL) and search text."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.vocab import LabelledEnum
from desktop_app.store.ledger import Ledger
from desktop_app.ui.records.class_combo import ClassCombo
from desktop_app.ui.records.period_bar import RECORD_UNITS, PeriodBar
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.member_picker import MemberPicker

SEARCH_DELAY_MS = 150  # typing stays smooth: the table filters once the keys pause


class RecordFilterBar(QWidget):
    """`changed()` when a filter that needs a new query moves; `searchChanged(text)` after typing pauses."""

    changed = Signal()
    searchChanged = Signal(str)

    def __init__(self, ledger: Ledger, kinds: type[LabelledEnum], all_kinds: str, parent: QWidget | None = None,
                 *, unit: str = "month", units: tuple[str, ...] = RECORD_UNITS):
        super().__init__(parent)
        self.period_bar = PeriodBar(ledger, self, unit=unit, units=units)
        self.person = MemberPicker(ledger, self, include_left=True, placeholder="全部人员（输入姓名筛选）",
                                  quick_add=False)
        self.kind = EnumCombo(kinds, self, blank=all_kinds)
        self.class_combo = ClassCombo(ledger, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("在结果中查找（姓名、学生、内容…）")
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.searchChanged.emit(self.search.text()))
        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(self.period_bar)
        first.addStretch(1)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.person, 2)
        second.addWidget(self.kind, 1)
        second.addWidget(self.class_combo, 1)
        second.addWidget(self.search, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        self.period_bar.changed.connect(lambda _p: self.changed.emit())
        self.person.memberChanged.connect(lambda _m: self.changed.emit())
        self.kind.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.class_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.search.textChanged.connect(lambda _t: self._timer.start())

    def criteria(self) -> dict:
        return {"period": self.period_bar.period(), "member_id": self.person.member_id(),
                "kind": self.kind.code(), "class_id": self.class_combo.class_id()}

    def reload_choices(self, ledger: Ledger) -> None:
        self.person.set_ledger(ledger)
        self.class_combo.reload(ledger)
        self.period_bar.set_ledger(ledger)

    def set_criteria(self, *, period=None, unit: str | None = None, member_id=None, kind=None, class_id=None,
                     search: str | None = None) -> None:
        """Set several filters at once (dashboard click-through), querying once at the end."""
        self.blockSignals(True)
        try:
            if period is not None:
                self.period_bar.show_date(period.start, unit or self._unit_of(period))
            self.person.set_member_id(member_id)
            self.kind.set_code(kind)
            self.class_combo.set_class_id(class_id)
            if search is not None:
                self.search.setText(search)
        finally:
            self.blockSignals(False)
        self.changed.emit()
        self.searchChanged.emit(self.search.text())

    @staticmethod
    def _unit_of(period) -> str:
        if period.days <= 7:
            return "week"
        return "month" if period.days <= 31 else "semester"
