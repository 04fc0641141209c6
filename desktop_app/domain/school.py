"""What a class (班级) and a student (学生) record must satisfy, as plain data and rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.domain.people import normalise_flags
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import Gender

MAX_CLASS_NAME = 30
MAX_GRADE = 20
MAX_STUDENT_NAME = 50
MAX_STUDENT_NUMBER = 30
MAX_ADDRESS = 200

_GRADE_PREFIX = re.compile(r"^(高[一二三]|初[一二三]|[一二三四五六七八九]年级)")


@dataclass
class ClassData:
    """The editable fields of a class: 高二(3)班, grade 高二, head teacher (a member id)."""

    name: str = ""
    grade: str | None = None
    head_teacher_id: int | None = None


@dataclass
class StudentData:
    name: str = ""
    class_id: int | None = None
    student_number: str | None = None
    gender: str | None = None
    flags: list[str] = field(default_factory=list)  # StudentFlag codes (labels accepted)
    guardian_name: str | None = None
    phone: str | None = None
    address: str | None = None
    active: bool = True


def normalise_class_name(name: str | None) -> str:
    """One spelling per class: blanks removed and full-width brackets made half-width.

    高二（3）班 and 高二 (3) 班 are the same class as 高二(3)班, so imports and the dialog
    never create it twice.
    """
    text = "".join((name or "").split())
    return text.replace("（", "(").replace("）", ")")


def guess_grade(class_name: str | None) -> str | None:
    """The grade a class name starts with: 高二(3)班 → 高二, 七年级2班 → 七年级; else None."""
    match = _GRADE_PREFIX.match(normalise_class_name(class_name))
    return match.group(1) if match else None


_GRADE_ORDER = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级",
                "初一", "初二", "初三", "高一", "高二", "高三")


def class_sort_key(name: str, grade: str | None = None) -> tuple:
    """Order classes as a school lists them: 高一 before 高二 before 高三, 高一(2)班 before 高一(10)班.

    Plain character order would put 高三 before 高二 (三 U+4E09 < 二 U+4E8C) and 10 before 2.
    """
    grade = grade or guess_grade(name) or ""
    rank = _GRADE_ORDER.index(grade) if grade in _GRADE_ORDER else len(_GRADE_ORDER)
    numbers = tuple(int(n) for n in re.findall(r"\d+", name or ""))
    return (rank, grade, numbers, name or "")


def validate_class(data: ClassData) -> list[FieldProblem]:
    problems = []
    name = normalise_class_name(data.name)
    if not name:
        problems.append(FieldProblem("班级", "必须填写班级名称，如 高二(3)班"))
    elif len(name) > MAX_CLASS_NAME:
        problems.append(FieldProblem("班级", f"不能超过{MAX_CLASS_NAME}个字"))
    if data.grade and len(data.grade.strip()) > MAX_GRADE:
        problems.append(FieldProblem("年级", f"不能超过{MAX_GRADE}个字"))
    return problems


def phone_problem(phone: str | None) -> str | None:
    """None for a blank or plausible phone number, else the reason.

    Accepts mobiles (13812345678), landlines with area code and extension (0571-8888 6666转123)
    and several numbers separated by 、 or /. Each number needs 7 to 20 digits.
    """
    text = (phone or "").strip()
    if not text:
        return None
    for part in re.split(r"[、/,，;；]", text):
        part = part.strip()
        if not part:
            continue
        if not all(ch.isdigit() or ch in " -+()（）转" for ch in part):
            return f"“{part}”只能包含数字、空格、短横线和加号"
        digits = sum(ch.isdigit() for ch in part)
        if not 7 <= digits <= 20:
            return f"“{part}”位数不对，应为7到20位数字"
    return None


def validate_student(data: StudentData) -> list[FieldProblem]:
    problems = []
    name = (data.name or "").strip()
    if not name:
        problems.append(FieldProblem("姓名", "必须填写"))
    elif len(name) > MAX_STUDENT_NAME:
        problems.append(FieldProblem("姓名", f"不能超过{MAX_STUDENT_NAME}个字"))
    if data.class_id is None:
        problems.append(FieldProblem("班级", "必须选择"))
    if data.student_number and len(data.student_number.strip()) > MAX_STUDENT_NUMBER:
        problems.append(FieldProblem("学号", f"不能超过{MAX_STUDENT_NUMBER}个字符"))
    if data.gender and data.gender not in {g.value for g in Gender}:
        problems.append(FieldProblem("性别", "只能是男或女"))
    try:
        normalise_flags(list(data.flags))
    except ValueError as exc:
        problems.append(FieldProblem("重点类别", str(exc)))
    reason = phone_problem(data.phone)
    if reason:
        problems.append(FieldProblem("联系电话", reason))
    if data.address and len(data.address.strip()) > MAX_ADDRESS:
        problems.append(FieldProblem("家庭住址", f"不能超过{MAX_ADDRESS}个字"))
    return problems
