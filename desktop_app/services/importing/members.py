"""Importing the roster (党员/教职工) from Excel: the example every other importer follows.

A row updates the member with the same ID number, else the one with the same name and birth
date (and no different ID number); otherwise it adds a new member. On an update only the
filled-in cells change the member: a blank cell or a missing column never erases data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date

from sqlalchemy import select

from desktop_app.domain.dates import format_date
from desktop_app.domain.people import MemberData, validate_member
from desktop_app.domain.vocab import COMMON_BACKBONE_TITLES, COMMON_EDUCATION_LEVELS, Gender, PoliticalStatus, Post
from desktop_app.services.importing.spec import (
    Column, ImportSpec, RowCells, RowError, RowErrors, choice, choices, date_cell, id_number, phone, text,
    text_list,
)
from desktop_app.store.events import Topic
from desktop_app.store.models import Member

_FIELDS = [f.name for f in fields(MemberData)]

COLUMNS = (
    Column("name", "姓名", text(50), required=True, aliases=("党员姓名", "教师姓名"), example="张晓明"),
    Column("gender", "性别", choice(Gender), example="男", choices=tuple(Gender.labels())),
    Column("birth_date", "出生日期", date_cell(allow_year_month=True), aliases=("出生年月", "生日"),
           example="1985-03-12", note="可写 1985-03-12、1985/3/12 或 1985年3月12日"),
    Column("ethnicity", "民族", text(20), example="汉族"),
    Column("education", "学历", text(20), aliases=("文化程度",), example="本科", choices=COMMON_EDUCATION_LEVELS),
    Column("political_status", "政治面貌", choice(PoliticalStatus), required=True, aliases=("政治身份",),
           example="中共党员", choices=tuple(PoliticalStatus.labels())),
    Column("join_date", "入党日期", date_cell(allow_year_month=True), aliases=("入党时间",), example="2010-07-01"),
    Column("full_member_date", "转正日期", date_cell(allow_year_month=True), aliases=("转正时间",),
           example="2011-07-01"),
    Column("party_group", "党小组", text(50), example="高二党小组"),
    Column("department", "部门", text(50), aliases=("处室", "年级组", "教研组", "所在部门"), example="高二年级组"),
    Column("posts", "岗位", choices(Post), aliases=("职务",), example="班主任、任课教师",
           note="多个岗位用、或逗号分隔；可选：" + "、".join(Post.labels())),
    Column("subject", "任教学科", text(30), aliases=("学科", "任教科目"), example="数学"),
    Column("backbone_titles", "骨干称号", text_list(), aliases=("骨干教师称号",), example="教学能手",
           note="多个用、分隔，如：" + "、".join(COMMON_BACKBONE_TITLES)),
    Column("phone", "联系电话", phone(), aliases=("手机", "电话", "手机号", "手机号码", "联系方式"), example="13800001234"),
    Column("id_number", "身份证号", id_number(), aliases=("身份证号码", "身份证", "公民身份号码"),
           example="", note="请把本列设为“文本”格式，避免 Excel 把号码改成科学计数"),
    Column("notes", "备注", text(1000)),
    Column("school_start_date", "入校日期", date_cell(allow_year_month=True),
           aliases=("到岗日期", "入职日期", "调入日期", "来校日期", "到校日期"), example="2015-08-25",
           note="到本校工作的日期；此前的听课、家访任务不计，早于此日的记录不能计入"),
)


@dataclass(frozen=True)
class MemberRecord:
    data: MemberData
    present: frozenset[str]  # fields filled in the row: only these change on update

    def __str__(self) -> str:
        return self.data.name


@dataclass
class Roster:
    """The existing members, indexed the ways a row can match one.

    Keys are member ids; during a commit a member added earlier in the same file is keyed
    by its (not yet flushed) Member object, so a later row of the file updates it.
    """

    data: dict[int | Member, MemberData]
    by_id_number: dict[str, int | Member]
    by_name_birth: dict[tuple[str, date | None], list[int | Member]]
    objects: dict[int, Member] = field(default_factory=dict)  # keeps loaded rows in the session

    def add(self, key: int | Member, data: MemberData) -> None:
        self.data[key] = data
        if data.id_number:
            self.by_id_number[data.id_number] = key
        same = self.by_name_birth.setdefault((data.name, data.birth_date), [])
        if key not in same:
            same.append(key)


def _data_of(member: Member) -> MemberData:
    data = MemberData(**{name: getattr(member, name) for name in _FIELDS})
    data.posts = list(data.posts or [])
    data.backbone_titles = list(data.backbone_titles or [])
    return data


def _copy(data: MemberData) -> MemberData:
    copied = replace(data)
    copied.posts, copied.backbone_titles = list(data.posts), list(data.backbone_titles)
    return copied


def load(session) -> Roster:
    roster = Roster({}, {}, {})
    for member in session.scalars(select(Member).order_by(Member.id)):
        roster.objects[member.id] = member
        roster.add(member.id, _data_of(member))
    return roster


def find(data: MemberData, roster: Roster) -> int | Member | None:
    if data.id_number and data.id_number in roster.by_id_number:
        return roster.by_id_number[data.id_number]
    for key in roster.by_name_birth.get((data.name, data.birth_date), []):
        other = roster.data[key].id_number
        if not other or not data.id_number:
            return key
    return None


def build(cells: RowCells, roster: Roster) -> MemberRecord:
    present = frozenset(k for k in cells.present if k in _FIELDS and cells.get(k) not in (None, []))
    incoming = MemberData(**{k: cells.get(k) for k in present})
    existing = find(incoming, roster)
    merged = _copy(roster.data[existing]) if existing is not None else MemberData()
    for key in present:
        setattr(merged, key, getattr(incoming, key))
    problems = validate_member(merged)
    if problems:
        raise RowErrors(RowError(p.field, p.message) for p in problems)
    return MemberRecord(merged, present)


def match(record: MemberRecord, roster: Roster) -> int | Member | None:
    return find(record.data, roster)


def write(session, record: MemberRecord, existing: int | Member | None, roster: Roster) -> None:
    if existing is None:
        member = Member(**asdict(record.data))
        session.add(member)
        roster.add(member, _copy(record.data))
        return
    member = existing if isinstance(existing, Member) else roster.objects.get(existing) or session.get(Member, existing)
    merged = _copy(roster.data[existing])
    for key in record.present:
        value = getattr(record.data, key)
        setattr(member, key, list(value) if isinstance(value, list) else value)
        setattr(merged, key, value)
    roster.add(existing, merged)


def describe(record: MemberRecord) -> str:
    data = record.data
    parts = [data.name, PoliticalStatus.label_of(data.political_status), format_date(data.birth_date),
             data.department or "", "、".join(Post.label_of(p) for p in data.posts)]
    return " · ".join(p for p in parts if p)


def identity(record: MemberRecord) -> list:
    data = record.data
    return [("id", data.id_number)] if data.id_number else [("name", data.name, data.birth_date)]


SPEC = ImportSpec(
    kind="members", label="党员", columns=COLUMNS, topics=(Topic.MEMBER,),
    load=load, build=build, match=match, write=write, identity=identity,
    describe=describe, sheet_title="党员名册",
)
