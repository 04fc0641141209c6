"""Held against due for a quarter, semester or school year: what is missing, and each member's attendance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.domain.meetings import DueLine, DueState, percent
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.due import MemberAttendance, due_report
from desktop_app.store.events import Topic
from desktop_app.ui.context import AppContext
from desktop_app.ui.records.period_bar import PeriodBar
from desktop_app.ui.widgets.lazy_page import LazyPage
from desktop_app.ui.widgets.record_table import Column, record_table

TOPICS = {Topic.MEETING, Topic.HEART_TO_HEART_TALK, Topic.MEMBER, Topic.SETTING}
STATE_ORDER = {DueState.MISSED: 0, DueState.IN_PROGRESS: 1, DueState.UPCOMING: 2, DueState.MET: 3}

DUE_COLUMNS = [
    Column("项目", lambda line: line.label, width=170, tooltip=lambda line: line.label),
    Column("期间", lambda line: line.period.label, sort_key=lambda line: line.period.start, width=120),
    Column("已开展/应开展", lambda line: f"{line.held}/{line.required}", sort_key=lambda line: line.held - line.required,
           align_right=True, width=100),
    Column("状态", lambda line: line.state.label, sort_key=lambda line: STATE_ORDER[line.state],
           highlight=lambda line: line.state is DueState.MISSED),
]


def member_columns(policy_label: str) -> list[Column]:
    return [
        Column("姓名", lambda m: m.name, width=70),
        Column("党小组", lambda m: m.party_group, width=90),
        Column("应到", lambda m: m.counts.expected, align_right=True, width=45),
        Column("出席", lambda m: m.counts.present, align_right=True, width=45),
        Column("请假", lambda m: m.counts.leave, align_right=True, width=45),
        Column("缺席", lambda m: m.counts.absent, align_right=True, width=45, highlight=lambda m: m.counts.absent > 0),
        Column("出席率", lambda m: percent(m.rate), sort_key=lambda m: -1 if m.rate is None else m.rate,
               align_right=True, width=60, tooltip=lambda _m: policy_label),
        Column("谈心谈话", lambda m: m.talks, align_right=True, highlight=lambda m: m.talks == 0),
    ]


class DueView(LazyPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.period_bar = PeriodBar(context.ledger, self, unit="school_year",
                                    units=("month", "quarter", "semester", "school_year"))
        self.missing_only = QCheckBox("只看未完成", self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.due_model, self.due_proxy, self.due_view = record_table(DUE_COLUMNS, self, export_title="组织生活完成情况")
        self.member_model, self.member_proxy, self.member_view = record_table(
            member_columns(""), self, export_title="党员出席情况")
        split = QSplitter(Qt.Horizontal, self)
        for title, view in (("应开展与已开展", self.due_view), ("每名党员的出席率", self.member_view)):
            box = QWidget(split)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(title, box))
            column.addWidget(view, 1)
            split.addWidget(box)
        split.setSizes([520, 520])
        bar = QHBoxLayout()
        bar.addWidget(self.period_bar)
        bar.addWidget(self.missing_only)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        self.period_bar.changed.connect(lambda _p: self.reload())
        self.missing_only.toggled.connect(self._apply_filter)
        context.watch(TOPICS, self._on_changed)
        context.reloaded.connect(lambda: self.period_bar.set_ledger(context.ledger))
        self._apply_filter(False)

    def _apply_filter(self, missing_only: bool) -> None:
        self.due_proxy.set_predicate((lambda line: line.state is DueState.MISSED) if missing_only else None)

    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        self.reload()

    def _load(self) -> None:
        period = self.period_bar.period()
        report = due_report(self._context.ledger, period)
        policy = meeting_settings.load(self._context.ledger).leave_policy
        self.member_model.columns = member_columns(f"出席率计算：{policy.label}")
        self.due_model.set_rows(sorted(report.lines, key=_line_order))
        self.member_model.set_rows(sorted(report.members, key=_member_order))
        missed = report.missed()
        self.summary.setText(
            f"{period.label}：应开展 {len(report.lines)} 项次，已完成 "
            f"{sum(1 for line in report.lines if line.state is DueState.MET)}，未完成 {len(missed)}（红色）。"
            f"出席率计算：{policy.label}；党小组会按党小组、谈心谈话按每名党员计。")


def _line_order(line: DueLine):
    return (STATE_ORDER[line.state], line.period.start, line.label)


def _member_order(m: MemberAttendance):
    return (m.party_group, m.name)
