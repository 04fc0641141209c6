"""The 听课 tab: observation records (filtered by period in SQL) and done/required per person."""

from __future__ import annotations

from desktop_app.domain.records import LessonType, SixLook
from desktop_app.services.records.observations import delete_observations, list_observations
from desktop_app.store.events import Topic
from desktop_app.ui.observations.dialog import ObservationDialog
from desktop_app.ui.records.record_tab import RecordList, RecordsTab
from desktop_app.ui.widgets.record_table import Column

COLUMNS = [
    Column("日期", lambda o: o.date, width=90),
    Column("听课人", lambda o: o.observer_name, width=80),
    Column("授课教师", lambda o: o.teacher_name, width=80),
    Column("节次", lambda o: o.lesson_no, align_right=True, width=45),
    Column("班级", lambda o: o.class_name, width=90),
    Column("学科", lambda o: o.subject, width=55),
    Column("课型", lambda o: o.lesson_type_label, width=70),
    Column("六看", lambda o: " ".join(o.rating_label(look) or "—" for look in SixLook), width=110,
           tooltip=lambda o: "\n".join(f"{look.label}：{o.rating_label(look) or '未评'}" for look in SixLook)),
    Column("评语", lambda o: o.comment, width=160, tooltip=lambda o: o.comment or None),
    Column("建议", lambda o: o.suggestions, tooltip=lambda o: o.suggestions or None),
]


class ObservationRecords(RecordList):
    kinds = LessonType
    all_kinds = "全部课型"
    noun = "听课记录"
    table = "observation"
    columns = COLUMNS
    dialog_cls = ObservationDialog
    searches_in_sql = True

    def list_rows(self, criteria: dict) -> list:
        return list_observations(self._context.ledger, criteria["period"], member_id=criteria["member_id"],
                                 lesson_type=criteria["kind"], class_id=criteria["class_id"],
                                 text=criteria.get("text", ""), limit=criteria.get("limit"))

    def delete_rows(self, ids: list[int]) -> None:
        delete_observations(self._context.ledger, ids)

    def describe(self, row) -> str:
        return f"{row.date} {row.observer_name}听{row.teacher_name}的课"

    def new_record_defaults(self, criteria: dict) -> dict:
        return {"observer_id": criteria["member_id"]}


class ObservationsTab(RecordsTab):
    records_cls = ObservationRecords
    quota_kind = "observations"
    quota_title = "完成情况（听课·示范课）"
    topics = {Topic.OBSERVATION, Topic.MEMBER, Topic.SCHOOL_CLASS}

    def show_filtered(self, *, lesson_type: str | None = None, kind: str | None = None, **criteria) -> None:
        """Dashboard click-through; `lesson_type` is the kind filter of this tab."""
        super().show_filtered(kind=lesson_type or kind, **criteria)
