"""组织生活: meeting kinds, attendance, how often each kind is due, and attendance rates.

Periods follow the ledger's calendar: months and calendar quarters, and the school year
(1 Sep – 31 Aug) for yearly duties. A period is judged in the span in which it *ends*, so a
school year holds 12 months, the 4 quarters that end inside it (Q3 ends on 30 Sep) and itself,
which is the convention of the quarterly report (`report_period.quarter`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.calendar import (
    Period, month_period, quarter_of, quarter_period, school_year_of, school_year_period,
)
from desktop_app.domain.vocab import LabelledEnum


class Roster(LabelledEnum):
    """Who should attend a kind of meeting."""

    ALL_MEMBERS = ("all_members", "全体党员")
    COMMITTEE = ("committee", "支部委员")
    GROUP = ("group", "党小组成员")


class MeetingKind(LabelledEnum):
    BRANCH_ASSEMBLY = ("branch_assembly", "支部党员大会")
    COMMITTEE_MEETING = ("committee_meeting", "支部委员会会议")
    GROUP_MEETING = ("group_meeting", "党小组会")
    PARTY_LECTURE = ("party_lecture", "党课")
    THEME_DAY = ("theme_day", "主题党日")
    ORGANISATIONAL_LIFE_MEETING = ("organisational_life_meeting", "组织生活会")
    DEMOCRATIC_REVIEW = ("democratic_review", "民主评议党员")

    @property
    def roster(self) -> Roster:
        if self is MeetingKind.COMMITTEE_MEETING:
            return Roster.COMMITTEE
        if self is MeetingKind.GROUP_MEETING:
            return Roster.GROUP
        return Roster.ALL_MEMBERS

    @property
    def recorder_label(self) -> str:
        """记录人; for a 党课 the person named is the one who gives it (讲课人)."""
        return "讲课人" if self is MeetingKind.PARTY_LECTURE else "记录人"


class AttendanceStatus(LabelledEnum):
    PRESENT = ("present", "出席")
    LEAVE = ("leave", "请假")
    ABSENT = ("absent", "缺席")


class LeavePolicy(LabelledEnum):
    """How a 请假 counts in an attendance rate: the school decides."""

    EXCLUDED = ("excluded", "请假不计入应到")
    AS_PRESENT = ("as_present", "请假视同出席")
    AS_ABSENT = ("as_absent", "请假视同缺席")


class Cadence(LabelledEnum):
    MONTH = ("month", "每月")
    QUARTER = ("quarter", "每季度")
    YEAR = ("year", "每学年")


TALK = "heart_to_heart_talk"  # 谈心谈话: a 1:1 record, due for each party member
TALK_LABEL = "谈心谈话"
SECRETARY_LECTURE = "secretary_lecture"  # the secretary gives at least one 党课 a year
SECRETARY_LECTURE_LABEL = "书记讲党课"


def duty_label(code: str) -> str:
    """The user's word for a duty: a meeting kind, 谈心谈话 or 书记讲党课."""
    return {TALK: TALK_LABEL, SECRETARY_LECTURE: SECRETARY_LECTURE_LABEL}.get(code) or MeetingKind.label_of(code)


@dataclass(frozen=True)
class Frequency:
    cadence: Cadence
    times: int  # at least this many per period (0: not tracked)

    @property
    def label(self) -> str:
        return f"{self.cadence.label}至少{self.times}次" if self.times else "不作要求"


DEFAULT_FREQUENCIES: dict[str, Frequency] = {
    MeetingKind.BRANCH_ASSEMBLY.value: Frequency(Cadence.QUARTER, 1),
    MeetingKind.COMMITTEE_MEETING.value: Frequency(Cadence.MONTH, 1),
    MeetingKind.GROUP_MEETING.value: Frequency(Cadence.MONTH, 1),  # per 党小组
    MeetingKind.PARTY_LECTURE.value: Frequency(Cadence.QUARTER, 1),
    MeetingKind.THEME_DAY.value: Frequency(Cadence.MONTH, 1),
    MeetingKind.ORGANISATIONAL_LIFE_MEETING.value: Frequency(Cadence.YEAR, 1),
    MeetingKind.DEMOCRATIC_REVIEW.value: Frequency(Cadence.YEAR, 1),
    TALK: Frequency(Cadence.YEAR, 1),  # per party member
    SECRETARY_LECTURE: Frequency(Cadence.YEAR, 1),
}
DUTIES: tuple[str, ...] = tuple(DEFAULT_FREQUENCIES)


def frequencies_from_dict(stored: dict | None) -> dict[str, Frequency]:
    """Stored settings over the defaults; unknown codes and bad values are ignored."""
    result = dict(DEFAULT_FREQUENCIES)
    for code, value in (stored or {}).items():
        if code not in result or not isinstance(value, dict):
            continue
        try:
            result[code] = Frequency(Cadence(value["cadence"]), max(0, int(value["times"])))
        except (KeyError, ValueError, TypeError):
            continue
    return result


def frequencies_to_dict(frequencies: dict[str, Frequency]) -> dict:
    return {code: {"cadence": f.cadence.value, "times": f.times} for code, f in frequencies.items()}


def period_containing(cadence: Cadence, day: date) -> Period:
    if cadence is Cadence.MONTH:
        return month_period(day.year, day.month)
    if cadence is Cadence.QUARTER:
        return quarter_period(day.year, quarter_of(day))
    return school_year_period(school_year_of(day))


def periods_ending_in(cadence: Cadence, span: Period) -> list[Period]:
    """The cadence's whole periods whose last day falls inside `span`, in order."""
    periods = []
    current = period_containing(cadence, span.start)
    while current.end <= span.end:
        periods.append(current)
        current = period_containing(cadence, _day_after(current.end))
    return periods


def _day_after(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


class DueState(LabelledEnum):
    MET = ("met", "已完成")
    MISSED = ("missed", "未完成")
    IN_PROGRESS = ("in_progress", "进行中")
    UPCOMING = ("upcoming", "未开始")


@dataclass(frozen=True)
class DueLine:
    """One duty in one period, for the branch, one 党小组 or one member (`subject`)."""

    duty: str  # MeetingKind code, TALK or SECRETARY_LECTURE
    period: Period
    held: int
    required: int
    state: DueState
    subject: str = ""

    @property
    def missing(self) -> int:
        return max(0, self.required - self.held)

    @property
    def label(self) -> str:
        who = f"（{self.subject}）" if self.subject else ""
        return f"{duty_label(self.duty)}{who}"


def state_of(period: Period, held: int, required: int, today: date) -> DueState:
    if held >= required:
        return DueState.MET
    if period.end < today:
        return DueState.MISSED
    return DueState.IN_PROGRESS if period.start <= today else DueState.UPCOMING


def due_lines(duty: str, frequency: Frequency, span: Period, held_on: Iterable[date], today: date,
              subject: str = "") -> list[DueLine]:
    """Held against required in each of the duty's periods ending inside `span`."""
    if not frequency.times:
        return []
    days = sorted(held_on)
    lines = []
    for period in periods_ending_in(frequency.cadence, span):
        held = sum(1 for d in days if d in period)
        lines.append(DueLine(duty, period, held, frequency.times, state_of(period, held, frequency.times, today),
                             subject))
    return lines


def per_subject_due_lines(duty: str, frequency: Frequency, span: Period, held_by_subject: dict[Hashable, list[date]],
                          subjects: dict[Hashable, str], today: date) -> list[DueLine]:
    """One set of lines per 党小组 (group meetings) or per member (谈心谈话): `subjects` maps key → name, in order."""
    lines = []
    for key, name in subjects.items():
        lines.extend(due_lines(duty, frequency, span, held_by_subject.get(key, []), today, name))
    return lines


@dataclass(frozen=True)
class DutySummary:
    """A duty over a span: periods judged, periods met, and the missed ones (for the CLI and the 工作台)."""

    duty: str
    held: int
    required: int
    missed: tuple[DueLine, ...]

    @property
    def label(self) -> str:
        return duty_label(self.duty)

    @property
    def completion(self) -> str:
        """是否完成 as a report states it: a period not yet over is 进行中, never 完成 while short."""
        if self.held >= self.required:
            return "完成"
        return "未完成" if self.missed else "进行中"


def summarise(lines: Iterable[DueLine]) -> list[DutySummary]:
    by_duty: dict[str, list[DueLine]] = {}
    for line in lines:
        by_duty.setdefault(line.duty, []).append(line)
    return [
        DutySummary(duty, sum(min(line.held, line.required) for line in group), sum(line.required for line in group),
                    tuple(line for line in group if line.state is DueState.MISSED))
        for duty, group in by_duty.items()
    ]


# --- attendance -----------------------------------------------------------------------

@dataclass(frozen=True)
class AttendanceTally:
    """One meeting's (or one member's) attendance: who should have come and how it went."""

    present: int = 0
    leave: int = 0
    absent: int = 0

    @property
    def expected(self) -> int:
        """应到: everyone on the roster (列席 guests are not counted)."""
        return self.present + self.leave + self.absent

    def __add__(self, other: AttendanceTally) -> AttendanceTally:
        return AttendanceTally(self.present + other.present, self.leave + other.leave, self.absent + other.absent)

    def rate(self, policy: LeavePolicy) -> float | None:
        """Attendance rate in 0..1 under the school's 请假 rule; None when nobody was expected."""
        attended, expected = self.present, self.expected
        if policy is LeavePolicy.AS_PRESENT:
            attended += self.leave
        elif policy is LeavePolicy.EXCLUDED:
            expected -= self.leave
        return attended / expected if expected else None


def tally(statuses: Iterable[str]) -> AttendanceTally:
    """Count AttendanceStatus codes."""
    counts = {s.value: 0 for s in AttendanceStatus}
    for status in statuses:
        counts[AttendanceStatus(status).value] += 1
    return AttendanceTally(counts["present"], counts["leave"], counts["absent"])


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%"
