"""Observation and visit services against a real ledger, with the small known school."""

from __future__ import annotations

from datetime import date

import pytest
from records_school import make_people, make_school

from desktop_app.domain.calendar import Period, month_period
from desktop_app.domain.quotas import QuotaSettings, Tally
from desktop_app.services.errors import InUse, ValidationError
from desktop_app.services.members import delete_member
from desktop_app.services.records.observations import ObservationData, add_observation, list_observations
from desktop_app.services.records.queries import (
    behind_list, class_coverage, member_fulfilment, students_not_reached, teacher_interview_coverage, totals,
)
from desktop_app.services.records.quota_settings import load_holidays, load_quotas, save_holidays, save_quotas
from desktop_app.services.records.visits import VisitData, add_visit, delete_visits, get_visit, list_visits, update_visit

pytestmark = pytest.mark.both_engines

SEPTEMBER = month_period(2025, 9)


def test_member_fulfilment_for_september(ledger):
    school = make_school(ledger)
    m = school.members
    got = member_fulfilment(ledger, SEPTEMBER)
    principal = got[m["王校长"]]
    assert (principal.observations, principal.demo_lessons, principal.visits) == (Tally(3, 22), Tally(0, 0), Tally(0, 15))
    director = got[m["李主任"]]
    assert (director.observations, director.demo_lessons, director.visits) == (Tally(1, 26), Tally(0, 1), Tally(0, 15))
    head = got[m["张老师"]]
    # Two observers recorded the same 示范课: one lesson given.
    assert (head.observations, head.demo_lessons, head.visits) == (Tally(0, 0), Tally(1, 1), Tally(2, 15))
    assert got[m["赵老师"]].visits == Tally(2, 10)
    assert got[m["钱师傅"]].visits == Tally(1, 4) and got[m["钱师傅"]].visit_kind == "service"
    # shortfalls: 李主任 25+1+15, 王校长 19+0+15, 张老师 0+0+13 …
    assert [f.name for f in behind_list(got)][:3] == ["李主任", "王校长", "张老师"]
    assert "年级主任" in director.explain[0]


def test_leaving_member_is_pro_rated_and_gone_afterwards(ledger):
    school = make_people(ledger)
    from desktop_app.services.members import get_member, update_member
    data = get_member(ledger, school.members["赵老师"])
    data.active, data.left_date = False, date(2025, 9, 10)
    update_member(ledger, school.members["赵老师"], data)
    assert member_fulfilment(ledger, SEPTEMBER)[school.members["赵老师"]].visits_required == 4  # 10 × 8/22
    assert school.members["赵老师"] not in member_fulfilment(ledger, month_period(2025, 10))


def test_holidays_and_quota_settings_change_the_figures(ledger):
    school = make_people(ledger)
    save_quotas(ledger, QuotaSettings(observations_per_week={"principal": 4}))
    save_holidays(ledger, [Period(date(2025, 9, 29), date(2025, 9, 30), "国庆")])
    assert load_quotas(ledger).observations_per_week["principal"] == 4
    assert load_holidays(ledger)[0].label == "国庆"
    # 20 school days × 4/5 = 16
    assert member_fulfilment(ledger, SEPTEMBER)[school.members["王校长"]].observations_required == 16


def test_totals_and_coverage(ledger):
    school = make_school(ledger)
    t = totals(ledger, SEPTEMBER)
    # two colleagues recorded one 示范课: one lesson (as 张老师's own figure says), four 听课 records
    assert (t.observations, t.demo_lessons, t.visits, t.students_reached, t.suggestions) == (4, 1, 8, 4, 1)
    assert t.visits_by_kind == {"phone": 4, "home": 1, "student_interview": 1, "service": 1, "teacher_interview": 1}
    one, two = class_coverage(ledger, SEPTEMBER)
    assert one.class_name == "高一(1)班" and one.head_teacher_name == "张老师"
    assert (one.phone, one.home, one.interview) == (Tally(3, 6), Tally(2, 2), Tally(1, 5))
    assert (two.phone, two.home, two.interview) == (Tally(0, 3), Tally(0, 1), Tally(0, 3))
    missing = [s.name for s in students_not_reached(ledger, school.classes["高一(1)班"], SEPTEMBER, "phone")]
    assert missing == ["学生丁", "学生戊", "学生己"]
    # 李主任 (数学), 张老师, 赵老师 teach; only 赵老师 was interviewed
    assert teacher_interview_coverage(ledger, SEPTEMBER) == Tally(1, 3)


def test_lists_filter_in_sql(ledger):
    school = make_school(ledger)
    m = school.members
    assert len(list_visits(ledger, SEPTEMBER)) == 8
    assert len(list_visits(ledger, month_period(2025, 10))) == 1
    by_zhao = list_visits(ledger, SEPTEMBER, member_id=m["赵老师"])
    assert {v.visitor_name for v in by_zhao} == {"赵老师", "王校长"}  # visited or interviewed
    home = list_visits(ledger, SEPTEMBER, kind="home")
    assert home[0].student_names == ("学生甲", "学生丙") and home[0].class_name == "高一(1)班"
    assert len(list_visits(ledger, SEPTEMBER, student_id=school.students["学生甲"])) == 3
    obs = list_observations(ledger, SEPTEMBER, lesson_type="demonstration")
    assert [o.observer_name for o in obs] == ["李主任", "王校长"]


def test_bad_entries_are_refused_with_reasons(ledger):
    school = make_people(ledger)
    m = school.members
    with pytest.raises(ValidationError) as err:
        add_observation(ledger, ObservationData(date=date(2025, 9, 1), observer_id=m["王校长"], teacher_id=m["王校长"],
                                                lesson_no=30))
    assert "不能是同一人" in str(err.value) and "节次" in str(err.value)
    with pytest.raises(ValidationError) as err:
        add_visit(ledger, VisitData(date=date(2025, 9, 1), visitor_id=m["张老师"], kind="phone"))
    assert "学生" in str(err.value)
    with pytest.raises(ValidationError):
        add_visit(ledger, VisitData(date=date(2025, 9, 1), visitor_id=m["王校长"], kind="teacher_interview"))
    assert list_visits(ledger, None) == []


def test_follow_up_update_and_delete(ledger):
    school = make_people(ledger)
    m, s = school.members, school.students
    first = add_visit(ledger, VisitData(date=date(2025, 9, 1), visitor_id=m["张老师"], kind="home",
                                        student_ids=[s["学生甲"]], follow_up_needed=True, suggestions="希望加强晚自习"))
    second = add_visit(ledger, VisitData(date=date(2025, 9, 20), visitor_id=m["张老师"], kind="phone",
                                         student_ids=[s["学生甲"]], follows_visit_id=first))
    data = get_visit(ledger, second)
    data.student_ids = [s["学生乙"]]
    update_visit(ledger, second, data)
    assert list_visits(ledger, SEPTEMBER, kind="phone")[0].student_names == ("学生乙",)
    # A member with visits cannot be deleted; the visit can, and the follow-up link clears.
    with pytest.raises(InUse) as err:
        delete_member(ledger, m["张老师"])
    assert "家访记录" in str(err.value)
    delete_visits(ledger, [first])
    assert get_visit(ledger, second).follows_visit_id is None


def test_demo_records_fill_the_current_semester(ledger):
    import random

    from desktop_app.services.demo import people, records
    today = date(2025, 11, 20)
    people.add_demo(ledger, random.Random(1), today)
    records.add_demo(ledger, random.Random(1), today)
    term = Period(date(2025, 9, 1), today)
    t = totals(ledger, term)
    assert t.observations > 300 and t.demo_lessons > 0 and t.visits_by_kind["phone"] > 500
    assert t.visits_by_kind["service"] > 0 and t.visits_by_kind["teacher_interview"] > 0
    got = member_fulfilment(ledger, month_period(2025, 10))
    assert any(f.behind for f in got.values()) and any(f.has_quota and not f.behind for f in got.values())
    assert load_holidays(ledger)[0].label == "国庆节"


def test_a_refused_holiday_is_a_user_error_and_nothing_is_saved(ledger):
    from desktop_app.services.errors import UserError

    with pytest.raises(UserError, match="结束日期早于开始日期"):
        save_holidays(ledger, [Period(date(2025, 10, 7), date(2025, 10, 1), "国庆")])
    assert load_holidays(ledger) == []


def test_only_the_class_own_head_teacher_home_visits_count_toward_its_share(ledger):
    """docs/domain.md, 家访 coverage: the home-visit share is the 班主任's duty (domain.quotas.COVERAGE_RULES)."""
    school = make_school(ledger)
    m, s = school.members, school.students
    add_visit(ledger, VisitData(date=date(2025, 9, 16), visitor_id=m["赵老师"], kind="home", student_ids=[s["学生乙"]]))
    add_visit(ledger, VisitData(date=date(2025, 9, 17), visitor_id=m["张老师"], kind="home", student_ids=[s["学生子"]]))
    one, two = class_coverage(ledger, SEPTEMBER)
    assert (one.home, two.home) == (Tally(2, 2), Tally(0, 1))
    missing = [st.name for st in students_not_reached(ledger, school.classes["高一(1)班"], SEPTEMBER, "home")]
    assert "学生乙" in missing
