"""One person's way through the procedure, as plain data: step dates, the people named, the votes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.development.steps import Step


@dataclass(frozen=True)
class Vote:
    """A 支部大会 vote: members entitled to vote (应到), present with a vote (实到), in favour (赞成)."""

    entitled: int | None = None
    present: int | None = None
    in_favour: int | None = None

    @property
    def complete(self) -> bool:
        return None not in (self.entitled, self.present, self.in_favour)


@dataclass(frozen=True)
class Person:
    """Someone a step names (谈话人, 培养联系人, 入党介绍人), with whether he or she is a 正式党员."""

    name: str
    full_member: bool = True


@dataclass(frozen=True)
class Publication:
    """A 公示 period, both days counted."""

    start: date | None = None
    end: date | None = None


@dataclass
class DevelopmentData:
    """What the dialog, the importer and the store hand to the rules."""

    dates: dict[Step, date] = field(default_factory=dict)
    birth_date: date | None = None
    interviewer: Person | None = None  # 谈话人 (step 2)
    contacts: list[Person] = field(default_factory=list)  # 培养联系人 (step 5), 1–2 正式党员
    introducers: list[Person] = field(default_factory=list)  # 入党介绍人 (step 9), 2 正式党员
    assessments: list[date] = field(default_factory=list)  # the half-yearly written 考察 (step 6)
    training_end: date | None = None  # 集中培训 from the step-11 date to this day
    training_hours: float | None = None  # 学时
    target_publication: Publication = field(default_factory=Publication)  # before 预审 (step 13)
    full_publication: Publication = field(default_factory=Publication)  # before 转正 审批 (step 24)
    admission_vote: Vote = field(default_factory=Vote)  # step 15
    full_vote: Vote = field(default_factory=Vote)  # step 23
    extension_months: int | None = None  # 延长预备期, once, 6–12 months

    def day(self, step: Step) -> date | None:
        return self.dates.get(step)

    def done(self, step: Step) -> bool:
        return step in self.dates

    @property
    def assessment_days(self) -> list[date]:
        """Every written 考察: those listed, and the date of step 6 itself."""
        days = set(self.assessments) | ({self.dates[Step.ASSESSMENT]} if Step.ASSESSMENT in self.dates else set())
        return sorted(days)

    @property
    def last_step(self) -> Step | None:
        return max(self.dates) if self.dates else None
