"""组织生活设置: how often each kind is due, how 请假 counts, and who sits on the committee."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from desktop_app.domain.meetings import DUTIES, Cadence, Frequency, LeavePolicy, duty_label
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.members import list_members
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.ui.widgets.form_dialog import FormDialog

ID_ROLE = Qt.UserRole + 1
NOTES = {"group_meeting": "每个党小组", "heart_to_heart_talk": "每名党员", "secretary_lecture": "书记本人"}


class MeetingSettingsDialog(FormDialog):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.setWindowTitle("组织生活设置")
        chosen = meeting_settings.load(ledger)
        self.problems = ProblemBanner(self)
        frequencies = QGroupBox("开展频次（0 次表示不作要求）", self)
        grid = QGridLayout(frequencies)
        self.cadences: dict[str, EnumCombo] = {}
        self.times: dict[str, QSpinBox] = {}
        for row, code in enumerate(DUTIES):
            cadence, times = EnumCombo(Cadence, self), QSpinBox(self)
            times.setRange(0, 31)
            times.setSuffix(" 次")
            cadence.set_code(chosen.frequencies[code].cadence.value)
            times.setValue(chosen.frequencies[code].times)
            grid.addWidget(QLabel(duty_label(code), self), row // 2, (row % 2) * 4)
            grid.addWidget(cadence, row // 2, (row % 2) * 4 + 1)
            grid.addWidget(times, row // 2, (row % 2) * 4 + 2)
            grid.addWidget(QLabel(NOTES.get(code, ""), self), row // 2, (row % 2) * 4 + 3)
            self.cadences[code], self.times[code] = cadence, times
        self.leave_policy = EnumCombo(LeavePolicy, self)
        self.leave_policy.set_code(chosen.leave_policy.value)
        self.secretary = MemberPicker(ledger, self, predicate=lambda row: row.is_party_member)
        self.secretary.set_member_id(chosen.secretary_id)
        self.committee = QListWidget(self)
        self.committee.setFixedHeight(70)
        self.committee.setFlow(QListWidget.LeftToRight)
        self.committee.setWrapping(True)
        names = {row.id: row.name for row in list_members(ledger)}
        for member_id in chosen.committee_ids:
            if member_id in names and member_id != chosen.secretary_id:
                self._append(member_id, names[member_id])
        self.committee_picker = MemberPicker(ledger, self, predicate=lambda row: row.is_party_member,
                                             placeholder="支部委员：输入姓名")
        add, remove = QPushButton("加入", self), QPushButton("移除选中", self)
        add.clicked.connect(self._add)
        remove.clicked.connect(lambda: [self.committee.takeItem(self.committee.row(i))
                                        for i in self.committee.selectedItems()])
        members_row = QHBoxLayout()
        members_row.addWidget(self.committee_picker, 1)
        members_row.addWidget(add)
        members_row.addWidget(remove)
        form = QVBoxLayout()
        form.addWidget(frequencies)
        others = QFormLayout()
        others.addRow("请假计算", self.leave_policy)
        others.addRow("支部书记", self.secretary)
        others.addRow("支部委员", self.committee)
        others.addRow("", members_row)
        form.addLayout(others)
        self.problems.register("支部书记", self.secretary)
        self.save_button = lay_out_form(self, self.problems, form, self.save)

    def _append(self, member_id: int, name: str) -> None:
        item = QListWidgetItem(name, self.committee)
        item.setData(ID_ROLE, member_id)

    def _add(self) -> None:
        member = self.committee_picker.member()
        if member and member.id not in self.committee_ids():
            self._append(member.id, member.name)
            self.committee_picker.set_member_id(None)

    def committee_ids(self) -> list[int]:
        return [self.committee.item(i).data(ID_ROLE) for i in range(self.committee.count())]

    def chosen(self) -> meeting_settings.MeetingSettings:
        return meeting_settings.MeetingSettings(
            frequencies={code: Frequency(Cadence(self.cadences[code].code()), self.times[code].value())
                         for code in DUTIES},
            leave_policy=LeavePolicy(self.leave_policy.code()),
            secretary_id=self.secretary.member_id(),
            committee_ids=tuple(self.committee_ids()),
        )

    def save(self) -> None:
        save_or_show(self, self.problems, "未能保存组织生活设置",
                     lambda: meeting_settings.save(self._ledger, self.chosen()))
