"""双培双促进 cultivation plans: what a plan must satisfy, as plain data and rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import CultivationKind

# Suggested stages for the editable stage field; a school may write its own.
COMMON_STAGES = ("确定培养对象", "结对帮扶中", "考察中", "已达成", "已终止")
MAX_TARGET = 200
MAX_STAGE = 50


@dataclass
class CultivationData:
    kind: str = CultivationKind.BACKBONE_TO_MEMBER.value
    member_id: int | None = None  # 培养对象
    mentor_id: int | None = None  # 结对帮扶 (一帮一) mentor
    target: str | None = None
    start_date: date | None = None
    stage: str | None = None
    notes: str | None = None


def validate_cultivation(data: CultivationData, today: date | None = None) -> list[FieldProblem]:
    today = today or date.today()
    problems = []
    try:
        CultivationKind(data.kind)
    except ValueError:
        problems.append(FieldProblem("培养类型", "必须选择：" + "、".join(CultivationKind.labels())))
    if data.member_id is None:
        problems.append(FieldProblem("培养对象", "必须选择"))
    elif data.mentor_id is not None and data.mentor_id == data.member_id:
        problems.append(FieldProblem("帮扶人", "不能与培养对象是同一人"))
    if data.target and len(data.target.strip()) > MAX_TARGET:
        problems.append(FieldProblem("培养目标", f"不能超过{MAX_TARGET}个字"))
    if data.stage and len(data.stage.strip()) > MAX_STAGE:
        problems.append(FieldProblem("阶段", f"不能超过{MAX_STAGE}个字"))
    if data.start_date and data.start_date.year > today.year + 1:
        problems.append(FieldProblem("开始日期", "不能晚于明年"))
    return problems
