"""量化要求设置: the school's observation and visit quotas, coverage goals and holiday periods."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.domain.calendar import Period
from desktop_app.domain.quotas import QuotaSettings, Rate, Unit
from desktop_app.services.records.quota_settings import load_holidays, load_quotas, save_quota_settings
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.records.post_quota_table import DEMO, PostQuotaModel, post_quota_view
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.refusals import run_service


def _spin(maximum: float = 100, *, decimals: int = 0, suffix: str = "") -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, maximum)
    spin.setDecimals(decimals)
    spin.setSingleStep(1 if decimals == 0 else 0.5)
    spin.setSuffix(suffix)
    return spin


class QuotaSettingsDialog(FormDialog):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("量化要求设置")
        self.setMinimumWidth(800)
        self._ledger = ledger
        self.post_quotas = PostQuotaModel(self)
        self.cultivation_week = _spin(10, decimals=1, suffix=" 节/周")
        self.cultivation_semester = _spin(200, suffix=" 节/学期")
        self.demo_amount = _spin(10, suffix=" 节")
        self.demo_unit = QComboBox()
        self.demo_unit.addItem("每月", Unit.MONTH.value)
        self.demo_unit.addItem("每学期", Unit.SEMESTER.value)
        self.demo_unit.currentIndexChanged.connect(self._show_demo_notes)
        self.demo_amount.valueChanged.connect(self._show_demo_notes)
        self.service_week = _spin(20, suffix=" 次/周")
        self.phone_share = _spin(100, decimals=1, suffix=" %")
        self.home_share = _spin(100, decimals=1, suffix=" %")
        self.interview_share = _spin(100, decimals=1, suffix=" %")
        self.teacher_share = _spin(100, decimals=1, suffix=" %")

        observations = QGroupBox("各岗位任务（兼任多个岗位的，每项取最高）")
        self.post_table = post_quota_view(self.post_quotas)
        self.post_quotas.dataChanged.connect(self._amount_changed)
        QVBoxLayout(observations).addWidget(self.post_table)
        cultivation = QGroupBox("培养对象与示范课")
        cult_form = QFormLayout(cultivation)
        cult_form.addRow("培养对象每周听课", self.cultivation_week)
        cult_form.addRow("培养对象每学期不少于", self.cultivation_semester)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_unit)
        demo_row.addWidget(self.demo_amount)
        cult_form.addRow("党员教师示范课", demo_row)
        visits = QGroupBox("家访与访谈")
        visit_form = QFormLayout(visits)
        visit_form.addRow("教辅后勤每周服务走访", self.service_week)
        visit_form.addRow("每学期电话家访覆盖学生", self.phone_share)
        visit_form.addRow("班主任每学期入户家访", self.home_share)
        visit_form.addRow("教师一对一访谈学生", self.interview_share)
        visit_form.addRow("干部一对一访谈教师", self.teacher_share)

        holidays = QGroupBox("假期（其中的工作日不算教学日）")
        self.holiday_list = QListWidget()
        self.holiday_start = OptionalDateEdit(placeholder="开始日期")
        self.holiday_end = OptionalDateEdit(placeholder="结束日期")
        self.holiday_label = QLineEdit()
        self.holiday_label.setPlaceholderText("名称，如 国庆节")
        add_holiday = QPushButton("添加")
        remove_holiday = QPushButton("删除所选")
        dates_row = QHBoxLayout()
        dates_row.addWidget(QLabel("从"))
        dates_row.addWidget(self.holiday_start, 1)
        dates_row.addWidget(QLabel("到"))
        dates_row.addWidget(self.holiday_end, 1)
        name_row = QHBoxLayout()
        name_row.addWidget(self.holiday_label, 1)
        name_row.addWidget(add_holiday)
        name_row.addWidget(remove_holiday)
        hol_layout = QVBoxLayout(holidays)
        hol_layout.addWidget(self.holiday_list)
        hol_layout.addLayout(dates_row)
        hol_layout.addLayout(name_row)
        add_holiday.clicked.connect(self._add_holiday)
        remove_holiday.clicked.connect(lambda: [self.holiday_list.takeItem(self.holiday_list.row(i))
                                                for i in self.holiday_list.selectedItems()])

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel | QDialogButtonBox.RestoreDefaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.RestoreDefaults).clicked.connect(lambda: self.show_quotas(QuotaSettings()))
        left = QVBoxLayout()
        left.addWidget(observations)
        right = QVBoxLayout()
        right.addWidget(cultivation)
        right.addWidget(visits)
        right.addWidget(holidays, 1)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        note = QLabel("教学日：学期内、假期外的周一至周五。每周要求按五个教学日折算，跨月的周、"
                      "假期和中途到岗或离开的人员只计在岗的教学日；每月要求按当月教学日折算。"
                      "请假的日子不计任务；示范课从入党日期起计。有任教学科的干部，家访至少按任课教师。")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.show_quotas(load_quotas(ledger))
        for holiday in load_holidays(ledger):
            self._list_holiday(holiday)

    def _amount_changed(self, top_left, _bottom_right, _roles=()) -> None:
        if top_left.column() != DEMO:
            self._show_demo_notes()

    def _show_demo_notes(self) -> None:
        self.post_quotas.show_demo_rules(self.quotas())

    def show_quotas(self, quotas: QuotaSettings) -> None:
        self.post_quotas.show_quotas(quotas)
        self.cultivation_week.setValue(quotas.cultivation_per_week)
        self.cultivation_semester.setValue(quotas.cultivation_per_semester)
        self.demo_amount.setValue(quotas.demo_lessons.amount)
        self.demo_unit.setCurrentIndex(self.demo_unit.findData(quotas.demo_lessons.unit.value))
        self.service_week.setValue(quotas.service_visits_per_week)
        self.phone_share.setValue(quotas.phone_coverage_share * 100)
        self.home_share.setValue(quotas.home_visit_share * 100)
        self.interview_share.setValue(quotas.student_interview_share * 100)
        self.teacher_share.setValue(quotas.teacher_interview_share * 100)
        self._show_demo_notes()

    def quotas(self) -> QuotaSettings:
        # 33.3 % typed for "a third" means exactly a third
        home = 1 / 3 if abs(self.home_share.value() - 33.3) < 0.05 else self.home_share.value() / 100
        return QuotaSettings(
            observations_per_week=self.post_quotas.observations_per_week(),
            cultivation_per_week=self.cultivation_week.value(),
            cultivation_per_semester=self.cultivation_semester.value(),
            demo_lessons=Rate(self.demo_amount.value(), Unit(self.demo_unit.currentData())),
            phone_visits_per_month=self.post_quotas.visits_per_month(),
            service_visits_per_week=self.service_week.value(),
            phone_coverage_share=self.phone_share.value() / 100,
            home_visit_share=home,
            student_interview_share=self.interview_share.value() / 100,
            teacher_interview_share=self.teacher_share.value() / 100,
        )

    def holidays(self) -> list[Period]:
        return [self.holiday_list.item(i).data(Qt.UserRole) for i in range(self.holiday_list.count())]

    def _list_holiday(self, holiday: Period) -> None:
        item = QListWidgetItem(f"{holiday.start} 至 {holiday.end}  {holiday.label}")
        item.setData(Qt.UserRole, holiday)
        self.holiday_list.addItem(item)

    def _add_holiday(self) -> None:
        problem = self.holiday_start.problem() or self.holiday_end.problem()
        start, end = (None, None) if problem else (self.holiday_start.date(), self.holiday_end.date())
        if problem or start is None or end is None:
            messages.error(self, "添加假期", problem or "请填写假期的开始和结束日期。")
            return
        if end < start:
            messages.error(self, "添加假期", "假期的结束日期早于开始日期。")
            return
        self._list_holiday(Period(start, end, self.holiday_label.text().strip()))
        self.holiday_start.clear()
        self.holiday_end.clear()
        self.holiday_label.clear()

    def save(self) -> None:
        if run_service(self, "量化要求设置", lambda: save_quota_settings(self._ledger, self.quotas(), self.holidays())):
            self.accept()


def open_quota_settings(ledger: Ledger, parent: QWidget | None = None) -> bool:
    """Show the dialog; True when the settings were saved."""
    return QuotaSettingsDialog(ledger, parent).exec() == QDialog.Accepted
