"""Classes and students through the services, against a real ledger file."""

from __future__ import annotations

import pytest
from members_support import referring_table

from desktop_app.domain.people import MemberData
from desktop_app.domain.school import ClassData, StudentData
from desktop_app.services import classes, students
from desktop_app.services.errors import InUse, ValidationError
from desktop_app.services.members import add_member, delete_member

pytestmark = pytest.mark.both_engines


@pytest.fixture
def teacher(ledger):
    return add_member(ledger, MemberData(name="张晓明", department="高二年级组"))


def test_classes_list_with_head_teacher_and_student_count(ledger, teacher):
    c3 = classes.add_class(ledger, ClassData(name="高二（3）班", head_teacher_id=teacher))
    classes.add_class(ledger, ClassData(name="高一(1)班"))
    for name in ("李小红", "王小刚"):
        students.add_student(ledger, StudentData(name=name, class_id=c3))
    rows = classes.list_classes(ledger)
    assert [(r.name, r.grade, r.head_teacher_name, r.student_count) for r in rows] == [
        ("高一(1)班", "高一", "", 0), ("高二(3)班", "高二", "张晓明", 2),
    ]
    assert classes.classes_by_name(ledger)["高二(3)班"].id == c3


def test_class_names_are_unique_whatever_the_brackets(ledger):
    first = classes.add_class(ledger, ClassData(name="高二(3)班"))
    with pytest.raises(ValidationError) as caught:
        classes.add_class(ledger, ClassData(name="高二（3）班"))
    assert str(caught.value) == "班级：已有名为“高二(3)班”的班级"
    classes.update_class(ledger, first, ClassData(name="高二(3)班", grade="高二"))  # itself is no clash
    assert len(classes.list_classes(ledger)) == 1


def test_deleting_head_teacher_clears_the_class(ledger, teacher):
    c = classes.add_class(ledger, ClassData(name="高二(3)班", head_teacher_id=teacher))
    delete_member(ledger, teacher)
    assert classes.get_class(ledger, c).head_teacher_id is None


def test_class_with_students_is_deleted_only_when_asked(ledger):
    c = classes.add_class(ledger, ClassData(name="高二(3)班"))
    students.add_student(ledger, StudentData(name="李小红", class_id=c))
    with pytest.raises(InUse, match="还有1名学生"):
        classes.delete_class(ledger, c)
    assert len(students.list_students(ledger)) == 1
    assert classes.delete_class(ledger, c, with_students=True) == 1
    assert classes.list_classes(ledger) == [] and students.list_students(ledger) == []


def test_student_referred_to_by_records_is_not_deleted(ledger):
    c = classes.add_class(ledger, ClassData(name="高二(3)班"))
    s = students.add_student(ledger, StudentData(name="李小红", class_id=c))
    with referring_table(ledger, "student", "家访记录") as refer:
        refer(s)
        with pytest.raises(InUse, match="家访记录 1 条"):
            students.delete_student(ledger, s)
        with pytest.raises(InUse, match="家访记录 1 条"):
            classes.delete_class(ledger, c, with_students=True)
    assert [r.name for r in students.list_students(ledger)] == ["李小红"]


def test_student_fields_are_cleaned_and_flags_stored_as_codes(ledger):
    c = classes.add_class(ledger, ClassData(name="高二(3)班"))
    s = students.add_student(ledger, StudentData(
        name=" 李小红 ", class_id=c, student_number=" 2023001 ", gender="female",
        flags=["留守儿童", "learning_difficulty", "留守儿童"], guardian_name="李父", phone="13812345678", address=""))
    data = students.get_student(ledger, s)
    assert (data.name, data.student_number, data.address) == ("李小红", "2023001", None)
    assert data.flags == ["left_behind", "learning_difficulty"]
    row = students.list_students(ledger, c)[0]
    assert (row.class_name, row.flags_label, row.gender_label) == ("高二(3)班", "留守儿童、学习困难", "女")


def test_student_number_unique_within_class_and_duplicates_found(ledger):
    c = classes.add_class(ledger, ClassData(name="高二(3)班"))
    other = classes.add_class(ledger, ClassData(name="高二(4)班"))
    students.add_student(ledger, StudentData(name="李小红", class_id=c, student_number="01"))
    students.add_student(ledger, StudentData(name="王小刚", class_id=other, student_number="01"))
    with pytest.raises(ValidationError, match="学号：本班已有学号为“01”的学生"):
        students.add_student(ledger, StudentData(name="赵敏", class_id=c, student_number="01"))
    assert [r.name for r in students.possible_duplicates(ledger, StudentData(name="李小红", class_id=c))] == ["李小红"]
    assert students.possible_duplicates(ledger, StudentData(name="李小红", class_id=other)) == []


def test_invalid_student_changes_nothing(ledger):
    c = classes.add_class(ledger, ClassData(name="高二(3)班"))
    s = students.add_student(ledger, StudentData(name="李小红", class_id=c))
    with pytest.raises(ValidationError) as caught:
        students.update_student(ledger, s, StudentData(name="", class_id=c, phone="12"))
    assert [p.field for p in caught.value.problems] == ["姓名", "联系电话"]
    assert students.get_student(ledger, s).name == "李小红"


def test_class_named_in_a_real_observation_is_not_deleted(ledger, teacher):
    from datetime import date

    from desktop_app.services.records.observations import ObservationData, add_observation

    observer = add_member(ledger, MemberData(name="陈静"))
    c = classes.add_class(ledger, ClassData(name="高二(3)班", head_teacher_id=teacher))
    add_observation(ledger, ObservationData(date=date(2025, 10, 9), observer_id=observer, teacher_id=teacher,
                                            class_id=c, subject="数学"))
    with pytest.raises(InUse, match="听课记录 1 条"):
        classes.delete_class(ledger, c)
    assert [r.name for r in classes.list_classes(ledger)] == ["高二(3)班"]
