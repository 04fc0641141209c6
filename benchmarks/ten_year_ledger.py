"""Generate a realistic ten-year ledger: 200 members, 3,000 students, 50,000 observations,
150,000 visits, pledges and evaluations every year.

    python benchmarks/ten_year_ledger.py DATA_DIR [--years 10]

The file is created through the real migrations (open_ledger) and filled with bulk inserts.
Deterministic: the same seed gives the same ledger.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain import idcard  # noqa: E402
from desktop_app.domain.records import AssistanceKind, LessonType, Rating, SixLook, SixTalk, VisitKind  # noqa: E402
from desktop_app.domain.vocab import Post  # noqa: E402
from desktop_app.store.ledger import open_ledger  # noqa: E402
from desktop_app.store.models import Member, SchoolClass, Student  # noqa: E402
from desktop_app.store.models.evaluations import EvaluationScore  # noqa: E402
from desktop_app.store.models.pledges import Pledge  # noqa: E402
from desktop_app.store.models.records import Observation, Visit, VisitStudent  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志新宇浩然思雨晨欣悦子涵梓轩博文佳怡"
GRADES = ("高一", "高二", "高三")
SUBJECTS = ("语文", "数学", "英语", "物理", "化学", "生物", "政治", "历史", "地理", "体育", "信息技术", "美术", "音乐")


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def id_number(rng: random.Random, birth: date) -> str:
    first17 = f"{rng.choice(('110105', '320102', '440103', '510104'))}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + idcard.check_char(first17)


def school_days(start: date, end: date) -> list[date]:
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 and day.month not in (7, 8):
            days.append(day)
        day += timedelta(days=1)
    return days


def generate(data_dir: Path, years: int = 10, seed: int = 10, scale: float = 1.0) -> dict[str, int]:
    rng = random.Random(seed)
    ledger = open_ledger(data_dir)
    last_year = date.today().year if date.today().month >= 9 else date.today().year - 1
    first_year = last_year - years + 1
    posts = [p.value for p in Post]
    counts: dict[str, int] = {}
    with ledger.transaction() as session:
        members = []
        for i in range(200):
            birth = date(rng.randint(1965, 1998), rng.randint(1, 12), rng.randint(1, 28))
            role = posts[i] if i < len(posts) else rng.choice((Post.HEAD_TEACHER.value, Post.SUBJECT_TEACHER.value,
                                                                Post.SUBJECT_TEACHER.value, Post.SUPPORT_STAFF.value))
            members.append(dict(
                id=i + 1, name=name(rng), gender=rng.choice(("male", "female")), birth_date=birth,
                political_status=rng.choices(("full_member", "probationary", "activist", "non_party"), (70, 5, 10, 15))[0],
                party_group=f"{rng.choice(GRADES)}党小组", department=rng.choice(GRADES) + "年级组", posts=[role],
                subject=rng.choice(SUBJECTS), backbone_titles=[], phone=f"139{rng.randrange(10**8):08d}",
                id_number=id_number(rng, birth), active=True,
            ))
        session.execute(insert(Member), members)
        classes = [dict(id=i + 1, name=f"{GRADES[i // 20]}({i % 20 + 1})班", grade=GRADES[i // 20],
                        head_teacher_id=(i % 200) + 1) for i in range(60)]
        session.execute(insert(SchoolClass), classes)
        students = [dict(id=i + 1, name=name(rng), class_id=i // 50 + 1, student_number=f"S{i + 1:05d}",
                         gender=rng.choice(("male", "female")), flags=[], guardian_name=name(rng),
                         phone=f"138{rng.randrange(10**8):08d}", address="示例市某区某路", active=True)
                    for i in range(3000)]
        session.execute(insert(Student), students)
        days = school_days(date(first_year, 9, 1), date(last_year + 1, 6, 30))
        looks = [s.value for s in SixLook]
        ratings = [r.value for r in Rating]
        lessons = [t.value for t in LessonType]
        n_obs = int(50_000 * scale)
        observations = [dict(
            date=rng.choice(days), observer_id=rng.randint(1, 200), teacher_id=rng.randint(1, 200),
            lesson_no=rng.randint(1, 8), class_id=rng.randint(1, 60), subject=rng.choice(SUBJECTS),
            lesson_type=rng.choice(lessons), ratings={k: rng.choice(ratings) for k in looks},
            comment="教学目标明确，课堂组织有序。", suggestions=None,
        ) for _ in range(n_obs)]
        for chunk in range(0, len(observations), 10_000):
            session.execute(insert(Observation), observations[chunk:chunk + 10_000])
        kinds = [k.value for k in VisitKind]
        talks = [t.value for t in SixTalk]
        help_kinds = [a.value for a in AssistanceKind]
        n_visits = int(150_000 * scale)
        visits, links = [], []
        for visit_id in range(1, n_visits + 1):
            kind = rng.choices(kinds, (60, 12, 3, 10, 5, 8, 2))[0]
            student = rng.randint(1, 3000)
            visits.append(dict(
                id=visit_id, date=rng.choice(days), visitor_id=rng.randint(1, 200), kind=kind,
                class_id=(student - 1) // 50 + 1, target_member_id=rng.randint(1, 200) if kind == "teacher_interview" else None,
                interviewee="家长" if kind in ("phone", "home", "online") else None,
                topics=rng.sample(talks, 2), assistance=rng.sample(help_kinds, 1) if rng.random() < 0.2 else [],
                content="了解学生在家学习情况，沟通在校表现。",
                suggestions="希望加强晚自习管理" if rng.random() < 0.01 else None,
                follow_up_needed=rng.random() < 0.05, follows_visit_id=None,
            ))
            if kind not in ("teacher_interview", "service"):
                links.append(dict(visit_id=visit_id, student_id=student))
        for chunk in range(0, len(visits), 10_000):
            session.execute(insert(Visit), visits[chunk:chunk + 10_000])
        for chunk in range(0, len(links), 20_000):
            session.execute(insert(VisitStudent), links[chunk:chunk + 20_000])
        pledges, scores = [], []
        for year in range(first_year, last_year + 1):
            label = f"{year}-{year + 1}"
            for member in members:
                if member["political_status"] not in ("full_member", "probationary"):
                    continue
                pledges.append(dict(
                    member_id=member["id"], kind="post", school_year=label, standard="五个模范",
                    content_items=["每学期上好一节示范课", "结对帮扶一名青年教师"], signed_date=date(year, 9, 15),
                    status="reviewed", published_from=date(year, 9, 20), published_to=date(year, 10, 5),
                    publication_places=["notice_board"], review_grade=rng.choice(("good", "good", "fairly_good", "average")),
                    review_body="members_meeting", review_date=date(year + 1, 6, 20),
                ))
                for semester in (1, 2):
                    scores.append(dict(member_id=member["id"], school_year=label, semester=semester,
                                       entered={}, bonuses=[], deductions=[]))
        session.execute(insert(Pledge), pledges)
        session.execute(insert(EvaluationScore), scores)
        counts = {"members": len(members), "classes": len(classes), "students": len(students),
                  "observations": n_obs, "visits": n_visits, "visit_students": len(links),
                  "pledges": len(pledges), "evaluation_scores": len(scores)}
    ledger.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the observation/visit volume")
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate(Path(args.data_dir), args.years, scale=args.scale)
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()), f"— {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
