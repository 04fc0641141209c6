"""The 组织生活 tab: meetings, 谈心谈话, and held/due with each member's attendance."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.calendar import month_period
from desktop_app.services.search import SearchKind
from desktop_app.store.events import Topic
from desktop_app.ui.context import AppContext
from desktop_app.ui.meetings.due_view import DueView
from desktop_app.ui.meetings.lists import MeetingRecords, TalkRecords
from desktop_app.ui.meetings.settings_dialog import MeetingSettingsDialog
from desktop_app.ui.widgets.record_table import select_record
from desktop_app.ui.widgets.role_gate import gate_buttons

MEETING_TOPICS = {Topic.MEETING, Topic.MEMBER}
TALK_TOPICS = {Topic.HEART_TO_HEART_TALK, Topic.MEMBER}


class MeetingsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.meetings = MeetingRecords(context, self)
        self.talks = TalkRecords(context, self)
        self.due = DueView(context, self)
        self.settings_button = QPushButton("组织生活设置…", self)
        self.settings_button.clicked.connect(lambda: MeetingSettingsDialog(self._context.ledger, self).exec())
        gate_buttons(context, "setting", "组织生活设置", self.settings_button)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.meetings, "会议记录")
        self.pages.addTab(self.talks, "谈心谈话")
        self.pages.addTab(self.due, "完成情况")
        self.pages.setCornerWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        context.watch(MEETING_TOPICS | TALK_TOPICS, self._on_changed)
        context.reloaded.connect(self._on_reloaded)

    def _on_changed(self, topics: frozenset[Topic]) -> None:
        if Topic.MEMBER in topics:
            for records in (self.meetings, self.talks):
                records.filters.reload_choices(self._context.ledger)
        if topics & MEETING_TOPICS:
            self.meetings.reload()
        if topics & TALK_TOPICS:
            self.talks.reload()

    def _on_reloaded(self) -> None:
        for records in (self.meetings, self.talks):
            records.filters.reload_choices(self._context.ledger)
            records.reload()
        self.due.reload()

    def show_filtered(self, *, view: str = "meetings", period=None, kind: str | None = None, **_ignored) -> None:
        """Dashboard click-through: "meetings" (with period and kind) or "due" (this school year's missing)."""
        if view == "due":
            self.pages.setCurrentWidget(self.due)
            if period is not None:
                self.due.period_bar.show_date(period.start, "school_year")
            self.due.missing_only.setChecked(True)
            return
        self.pages.setCurrentWidget(self.meetings)
        self.meetings.filters.set_criteria(period=period, kind=kind)

    def show_record(self, kind: SearchKind, record_id: int, when=None) -> bool:
        """A search result: the month that holds the meeting or talk, no other filter, the row selected."""
        records = self.talks if kind is SearchKind.TALK else self.meetings
        self.pages.setCurrentWidget(records)
        period = month_period(when.year, when.month) if when else None
        records.filters.set_criteria(period=period, member_id=None, kind=None, class_id=None, search="")
        return select_record(records.view, record_id)
