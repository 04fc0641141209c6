"""Bulk start of a school year: draft pledges for every member who has none of that kind."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.pledges import PledgeKind
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services import pledges as svc
from desktop_app.services.pledges import YearStart
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.pledges.common import nearby_school_years, ok_cancel
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.refusals import run_service

DEFAULT_STATUSES = (PoliticalStatus.FULL_MEMBER, PoliticalStatus.PROBATIONARY)


class StartYearDialog(FormDialog):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None, school_year: str = ""):
        super().__init__(parent)
        self._ledger = ledger
        self.result_counts: YearStart | None = None
        self.setWindowTitle("开始新学年的承诺")
        self.setMinimumWidth(580)
        self.school_year = QComboBox(self)
        self.school_year.setEditable(True)
        self.school_year.addItems(nearby_school_years(school_year))
        if school_year:
            self.school_year.setCurrentText(school_year)
        self.kind = EnumCombo(PledgeKind, self)
        self.kind.removeItem(self.kind.findData(PledgeKind.BRANCH.value))  # members' pledges only
        self.statuses: dict[str, QCheckBox] = {}
        statuses_row = QHBoxLayout()
        for status in PoliticalStatus:
            box = QCheckBox(status.label, self)
            box.setChecked(status in DEFAULT_STATUSES)
            self.statuses[status.value] = box
            statuses_row.addWidget(box)
        statuses_row.addStretch(1)
        self.copy_previous = QCheckBox("沿用上一学年的对标和承诺内容（各人可再修改）", self)
        self.copy_previous.setChecked(True)
        note = QLabel("为所选政治面貌的在册人员各创建一份草拟承诺；已有同类承诺的人不会重复创建。", self)
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow("学年", self.school_year)
        form.addRow("承诺类型", self.kind)
        form.addRow("政治面貌", statuses_row)
        form.addRow("", self.copy_previous)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "创建草拟承诺"))

    def accept(self) -> None:
        statuses = tuple(code for code, box in self.statuses.items() if box.isChecked())
        year = self.school_year.currentText().strip()

        def start():
            self.result_counts = svc.start_year(self._ledger, year, kind=self.kind.currentData(),
                                                copy_previous=self.copy_previous.isChecked(), statuses=statuses)

        if not run_service(self, self.windowTitle(), start):
            return
        counts = self.result_counts
        text = f"已为 {counts.created} 人创建{self.kind.currentText()}草稿"
        if counts.copied:
            text += f"，其中 {counts.copied} 份沿用了上一学年的内容"
        if counts.already:
            text += f"；{counts.already} 人已有承诺，未重复创建"
        messages.info(self, self.windowTitle(), text + "。")
        super().accept()
