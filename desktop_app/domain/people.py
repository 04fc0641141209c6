"""What a member, class or student record must satisfy, as plain data and rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain import idcard
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import Gender, PoliticalStatus, Post, StudentFlag


@dataclass
class MemberData:
    """The editable fields of a member, as the dialog and the importer fill them."""

    name: str = ""
    political_status: str = PoliticalStatus.FULL_MEMBER.value
    gender: str | None = None
    birth_date: date | None = None
    ethnicity: str | None = None
    education: str | None = None
    join_date: date | None = None
    full_member_date: date | None = None
    party_group: str | None = None
    department: str | None = None
    posts: list[str] = field(default_factory=list)
    subject: str | None = None
    backbone_titles: list[str] = field(default_factory=list)
    phone: str | None = None
    id_number: str | None = None
    notes: str | None = None
    active: bool = True
    left_date: date | None = None
    school_start_date: date | None = None  # 入校日期


MAX_NAME = 50


def validate_member(data: MemberData, today: date | None = None) -> list[FieldProblem]:
    today = today or date.today()
    problems: list[FieldProblem] = []
    name = (data.name or "").strip()
    if not name:
        problems.append(FieldProblem("姓名", "必须填写"))
    elif len(name) > MAX_NAME:
        problems.append(FieldProblem("姓名", f"不能超过{MAX_NAME}个字"))
    try:
        status = PoliticalStatus(data.political_status)
    except ValueError:
        problems.append(FieldProblem("政治面貌", "必须选择：" + "、".join(PoliticalStatus.labels())))
        status = None
    if data.gender and data.gender not in {g.value for g in Gender}:
        problems.append(FieldProblem("性别", "只能是男或女"))
    for code in data.posts:
        if code not in {p.value for p in Post}:
            problems.append(FieldProblem("岗位", f"“{code}”不是可选的岗位"))
    if data.birth_date and data.birth_date > today:
        problems.append(FieldProblem("出生日期", "不能晚于今天"))
    if data.join_date:
        if data.join_date > today:
            problems.append(FieldProblem("入党日期", "不能晚于今天"))
        if data.birth_date and data.join_date < _add_years(data.birth_date, 18):
            problems.append(FieldProblem("入党日期", "应在年满18岁之后"))
    if data.full_member_date:
        if not data.join_date:
            problems.append(FieldProblem("转正日期", "填写转正日期时须同时填写入党日期"))
        elif data.full_member_date <= data.join_date:
            problems.append(FieldProblem("转正日期", "应晚于入党日期"))
        if status is PoliticalStatus.PROBATIONARY:
            problems.append(FieldProblem("转正日期", "预备党员还没有转正日期"))
    if status and not status.is_party_member and data.join_date:
        problems.append(FieldProblem("入党日期", f"政治面貌为{status.label}的人员不应有入党日期"))
    if data.id_number:
        reason = idcard.validate(data.id_number)
        if reason:
            problems.append(FieldProblem("身份证号", reason))
        elif data.birth_date and idcard.birth_date_of(idcard.normalise(data.id_number)) != data.birth_date:
            problems.append(FieldProblem("身份证号", "其中的出生日期与“出生日期”不一致"))
    if data.phone and not _looks_like_phone(data.phone):
        problems.append(FieldProblem("联系电话", "只能包含数字、空格、短横线和加号"))
    if data.left_date and data.active:
        problems.append(FieldProblem("离开日期", "仍在册的人员不应有离开日期"))
    if data.school_start_date and data.left_date and data.left_date < data.school_start_date:
        problems.append(FieldProblem("离开日期", "不能早于入校日期"))
    if data.school_start_date and data.birth_date and data.school_start_date < _add_years(data.birth_date, 16):
        problems.append(FieldProblem("入校日期", "应在年满16岁之后"))
    return problems


def _looks_like_phone(phone: str) -> bool:
    stripped = phone.strip()
    return bool(stripped) and all(ch.isdigit() or ch in " -+()（）转" for ch in stripped)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 Feb
        return day.replace(year=day.year + years, day=28)


def normalise_flags(labels_or_codes: list[str]) -> list[str]:
    """Student flags as codes; ValueError naming the unknown one."""
    codes = []
    for item in labels_or_codes:
        try:
            codes.append(StudentFlag.from_label(item).value)
        except ValueError:
            raise ValueError(f"“{item}”不是重点类别（可选：{'、'.join(StudentFlag.labels())}）") from None
    return list(dict.fromkeys(codes))
