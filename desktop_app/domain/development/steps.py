"""The 25 steps of 发展党员 in their 5 stages, and which earlier steps each one depends on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from desktop_app.domain.vocab import LabelledEnum


class Stage(LabelledEnum):
    APPLICATION = ("application", "申请入党")
    ACTIVIST = ("activist", "入党积极分子的确定和培养教育")
    TARGET = ("target", "发展对象的确定和考察")
    ADMISSION = ("admission", "预备党员的接收")
    PROBATION = ("probation", "预备党员的教育考察和转正")


class Step(IntEnum):
    APPLY = 1
    TALK = 2
    ACTIVIST = 3
    ACTIVIST_FILED = 4
    CONTACTS = 5
    ASSESSMENT = 6
    TARGET = 7
    TARGET_FILED = 8
    INTRODUCERS = 9
    POLITICAL_REVIEW = 10
    TRAINING = 11
    COMMITTEE_REVIEW = 12
    PRE_REVIEW = 13
    VOLUNTEER_FORM = 14
    ASSEMBLY = 15
    HIGHER_TALK = 16
    APPROVAL = 17
    APPROVAL_FILED = 18
    GROUP_ASSIGNED = 19
    OATH = 20
    PROBATION_EDUCATION = 21
    FULL_APPLY = 22
    FULL_ASSEMBLY = 23
    FULL_APPROVAL = 24
    ARCHIVED = 25

    @property
    def info(self) -> StepInfo:
        return STEPS[self]

    @property
    def label(self) -> str:
        return STEPS[self].label

    @property
    def numbered(self) -> str:
        """'(7) 确定发展对象', as the 纪实表 and the messages name a step."""
        return f"（{int(self)}）{self.label}"


@dataclass(frozen=True)
class StepInfo:
    label: str
    stage: Stage
    after: tuple[Step, ...]  # steps that must come first (their dates are not later)
    requires: Step | None  # the milestone that must be dated before this step can be


S = Step
_A, _B, _C, _D, _E = Stage.APPLICATION, Stage.ACTIVIST, Stage.TARGET, Stage.ADMISSION, Stage.PROBATION

STEPS: dict[Step, StepInfo] = {
    S.APPLY: StepInfo("递交入党申请书", _A, (), None),
    S.TALK: StepInfo("党组织派人谈话", _A, (S.APPLY,), S.APPLY),
    S.ACTIVIST: StepInfo("推荐和确定入党积极分子", _B, (S.TALK,), S.APPLY),
    S.ACTIVIST_FILED: StepInfo("报上级党委备案（积极分子）", _B, (S.ACTIVIST,), S.ACTIVIST),
    S.CONTACTS: StepInfo("指定培养联系人", _B, (S.ACTIVIST,), S.ACTIVIST),
    S.ASSESSMENT: StepInfo("培养教育考察", _B, (S.CONTACTS,), S.ACTIVIST),
    S.TARGET: StepInfo("确定发展对象", _C, (S.ACTIVIST_FILED, S.CONTACTS), S.ACTIVIST),
    S.TARGET_FILED: StepInfo("报上级党委备案（发展对象）", _C, (S.TARGET,), S.TARGET),
    S.INTRODUCERS: StepInfo("确定入党介绍人", _C, (S.TARGET,), S.TARGET),
    S.POLITICAL_REVIEW: StepInfo("进行政治审查", _C, (S.TARGET,), S.TARGET),
    S.TRAINING: StepInfo("开展集中培训", _C, (S.TARGET,), S.TARGET),
    S.COMMITTEE_REVIEW: StepInfo("支部委员会审查", _D, (S.TARGET_FILED, S.INTRODUCERS, S.POLITICAL_REVIEW, S.TRAINING),
                                 S.TARGET),
    S.PRE_REVIEW: StepInfo("上级党委预审", _D, (S.COMMITTEE_REVIEW,), S.TARGET),
    S.VOLUNTEER_FORM: StepInfo("填写入党志愿书", _D, (S.PRE_REVIEW,), S.TARGET),
    S.ASSEMBLY: StepInfo("支部大会讨论接收预备党员", _D, (S.VOLUNTEER_FORM,), S.TARGET),
    S.HIGHER_TALK: StepInfo("上级党委派人谈话", _D, (S.ASSEMBLY,), S.ASSEMBLY),
    S.APPROVAL: StepInfo("上级党委审批", _D, (S.HIGHER_TALK,), S.ASSEMBLY),
    S.APPROVAL_FILED: StepInfo("再上一级党委组织部门备案", _D, (S.APPROVAL,), S.APPROVAL),
    S.GROUP_ASSIGNED: StepInfo("编入党支部和党小组", _E, (S.APPROVAL,), S.APPROVAL),
    S.OATH: StepInfo("入党宣誓", _E, (S.APPROVAL,), S.APPROVAL),
    S.PROBATION_EDUCATION: StepInfo("继续教育考察", _E, (S.APPROVAL,), S.APPROVAL),
    S.FULL_APPLY: StepInfo("提出转正申请", _E, (S.APPROVAL,), S.APPROVAL),
    S.FULL_ASSEMBLY: StepInfo("支部大会讨论转正", _E, (S.FULL_APPLY,), S.FULL_APPLY),
    S.FULL_APPROVAL: StepInfo("上级党委审批转正", _E, (S.FULL_ASSEMBLY,), S.FULL_ASSEMBLY),
    S.ARCHIVED: StepInfo("材料归档", _E, (S.FULL_APPROVAL,), S.FULL_APPROVAL),
}


def stage_steps(stage: Stage) -> list[Step]:
    return [step for step in Step if STEPS[step].stage is stage]


def earlier_steps(step: Step) -> set[Step]:
    """Every step that must come before `step`, directly or through another."""
    found: set[Step] = set()
    todo = list(STEPS[step].after)
    while todo:
        prior = todo.pop()
        if prior not in found:
            found.add(prior)
            todo.extend(STEPS[prior].after)
    return found
