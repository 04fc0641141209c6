"""What the search box finds, and where each kind is shown in the window.

The code of each kind is part of the search index's rowid ((code << KIND_SHIFT) + id), written by
the triggers of alembic revision "search index": the numbers here and there must agree (tested).
"""

from __future__ import annotations

from enum import IntEnum

KIND_SHIFT = 40


class SearchKind(IntEnum):
    MEMBER = 1
    STUDENT = 2
    SCHOOL_CLASS = 3
    PLEDGE = 4
    OBSERVATION = 5
    VISIT = 6
    SUGGESTION = 7
    RECTIFICATION = 8
    CULTIVATION = 9
    MEETING = 10
    TALK = 11
    DEVELOPMENT = 12

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def table(self) -> str:
        return _TABLES[self]

    @property
    def tab(self) -> str:
        """The key of the main-window tab that shows this kind (ui/tabs.py)."""
        return _TABS[self]

    def rowid(self, record_id: int) -> int:
        return (self.value << KIND_SHIFT) + record_id

    @property
    def rowid_range(self) -> tuple[int, int]:
        """The first and last rowid of this kind in the search index."""
        return self.value << KIND_SHIFT, ((self.value + 1) << KIND_SHIFT) - 1

    @staticmethod
    def of_rowid(rowid: int) -> tuple["SearchKind", int]:
        return SearchKind(rowid >> KIND_SHIFT), rowid & ((1 << KIND_SHIFT) - 1)


_LABELS = {
    SearchKind.MEMBER: "人员",
    SearchKind.STUDENT: "学生",
    SearchKind.SCHOOL_CLASS: "班级",
    SearchKind.PLEDGE: "承诺",
    SearchKind.OBSERVATION: "听课记录",
    SearchKind.VISIT: "家访·访谈",
    SearchKind.SUGGESTION: "意见建议",
    SearchKind.RECTIFICATION: "整改",
    SearchKind.CULTIVATION: "培养计划",
    SearchKind.MEETING: "组织生活",
    SearchKind.TALK: "谈心谈话",
    SearchKind.DEVELOPMENT: "发展党员",
}
_TABLES = {
    SearchKind.MEMBER: "member",
    SearchKind.STUDENT: "student",
    SearchKind.SCHOOL_CLASS: "school_class",
    SearchKind.PLEDGE: "pledge",
    SearchKind.OBSERVATION: "observation",
    SearchKind.VISIT: "visit",
    SearchKind.SUGGESTION: "suggestion",
    SearchKind.RECTIFICATION: "rectification",
    SearchKind.CULTIVATION: "cultivation",
    SearchKind.MEETING: "meeting",
    SearchKind.TALK: "heart_to_heart_talk",
    SearchKind.DEVELOPMENT: "development",
}
_TABS = {
    SearchKind.MEMBER: "members",
    SearchKind.STUDENT: "students",
    SearchKind.SCHOOL_CLASS: "students",
    SearchKind.PLEDGE: "pledges",
    SearchKind.OBSERVATION: "observations",
    SearchKind.VISIT: "visits",
    SearchKind.SUGGESTION: "rectifications",
    SearchKind.RECTIFICATION: "rectifications",
    SearchKind.CULTIVATION: "members",
    SearchKind.MEETING: "meetings",
    SearchKind.TALK: "meetings",
    SearchKind.DEVELOPMENT: "development",
}
