"""Rules for classes and students (domain.school), checked by hand."""

from __future__ import annotations

import pytest

from desktop_app.domain.school import (
    ClassData, StudentData, class_sort_key, guess_grade, normalise_class_name, phone_problem, validate_class, validate_student,
)


@pytest.mark.parametrize(("typed", "stored"), [
    ("高二(3)班", "高二(3)班"), ("高二（3）班", "高二(3)班"), (" 高二 (3) 班 ", "高二(3)班"), ("", ""), (None, ""),
])
def test_class_names_have_one_spelling(typed, stored):
    assert normalise_class_name(typed) == stored


@pytest.mark.parametrize(("name", "grade"), [
    ("高二(3)班", "高二"), ("初一（1）班", "初一"), ("七年级2班", "七年级"), ("实验班", None), ("", None),
])
def test_grade_is_guessed_from_the_class_name(name, grade):
    assert guess_grade(name) == grade


def test_class_needs_a_name_of_sensible_length():
    assert [str(p) for p in validate_class(ClassData(name=" "))] == ["班级：必须填写班级名称，如 高二(3)班"]
    assert [p.field for p in validate_class(ClassData(name="班" * 31))] == ["班级"]
    assert validate_class(ClassData(name="高一(1)班", grade="高一")) == []


@pytest.mark.parametrize("phone", ["13812345678", "0571-88886666", "0571-8888 6666转123", "13812345678、13900001111", ""])
def test_plausible_phones_pass(phone):
    assert phone_problem(phone) is None


@pytest.mark.parametrize(("phone", "reason"), [
    ("1381234abc", "只能包含数字"), ("12345", "位数不对"), ("1" * 21, "位数不对"),
])
def test_bad_phones_say_why(phone, reason):
    assert reason in phone_problem(phone)


def test_student_needs_name_and_class_and_known_flags():
    problems = validate_student(StudentData(name="", class_id=None, flags=["学习困难", "爱睡觉"], phone="abc1234567"))
    assert [p.field for p in problems] == ["姓名", "班级", "重点类别", "联系电话"]
    assert "“爱睡觉”不是重点类别" in problems[2].message
    assert validate_student(StudentData(name="李小红", class_id=1, flags=["left_behind", "学生干部"])) == []


def test_student_gender_must_be_a_code():
    assert [p.field for p in validate_student(StudentData(name="甲", class_id=1, gender="boy"))] == ["性别"]


def test_classes_sort_as_a_school_lists_them():
    names = ["高三(1)班", "高二(10)班", "高一(2)班", "高二(2)班", "实验班", "高一(10)班", "初三（1）班"]
    assert sorted(names, key=class_sort_key) == [
        "初三（1）班", "高一(2)班", "高一(10)班", "高二(2)班", "高二(10)班", "高三(1)班", "实验班"]
