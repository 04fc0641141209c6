"""Where a person stands: the stage, the 政治面貌 the steps give, the next step and when it falls due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.calendar import add_months
from desktop_app.domain.development.record import DevelopmentData
from desktop_app.domain.development.rules import probation_end
from desktop_app.domain.development.steps import STEPS, Stage, Step
from desktop_app.domain.vocab import PoliticalStatus

DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class NextStep:
    step: Step | None  # None once the procedure is complete
    what: str  # what is awaited, in her words: '半年考察', '预备期满', '上级党委审批'
    due: date | None = None

    def state(self, today: date, soon_days: int = DUE_SOON_DAYS) -> str:
        """'overdue', 'soon' (within soon_days) or '' for no deadline close."""
        if self.due is None:
            return ""
        if self.due < today:
            return "overdue"
        return "soon" if (self.due - today).days <= soon_days else ""


def stage(data: DevelopmentData) -> Stage:
    last = data.last_step
    return STEPS[last].stage if last else Stage.APPLICATION


def political_status(data: DevelopmentData, before: str) -> str:
    """The 政治面貌 the dated steps give; `before` when no step changes it (an applicant stays as was)."""
    if data.done(Step.FULL_APPROVAL):
        return PoliticalStatus.FULL_MEMBER.value
    if data.done(Step.APPROVAL):
        return PoliticalStatus.PROBATIONARY.value
    if data.done(Step.TARGET):
        return PoliticalStatus.DEVELOPMENT_TARGET.value
    if data.done(Step.ACTIVIST):
        return PoliticalStatus.ACTIVIST.value
    return before


def join_date(data: DevelopmentData) -> date | None:
    """入党日期: the 支部大会 that accepted the person, once the 上级党委 approved."""
    return data.day(Step.ASSEMBLY) if data.done(Step.APPROVAL) else None


def full_member_date(data: DevelopmentData) -> date | None:
    """转正日期: the day the 预备期 ends, once the 转正 is approved."""
    return probation_end(data) if data.done(Step.FULL_APPROVAL) else None


def next_step(data: DevelopmentData, today: date) -> NextStep:
    """The step awaited after the furthest one done, with the deadline that governs it."""
    last = data.last_step
    if last is None:
        return NextStep(Step.APPLY, Step.APPLY.label)
    if last == Step.ARCHIVED:
        return NextStep(None, "已完成")
    following = Step(last + 1)
    if not data.done(Step.TALK):
        return NextStep(Step.TALK, "谈话", add_months(data.day(Step.APPLY), 1))
    if data.done(Step.ACTIVIST) and not data.done(Step.TARGET):
        latest = max([data.day(Step.ACTIVIST), *data.assessment_days])
        return NextStep(Step.ASSESSMENT, "半年考察", add_months(latest, 6))
    if data.done(Step.ASSEMBLY) and not data.done(Step.APPROVAL):
        return NextStep(Step.APPROVAL, "上级党委审批", add_months(data.day(Step.ASSEMBLY), 3))
    end = probation_end(data)
    if data.done(Step.APPROVAL) and not data.done(Step.FULL_APPROVAL):
        if end < today or data.done(Step.FULL_ASSEMBLY):
            return NextStep(following, "转正审批", add_months(end, 3))
        return NextStep(following, "预备期满", end)
    return NextStep(following, following.label)
