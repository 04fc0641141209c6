"""The 家访 tab: visit records (one period at a time, filtered in SQL), done/required, coverage per class."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.domain.records import VisitKind
from desktop_app.services.records.visits import delete_visits, list_visits
from desktop_app.store.events import Topic
from desktop_app.ui.records.coverage_view import CoverageView
from desktop_app.ui.records.record_tab import RecordList, RecordsTab
from desktop_app.ui.visits.dialog import VisitDialog
from desktop_app.ui.widgets.record_table import Column


def _follow_up(v) -> str:
    if v.follows_visit_id:
        return "回访"
    return "待回访" if v.follow_up_needed else ""


COLUMNS = [
    Column("日期", lambda v: v.date, width=90),
    Column("访问人", lambda v: v.visitor_name, width=80),
    Column("方式", lambda v: v.kind_label, width=80),
    Column("班级", lambda v: v.class_name, width=90),
    Column("学生/受访对象", lambda v: v.visited, width=150, tooltip=lambda v: v.visited or None),
    Column("六谈/六问", lambda v: v.topics_label, width=130, tooltip=lambda v: v.topics_label or None),
    Column("帮扶", lambda v: v.assistance_label, width=90),
    Column("主要内容", lambda v: v.content, width=170, tooltip=lambda v: v.content or None),
    Column("意见建议", lambda v: v.suggestions, width=150, tooltip=lambda v: v.suggestions or None),
    Column("回访", _follow_up, highlight=lambda v: v.follow_up_needed and not v.follows_visit_id, width=60),
]


class VisitRecords(RecordList):
    kinds = VisitKind
    all_kinds = "全部方式"
    noun = "家访记录"
    table = "visit"
    columns = COLUMNS
    dialog_cls = VisitDialog
    searches_in_sql = True

    def list_rows(self, criteria: dict) -> list:
        return list_visits(self._context.ledger, criteria["period"], member_id=criteria["member_id"],
                           kind=criteria["kind"], class_id=criteria["class_id"], text=criteria.get("text", ""),
                           limit=criteria.get("limit"))

    def delete_rows(self, ids: list[int]) -> None:
        delete_visits(self._context.ledger, ids)

    def describe(self, row) -> str:
        return f"{row.date} {row.visitor_name}的{row.kind_label}"

    def new_record_defaults(self, criteria: dict) -> dict:
        return {"visitor_id": criteria["member_id"], "kind": criteria["kind"]}


class VisitsTab(RecordsTab):
    records_cls = VisitRecords
    quota_kind = "visits"
    quota_title = "完成情况"
    topics = {Topic.VISIT, Topic.MEMBER, Topic.SCHOOL_CLASS, Topic.STUDENT}

    def extra_pages(self) -> list[tuple[QWidget, str]]:
        self.coverage = CoverageView(self._context, self)
        return [(self.coverage, "覆盖情况（按班级）")]

    def show_filtered(self, *, view: str = "records", period=None, class_id: int | None = None,
                      coverage_kind: str | None = None, **criteria) -> None:
        """Dashboard click-through: view "records", "quota" or "coverage", with filters."""
        if view != "coverage":
            super().show_filtered(view=view, period=period, class_id=class_id, **criteria)
            return
        self.pages.setCurrentWidget(self.coverage)
        if period is not None:
            self.coverage.period_bar.show_date(period.start, "semester")
        if coverage_kind:
            self.coverage.set_kind(coverage_kind)
        if class_id is not None:
            self.coverage.select_class(class_id)
