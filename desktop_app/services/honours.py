"""The honours register (荣誉): titles given to members, or to classes (党员先锋班), per school year.

The prints feature reads it through `list_honours`; approved year stars become honours in one step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.collation import name_key
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.scheme import StarLevel
from desktop_app.services.errors import NotFound, UserError, ValidationError
from desktop_app.services.evaluations.queries import is_year_locked, year_results
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member, SchoolClass
from desktop_app.store.models.evaluations import Honour

TOPIC = Topic.HONOUR
CLASS_TITLE = "党员先锋班"
STAR_TITLES = {level: f"{level.label}党员" for level in StarLevel}  # 五星级党员 …
COMMON_TITLES = (
    "五星级党员", "四星级党员", "三星级党员", "党员标兵", "育人成才先锋党员",
    "爱岗敬业星", "学生爱戴星", "教学改革星", CLASS_TITLE,
)


@dataclass(frozen=True)
class HonourRow:
    id: int
    title: str
    school_year: str
    member_id: int | None
    member_name: str
    class_id: int | None
    class_name: str
    head_teacher_name: str
    issuer: str
    date: date | None
    note: str

    @property
    def recipient(self) -> str:
        """Who is honoured, as a list shows it: the member, or the class with its head teacher."""
        if self.class_id:
            return f"{self.class_name}（班主任 {self.head_teacher_name}）" if self.head_teacher_name else self.class_name
        return self.member_name


@dataclass
class HonourData:
    title: str = ""
    school_year: str = ""
    member_id: int | None = None  # for a class honour: its head teacher (defaults to the class's)
    class_id: int | None = None
    issuer: str = ""
    awarded_on: date | None = None
    note: str = ""


def _row(h: Honour) -> HonourRow:
    member = h.member.name if h.member else ""
    klass = h.school_class
    return HonourRow(
        id=h.id, title=h.title, school_year=h.school_year, member_id=h.member_id, member_name=member,
        class_id=h.class_id, class_name=klass.name if klass else "",
        head_teacher_name=member if klass else "", issuer=h.issuer or "", date=h.awarded_on, note=h.note or "",
    )


def list_honours(ledger: Ledger, school_year: str | None = None, title: str | None = None) -> list[HonourRow]:
    """Honours, newest year first, then by title and recipient; optionally one year and/or one title."""
    with ledger.reading() as session:
        query = select(Honour).options(selectinload(Honour.member), selectinload(Honour.school_class))
        if school_year:
            query = query.where(Honour.school_year == parse_school_year(school_year))
        if title:
            query = query.where(Honour.title == title)
        rows = [_row(h) for h in session.scalars(query)]
    order = {t: n for n, t in enumerate(COMMON_TITLES)}
    rows.sort(key=lambda r: (-int(r.school_year[:4]), order.get(r.title, 99), r.title, name_key(r.recipient), r.id))
    return rows


def get_honour(ledger: Ledger, honour_id: int) -> HonourData:
    with ledger.reading() as session:
        h = session.get(Honour, honour_id)
        if h is None:
            raise NotFound("该荣誉记录已不存在，可能已被删除。")
        return HonourData(h.title, h.school_year, h.member_id, h.class_id, h.issuer or "", h.awarded_on, h.note or "")


def _checked(session, data: HonourData, exclude_id: int | None) -> HonourData:
    problems = []
    title = (data.title or "").strip()
    if not title:
        problems.append(FieldProblem("荣誉称号", "必须填写"))
    elif len(title) > 50:
        problems.append(FieldProblem("荣誉称号", "不能超过50个字"))
    try:
        year = parse_school_year(data.school_year)
    except ValueError as exc:
        problems.append(FieldProblem("学年", str(exc)))
        year = ""
    member_id, class_id = data.member_id, data.class_id
    if class_id is not None:
        klass = session.get(SchoolClass, class_id)
        if klass is None:
            problems.append(FieldProblem("班级", "所选班级已不存在"))
        elif member_id is None:
            member_id = klass.head_teacher_id
    if member_id is not None and session.get(Member, member_id) is None:
        problems.append(FieldProblem("党员", "所选党员已不存在"))
    if title == CLASS_TITLE and class_id is None:
        problems.append(FieldProblem("班级", "“党员先锋班”必须选择班级"))
    if class_id is None and member_id is None:
        problems.append(FieldProblem("获奖人", "请选择党员或班级"))
    if problems:
        raise ValidationError(problems)
    duplicate = session.scalars(select(Honour).where(
        Honour.title == title, Honour.school_year == year, Honour.member_id.is_(member_id) if member_id is None
        else Honour.member_id == member_id,
        Honour.class_id.is_(None) if class_id is None else Honour.class_id == class_id,
    )).first()
    if duplicate is not None and duplicate.id != exclude_id:
        raise UserError(f"{year}学年已登记过这项“{title}”，不要重复登记。")
    return HonourData(title, year, member_id, class_id, (data.issuer or "").strip(), data.awarded_on,
                      (data.note or "").strip())


def _apply(h: Honour, data: HonourData) -> None:
    h.title, h.school_year, h.member_id, h.class_id = data.title, data.school_year, data.member_id, data.class_id
    h.issuer, h.awarded_on, h.note = data.issuer or None, data.awarded_on, data.note or None


def add_honour(ledger: Ledger, data: HonourData) -> int:
    with ledger.transaction(TOPIC) as session:
        honour = Honour()
        _apply(honour, _checked(session, data, None))
        session.add(honour)
        session.flush()
        return honour.id


def update_honour(ledger: Ledger, honour_id: int, data: HonourData) -> None:
    with ledger.transaction(TOPIC) as session:
        honour = session.get(Honour, honour_id)
        if honour is None:
            raise NotFound("该荣誉记录已不存在，可能已被删除。")
        _apply(honour, _checked(session, data, honour_id))


def delete_honour(ledger: Ledger, honour_id: int) -> None:
    delete_honours(ledger, [honour_id])


def delete_honours(ledger: Ledger, honour_ids: Iterable[int]) -> int:
    """Delete the chosen honours in one transaction: all or none (e.g. when one was deleted meanwhile)."""
    ids = list(dict.fromkeys(honour_ids))
    with ledger.transaction(TOPIC) as session:
        for honour_id in ids:
            honour = session.get(Honour, honour_id)
            if honour is None:
                raise NotFound("所选荣誉中有一项已不存在，可能已被删除；没有删除任何荣誉，请刷新后重试。"
                               if len(ids) > 1 else "该荣誉记录已不存在，可能已被删除。")
            session.delete(honour)
            session.flush()
    return len(ids)


def honours_from_stars(ledger: Ledger, school_year: str, issuer: str, awarded_on: date | None) -> int:
    """Register 五星级党员/四星级党员/三星级党员 for the approved year's star levels; returns how many were new."""
    year = parse_school_year(school_year)
    if is_year_locked(ledger, year) is None:
        raise UserError(f"{year}学年的考核结果尚未审批锁定，审批后才能生成星级荣誉。")
    starred = [r for r in year_results(ledger, year) if r.star_level]
    added = 0
    with ledger.transaction(TOPIC) as session:
        existing = {(h.title, h.member_id) for h in session.scalars(select(Honour).where(Honour.school_year == year))}
        for result in starred:
            title = STAR_TITLES[StarLevel(result.star_level)]
            if (title, result.member_id) in existing:
                continue
            session.add(Honour(title=title, school_year=year, member_id=result.member_id,
                               issuer=(issuer or "").strip() or None, awarded_on=awarded_on,
                               note=f"{year}学年量化考核 {result.score:g} 分"))
            added += 1
    return added
