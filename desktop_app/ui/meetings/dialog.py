"""Entering one meeting: the basics, the attendance roster (marked from the keyboard), 列席,
agenda, resolutions, minutes and attachments, in a window that fits a 1366×768 screen at 125 %.

A new meeting's roster is filled from who should attend (all party members, the committee or
one 党小组, as of the meeting's day) whenever the kind, group or day changes; the marks already
made are kept for the people still listed.
"""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QTabWidget, QVBoxLayout,
    QWidget,
)

from desktop_app.domain.meetings import MeetingKind
from desktop_app.domain.problems import FieldProblem
from desktop_app.services.meetings.commands import (
    OWNER_KIND, MeetingData, add_meeting, update_meeting, validate_meeting,
)
from desktop_app.services.meetings.queries import attendance_lines, get_meeting
from desktop_app.services.meetings.roster import expected_attendees, party_groups
from desktop_app.store.ledger import Ledger
from desktop_app.ui.meetings.attendance import AttendanceModel, AttendanceView, RosterLine
from desktop_app.ui.records.record_dialog import RecordDialog, text_box
from desktop_app.ui.widgets.attachments_panel import AttachmentsPanel
from desktop_app.ui.widgets.enum_combo import EnumCombo, SuggestCombo
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.store.events import Topic

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:：点]\s*(\d{1,2})?\s*分?\s*$")
ID_ROLE = Qt.UserRole + 1


def parse_time(text: str) -> time | None:
    """'14:30', '14：30' or '14点30' → 14:30; blank → None; ValueError otherwise."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (99, 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"“{text}”不是时间，应写作 14:30")
    return time(hour, minute)


class MeetingDialog(RecordDialog):
    noun = "会议记录"
    kept = "类型、日期和地点"
    add_record = staticmethod(add_meeting)
    update_record = staticmethod(update_meeting)

    def __init__(self, ledger: Ledger, meeting_id: int | None = None, parent: QWidget | None = None, *,
                 kind: str | None = None, day: date | None = None, **_criteria):
        super().__init__(ledger, meeting_id, parent)
        editing = meeting_id is not None
        self.kind = EnumCombo(MeetingKind, self)
        self.time_edit = QLineEdit(self)
        self.time_edit.setPlaceholderText("如 14:30（可留空）")
        self.place = QLineEdit(self)
        self.topic = QLineEdit(self)
        self.topic.setPlaceholderText("会议主题，如 学习贯彻全会精神")
        self.party_group = SuggestCombo(party_groups(ledger), self, placeholder="党小组会：选择或输入党小组")
        self.host = MemberPicker(ledger, self, include_left=editing)
        self.recorder = MemberPicker(ledger, self, include_left=editing)
        self.form = QFormLayout()
        self.form.addRow("类型 *", self.kind)
        self.form.addRow("日期 *", self.date_edit)
        self.form.addRow("时间", self.time_edit)
        self.form.addRow("地点", self.place)
        self.form.addRow("主题 *", self.topic)
        self.form.addRow("党小组 *", self.party_group)
        self.form.addRow("主持人", self.host)
        self.form.addRow("记录人", self.recorder)
        basics = QWidget(self)
        basics.setLayout(self.form)
        basics.setMaximumWidth(380)

        self.roster = AttendanceModel(self)
        self.roster_view = AttendanceView(self.roster, self)
        self.roster_summary = QLabel(self)
        self.add_person = MemberPicker(ledger, self, placeholder="添加应到人员：输入姓名")
        self.add_person_button = QPushButton("加入名单", self)
        self.remove_person_button = QPushButton("移出名单", self)
        self.refill_button = QPushButton("按应到名单重填", self)
        self.refill_button.setToolTip("按类型、党小组和日期重新列出应到人员（已标记的保留）")
        self.guest_picker = MemberPicker(ledger, self, placeholder="列席人员：输入姓名")
        self.add_guest_button = QPushButton("加入列席", self)
        self.guests = QListWidget(self)
        self.guests.setFlow(QListWidget.LeftToRight)
        self.guests.setWrapping(True)
        self.guests.setFixedHeight(30)
        self.guests.setToolTip("选中后按 Delete 移除")
        self.guests.setSpacing(3)
        self.guest_picker.setMinimumWidth(170)
        roster_box = QVBoxLayout()
        roster_box.setContentsMargins(0, 0, 0, 0)
        roster_box.addWidget(self.roster_summary)
        roster_box.addWidget(self.roster_view, 1)
        people_row = QHBoxLayout()
        for widget in (self.add_person, self.add_person_button, self.remove_person_button, self.refill_button):
            people_row.addWidget(widget)
        roster_box.addLayout(people_row)
        guest_row = QHBoxLayout()
        guest_row.addWidget(QLabel("列席", self))
        guest_row.addWidget(self.guests, 1)
        guest_row.addWidget(self.guest_picker)
        guest_row.addWidget(self.add_guest_button)
        roster_box.addLayout(guest_row)
        top = QHBoxLayout()
        top.addWidget(basics)
        top.addLayout(roster_box, 1)

        self.agenda = text_box(self, 90)
        self.resolutions = text_box(self, 90)
        self.minutes = text_box(self, 90)
        self.attachments = AttachmentsPanel(ledger, OWNER_KIND, meeting_id, self)
        self.texts = QTabWidget(self)
        self.texts.addTab(self.agenda, "议程")
        self.texts.addTab(self.resolutions, "决议")
        self.texts.addTab(self.minutes, "会议记录")
        self.texts.addTab(self.attachments, self.attachments.total_label())
        self.texts.setFixedHeight(130)
        for label, widget in (("日期", self.date_edit), ("类型", self.kind), ("主题", self.topic),
                              ("党小组", self.party_group), ("时间", self.time_edit), ("主持人", self.host),
                              ("记录人", self.recorder), ("出席情况", self.roster_view), ("列席", self.guests)):
            self.problems.register(label, widget)

        self.add_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(top, 1)
        layout.addWidget(self.texts)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.buttons)
        self.resize(1000, 540)

        self.roster.changed.connect(lambda: self.roster_summary.setText(
            self.roster.summary() + "　（选中后按 1 出席、2 请假、3 缺席）"))
        self.attachments.changed.connect(
            lambda: self.texts.setTabText(self.texts.indexOf(self.attachments), self.attachments.total_label()))
        self.add_person_button.clicked.connect(self._add_person)
        self.remove_person_button.clicked.connect(self._remove_people)
        self.refill_button.clicked.connect(self.refill_roster)
        self.add_guest_button.clicked.connect(self._add_guest)
        self.guests.itemActivated.connect(lambda item: self.guests.takeItem(self.guests.row(item)))
        QShortcut(QKeySequence(QKeySequence.Delete), self.guests,
                  lambda: [self.guests.takeItem(self.guests.row(i)) for i in self.guests.selectedItems()],
                  context=Qt.WidgetShortcut)

        if editing:
            self.track(ledger, Topic.MEETING, meeting_id,
                       lambda: self._show(get_meeting(ledger, meeting_id), attendance_lines(ledger, meeting_id)))
        else:
            self.kind.set_code(kind or MeetingKind.BRANCH_ASSEMBLY.value)
            self.date_edit.set_date(day or date.today())
            self._kind_changed()
            self.refill_roster()
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed(refill=not editing))
        self.party_group.currentTextChanged.connect(lambda _t: None if editing else self.refill_roster())
        if not editing:  # once the day is typed in full (or picked), not at every keystroke
            self.date_edit.line_edit.editingFinished.connect(self.refill_roster)
            self.date_edit.calendar.clicked.connect(lambda _d: self.refill_roster())
        self.topic.setFocus()

    # --- kind, roster and guests ----------------------------------------------------
    def _meeting_kind(self) -> MeetingKind:
        return MeetingKind(self.kind.code())

    def _kind_changed(self, refill: bool = False) -> None:
        kind = self._meeting_kind()
        self.form.setRowVisible(self.party_group, kind is MeetingKind.GROUP_MEETING)
        label = self.form.labelForField(self.recorder)
        if label is not None:
            label.setText(kind.recorder_label)
        if refill:
            self.refill_roster()

    def refill_roster(self) -> None:
        """List who should attend; keep the marks of people already listed."""
        try:
            day = self.date_edit.date() or date.today()
        except ValueError:
            return
        kept = {line.member_id: line for line in self.roster.lines()}
        group = self.party_group.value()
        people = expected_attendees(self._ledger, self.kind.code(), day, group)
        self.roster.set_lines([kept.get(p.id, RosterLine(p.id, p.name, p.party_group)) for p in people])

    def _add_person(self) -> None:
        member = self.add_person.member()
        if member is None:
            return
        self._drop_guest(member.id)
        self.roster.add(RosterLine(member.id, member.name, member.party_group))
        self.add_person.set_member_id(None)

    def _remove_people(self) -> None:
        self.roster.remove_rows([index.row() for index in self.roster_view.selectionModel().selectedRows()])

    def _add_guest(self) -> None:
        member = self.guest_picker.member()
        if member is None or member.id in self.guest_ids():
            return
        self._append_guest(member.id, member.name)
        self.guest_picker.set_member_id(None)

    def _append_guest(self, member_id: int, name: str) -> None:
        item = QListWidgetItem(name, self.guests)
        item.setData(ID_ROLE, member_id)

    def _drop_guest(self, member_id: int) -> None:
        for i in reversed(range(self.guests.count())):
            if self.guests.item(i).data(ID_ROLE) == member_id:
                self.guests.takeItem(i)

    def guest_ids(self) -> list[int]:
        return [self.guests.item(i).data(ID_ROLE) for i in range(self.guests.count())]

    # --- values -------------------------------------------------------------------
    def _show(self, data: MeetingData, lines) -> None:
        self.kind.set_code(data.kind)
        self._kind_changed()
        self.date_edit.set_date(data.date)
        self.time_edit.setText(data.start_time.strftime("%H:%M") if data.start_time else "")
        self.place.setText(data.place or "")
        self.topic.setText(data.topic or "")
        self.party_group.set_value(data.party_group)
        self.host.set_member_id(data.host_id)
        self.recorder.set_member_id(data.recorder_id)
        self.roster.set_lines([RosterLine(line.member_id, line.name, line.party_group, line.status, line.reason)
                               for line in lines if line.status != "guest"])
        self.guests.clear()
        for line in lines:
            if line.status == "guest":
                self._append_guest(line.member_id, line.name)
        self.agenda.setPlainText(data.agenda or "")
        self.resolutions.setPlainText(data.resolutions or "")
        self.minutes.setPlainText(data.minutes or "")

    def data(self) -> tuple[MeetingData, list[FieldProblem]]:
        day, problems = self.typed_problems([("主持人", self.host), ("记录人", self.recorder)])
        try:
            start = parse_time(self.time_edit.text())
        except ValueError as exc:
            start = None
            problems.append(FieldProblem("时间", str(exc)))
        kind = self._meeting_kind()
        data = MeetingData(
            kind=kind.value, date=day, start_time=start, place=self.place.text(), topic=self.topic.text(),
            party_group=self.party_group.value(), host_id=self.host.member_id(), recorder_id=self.recorder.member_id(),
            agenda=self.agenda.toPlainText(), resolutions=self.resolutions.toPlainText(),
            minutes=self.minutes.toPlainText(), attendance=self.roster.entries(), guest_ids=self.guest_ids(),
            new_attachments=self.attachments.new_files(), removed_attachment_ids=self.attachments.removed_ids(),
        )
        if problems:  # list the rules' problems too, so one 保存 shows everything to put right
            typed = {p.field for p in problems}
            problems += [p for p in validate_meeting(data) if p.field not in typed]
        return data, problems

    def start_next(self) -> None:
        """A blank meeting of the same kind, day and place (the attachments panel starts empty)."""
        for box in (self.topic, self.time_edit):
            box.clear()
        for box in (self.agenda, self.resolutions, self.minutes):
            box.clear()
        self.guests.clear()
        self.roster.set_lines([])
        self.refill_roster()
        self.attachments.show_owner(None)
        self.topic.setFocus()
