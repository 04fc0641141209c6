"""#21 item 4 with a real ledger: 入校日期, 请假 and 离开日期 decide what is owed and which records count.

September 2025 has 22 school days, October 23 (no holidays set here).
"""

from __future__ import annotations

from datetime import date

import pytest
from import_helpers import write_book
from records_school import make_people

from desktop_app.domain.calendar import month_period
from desktop_app.domain.presence import LeaveData
from desktop_app.services import importing
from desktop_app.services.errors import ValidationError
from desktop_app.services.leaves import add_leave, delete_leaves, list_leaves
from desktop_app.services.members import get_member, update_member
from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.queries import member_fulfilment
from desktop_app.services.records.visits import VisitData, add_visit
from desktop_app.store.models.records import Visit

pytestmark = pytest.mark.both_engines

SEPTEMBER, OCTOBER = month_period(2025, 9), month_period(2025, 10)


def _change(ledger, member_id, **fields):
    data = get_member(ledger, member_id)
    for name, value in fields.items():
        setattr(data, name, value)
    update_member(ledger, member_id, data)


def test_school_duties_start_on_the_day_of_joining_the_school(ledger):
    school = make_people(ledger)
    zhao = school.members["赵老师"]  # 任课教师: 10 phone visits a month
    _change(ledger, zhao, school_start_date=date(2025, 9, 15))
    assert member_fulfilment(ledger, SEPTEMBER)[zhao].visits_required == 5  # 10 × 12/22 = 5.45
    assert member_fulfilment(ledger, OCTOBER)[zhao].visits_required == 10
    _change(ledger, zhao, school_start_date=date(2025, 11, 1))
    assert zhao not in member_fulfilment(ledger, OCTOBER)  # not at school yet


def test_a_month_of_leave_owes_nothing_and_the_leave_is_listed(ledger):
    school = make_people(ledger)
    zhang = school.members["张老师"]  # 班主任, party teacher: 15 visits, 1 示范课 a month
    leave = add_leave(ledger, LeaveData(zhang, "maternity", date(2025, 10, 1), date(2025, 10, 31), " 产假 "))
    october = member_fulfilment(ledger, OCTOBER)[zhang]
    assert (october.visits_required, october.demo_lessons_required) == (0, 0)
    assert member_fulfilment(ledger, SEPTEMBER)[zhang].visits_required == 15
    [row] = list_leaves(ledger, zhang)
    assert (row.kind_label, row.days, row.reason) == ("产假", 31, "产假")
    delete_leaves(ledger, [leave])
    assert member_fulfilment(ledger, OCTOBER)[zhang].visits_required == 15


def test_a_leave_is_checked_before_it_is_saved(ledger):
    school = make_people(ledger)
    zhang = school.members["张老师"]
    with pytest.raises(ValidationError) as caught:
        add_leave(ledger, LeaveData(zhang, "training", date(2025, 10, 9), date(2025, 10, 1)))
    assert str(caught.value) == "结束日期：不能早于开始日期"
    _change(ledger, zhang, school_start_date=date(2025, 9, 1))
    with pytest.raises(ValidationError, match="开始日期：早于此人的入校日期 2025-09-01"):
        add_leave(ledger, LeaveData(zhang, "training", date(2025, 8, 20), date(2025, 9, 5)))
    assert list_leaves(ledger, zhang) == []


def test_records_outside_a_persons_time_at_school_are_refused(ledger):
    school = make_people(ledger)
    m = school.members
    _change(ledger, m["赵老师"], active=False, left_date=date(2025, 9, 10))
    with pytest.raises(ValidationError) as caught:
        add_visit(ledger, VisitData(date=date(2025, 9, 12), visitor_id=m["赵老师"], kind="phone",
                                    student_ids=[school.students["学生甲"]]))
    assert str(caught.value) == ("访问人：访问人“赵老师”已于2025-09-10离开学校，2025-09-12的记录在离开之后，"
                                 "不能计入（如离开日期有误，请先在党员页更正）")
    _change(ledger, m["李主任"], school_start_date=date(2025, 9, 8))
    with pytest.raises(ValidationError, match="授课教师“李主任”2025-09-08才入校"):
        add_observation(ledger, ObservationData(date=date(2025, 9, 5), observer_id=m["王校长"],
                                                teacher_id=m["李主任"], lesson_type="demonstration"))
    add_visit(ledger, VisitData(date=date(2025, 9, 9), visitor_id=m["赵老师"], kind="phone",
                                student_ids=[school.students["学生甲"]]))  # before leaving: fine


def test_a_visit_imported_after_the_leave_date_is_a_bad_row(ledger, tmp_path):
    school = make_people(ledger)
    _change(ledger, school.members["赵老师"], active=False, left_date=date(2025, 9, 10))
    path = write_book(tmp_path / "家访.xlsx", [
        ["日期*", "访问人*", "方式*", "学生", "班级"],
        ["2025-09-09", "赵老师", "电话家访", "学生乙", "高一(1)班"],
        ["2025-09-15", "赵老师", "电话家访", "学生甲", "高一(1)班"],
    ])
    checked = importing.preview(ledger, "visits", path)
    assert [g.row for g in checked.good_rows] == [2]
    [bad] = checked.bad_rows
    assert bad.row == 3 and "已于2025-09-10离开学校，2025-09-15的记录在离开之后" in bad.reason


def test_an_old_record_after_leaving_is_left_out_of_the_count(ledger):
    school = make_people(ledger)
    zhao = school.members["赵老师"]
    with ledger.transaction("visit") as session:  # written before the leave date was known
        session.add_all([Visit(date=date(2025, 9, day), visitor_id=zhao, kind="phone") for day in (3, 5, 12, 19)])
    assert member_fulfilment(ledger, SEPTEMBER)[zhao].visits_done == 4
    _change(ledger, zhao, active=False, left_date=date(2025, 9, 10))
    counted = member_fulfilment(ledger, SEPTEMBER)[zhao]
    assert counted.visits_done == 2  # the 12th and 19th do not count, and say so
    assert counted.explain[-1] == "另有2条听课、家访记录在此人入校之前或离开之后，不计入"
