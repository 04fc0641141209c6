"""What was held against what is due over a span, and each member's attendance, for the tab, CLI and reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop_app.domain.calendar import Period, month_period, school_year_of, school_year_period
from desktop_app.domain.meetings import (
    SECRETARY_LECTURE, TALK, AttendanceTally, Cadence, DueLine, DueState, DutySummary, LeavePolicy, MeetingKind, due_lines,
    per_subject_due_lines, period_containing, summarise, tally,
)
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.commands import GUEST
from desktop_app.services.meetings.roster import party_groups, party_members_on
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.meetings import HeartToHeartTalk, Meeting, MeetingAttendance


@dataclass(frozen=True)
class MemberAttendance:
    member_id: int
    name: str
    party_group: str
    counts: AttendanceTally
    rate: float | None  # under the school's 请假 rule
    talks: int  # 谈心谈话 the member took part in (either side)


@dataclass(frozen=True)
class DueReport:
    span: Period
    lines: list[DueLine]
    members: list[MemberAttendance]

    @property
    def summaries(self) -> list[DutySummary]:
        return summarise(self.lines)

    def missed(self) -> list[DueLine]:
        return [line for line in self.lines if line.state is DueState.MISSED]


def due_report(ledger: Ledger, span: Period, today: date | None = None) -> DueReport:
    today = today or date.today()
    chosen = meeting_settings.load(ledger)
    frequencies = chosen.frequencies
    # A quarter or school year judged in the span may have begun before it: count from its start.
    earliest = min(period_containing(cadence, span.start).start for cadence in Cadence)
    with ledger.reading() as session:
        meetings = session.execute(select(Meeting.kind, Meeting.date, Meeting.party_group, Meeting.recorder_id)
                                   .where(Meeting.date.between(earliest, span.end))).all()
        talks = session.execute(select(HeartToHeartTalk.date, HeartToHeartTalk.talker_id, HeartToHeartTalk.member_id)
                                .where(HeartToHeartTalk.date.between(earliest, span.end))).all()
        attendance = session.execute(
            select(MeetingAttendance.member_id, Member.name, Member.party_group, MeetingAttendance.status)
            .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
            .join(Member, Member.id == MeetingAttendance.member_id)
            .where(Meeting.date.between(span.start, span.end), MeetingAttendance.status != GUEST)).all()
    lines: list[DueLine] = []
    for kind in MeetingKind:
        held = [d for k, d, _g, _r in meetings if k == kind.value]
        if kind is MeetingKind.GROUP_MEETING:
            by_group: dict[str, list[date]] = defaultdict(list)
            for _k, d, group, _r in meetings:
                if _k == kind.value and group:
                    by_group[group].append(d)
            groups = sorted(set(party_groups(ledger)) | set(by_group))
            lines += per_subject_due_lines(kind.value, frequencies[kind.value], span, by_group,
                                           {g: g for g in groups}, today)
        else:
            lines += due_lines(kind.value, frequencies[kind.value], span, held, today)
        if kind is MeetingKind.PARTY_LECTURE and chosen.secretary_id:
            given = [d for k, d, _g, speaker in meetings if k == kind.value and speaker == chosen.secretary_id]
            lines += due_lines(SECRETARY_LECTURE, frequencies[SECRETARY_LECTURE], span, given, today)
    members = party_members_on(ledger, min(span.end, today))
    talked: dict[int, list[date]] = defaultdict(list)
    for d, talker, member in talks:
        talked[talker].append(d)
        talked[member].append(d)
    lines += per_subject_due_lines(TALK, frequencies[TALK], span, talked, {p.id: p.name for p in members}, today)
    talks_in_span = {m: [d for d in days if d in span] for m, days in talked.items()}
    return DueReport(span, lines, _member_attendance(members, attendance, talks_in_span, chosen.leave_policy))


def _member_attendance(members, attendance, talked, policy) -> list[MemberAttendance]:
    statuses: dict[int, list[str]] = defaultdict(list)
    names: dict[int, tuple[str, str]] = {p.id: (p.name, p.party_group) for p in members}
    for member_id, name, group, status in attendance:
        statuses[member_id].append(status)
        names.setdefault(member_id, (name, group or ""))
    result = []
    for member_id, (name, group) in names.items():
        counts = tally(statuses.get(member_id, []))
        result.append(MemberAttendance(member_id, name, group, counts, counts.rate(policy),
                                       len(talked.get(member_id, []))))
    return result


def member_rates(ledger: Ledger, span: Period) -> dict[int, tuple[AttendanceTally, float | None]]:
    """member id → (tally, rate) over the span, for the evaluation source."""
    return {m.member_id: (m.counts, m.rate) for m in due_report(ledger, span).members}


@dataclass(frozen=True)
class MonthGlance:
    """The 工作台's view: what is due by the end of this month, and what this school year has missed."""

    month: Period
    due_this_month: tuple[DueLine, ...]  # periods ending this month, not yet met
    met_this_month: int
    missed_this_year: tuple[DueLine, ...]


def month_glance(ledger: Ledger, today: date | None = None) -> MonthGlance:
    today = today or date.today()
    month = month_period(today.year, today.month)
    report = due_report(ledger, school_year_period(school_year_of(today)), today)
    ending = [line for line in report.lines if line.period.end in month]
    return MonthGlance(
        month=month,
        due_this_month=tuple(line for line in ending if line.state is not DueState.MET),
        met_this_month=sum(1 for line in ending if line.state is DueState.MET),
        missed_this_year=tuple(report.missed()),
    )


@dataclass(frozen=True)
class AttendanceFact:
    """One member's attendance over a span, counted under the school's 请假 rule (for the evaluation)."""

    attended: int
    expected: int
    note: str


def attendance_facts(ledger: Ledger, span: Period) -> dict[int, AttendanceFact]:
    """member id → attendance at the meetings of the span whose rosters listed the member."""
    policy = meeting_settings.load(ledger).leave_policy
    query = (select(MeetingAttendance.member_id, MeetingAttendance.status)
             .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
             .where(Meeting.date.between(span.start, span.end), MeetingAttendance.status != GUEST))
    statuses: dict[int, list[str]] = defaultdict(list)
    with ledger.reading() as session:
        for member_id, status in session.execute(query):
            statuses[member_id].append(status)
    facts = {}
    for member_id, listed in statuses.items():
        counts = tally(listed)
        attended, expected = counts.present, counts.expected
        note = ""
        if counts.leave and policy is LeavePolicy.EXCLUDED:
            expected -= counts.leave
            note = f"请假 {counts.leave} 次不计入应到"
        elif counts.leave and policy is LeavePolicy.AS_PRESENT:
            attended += counts.leave
            note = f"请假 {counts.leave} 次视同出席"
        elif counts.leave:
            note = f"请假 {counts.leave} 次视同缺席"
        facts[member_id] = AttendanceFact(attended, expected, note)
    return facts


def missed_text(summary: DutySummary, limit: int | None = None) -> str:
    """The missed periods of a duty in a line: '2025年10月、2025年11月（高一党小组）' or, when all missed
    lines share one period (谈心谈话 in a school year), '2025-2026学年：张三、李四'."""
    missed = summary.missed
    if not missed:
        return ""
    if len({line.period for line in missed}) == 1 and missed[0].subject:
        items, head, unit = [line.subject for line in missed], f"{missed[0].period.label}：", "人"
    else:
        items = [f"{line.period.label}{f'（{line.subject}）' if line.subject else ''}" for line in missed]
        head, unit = "", "期"
    shown = items if limit is None else items[:limit]
    return head + "、".join(shown) + (f" 等{len(items)}{unit}" if len(shown) < len(items) else "")
