"""What the procedure forbids (refused: the record cannot be saved) and what it only requires
(a breach: saved, so old records can be entered, and listed as a problem with the rule quoted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.calendar import WorkingCalendar, add_months, add_years
from desktop_app.domain.development.record import DevelopmentData, Publication, Vote
from desktop_app.domain.development.steps import STEPS, Step, earlier_steps

MAX_CONTACTS = 2
INTRODUCERS = 2
MIN_TRAINING_DAYS = 3
MIN_TRAINING_HOURS = 24
MIN_PUBLICATION_DAYS = 5
MIN_AGE = 18
EXTENSION_MONTHS = range(6, 13)


class Rule:
    """The rules quoted to the user, worded as the 发展党员工作细则 states them."""

    TALK = "组织应在收到入党申请书后一个月内派人同申请人谈话"
    AGE = "年满十八岁方可申请入党"
    ACTIVIST_YEAR = "入党积极分子经过一年以上培养教育和考察，方可列为发展对象"
    HALF_YEAR = "党支部每半年对入党积极分子进行一次考察"
    CONTACTS = "培养联系人为一至二名正式党员"
    INTRODUCERS = "入党介绍人为两名正式党员"
    TRAINING = "发展对象集中培训时间一般不少于三天（或不少于二十四个学时）"
    PUBLICATION = "公示时间不少于五个工作日"
    QUORUM = "支部大会有表决权的到会人数须超过应到会有表决权党员的半数"
    MAJORITY = "赞成人数须超过应到会有表决权的正式党员的半数"
    APPROVAL = "上级党委应在支部大会通过后三个月内审批"
    FULL_APPROVAL = "上级党委应在预备期满后三个月内审批转正"


@dataclass(frozen=True)
class Breach:
    """A waiting rule not kept: which step, what happened, and the rule."""

    step: Step
    what: str
    rule: str

    def __str__(self) -> str:
        return f"{self.step.numbered}：{self.what}（规定：{self.rule}）"


class ImpossibleOrder(ValueError):
    """The record cannot be: a step before one it depends on, a date in the future, a count that cannot be."""

    def __init__(self, step: Step, message: str):
        super().__init__(f"{step.numbered}：{message}")
        self.step = step


def probation_end(data: DevelopmentData) -> date | None:
    """预备期满: one year from the 支部大会 that accepted the person, plus any extension."""
    assembly = data.day(Step.ASSEMBLY)
    if assembly is None:
        return None
    return add_months(add_years(assembly, 1), data.extension_months or 0)


def check_possible(data: DevelopmentData, today: date) -> None:
    """Raise ImpossibleOrder naming the first step that cannot be as recorded."""
    for step in sorted(data.dates):
        day = data.dates[step]
        if day > today:
            raise ImpossibleOrder(step, f"日期 {day:%Y-%m-%d} 还没有到")
        needed = STEPS[step].requires
        if needed is not None and not data.done(needed):
            raise ImpossibleOrder(step, f"须先有{needed.numbered}的日期")
        for prior in sorted(earlier_steps(step), reverse=True):
            prior_day = data.day(prior)
            if prior_day is not None and day < prior_day:
                raise ImpossibleOrder(step, f"日期 {day:%Y-%m-%d} 早于{prior.numbered}的 {prior_day:%Y-%m-%d}")
    _check_assessments(data, today)
    _check_people(data)
    _check_training(data)
    for step, publication in ((Step.PRE_REVIEW, data.target_publication), (Step.FULL_APPROVAL, data.full_publication)):
        if publication.start and publication.end and publication.end < publication.start:
            raise ImpossibleOrder(step, "公示结束日期早于开始日期")
    for step, vote in ((Step.ASSEMBLY, data.admission_vote), (Step.FULL_ASSEMBLY, data.full_vote)):
        _check_vote_counts(step, vote)
    if data.extension_months is not None:
        if data.extension_months not in EXTENSION_MONTHS:
            raise ImpossibleOrder(Step.PROBATION_EDUCATION, "延长预备期只能是 6 至 12 个月")
        if not data.done(Step.APPROVAL):
            raise ImpossibleOrder(Step.PROBATION_EDUCATION, f"须先有{Step.APPROVAL.numbered}才能延长预备期")


def _check_assessments(data: DevelopmentData, today: date) -> None:
    activist = data.day(Step.ACTIVIST)
    for day in data.assessments:
        if activist is None or day < activist:
            raise ImpossibleOrder(Step.ASSESSMENT, f"考察日期 {day:%Y-%m-%d} 早于确定为入党积极分子的日期")
        if day > today:
            raise ImpossibleOrder(Step.ASSESSMENT, f"考察日期 {day:%Y-%m-%d} 还没有到")


def _check_people(data: DevelopmentData) -> None:
    if len(data.contacts) > MAX_CONTACTS:
        raise ImpossibleOrder(Step.CONTACTS, f"培养联系人最多 {MAX_CONTACTS} 名")
    if len(data.introducers) > INTRODUCERS:
        raise ImpossibleOrder(Step.INTRODUCERS, f"入党介绍人只能是 {INTRODUCERS} 名")
    names = [p.name for p in data.introducers]
    if len(set(names)) != len(names):
        raise ImpossibleOrder(Step.INTRODUCERS, "两名入党介绍人不能是同一人")


def _check_training(data: DevelopmentData) -> None:
    start = data.day(Step.TRAINING)
    if data.training_end and (start is None or data.training_end < start):
        raise ImpossibleOrder(Step.TRAINING, "集中培训结束日期早于开始日期")
    if data.training_hours is not None and data.training_hours < 0:
        raise ImpossibleOrder(Step.TRAINING, "学时不能是负数")


def _check_vote_counts(step: Step, vote: Vote) -> None:
    numbers = [n for n in (vote.entitled, vote.present, vote.in_favour) if n is not None]
    if any(n < 0 for n in numbers):
        raise ImpossibleOrder(step, "人数不能是负数")
    if vote.entitled is not None and vote.present is not None and vote.present > vote.entitled:
        raise ImpossibleOrder(step, f"实到 {vote.present} 人多于应到 {vote.entitled} 人")
    if vote.present is not None and vote.in_favour is not None and vote.in_favour > vote.present:
        raise ImpossibleOrder(step, f"赞成 {vote.in_favour} 人多于实到 {vote.present} 人")


def breaches(data: DevelopmentData, calendar: WorkingCalendar, today: date) -> list[Breach]:
    """Every waiting rule the record does not keep, in step order."""
    found: list[Breach] = []
    apply, talk = data.day(Step.APPLY), data.day(Step.TALK)
    if apply and data.birth_date and add_years(data.birth_date, MIN_AGE) > apply:
        found.append(Breach(Step.APPLY, "申请时未满十八周岁", Rule.AGE))
    if apply and talk and talk > add_months(apply, 1):
        found.append(Breach(Step.TALK, f"申请后 {(talk - apply).days} 天才谈话", Rule.TALK))
    found.extend(_assessment_gaps(data, today))
    if data.done(Step.CONTACTS) and not data.contacts:
        found.append(Breach(Step.CONTACTS, "未记录培养联系人", Rule.CONTACTS))
    found.extend(Breach(Step.CONTACTS, f"{p.name}不是正式党员", Rule.CONTACTS) for p in data.contacts if not p.full_member)
    activist, target = data.day(Step.ACTIVIST), data.day(Step.TARGET)
    if activist and target and target < add_years(activist, 1):
        found.append(Breach(Step.TARGET, f"确定为积极分子后 {(target - activist).days} 天即列为发展对象",
                            Rule.ACTIVIST_YEAR))
    if data.done(Step.INTRODUCERS) and len(data.introducers) < INTRODUCERS:
        found.append(Breach(Step.INTRODUCERS, f"只记录了 {len(data.introducers)} 名入党介绍人", Rule.INTRODUCERS))
    found.extend(Breach(Step.INTRODUCERS, f"{p.name}不是正式党员", Rule.INTRODUCERS)
                 for p in data.introducers if not p.full_member)
    found.extend(_training(data))
    found.extend(_publication(Step.PRE_REVIEW, data.target_publication, calendar))
    found.extend(_vote(Step.ASSEMBLY, data.admission_vote))
    assembly, approval = data.day(Step.ASSEMBLY), data.day(Step.APPROVAL)
    if assembly and approval and approval > add_months(assembly, 3):
        found.append(Breach(Step.APPROVAL, f"支部大会后 {(approval - assembly).days} 天才审批", Rule.APPROVAL))
    found.extend(_vote(Step.FULL_ASSEMBLY, data.full_vote))
    found.extend(_publication(Step.FULL_APPROVAL, data.full_publication, calendar))
    end, full_approval = probation_end(data), data.day(Step.FULL_APPROVAL)
    if end and full_approval and full_approval > add_months(end, 3):
        found.append(Breach(Step.FULL_APPROVAL, f"预备期满后 {(full_approval - end).days} 天才审批转正",
                            Rule.FULL_APPROVAL))
    return found


def _assessment_gaps(data: DevelopmentData, today: date) -> list[Breach]:
    """Six months without a written 考察 while the person was an 积极分子 (until 确定发展对象, or today)."""
    activist = data.day(Step.ACTIVIST)
    if activist is None:
        return []
    until = data.day(Step.TARGET) or today
    found, previous = [], activist
    for day in [d for d in data.assessment_days if d <= until] + [until]:
        if day > add_months(previous, 6):
            found.append(Breach(Step.ASSESSMENT, f"{previous:%Y-%m-%d} 至 {day:%Y-%m-%d} 间超过半年没有考察",
                                Rule.HALF_YEAR))
        previous = day
    return found


def _training(data: DevelopmentData) -> list[Breach]:
    start = data.day(Step.TRAINING)
    if start is None:
        return []
    days = (data.training_end - start).days + 1 if data.training_end else None
    if (data.training_hours or 0) >= MIN_TRAINING_HOURS or (days or 0) >= MIN_TRAINING_DAYS:
        return []
    parts = [f"{days} 天" if days is not None else "",
             f"{data.training_hours:g} 学时" if data.training_hours is not None else ""]
    what = "、".join(p for p in parts if p)
    return [Breach(Step.TRAINING, f"集中培训只有 {what}" if what else "未记录培训天数和学时", Rule.TRAINING)]


def _publication(step: Step, publication: Publication, calendar: WorkingCalendar) -> list[Breach]:
    if not (publication.start and publication.end):
        return []
    days = calendar.working_days(publication.start, publication.end)
    if days >= MIN_PUBLICATION_DAYS:
        return []
    return [Breach(step, f"公示 {publication.start:%Y-%m-%d} 至 {publication.end:%Y-%m-%d} 只有 {days} 个工作日",
                   Rule.PUBLICATION)]


def _vote(step: Step, vote: Vote) -> list[Breach]:
    """Both counts are measured against those entitled to vote: exactly half is not enough."""
    if not vote.complete:
        return []
    found = []
    if vote.present * 2 <= vote.entitled:
        found.append(Breach(step, f"应到 {vote.entitled} 人，实到 {vote.present} 人，未超过半数", Rule.QUORUM))
    if vote.in_favour * 2 <= vote.entitled:
        found.append(Breach(step, f"应到 {vote.entitled} 人，赞成 {vote.in_favour} 人，未超过半数", Rule.MAJORITY))
    return found
