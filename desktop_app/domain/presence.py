"""A person's time at school: 入校日期 to 离开日期, less 请假 periods. Records dated outside it are refused.

Pure Python, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import LabelledEnum


class LeaveKind(LabelledEnum):
    SICK = ("sick", "病假")
    MATERNITY = ("maternity", "产假")
    PERSONAL = ("personal", "事假")
    TRAINING = ("training", "外出培训")
    SECONDMENT = ("secondment", "借调挂职")
    OTHER = ("other", "其他")


@dataclass
class LeaveData:
    """The editable fields of one 请假 period."""

    member_id: int | None = None
    kind: str = LeaveKind.SICK.value
    start_date: date | None = None
    end_date: date | None = None
    reason: str | None = None


MAX_LEAVE_DAYS = 3 * 366  # a longer absence is leaving the school (离开日期), not a leave


def validate_leave(data: LeaveData, school_start: date | None = None, left: date | None = None) -> list[FieldProblem]:
    problems = []
    if not data.member_id:
        problems.append(FieldProblem("人员", "请选择请假的人员"))
    if data.kind not in LeaveKind._value2member_map_:
        problems.append(FieldProblem("类别", "必须选择：" + "、".join(LeaveKind.labels())))
    if data.start_date is None:
        problems.append(FieldProblem("开始日期", "必须填写"))
    if data.end_date is None:
        problems.append(FieldProblem("结束日期", "必须填写"))
    if data.start_date and data.end_date:
        if data.end_date < data.start_date:
            problems.append(FieldProblem("结束日期", "不能早于开始日期"))
        elif (data.end_date - data.start_date).days > MAX_LEAVE_DAYS:
            problems.append(FieldProblem("结束日期", "请假超过三年，请改为填写离开日期"))
        if school_start and data.start_date < school_start:
            problems.append(FieldProblem("开始日期", f"早于此人的入校日期 {school_start.isoformat()}"))
        if left and data.end_date > left:
            problems.append(FieldProblem("结束日期", f"晚于此人的离开日期 {left.isoformat()}"))
    return problems


def outside_school_time(role: str, name: str, day: date, school_start: date | None, left: date | None) -> str | None:
    """Why a record of `day` cannot count for the person in `role` (听课人, 访问人 …), or None."""
    if school_start and day < school_start:
        return (f"{role}“{name}”{school_start.isoformat()}才入校，{day.isoformat()}的记录在入校之前，"
                "不能计入（如入校日期有误，请先在党员页更正）")
    if left and day > left:
        return (f"{role}“{name}”已于{left.isoformat()}离开学校，{day.isoformat()}的记录在离开之后，"
                "不能计入（如离开日期有误，请先在党员页更正）")
    return None
