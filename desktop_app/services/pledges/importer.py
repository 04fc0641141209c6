"""Importing pledges (承诺) from Excel through the shared import framework.

A row is matched to a member by name (姓名 “本支部” means the branch's own pledge) and
updates that member's pledge of the same kind and school year, else adds one. Blank cells
never erase what is stored. The status follows the row: a review grade makes it 已评议 (and
then the publication must be there too), a publication period makes it 已公示, else 草拟.
A pledge already reviewed in the ledger is locked and its row is refused. Each column is named
after the field of the domain part it fills (`PledgeData`, `Publication`, `Review`), the status moves
follow the domain's `move_refusal`, and rows are written through the pledge commands' steps.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from sqlalchemy import select

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.pledges import (
    BRANCH_OWNER_LABEL, COMMON_STANDARDS, PledgeData, PledgeKind, PledgeStatus, Publication, PublicationPlace,
    Review, ReviewBody, ReviewGrade, content_items_from_text, edit_refusal, missing_explanation, move_refusal,
    validate_pledge, validate_publication, validate_review,
)
from desktop_app.services.errors import UserError
from desktop_app.services.importing.spec import (
    Column, ImportSpec, RowCells, RowError, RowErrors, choice, choices, date_cell, text,
)
from desktop_app.services.pledges.commands import add_in, edit_in, publish_in, publish_refusal, review_in
from desktop_app.services.pledges.mapping import content_of, publication_of, put_publication, review_of
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
    Column("content_items", "承诺内容", _items, required=True, aliases=("承诺事项",),
           example="每学期上好一节示范课；结对帮扶一名青年教师", note="多条承诺可换行或用；分隔"),
    Column("signed_date", "签订日期", date_cell(), aliases=("承诺日期",), example="2025-09-05"),
    Column("start", "公示开始", date_cell(), aliases=("公示开始日期",), example="2025-09-10"),
    Column("end", "公示结束", date_cell(), aliases=("公示结束日期",), example="2025-09-16"),
    Column("places", "公示方式", choices(PublicationPlace), aliases=("公示地点", "公示途径"), example="公示栏、网络",
           note="多个用、分隔；可选：" + "、".join(PublicationPlace.labels())),
    Column("grade", "评议等次", choice(ReviewGrade), aliases=("践诺评议", "评议结果"), example="",
           choices=tuple(ReviewGrade.labels())),
    Column("body", "评议主体", choice(ReviewBody), example="", choices=tuple(ReviewBody.labels())),
    Column("review_date", "评议日期", date_cell(), example=""),
    Column("comment", "评议意见", text(1000), example=""),
    Column("explanation", "未践诺说明", text(1000), aliases=("说明",), example="", note="评议为一般或差时必填"),
)



def _keys(part: type) -> tuple[str, ...]:
    """The columns that fill a domain part: those named after its fields."""
    names = {f.name for f in fields(part)}
    return tuple(c.key for c in COLUMNS if c.key in names and c.key not in ("kind", "school_year"))


CONTENT_KEYS, PUBLICATION_KEYS, REVIEW_KEYS = _keys(PledgeData), _keys(Publication), _keys(Review)


@dataclass(frozen=True)
class Stored:
    """One pledge in the domain's parts: stored in the ledger, or as a row will leave it."""

    id: int | None
    status: str
    content: PledgeData
    publication: Publication
    review: Review

    @property
    def published(self) -> bool:
        return any(getattr(self.publication, key) for key in PUBLICATION_KEYS)

    @property
    def reviewed(self) -> bool:
        return any(getattr(self.review, key) for key in REVIEW_KEYS)


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
    return Stored(p.id, p.status, content_of(p), publication_of(p), review_of(p))


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


def _filled(part, cells: RowCells, keys: tuple[str, ...]):
    """`part` with the row's filled cells over it: a blank cell keeps what is stored."""
    return replace(part, **{key: cells.get(key) for key in keys if cells.get(key) not in (None, [], "")})


def build(cells: RowCells, lookup: Lookup) -> PledgeRecord:
    name = cells.get("name")
    member_id = _member_id(name, lookup)
    kind, year = cells.get("kind"), cells.get("school_year")
    key = (member_id, year, kind)
    existing = lookup.pledges.get(key)
    if existing and edit_refusal(existing.status):
        raise RowError("", f"{name} {year}学年的{PledgeKind.label_of(kind)}：{edit_refusal(existing.status)}")
    base = existing or Stored(None, PledgeStatus.DRAFT.value, PledgeData(member_id, kind, year),
                              Publication(None, None, []), Review(None, None, None))
    merged = Stored(base.id, base.status, _filled(base.content, cells, CONTENT_KEYS),
                    _filled(base.publication, cells, PUBLICATION_KEYS), _filled(base.review, cells, REVIEW_KEYS))
    problems = validate_pledge(merged.content)
    if merged.published or merged.reviewed:
        problems += validate_publication(merged.publication)
    warnings = []
    if merged.reviewed:
        problems += validate_review(merged.review, merged.publication.start, require_explanation=False)
        missing = missing_explanation(merged.review)
        if missing:
            warnings.append(RowError(missing.field, f"{missing.message}：已导入，请在承诺页补写（已列入待办）"))
    if problems:
        raise RowErrors([RowError(p.field, p.message) for p in problems])
    status, reason = merged.status, None
    if merged.published and status == PledgeStatus.DRAFT.value:
        reason, status = publish_refusal(status, merged.content.content_items), PledgeStatus.PUBLISHED.value
    if reason is None and merged.reviewed:
        reason, status = move_refusal(status, PledgeStatus.REVIEWED), PledgeStatus.REVIEWED.value
    if reason:
        raise RowError("", reason)
    return PledgeRecord(key, BRANCH_OWNER_LABEL if member_id is None else name, replace(merged, status=status),
                        tuple(warnings))


def match(record: PledgeRecord, lookup: Lookup) -> int | None:
    stored = lookup.pledges.get(record.key)
    return stored.id if stored else None


def write(session, record: PledgeRecord, existing_id: int | None, lookup: Lookup) -> None:
    """Through the commands' steps; a rule the ledger now breaks (changed since the preview) stops the import."""
    v = record.values
    try:
        if existing_id:
            pledge = session.get(Pledge, existing_id)
            edit_in(session, pledge, v.content)
        else:
            pledge = add_in(session, v.content)
        if v.published and pledge.status == PledgeStatus.DRAFT.value:
            _refuse(publish_refusal(pledge.status, pledge.content_items))
            publish_in(pledge, v.publication)
        elif v.published:
            put_publication(pledge, v.publication)  # the row corrects the posting's dates or places
        if v.reviewed:
            _refuse(move_refusal(pledge.status, PledgeStatus.REVIEWED))
            review_in(pledge, v.review)
    except UserError as exc:
        raise UserError(f"{record}：{exc}") from None
    lookup.pledges[record.key] = _stored(pledge)


def _refuse(reason: str | None) -> None:
    if reason:
        raise UserError(reason)


SPEC = ImportSpec(
    kind="pledges", label="承诺", columns=COLUMNS, topics=(Topic.PLEDGE,),
    load=load, build=build, match=match, write=write, identity=lambda record: [record.key],
    describe=str, warnings=lambda record: record.warnings, sheet_title="承诺",
    notes=("同一人同一学年同一类型的承诺只能有一行；已有的承诺会被更新，空白单元格不会清除已有内容。",
           "填写了评议等次的承诺须同时填写公示开始、公示结束和公示方式（先公示，后评议）。",
           "已评议的承诺已锁定，不能通过导入修改；如需修改请先在承诺页“重新打开”。"),
)
