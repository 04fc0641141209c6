"""The meeting list and the 谈心谈话 list of the 组织生活 tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop_app.domain.meetings import MeetingKind
from desktop_app.domain.vocab import LabelledEnum
from desktop_app.services.meetings.commands import delete_meetings, delete_talks
from desktop_app.services.meetings.queries import list_meetings, list_talks
from desktop_app.ui.meetings.dialog import MeetingDialog
from desktop_app.ui.meetings.talk_dialog import TalkDialog
from desktop_app.ui.records.record_tab import RecordList
from desktop_app.services.errors import UserError
from desktop_app.services.meetings.minutes import suggested_name, write_minutes
from desktop_app.ui import messages
from desktop_app.ui.widgets.record_table import Column, selected_rows

PERIOD_UNITS = ("month", "quarter", "semester", "school_year")

MEETING_COLUMNS = [
    Column("日期", lambda m: m.date, width=90),
    Column("时间", lambda m: m.start_time.strftime("%H:%M") if m.start_time else "", width=50),
    Column("类型", lambda m: m.kind_and_group, width=150),
    Column("主题", lambda m: m.topic, width=200, tooltip=lambda m: m.topic),
    Column("地点", lambda m: m.place, width=100),
    Column("主持人", lambda m: m.host_name, width=65),
    Column("应到", lambda m: m.counts.expected, align_right=True, width=45),
    Column("实到", lambda m: m.counts.present, align_right=True, width=45),
    Column("请假", lambda m: m.counts.leave, align_right=True, width=45),
    Column("缺席", lambda m: m.counts.absent, align_right=True, width=45, highlight=lambda m: m.counts.absent > 0),
    Column("列席", lambda m: m.guests or "", align_right=True, width=45),
    Column("附件", lambda m: m.attachments_label, sort_key=lambda m: m.attachment_bytes),
]

TALK_COLUMNS = [
    Column("日期", lambda t: t.date, width=90),
    Column("谈话人", lambda t: t.talker_name, width=80),
    Column("谈话对象", lambda t: t.member_name, width=80),
    Column("地点", lambda t: t.place, width=110),
    Column("主题", lambda t: t.topic, width=180, tooltip=lambda t: t.topic or None),
    Column("谈话内容", lambda t: t.notes, tooltip=lambda t: t.notes or None),
]


class NoKinds(LabelledEnum):
    """谈心谈话 has no kinds: the kind filter stays hidden."""


class MeetingRecords(RecordList):
    kinds = MeetingKind
    all_kinds = "全部类型"
    noun = "会议记录"
    table = "meeting"
    columns = MEETING_COLUMNS
    dialog_cls = MeetingDialog
    period_units = PERIOD_UNITS
    filters_by_class = False

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.minutes_button = QPushButton("保存会议记录为Word…", self)
        self.minutes_button.setToolTip("把选中的会议写成可签字存档的 Word 会议记录")
        self.minutes_button.clicked.connect(lambda: self.save_minutes())
        self.buttons.bar_layout.insertWidget(3, self.minutes_button)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._follow())
        self.model.modelReset.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.minutes_button.setEnabled(len(selected_rows(self.view)) == 1)

    def save_minutes(self, path: Path | None = None) -> Path | None:
        """Ask where (unless `path` is given) and write the selected meeting's minutes as .docx."""
        rows = selected_rows(self.view)
        if len(rows) != 1:
            return None
        ledger = self._context.ledger
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "保存会议记录", suggested_name(ledger, rows[0].id),
                                                    "Word 文档 (*.docx)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = write_minutes(ledger, rows[0].id, path)
        except UserError as exc:
            messages.error(self, "保存会议记录", str(exc))
            return None
        messages.info(self, "已保存", f"会议记录已保存到：\n{written}")
        return written

    def list_rows(self, criteria: dict) -> list:
        return list_meetings(self._context.ledger, criteria["period"], kind=criteria["kind"],
                             member_id=criteria["member_id"])

    def delete_rows(self, ids: list[int]) -> None:
        delete_meetings(self._context.ledger, ids)

    def describe(self, row) -> str:
        return f"{row.date} {row.kind_label}“{row.topic}”（含出席记录和附件）"

    def new_record_defaults(self, criteria: dict) -> dict:
        return {"kind": criteria["kind"]}


class TalkRecords(RecordList):
    kinds = NoKinds
    all_kinds = ""
    noun = "谈心谈话记录"
    table = "heart_to_heart_talk"
    columns = TALK_COLUMNS
    dialog_cls = TalkDialog
    period_units = PERIOD_UNITS
    filters_by_class = False

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.filters.kind.hide()

    def list_rows(self, criteria: dict) -> list:
        return list_talks(self._context.ledger, criteria["period"], member_id=criteria["member_id"])

    def delete_rows(self, ids: list[int]) -> None:
        delete_talks(self._context.ledger, ids)

    def describe(self, row) -> str:
        return f"{row.date} {row.talker_name}与{row.member_name}的谈话"

    def new_record_defaults(self, criteria: dict) -> dict:
        return {"talker_id": criteria["member_id"]}
