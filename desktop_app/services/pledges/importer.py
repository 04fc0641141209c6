"""Importing pledges (承诺) from Excel through the shared import framework.

A row is matched to a member by name (姓名 “本支部” means the branch's own pledge) and
updates that member's pledge of the same kind and school year, else adds one. Blank cells
never erase what is stored. The status follows the row: a review grade makes it 已评议 (and
then the publication must be there too), a publication period makes it 已公示, else 草拟.
A pledge already reviewed in the ledger is locked and its row is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.pledges import (
    BRANCH_OWNER_LABEL, COMMON_STANDARDS, PledgeData, PledgeKind, PledgeStatus, Publication, PublicationPlace,
    Review, ReviewBody, ReviewGrade, content_items_from_text, edit_refusal, missing_explanation, validate_pledge,
    validate_publication, validate_review,
)
from desktop_app.services.importing.spec import (
    Column, ImportSpec, RowCells, RowError, RowErrors, choice, choices, date_cell, text,
)
from desktop_app.store.events import Topic
from desktop_app.store.models import Member
from desktop_app.store.models.pledges import Pledge

BRANCH_NAMES = (BRANCH_OWNER_LABEL, "支部", "党支部")


def _school_year(value) -> str:
    return parse_school_year(str(value))


def _items(value) -> list[str]:
    items = content_items_from_text(str(value))
    if not items:
        raise ValueError("没有承诺事项")
    return items


COLUMNS = (
    Column("name", "姓名", text(50), required=True, aliases=("承诺人", "党员姓名"), example="张晓明",
           note=f"支部自己的承诺填“{BRANCH_OWNER_LABEL}”"),
    Column("school_year", "学年", _school_year, required=True, example="2025-2026"),
    Column("kind", "承诺类型", choice(PledgeKind), required=True, aliases=("类型",), example="岗位承诺",
           choices=tuple(PledgeKind.labels())),
    Column("standard", "对标", text(100), aliases=("对标内容", "对标标准"), example="五个模范",
           note="如：" + "、".join(COMMON_STANDARDS)),
    Column("content", "承诺内容", _items, required=True, aliases=("承诺事项",),
           example="每学期上好一节示范课；结对帮扶一名青年教师", note="多条承诺可换行或用；分隔"),
    Column("signed_date", "签订日期", date_cell(), aliases=("承诺日期",), example="2025-09-05"),
    Column("published_from", "公示开始", date_cell(), aliases=("公示开始日期",), example="2025-09-10"),
    Column("published_to", "公示结束", date_cell(), aliases=("公示结束日期",), example="2025-09-16"),
    Column("places", "公示方式", choices(PublicationPlace), aliases=("公示地点", "公示途径"), example="公示栏、网络",
           note="多个用、分隔；可选：" + "、".join(PublicationPlace.labels())),
    Column("grade", "评议等次", choice(ReviewGrade), aliases=("践诺评议", "评议结果"), example="",
           choices=tuple(ReviewGrade.labels())),
    Column("body", "评议主体", choice(ReviewBody), example="", choices=tuple(ReviewBody.labels())),
    Column("review_date", "评议日期", date_cell(), example=""),
    Column("comment", "评议意见", text(1000), example=""),
    Column("explanation", "未践诺说明", text(1000), aliases=("说明",), example="", note="评议为一般或差时必填"),
)

_PUBLICATION_KEYS = ("published_from", "published_to", "places")
_REVIEW_KEYS = ("grade", "body", "review_date", "comment", "explanation")


@dataclass
class Stored:
    """What the ledger holds for one pledge, in the importer's terms."""

    id: int | None
    status: str
    standard: str = ""
    content: list[str] = field(default_factory=list)
    signed_date: date | None = None
    published_from: date | None = None
    published_to: date | None = None
    places: list[str] = field(default_factory=list)
    grade: str | None = None
    body: str | None = None
    review_date: date | None = None
    comment: str = ""
    explanation: str = ""


@dataclass
class Lookup:
    members: dict[str, list[int]]  # name → member ids
    pledges: dict[tuple, Stored]  # (member id or None, school year, kind) → stored


@dataclass(frozen=True)
class PledgeRecord:
    key: tuple  # (member id or None, school year, kind)
    owner: str
    values: Stored
    warnings: tuple[RowError, ...] = ()  # stored all the same, listed as to-dos

    def __str__(self) -> str:
        member, year, kind = self.key
        return f"{self.owner} {PledgeKind.label_of(kind)} {year}"


def _stored(p: Pledge) -> Stored:
    return Stored(
        p.id, p.status, p.standard or "", list(p.content_items or []), p.signed_date, p.published_from,
        p.published_to, list(p.publication_places or []), p.review_grade, p.review_body, p.review_date,
        p.review_comment or "", p.review_explanation or "",
    )


def load(session) -> Lookup:
    members: dict[str, list[int]] = {}
    for member_id, name in session.execute(select(Member.id, Member.name).order_by(Member.active.desc(), Member.id)):
        members.setdefault(name, []).append(member_id)
    pledges = {(p.member_id, p.school_year, p.kind): _stored(p) for p in session.scalars(select(Pledge))}
    return Lookup(members, pledges)


def _member_id(name: str, lookup: Lookup) -> int | None:
    if name in BRANCH_NAMES:
        return None
    found = lookup.members.get(name, [])
    if not found:
        raise RowError("name", f"名册中没有“{name}”，请先在党员页添加或导入党员")
    if len(found) > 1:
        raise RowError("name", f"名册中有{len(found)}人名为“{name}”，无法确定是哪一位，请在承诺页逐个录入")
    return found[0]


def build(cells: RowCells, lookup: Lookup) -> PledgeRecord:
    name = cells.get("name")
    member_id = _member_id(name, lookup)
    kind, year = cells.get("kind"), cells.get("school_year")
    key = (member_id, year, kind)
    existing = lookup.pledges.get(key)
    if existing and edit_refusal(existing.status):
        raise RowError("", f"{name} {year}学年的{PledgeKind.label_of(kind)}：{edit_refusal(existing.status)}")
    merged = replace(existing) if existing else Stored(None, PledgeStatus.DRAFT.value)
    for column_key, attr in (("standard", "standard"), ("content", "content"), ("signed_date", "signed_date"),
                             *((k, k) for k in _PUBLICATION_KEYS), *((k, k) for k in _REVIEW_KEYS)):
        value = cells.get(column_key)
        if value not in (None, [], ""):
            setattr(merged, attr, value)
    errors = [RowError(p.field, p.message) for p in validate_pledge(
        PledgeData(member_id, kind, year, merged.standard, merged.content, merged.signed_date))]
    published = any(getattr(merged, k) for k in _PUBLICATION_KEYS)
    reviewed = any(getattr(merged, k) for k in _REVIEW_KEYS)
    if published or reviewed:
        errors += [RowError(p.field, p.message) for p in validate_publication(
            Publication(merged.published_from, merged.published_to, merged.places))]
    warnings = []
    if reviewed:
        review = Review(merged.grade, merged.body, merged.review_date, merged.comment, merged.explanation)
        errors += [RowError(p.field, p.message)
                   for p in validate_review(review, merged.published_from, require_explanation=False)]
        missing = missing_explanation(review)
        if missing:
            warnings.append(RowError(missing.field, f"{missing.message}：已导入，请在承诺页补写（已列入待办）"))
    if errors:
        raise RowErrors(errors)
    if reviewed:
        merged.status = PledgeStatus.REVIEWED.value
    elif published and merged.status == PledgeStatus.DRAFT.value:
        merged.status = PledgeStatus.PUBLISHED.value
    return PledgeRecord(key, BRANCH_OWNER_LABEL if member_id is None else name, merged, tuple(warnings))


def match(record: PledgeRecord, lookup: Lookup) -> int | None:
    stored = lookup.pledges.get(record.key)
    return stored.id if stored else None


def write(session, record: PledgeRecord, existing_id: int | None, lookup: Lookup) -> None:
    v = record.values
    pledge = session.get(Pledge, existing_id) if existing_id else Pledge()
    member_id, year, kind = record.key
    pledge.member_id, pledge.school_year, pledge.kind, pledge.status = member_id, year, kind, v.status
    pledge.standard = v.standard or None
    pledge.content_items = list(v.content)
    pledge.signed_date = v.signed_date
    pledge.published_from, pledge.published_to, pledge.publication_places = v.published_from, v.published_to, list(v.places)
    pledge.review_grade, pledge.review_body, pledge.review_date = v.grade, v.body, v.review_date
    pledge.review_comment, pledge.review_explanation = v.comment or None, v.explanation or None
    if not existing_id:
        session.add(pledge)
        session.flush()
    lookup.pledges[record.key] = replace(v, id=pledge.id)


SPEC = ImportSpec(
    kind="pledges", label="承诺", columns=COLUMNS, topics=(Topic.PLEDGE,),
    load=load, build=build, match=match, write=write, identity=lambda record: [record.key],
    describe=str, warnings=lambda record: record.warnings, sheet_title="承诺",
    notes=("同一人同一学年同一类型的承诺只能有一行；已有的承诺会被更新，空白单元格不会清除已有内容。",
           "填写了评议等次的承诺须同时填写公示开始、公示结束和公示方式（先公示，后评议）。",
           "已评议的承诺已锁定，不能通过导入修改；如需修改请先在承诺页“重新打开”。"),
)
