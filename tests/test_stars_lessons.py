"""#21 item 1: 示范课 are lessons, not records (hand-counted), and the 汇总 total agrees with the people."""

from __future__ import annotations

from datetime import date

from records_school import make_people

from desktop_app.domain.calendar import month_period
from desktop_app.domain.lessons import DemoRecord, demo_lessons_by_teacher, lessons_of_day
from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.queries import member_fulfilment, totals

DAY = date(2025, 9, 3)
TEACHER, CLASS_A, CLASS_B = 7, 1, 2


def rec(observer: int, lesson_no: int | None, class_id: int | None = CLASS_A, day: date = DAY) -> DemoRecord:
    return DemoRecord(TEACHER, day, class_id, lesson_no, observer)


def test_a_lesson_observed_twice_without_lesson_number_is_one_lesson():
    assert lessons_of_day([rec(1, None), rec(2, None)]) == 1


def test_one_observer_recording_twice_without_lesson_number_saw_two_lessons():
    assert lessons_of_day([rec(1, None), rec(1, None)]) == 2


def test_a_blank_lesson_number_matches_another_observers_numbered_record():
    assert lessons_of_day([rec(1, 3), rec(2, None)]) == 1
    assert lessons_of_day([rec(1, 3), rec(2, 3, class_id=None)]) == 1  # class left blank


def test_different_lesson_numbers_or_classes_are_different_lessons():
    assert lessons_of_day([rec(1, 3), rec(2, 5)]) == 2
    assert lessons_of_day([rec(1, None, CLASS_A), rec(2, None, CLASS_B)]) == 2
    # lessons 3 and 5 seen by 1; 2 saw one of them without 节次: still two lessons.
    assert lessons_of_day([rec(1, 3), rec(1, 5), rec(2, None)]) == 2


def test_lessons_are_counted_per_teacher_and_day():
    records = [rec(1, None), rec(2, None), rec(1, None, day=date(2025, 9, 4)),
               DemoRecord(8, DAY, CLASS_A, None, 1)]
    assert demo_lessons_by_teacher(records) == {TEACHER: 2, 8: 1}


def _demo(ledger, day, observer, teacher, lesson_no, class_id):
    add_observation(ledger, ObservationData(date=date(2025, 9, day), observer_id=observer, teacher_id=teacher,
                                            lesson_no=lesson_no, class_id=class_id, lesson_type="demonstration"))


def test_summary_total_and_per_person_figures_agree(ledger):
    school = make_people(ledger)
    m, c = school.members, school.classes
    one = c["高一(1)班"]
    _demo(ledger, 3, m["王校长"], m["张老师"], None, one)  # observed by two, no 节次: 1 lesson
    _demo(ledger, 3, m["李主任"], m["张老师"], None, one)
    _demo(ledger, 10, m["王校长"], m["张老师"], 2, one)  # 节次 2, the other leaves it blank: 1 lesson
    _demo(ledger, 10, m["赵老师"], m["张老师"], None, one)
    _demo(ledger, 11, m["王校长"], m["李主任"], 4, c["高一(2)班"])  # 1 lesson
    september = month_period(2025, 9)
    people = member_fulfilment(ledger, september)
    assert people[m["张老师"]].demo_lessons_done == 2
    assert people[m["李主任"]].demo_lessons_done == 1
    assert totals(ledger, september).demo_lessons == 3 == sum(f.demo_lessons_done for f in people.values())
    assert totals(ledger, september).observations == 5  # records: every observer's 听课 still counts
