"""The sample school's people: settings, ~36 staff, 12 classes of ~40 students, cultivation plans.

示例市第一中学: a 12-class senior high school whose branch has 31 members (3 of them
probationary), one development target, two activists and two non-party staff, with every
post the quotas know about. Written with the models in one transaction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.domain.calendar import school_year_of, school_year_start
from desktop_app.domain.vocab import CultivationKind, Post, StudentFlag
from desktop_app.services import settings
from desktop_app.services.demo import sample_names
from desktop_app.services.roster import has_people as has_people  # where the demo asks it
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Cultivation, Member, MemberLeave, SchoolClass, Setting, Student

SCHOOL_NAME = "示例市第一中学"
BRANCH_NAME = "示例市第一中学党支部"
GRADES = ("高一", "高二", "高三")
CLASSES_PER_GRADE = 4
SUBJECTS = ("语文", "数学", "英语", "物理", "化学", "生物", "政治", "历史", "地理")

FULL, PROBATIONARY, TARGET, ACTIVIST, NON_PARTY = (
    "full_member", "probationary", "development_target", "activist", "non_party")
P = Post


@dataclass(frozen=True)
class Role:
    """One staff place in the sample school; the person filling it is drawn at random."""

    posts: tuple[Post, ...]
    department: str
    party_group: str
    ages: tuple[int, int]
    status: str = FULL
    subject: str | None = None
    titles: tuple[str, ...] = ()
    grade: str | None = None  # head teachers: the grade whose next class they lead


def _roster() -> list[Role]:
    admin = "行政党小组"
    roles = [
        Role((P.PRINCIPAL,), "校长室", admin, (50, 57), titles=("名师",)),
        Role((P.TEACHING_VICE_PRINCIPAL, P.SUBJECT_TEACHER), "校长室", admin, (45, 54), subject="数学", titles=("学科带头人",)),
        Role((P.VICE_PRINCIPAL,), "校长室", admin, (44, 55)),
        Role((P.TEACHER_DEVELOPMENT_HEAD, P.SUBJECT_TEACHER), "教师发展处", admin, (40, 50), subject="英语", titles=("教学骨干",)),
        Role((P.ACADEMIC_AFFAIRS_HEAD, P.SUBJECT_TEACHER), "教务处", admin, (38, 50), subject="物理"),
        Role((P.OFFICE_HEAD,), "政教处", admin, (38, 52), subject="政治"),
        Role((P.GENERAL_AFFAIRS_HEAD,), "总务处", admin, (42, 56)),
    ]
    for grade, subject in zip(GRADES, ("化学", "历史", "地理")):
        roles.append(Role((P.GRADE_DIRECTOR, P.SUBJECT_TEACHER), f"{grade}年级组", f"{grade}党小组", (38, 50), subject=subject))
    for subject, title in (("语文", "学科带头人"), ("数学", "教学骨干"), ("英语", "学科带头人"), ("物理", "教学能手")):
        roles.append(Role((P.SUBJECT_LEADER, P.SUBJECT_TEACHER), f"{subject}教研组", admin, (36, 52), subject=subject, titles=(title,)))
    head_statuses = {5: TARGET, 9: ACTIVIST}  # a backbone head teacher being brought into the Party
    head_titles = {0: ("优秀班主任",), 3: ("教学骨干",), 5: ("教学骨干",), 7: ("优秀班主任",), 9: ("教学能手",)}
    for index in range(len(GRADES) * CLASSES_PER_GRADE):
        grade = GRADES[index // CLASSES_PER_GRADE]
        roles.append(Role(
            (P.HEAD_TEACHER, P.SUBJECT_TEACHER), f"{grade}年级组", f"{grade}党小组", (26, 46),
            status=head_statuses.get(index, FULL), subject=SUBJECTS[index % len(SUBJECTS)],
            titles=head_titles.get(index, ()), grade=grade,
        ))
    for index, (subject, status) in enumerate((
        ("生物", PROBATIONARY), ("英语", PROBATIONARY), ("数学", PROBATIONARY), ("语文", ACTIVIST),
        ("信息技术", FULL), ("体育", NON_PARTY), ("音乐", FULL),
    )):
        grade = GRADES[index % len(GRADES)]
        ages = (24, 30) if status == PROBATIONARY else (25, 45)
        roles.append(Role((P.SUBJECT_TEACHER,), f"{grade}年级组", f"{grade}党小组", ages, status=status, subject=subject))
    for department, status in (("图书馆", FULL), ("实验室", NON_PARTY), ("总务处", FULL)):
        roles.append(Role((P.SUPPORT_STAFF,), department, "后勤党小组", (30, 55), status=status))
    return roles


def add_demo(ledger: Ledger, rng: random.Random, today: date | None = None) -> None:
    today = today or date.today()
    names = sample_names.NameMaker(rng)
    with ledger.transaction(Topic.SETTING, Topic.MEMBER, Topic.SCHOOL_CLASS, Topic.STUDENT, Topic.CULTIVATION) as session:
        for key, value in _settings(rng, today).items():
            session.merge(Setting(key=key, value=value))
        roster = _roster()
        members = [_member(role, names, rng, today) for role in roster]
        session.add_all(members)
        session.flush()
        by_role = list(zip(roster, members))
        classes = _classes(by_role, today)
        session.add_all(classes)
        session.flush()
        for school_class in classes:
            session.add_all(_students(school_class, names, rng, today))
        session.add_all(_cultivations(by_role, today))
        session.add_all(_leaves(by_role, today))


def _settings(rng: random.Random, today: date) -> dict:
    year = school_year_of(today)
    start = school_year_start(year)
    first = (date(start, 9, 1), date(start + 1, 1, rng.randint(16, 23)))
    second = (date(start + 1, 2, rng.randint(16, 24)), date(start + 1, 7, rng.randint(5, 12)))
    return {
        settings.SCHOOL_NAME: SCHOOL_NAME,
        settings.BRANCH_NAME: BRANCH_NAME,
        settings.SEMESTERS: {year: {"first": [d.isoformat() for d in first],
                                    "second": [d.isoformat() for d in second]}},
    }


def _member(role: Role, names: sample_names.NameMaker, rng: random.Random, today: date) -> Member:
    female_share = 0.35 if role.ages[0] >= 44 else 0.62  # leaders skew male, teachers female
    gender = "female" if rng.random() < female_share else "male"
    born = sample_names.birth_date(rng, today, *role.ages)
    join_date = full_date = None
    if role.status == FULL:
        join_date = born.replace(year=born.year + rng.randint(21, min(35, max(22, today.year - born.year - 2))),
                                 month=rng.choice((5, 6, 7, 12)), day=rng.randint(1, 28))
        join_date = min(join_date, today - timedelta(days=400))
        full_date = join_date + timedelta(days=365)
    elif role.status == PROBATIONARY:
        join_date = today - timedelta(days=rng.randint(60, 300))
    backbone = list(role.titles)
    return Member(
        name=names.person(gender), gender=gender, birth_date=born,
        ethnicity=rng.choice(("汉族",) * 12 + ("回族", "满族", "壮族")),
        education=rng.choice(("本科", "大专")) if P.SUPPORT_STAFF in role.posts else rng.choice(("研究生", "本科", "本科")),
        political_status=role.status, join_date=join_date, full_member_date=full_date,
        party_group=role.party_group if role.status != NON_PARTY else None,
        department=role.department, posts=[post.value for post in role.posts], subject=role.subject,
        backbone_titles=backbone, phone=sample_names.mobile(rng),
        id_number=sample_names.id_number(rng, born, gender), active=True,
        school_start_date=min(date(born.year + 23, 8, 25), date(school_year_start(school_year_of(today)) - 1, 8, 25)),
    )


def _classes(by_role: list[tuple[Role, Member]], today: date) -> list[SchoolClass]:
    heads = {grade: [m for r, m in by_role if r.grade == grade] for grade in GRADES}
    return [
        SchoolClass(name=f"{grade}({number})班", grade=grade, head_teacher=heads[grade][number - 1])
        for grade in GRADES for number in range(1, CLASSES_PER_GRADE + 1)
    ]


FLAG_CHANCES = (
    (StudentFlag.STUDENT_CADRE, 0.12), (StudentFlag.LEARNING_DIFFICULTY, 0.08),
    (StudentFlag.HARDSHIP, 0.05), (StudentFlag.PSYCHOLOGICAL, 0.04), (StudentFlag.LEFT_BEHIND, 0.06),
)


def _students(school_class: SchoolClass, names: sample_names.NameMaker, rng: random.Random, today: date) -> list[Student]:
    grade_index = GRADES.index(school_class.grade)
    entry_year = school_year_start(school_year_of(today)) - grade_index
    number = int(school_class.name[3:-2])
    students = []
    for seat in range(1, rng.randint(38, 42) + 1):
        gender = "male" if rng.random() < 0.5 else "female"
        surname = names.surname()
        guardian_gender = "male" if rng.random() < 0.55 else "female"
        students.append(Student(
            name=names.person(gender, surname), class_id=school_class.id,
            student_number=f"{entry_year}{number:02d}{seat:02d}", gender=gender,
            flags=[flag.value for flag, chance in FLAG_CHANCES if rng.random() < chance],
            guardian_name=names.person(guardian_gender, surname if guardian_gender == "male" else None),
            phone=sample_names.mobile(rng), address=sample_names.address(rng), active=True,
        ))
    return students


def _cultivations(by_role: list[tuple[Role, Member]], today: date) -> list[Cultivation]:
    def first(predicate) -> Member:
        return next(m for r, m in by_role if predicate(r))

    teaching_vp = first(lambda r: P.TEACHING_VICE_PRINCIPAL in r.posts)
    target = first(lambda r: r.status == TARGET)
    activist = first(lambda r: r.status == ACTIVIST and r.titles)
    grade_director = first(lambda r: P.GRADE_DIRECTOR in r.posts)
    leaders = [m for r, m in by_role if P.SUBJECT_LEADER in r.posts]
    young = [m for r, m in by_role if r.status == PROBATIONARY]
    start = date(school_year_start(school_year_of(today)), 9, 10)
    plans = [
        Cultivation(kind=CultivationKind.BACKBONE_TO_MEMBER.value, member=target, mentor=teaching_vp,
                    target="按期完成发展程序，培养成为中共党员", start_date=start.replace(year=start.year - 1),
                    stage="考察中", notes="已完成政治审查，拟于下学期提交支部大会讨论。"),
        Cultivation(kind=CultivationKind.BACKBONE_TO_MEMBER.value, member=activist, mentor=grade_director,
                    target="一年内列为发展对象", start_date=start, stage="结对帮扶中",
                    notes="每月谈心一次，参加支部理论学习。"),
    ]
    for member, mentor in zip(young, leaders):
        plans.append(Cultivation(kind=CultivationKind.MEMBER_TO_BACKBONE.value, member=member, mentor=mentor,
                                 target="三年内成长为校级教学骨干", start_date=start, stage="结对帮扶中",
                                 notes="师徒结对，每周互相听课一节，每学期上一节示范课。"))
    return plans


def _leaves(by_role: list[tuple[Role, Member]], today: date) -> list[MemberLeave]:
    """请假 this school year: a subject leader's fortnight of training, a young member's 产假."""
    start = school_year_start(school_year_of(today))
    leader = next(m for r, m in by_role if P.SUBJECT_LEADER in r.posts)
    young = next(m for r, m in by_role if r.status == PROBATIONARY)
    return [
        MemberLeave(member=leader, kind="training", start_date=date(start, 10, 13), end_date=date(start, 10, 24),
                    reason="市级骨干教师培训"),
        MemberLeave(member=young, kind="maternity" if young.gender == "female" else "personal",
                    start_date=date(start, 11, 3), end_date=date(start, 12, 31), reason="产假" if young.gender == "female" else "陪产及家事"),
    ]
