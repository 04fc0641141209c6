"""The sample school's 意见建议 and 整改台账: ~50 suggestions, most turned into rectifications.

Suggestions written on the demo visits (when the visits sample exists) are collected first,
as the secretary would with 从家访记录汇总; more are entered directly (座谈会, 访谈 …). Each distinct
opinion gets one rectification, spread over every state, some overdue, some already published.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import exists, select

from desktop_app.domain.rectifications import (
    RectificationData, RectificationStatus, SuggestionData, validate_rectification, validate_suggestion,
)
from desktop_app.services.rectifications import collect_from_visits
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member
from desktop_app.store.models.rectifications import Rectification, Suggestion

TARGET_SUGGESTIONS = 50

# (content, category, source, raised_by, measure, responsible unit)
SAMPLES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("食堂午餐高峰排队时间过长", "logistics", "home_visit", "高一(2)班家长", "高峰时段增开两个售饭窗口，错峰就餐", "总务处"),
    ("放学时校门口车辆拥堵，学生过马路不安全", "safety", "meeting", "家长座谈会", "联系交警设置护学岗，放学时段安排教师值守", "政教处"),
    ("高三作业量偏大，学生睡眠不足", "teaching", "student_interview", "高三(1)班学生", "各学科统筹作业总量，年级组每周检查", "教务处"),
    ("希望每月通报一次学生在校表现", "home_school", "home_visit", "高二(3)班家长", "班主任每月通过家校平台反馈学生表现", "政教处"),
    ("宿舍热水供应时间太短", "logistics", "service_visit", "住校生", "延长热水供应至晚上十点半", "总务处"),
    ("绩效工资分配方案希望公开讨论", "staff_welfare", "teacher_interview", "数学组教师", "召开教代会讨论分配方案并公示", "校长办公室"),
    ("个别教师课堂上讽刺学生", "teacher_ethics", "student_interview", "高一(4)班学生", "开展师德师风专题学习，谈心谈话", "党支部"),
    ("实验室器材老化，分组实验难以开展", "teaching", "teacher_interview", "理化生组教师", "申请专项经费更新实验器材", "总务处"),
    ("希望增加课外阅读时间和图书借阅", "school_philosophy", "meeting", "家长座谈会", "图书馆延长开放时间，每周设阅读课", "教务处"),
    ("教室空调维修不及时", "logistics", "service_visit", "高二(1)班学生", "建立报修登记，48小时内处理", "总务处"),
    ("心理咨询室开放时间少", "student_care", "student_interview", "高二(2)班学生", "心理咨询室每天午间和傍晚开放", "政教处"),
    ("家长会时间安排在工作日，家长难以参加", "home_school", "home_visit", "高一(1)班家长", "家长会改在周末上午召开", "政教处"),
    ("学校网站信息更新慢", "other", "direct", "教师代表", "指定专人每周更新学校网站", "校长办公室"),
    ("体育课被其他学科占用", "teaching", "student_interview", "高三(2)班学生", "严格执行课程表，教务处巡查", "教务处"),
    ("教师体检项目偏少", "staff_welfare", "teacher_interview", "英语组教师", "增加体检项目，联系定点医院", "工会"),
    ("操场跑道破损，存在安全隐患", "safety", "service_visit", "体育组教师", "维修跑道破损部分，设置警示标志", "总务处"),
    ("希望多组织社会实践活动", "school_philosophy", "home_visit", "高二(4)班家长", "每学期组织一次社会实践", "团委"),
    ("晚自习没有教师答疑", "teaching", "student_interview", "高一(3)班学生", "安排学科教师轮流晚自习答疑", "年级组"),
    ("食堂饭菜偏咸偏油", "logistics", "home_visit", "高一(2)班家长", "调整菜谱，成立学生膳食委员会", "总务处"),
    ("学生手机管理规定执行不一致", "student_care", "teacher_interview", "班主任代表", "统一手机管理办法并告知家长", "政教处"),
    ("办公室电脑老旧影响备课", "staff_welfare", "teacher_interview", "语文组教师", "分批更换办公电脑", "总务处"),
    ("校园内电动车乱停放", "safety", "service_visit", "门卫", "划定停车区域并张贴告示", "保卫科"),
    ("希望公开学校发展规划", "school_philosophy", "direct", "教师代表", "在教职工大会上通报三年发展规划", "校长办公室"),
    ("个别班级课后服务收费不清楚", "teacher_ethics", "home_visit", "高二(1)班家长", "清理课后服务收费，公示收费标准", "党支部"),
    ("图书馆座位不够", "logistics", "student_interview", "高三(3)班学生", "增设自习座位四十个", "总务处"),
    ("家校联系电话常打不通", "home_school", "home_visit", "高三(4)班家长", "公布年级值班电话，确保有人接听", "政教处"),
    ("希望增加学生社团活动时间", "student_care", "student_interview", "学生会", "每周三下午安排社团活动", "团委"),
    ("职称评聘标准希望提前公布", "staff_welfare", "teacher_interview", "青年教师", "提前一个月公布评聘方案并解读", "校长办公室"),
)

# Measures for the suggestions the visits sample writes (collected with 从家访记录汇总).
VISIT_MEASURES = {
    "希望学校延长图书馆开放时间": ("图书馆工作日开放至晚上九点，周六上午开放", "教务处"),
    "食堂饭菜品种可以再丰富一些": ("每周公布菜谱，增加面食和时令蔬菜", "总务处"),
    "放学时段校门口交通拥堵": ("联系交警设置护学岗，错峰放学", "政教处"),
    "希望多组织家长开放日": ("每学期举办两次家长开放日", "政教处"),
    "作业量有时偏大": ("年级组统筹各科作业量，每周公示", "教务处"),
    "希望增加心理健康讲座": ("每月一次心理健康讲座，开放心理咨询室", "政教处"),
    "宿舍热水供应时间太短": ("延长热水供应至晚上十点半", "总务处"),
}
FALLBACK_MEASURE = ("研究后制定整改措施并向师生反馈", "党支部")
MIN_DIRECT = 16

RESULTS = (
    "已落实，回访满意", "措施已执行，师生反映良好", "已完成并形成制度", "问题已解决，已向提出人反馈",
)


def _members(session) -> dict[int, str]:
    return dict(session.execute(select(Member.id, Member.name).where(Member.active.is_(True)).order_by(Member.id)).all())


def add_demo(ledger: Ledger, rng: random.Random) -> None:
    with ledger.reading() as session:
        if session.scalar(select(exists().where(Suggestion.id.is_not(None)))):
            return
    collected = collect_from_visits(ledger).created  # the demo visits' suggestions, if that sample exists
    today = date.today()
    with ledger.transaction(Topic.SUGGESTION, Topic.RECTIFICATION) as session:
        names = _members(session)
        members = list(names)
        for i in range(max(MIN_DIRECT, TARGET_SUGGESTIONS - collected)):
            content, category, source, raised_by, _measure, _unit = SAMPLES[i % len(SAMPLES)]
            data = SuggestionData(
                content=content if i < len(SAMPLES) else f"{content}（再次反映）",
                category=category, source=source, raised_by=raised_by,
                raised_on=today - timedelta(days=rng.randint(5, 150)),
                recorder_id=rng.choice(members) if members else None,
            )
            assert not validate_suggestion(data, today)
            session.add(Suggestion(**vars(data)))
        session.flush()
        measures = {s[0]: (s[4], s[5]) for s in SAMPLES} | VISIT_MEASURES
        seen: set[str] = set()
        for suggestion in session.scalars(select(Suggestion).order_by(Suggestion.raised_on, Suggestion.id)):
            base = suggestion.content.removesuffix("（再次反映）")
            # The same opinion raised again is sorted under the first one (归类整理), and about
            # one distinct opinion in six is still waiting to be studied (未立整改).
            if base in seen:
                continue
            seen.add(base)
            if len(seen) % 6 == 0:
                continue
            measure, unit = measures.get(base, FALLBACK_MEASURE)
            data = _rectification(rng, today, suggestion.raised_on, measure, unit, members)
            if data.responsible_member_id:
                data.responsible_name = names[data.responsible_member_id]
            assert not validate_rectification(data, today, suggestion.raised_on), data
            session.add(Rectification(suggestion_id=suggestion.id, **vars(data)))


def _rectification(rng: random.Random, today: date, raised_on: date, measure: str, unit: str,
                   members: list[int]) -> RectificationData:
    deadline = raised_on + timedelta(days=rng.choice((14, 30, 45, 60, 90)))
    roll = rng.random()
    if deadline < today and roll < 0.75:
        status = RectificationStatus.DONE
    elif roll < 0.8:
        status = RectificationStatus.IN_PROGRESS
    else:
        status = RectificationStatus.PENDING
    completed_on = result = published_on = None
    if status is RectificationStatus.DONE:
        completed_on = min(today, raised_on + timedelta(days=rng.randint(3, max(3, (deadline - raised_on).days + 5))))
        result = rng.choice(RESULTS)
        if rng.random() < 0.7:
            published_on = min(today, completed_on + timedelta(days=rng.randint(1, 10)))
    return RectificationData(
        measure=measure, target="让师生满意" if rng.random() < 0.5 else None,
        responsible_unit=unit,
        responsible_member_id=rng.choice(members) if members and rng.random() < 0.6 else None,
        deadline=deadline, status=status.value, completed_on=completed_on, result=result,
        published_on=published_on,
    )
