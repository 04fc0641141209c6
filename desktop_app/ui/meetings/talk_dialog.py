"""Entering one 谈心谈话: who talked with whom, when, about what."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.problems import FieldProblem
from desktop_app.services.meetings.commands import TalkData, add_talk, update_talk
from desktop_app.services.meetings.queries import get_talk
from desktop_app.store.ledger import Ledger
from desktop_app.ui.records.record_dialog import RecordDialog, text_box
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.store.events import Topic


class TalkDialog(RecordDialog):
    noun = "谈心谈话记录"
    kept = "谈话人和日期"
    add_record = staticmethod(add_talk)
    update_record = staticmethod(update_talk)

    def __init__(self, ledger: Ledger, talk_id: int | None = None, parent: QWidget | None = None, *,
                 talker_id: int | None = None, day: date | None = None, **_criteria):
        super().__init__(ledger, talk_id, parent)
        self.talker = MemberPicker(ledger, self, include_left=talk_id is not None)
        self.member = MemberPicker(ledger, self, include_left=talk_id is not None)
        self.place = QLineEdit(self)
        self.topic = QLineEdit(self)
        self.topic.setPlaceholderText("如 思想动态、工作困难")
        self.notes = text_box(self, 110)
        form = QFormLayout()
        form.addRow("日期 *", self.date_edit)
        form.addRow("谈话人 *", self.talker)
        form.addRow("谈话对象 *", self.member)
        form.addRow("地点", self.place)
        form.addRow("主题", self.topic)
        form.addRow("谈话内容", self.notes)
        for label, widget in (("日期", self.date_edit), ("谈话人", self.talker), ("谈话对象", self.member)):
            self.problems.register(label, widget)
        self.add_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        if talk_id is not None:
            self.track(ledger, Topic.HEART_TO_HEART_TALK, talk_id, lambda: self._show(get_talk(ledger, talk_id)))
        else:
            self._show(TalkData(date=day or date.today(), talker_id=talker_id))
        (self.member if talker_id else self.date_edit).setFocus()

    def _show(self, data: TalkData) -> None:
        self.date_edit.set_date(data.date)
        self.talker.set_member_id(data.talker_id)
        self.member.set_member_id(data.member_id)
        self.place.setText(data.place or "")
        self.topic.setText(data.topic or "")
        self.notes.setPlainText(data.notes or "")

    def data(self) -> tuple[TalkData, list[FieldProblem]]:
        day, problems = self.typed_problems([("谈话人", self.talker), ("谈话对象", self.member)])
        return TalkData(date=day, talker_id=self.talker.member_id(), member_id=self.member.member_id(),
                        place=self.place.text(), topic=self.topic.text(), notes=self.notes.toPlainText()), problems

    def start_next(self) -> None:
        self._show(TalkData(date=self.date_edit.date(), talker_id=self.talker.member_id()))
        self.member.setFocus()
