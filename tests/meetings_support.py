"""A small branch for the 组织生活 tests: a secretary, a committee member, two 党小组 and an activist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.people import MemberData
from desktop_app.services.members import add_member
from desktop_app.services.meetings import settings as meeting_settings


@dataclass(frozen=True)
class Branch:
    secretary: int  # 王书记, 第一党小组
    committee: int  # 李委员, 第二党小组
    zhang: int  # 张三, 第一党小组
    wang_fang: int  # 王芳, now 第二党小组 (was in 第一党小组 until March 2026)
    late: int  # 陈新, joined 2026-03-01, 第二党小组
    activist: int  # 赵积极, 入党积极分子


def make_branch(ledger) -> Branch:
    def member(name, group, status="full_member", join=date(2010, 7, 1)):
        return add_member(ledger, MemberData(name=name, party_group=group, political_status=status,
                                             join_date=join if status in ("full_member", "probationary") else None))

    branch = Branch(
        secretary=member("王书记", "第一党小组"), committee=member("李委员", "第二党小组"),
        zhang=member("张三", "第一党小组"), wang_fang=member("王芳", "第二党小组"),
        late=member("陈新", "第二党小组", "probationary", date(2026, 3, 1)),
        activist=member("赵积极", None, "activist"),
    )
    chosen = meeting_settings.load(ledger)
    meeting_settings.save(ledger, meeting_settings.MeetingSettings(
        chosen.frequencies, chosen.leave_policy, branch.secretary, (branch.committee,)))
    return branch
