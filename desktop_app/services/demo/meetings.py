"""The sample school's 组织生活 over the last twelve months: 三会一课, 主题党日, talks and attendance.

Most duties are met; one 党小组 skips a month and a few members miss meetings, so the due view
and the 工作台 have something to point at.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from sqlalchemy import select

from desktop_app.domain.calendar import Period, month_period, quarter_of
from desktop_app.domain.meetings import MeetingKind
from desktop_app.domain.vocab import Post
from desktop_app.services.attachments import NewAttachment
from desktop_app.services.meetings import settings as meeting_settings
from desktop_app.services.meetings.commands import (
    MEETING_TOPIC, TALK_TOPIC, AttendanceEntry, MeetingData, write_meeting_in,
)
from desktop_app.services.meetings.roster import GUEST_STATUSES, PARTY_STATUSES
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.meetings import HeartToHeartTalk

TOPICS = {
    MeetingKind.COMMITTEE_MEETING: ("研究本月党建工作安排", "讨论发展对象培养情况", "研究党员承诺践诺评议"),
    MeetingKind.THEME_DAY: ("重温入党誓词", "参观红色教育基地", "志愿服务进社区", "学习新修订的党章"),
    MeetingKind.GROUP_MEETING: ("学习习近平总书记重要讲话精神", "交流师德师风建设体会", "讨论本组党员示范课安排"),
    MeetingKind.BRANCH_ASSEMBLY: ("传达上级党委会议精神", "讨论发展党员事项", "通报季度党建工作"),
    MeetingKind.PARTY_LECTURE: ("弘扬教育家精神", "新时代师德修养", "学习党的创新理论"),
    MeetingKind.ORGANISATIONAL_LIFE_MEETING: ("年度组织生活会：对照检查，开展批评与自我批评",),
    MeetingKind.DEMOCRATIC_REVIEW: ("年度民主评议党员",),
}
LEAVE_REASONS = ("外出培训", "病假", "带学生参赛", "公出")
# a 1×1 white PNG standing in for the photo of a sign-in sheet
SIGN_IN_PHOTO = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8ffff3f0005fe02fedccc59e70000000049454e44ae426082")


def _on(month: Period, day: int) -> date:
    return min(month.start + timedelta(days=day - 1), month.end)


def add_demo(ledger: Ledger, rng: random.Random, today: date | None = None) -> None:
    today = today or date.today()
    with ledger.reading() as session:
        people = session.execute(select(Member.id, Member.posts, Member.party_group, Member.political_status)
                                 .where(Member.active.is_(True))).all()
    party = [(i, group or "") for i, _p, group, status in people if status in PARTY_STATUSES]
    guests = [i for i, _p, _g, status in people if status in GUEST_STATUSES]
    if not party:
        return
    by_post = {post: i for i, posts, _g, status in people if status in PARTY_STATUSES for post in posts or ()}
    secretary = by_post.get(Post.VICE_PRINCIPAL.value, party[0][0])
    committee = [secretary] + [by_post[p.value] for p in (Post.PRINCIPAL, Post.OFFICE_HEAD,
                                                           Post.TEACHER_DEVELOPMENT_HEAD) if p.value in by_post]
    chosen = meeting_settings.load(ledger)
    meeting_settings.save(ledger, meeting_settings.MeetingSettings(chosen.frequencies, chosen.leave_policy,
                                                                   secretary, tuple(committee[1:])))
    groups = sorted({g for _i, g in party if g})
    skipped = (groups[-1], 2) if groups else None  # that group skips the month two months back

    def attendance(ids: list[int]) -> list[AttendanceEntry]:
        entries = []
        for member_id in ids:
            roll = rng.random()
            if roll < 0.08:
                entries.append(AttendanceEntry(member_id, "leave", rng.choice(LEAVE_REASONS)))
            elif roll < 0.11:
                entries.append(AttendanceEntry(member_id, "absent"))
            else:
                entries.append(AttendanceEntry(member_id))
        return entries

    def meeting(kind: MeetingKind, day: date, ids: list[int], group: str | None = None, speaker=None):
        return MeetingData(
            kind=kind.value, date=day, start_time=time(15, 30), place="学校三楼会议室", topic=rng.choice(TOPICS[kind]),
            party_group=group, host_id=secretary, recorder_id=speaker or committee[-1],
            agenda="一、学习有关文件\n二、讨论本次议题\n三、布置近期工作",
            resolutions="与会党员一致同意按计划推进。" if kind is MeetingKind.BRANCH_ASSEMBLY else None,
            minutes="会议由书记主持，与会党员结合岗位实际交流了学习体会。", attendance=attendance(ids),
            guest_ids=guests if kind in (MeetingKind.BRANCH_ASSEMBLY, MeetingKind.PARTY_LECTURE) else [],
            new_attachments=[NewAttachment("签到表.png", SIGN_IN_PHOTO)] if kind is MeetingKind.BRANCH_ASSEMBLY else [],
        )

    records: list[MeetingData] = []
    first = month_period(today.year - 1, today.month)
    months = []
    month = month_period(first.end.year + (first.end.month == 12), first.end.month % 12 + 1)
    while month.start < today:
        months.append(month)
        month = month_period(month.end.year + (month.end.month == 12), month.end.month % 12 + 1)
    everyone = [i for i, _g in party]
    for back, month in enumerate(reversed(months)):
        days = [d for d in (_on(month, 5), _on(month, 12), _on(month, 20), _on(month, 26)) if d < today]
        if len(days) < 3:
            continue
        records.append(meeting(MeetingKind.COMMITTEE_MEETING, days[0], committee))
        records.append(meeting(MeetingKind.THEME_DAY, days[1], everyone))
        for group in groups:
            if skipped != (group, back):
                records.append(meeting(MeetingKind.GROUP_MEETING, days[2], [i for i, g in party if g == group], group))
        if month.end.month % 3 == 0 or quarter_of(today) == quarter_of(month.start) and back == 0:
            records.append(meeting(MeetingKind.BRANCH_ASSEMBLY, days[1] + timedelta(days=1), everyone))
            speaker = secretary if month.end.month in (6, 12) else rng.choice(committee)
            records.append(meeting(MeetingKind.PARTY_LECTURE, days[2] + timedelta(days=1), everyone, speaker=speaker))
        if month.start.month == 1:  # the yearly 组织生活会 and 民主评议 after the autumn semester
            records.append(meeting(MeetingKind.ORGANISATIONAL_LIFE_MEETING, days[2] + timedelta(days=2), everyone))
            records.append(meeting(MeetingKind.DEMOCRATIC_REVIEW, days[2] + timedelta(days=3), everyone))
    talks = [HeartToHeartTalk(date=rng.choice(months).start + timedelta(days=rng.randrange(20)),
                              talker_id=rng.choice(committee), member_id=member_id, topic="思想工作交流",
                              notes="了解思想、工作和生活情况，听取意见建议。")
             for member_id in everyone if rng.random() < 0.7]
    with ledger.transaction(MEETING_TOPIC, TALK_TOPIC) as session:
        for data in records:
            write_meeting_in(session, data)
        session.add_all([t for t in talks if t.date < today and t.talker_id != t.member_id])
