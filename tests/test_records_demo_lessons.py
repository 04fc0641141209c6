"""Counting 示范课 given: one lesson however many colleagues record it, and a blank 节次 is never merged."""

from __future__ import annotations

from datetime import date

from records_school import make_people

from desktop_app.domain.calendar import month_period
from desktop_app.domain.quotas import Tally
from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.queries import member_fulfilment

SEPTEMBER = month_period(2025, 9)


def _demo(ledger, day: int, observer: int, teacher: int, lesson_no: int | None, class_id: int | None = None) -> None:
    add_observation(ledger, ObservationData(date=date(2025, 9, day), observer_id=observer, teacher_id=teacher,
                                            lesson_no=lesson_no, class_id=class_id, lesson_type="demonstration"))


def test_two_demo_lessons_on_one_day_without_lesson_number_count_as_two(ledger):
    school = make_people(ledger)
    m, c = school.members, school.classes
    # 3 Sep: 张老师 gives two 示范课, in 高一(1)班 and 高一(2)班; 王校长 records both, 节次 left blank.
    _demo(ledger, 3, m["王校长"], m["张老师"], None, c["高一(1)班"])
    _demo(ledger, 3, m["王校长"], m["张老师"], None, c["高一(2)班"])
    # 4 Sep: one 示范课 in 第3节, recorded by 王校长 and by 李主任: one lesson.
    _demo(ledger, 4, m["王校长"], m["张老师"], 3)
    _demo(ledger, 4, m["李主任"], m["张老师"], 3, c["高一(1)班"])
    # 5 Sep: 李主任 gives one in 第2节 and one with 节次 blank: two lessons.
    _demo(ledger, 5, m["王校长"], m["李主任"], 2)
    _demo(ledger, 5, m["王校长"], m["李主任"], None)
    got = member_fulfilment(ledger, SEPTEMBER)
    # 张老师: 3 Sep (2) + 4 Sep (1) = 3; 李主任: 5 Sep (2); a party teacher owes one a month.
    assert got[m["张老师"]].demo_lessons == Tally(3, 1)
    assert got[m["李主任"]].demo_lessons == Tally(2, 1)
    assert got[m["王校长"]].demo_lessons.done == 0
    # of the six records, 王校长 wrote five and 李主任 one (听课 done).
    assert (got[m["王校长"]].observations_done, got[m["李主任"]].observations_done) == (5, 1)
