"""The sample branch's pledges: last school year reviewed, this year posted and being kept.

Every party member made a 岗位承诺 each year, leaders also a 目标承诺, and the branch its own
五个好 pledge. Last year's were reviewed at the members' meeting in July (mostly 好/较好, two
一般 with the reason); this year's were posted in September, a few are still drafts and a
couple of members have not pledged yet, so the 未承诺 list has someone in it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from desktop_app.domain.calendar import school_year_label, school_year_of, school_year_start
from desktop_app.domain.pledges import PledgeKind, PledgeStatus, PublicationPlace, ReviewBody, ReviewGrade
from desktop_app.domain.vocab import PoliticalStatus, Post
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.pledges import Pledge

COMMON = (
    "带头遵守师德规范，不从事有偿家教",
    "积极参加支部组织生活和主题党日活动",
    "联系一个班级、一个寝室和一名学习困难学生",
    "每学期读一本教育专著并写读书笔记",
)
TEACHER = (
    "每学期上好一节示范课",
    "结对帮扶一名青年教师",
    "每月电话家访不少于10人次",
    "所教班级学业成绩稳中有升",
    "每周听课不少于1节，课后与授课教师交流",
)
HEAD_TEACHER = (
    "每月召开一次主题班会",
    "每学期入户家访不少于全班人数的三分之一",
    "每月电话家访不少于15人次",
    "关心留守儿童和生活困难学生，做到一人一档",
)
CADRE = (
    "按规定完成每周听课任务并及时反馈",
    "每学期与分管教师一对一谈心全覆盖",
    "深入年级和教研组，每月至少参加一次教研活动",
    "对师生反映的问题一周内回复、限期整改",
)
SUPPORT = (
    "每周至少一次服务走访，倾听师生意见",
    "后勤维修报修24小时内响应",
    "食堂、宿舍安全检查每周一次",
)
GOALS = (
    "分管工作在全市同类学校中争先进位",
    "本学年组织校级公开课不少于20节",
    "推进课堂教学改革，形成一批优秀课例",
    "家长满意度测评达到95%以上",
)
BRANCH = (
    "建设团结务实、廉洁高效的领导班子（领导班子好）",
    "党员教师人人作承诺、个个当表率（干部队伍好）",
    "坚持“三会一课”和党员活动日制度（工作机制好）",
    "教育教学质量和群众满意度稳步提升（工作业绩好）",
    "师生、家长对支部工作的满意率达到95%以上（群众反映好）",
)
STANDARDS = ("五个模范", "党员标兵", "优秀共产党员")
EXPLANATIONS = ("因病休假一个多月，示范课和家访未完成", "结对帮扶活动次数不足，下学年补足")


def _items(member: Member, rng: random.Random) -> list[str]:
    posts = set(member.posts or [])
    if any(Post(p).is_cadre for p in posts):
        pool = CADRE
    elif Post.HEAD_TEACHER.value in posts:
        pool = HEAD_TEACHER + TEACHER[:2]
    elif Post.SUPPORT_STAFF.value in posts:
        pool = SUPPORT
    else:
        pool = TEACHER
    return rng.sample(pool, min(3, len(pool))) + rng.sample(COMMON, 1)


def _grade(rng: random.Random, number: int) -> tuple[str, str | None]:
    if number in (4, 11):  # two pledges not fully kept
        return ReviewGrade.AVERAGE.value, EXPLANATIONS[number % 2]
    return rng.choice((ReviewGrade.GOOD.value,) * 3 + (ReviewGrade.FAIRLY_GOOD.value,) * 2), None


def add_demo(ledger: Ledger, rng: random.Random, today: date | None = None) -> None:
    today = today or date.today()
    this_year = school_year_of(today)
    start = school_year_start(this_year)
    last_year = school_year_label(start - 1)
    party = (PoliticalStatus.FULL_MEMBER.value, PoliticalStatus.PROBATIONARY.value)
    with ledger.transaction(Topic.PLEDGE) as session:
        members = session.scalars(
            select(Member).where(Member.active.is_(True), Member.political_status.in_(party)).order_by(Member.id)
        ).all()
        last_pub = (date(start - 1, 9, 15), date(start - 1, 9, 21))
        review_day = date(start, 7, 3)
        this_pub = (date(start, 9, 12), date(start, 9, 18))
        places = [PublicationPlace.NOTICE_BOARD.value, PublicationPlace.WEB.value]

        def pledge(member, kind, year, items, status, pub=None, **review) -> Pledge:
            return Pledge(
                member_id=member.id if member else None, kind=kind, school_year=year,
                standard="五个好先进党支部" if member is None else rng.choice(STANDARDS),
                content_items=items, signed_date=(pub[0] - timedelta(days=3)) if pub else None,
                status=status, published_from=pub[0] if pub else None, published_to=pub[1] if pub else None,
                publication_places=list(places) if pub else [], **review,
            )

        reviewed = PledgeStatus.REVIEWED.value
        session.add(pledge(None, PledgeKind.BRANCH.value, last_year, list(BRANCH), reviewed, last_pub,
                           review_grade=ReviewGrade.GOOD.value, review_body=ReviewBody.TEACHERS_STUDENTS.value,
                           review_date=review_day, review_comment="师生满意率96.8%"))
        session.add(pledge(None, PledgeKind.BRANCH.value, this_year, list(BRANCH), PledgeStatus.IN_PROGRESS.value,
                           this_pub))
        in_progress = today > this_pub[1]
        for number, member in enumerate(members):
            items = _items(member, rng)
            is_cadre = any(Post(p).is_cadre for p in member.posts or [])
            if member.join_date is None or member.join_date < date(start - 1, 9, 1):
                grade, why = _grade(rng, number)
                session.add(pledge(member, PledgeKind.POST.value, last_year, items, reviewed, last_pub,
                                   review_grade=grade, review_body=ReviewBody.MEMBERS_MEETING.value,
                                   review_date=review_day, review_explanation=why))
            if number in (5, 17):  # not yet pledged this year
                continue
            new_items = items[:2] + rng.sample([i for i in COMMON if i not in items], 1)
            if number in (8, 20, 26):
                session.add(pledge(member, PledgeKind.POST.value, this_year, new_items, PledgeStatus.DRAFT.value))
            else:
                status = PledgeStatus.IN_PROGRESS.value if in_progress else PledgeStatus.PUBLISHED.value
                session.add(pledge(member, PledgeKind.POST.value, this_year, new_items, status, this_pub))
            if is_cadre:
                session.add(pledge(member, PledgeKind.GOAL.value, this_year, rng.sample(GOALS, 2),
                                   PledgeStatus.PUBLISHED.value, this_pub))
