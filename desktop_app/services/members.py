"""Members (党员/教职工): listing, adding, editing, deleting, finding duplicates."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date

from sqlalchemy import select

from desktop_app.domain import idcard
from desktop_app.domain.collation import sorted_by_name
from desktop_app.domain.people import MemberData, validate_member
from desktop_app.domain.vocab import Gender, PoliticalStatus, Post
from desktop_app.services.errors import InUse, NotFound, ValidationError
from desktop_app.services.records.writing import add_record
from desktop_app.services.references import blocking, references_to
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.store.models import Member

TOPIC = Topic.MEMBER
_DATA_FIELDS = [f.name for f in fields(MemberData)]


@dataclass(frozen=True)
class MemberRow:
    """One member as tables, pickers and reports show it (no live ORM object)."""

    id: int
    name: str
    gender: str
    birth_date: date | None
    political_status: str  # code
    party_group: str
    department: str
    posts: tuple[str, ...]  # codes
    subject: str
    backbone_titles: tuple[str, ...]
    phone: str
    id_number: str
    join_date: date | None
    active: bool

    @property
    def status_label(self) -> str:
        return PoliticalStatus.label_of(self.political_status)

    @property
    def gender_label(self) -> str:
        return Gender.label_of(self.gender)

    @property
    def posts_label(self) -> str:
        return "、".join(Post.label_of(p) for p in self.posts)

    @property
    def is_party_member(self) -> bool:
        return PoliticalStatus(self.political_status).is_party_member


def _row(m: Member) -> MemberRow:
    return MemberRow(
        id=m.id, name=m.name, gender=m.gender or "", birth_date=m.birth_date,
        political_status=m.political_status, party_group=m.party_group or "",
        department=m.department or "", posts=tuple(m.posts or ()), subject=m.subject or "",
        backbone_titles=tuple(m.backbone_titles or ()), phone=m.phone or "",
        id_number=m.id_number or "", join_date=m.join_date, active=m.active,
    )


def list_members(ledger: Ledger, *, include_left: bool = True) -> list[MemberRow]:
    with ledger.reading() as session:
        query = select(Member).order_by(Member.name, Member.id)
        if not include_left:
            query = query.where(Member.active.is_(True))
        return sorted_by_name((_row(m) for m in session.scalars(query)), key=lambda r: r.name)


def get_member(ledger: Ledger, member_id: int) -> MemberData:
    with ledger.reading() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("该党员已不存在，可能已被删除。")
        data = MemberData(**{name: getattr(member, name) for name in _DATA_FIELDS})
        data.posts = list(data.posts or [])
        data.backbone_titles = list(data.backbone_titles or [])
        return data


def _clean(data: MemberData) -> MemberData:
    cleaned = MemberData(**asdict(data))
    for name in _DATA_FIELDS:
        value = getattr(cleaned, name)
        if isinstance(value, str):
            setattr(cleaned, name, value.strip() or None)
    cleaned.name = (data.name or "").strip()
    cleaned.political_status = data.political_status
    if cleaned.id_number:
        cleaned.id_number = idcard.normalise(cleaned.id_number)
    return cleaned


def _check(data: MemberData) -> MemberData:
    cleaned = _clean(data)
    problems = validate_member(cleaned)
    if problems:
        raise ValidationError(problems)
    return cleaned


def add_member(ledger: Ledger, data: MemberData) -> int:
    cleaned = _check(data)
    with ledger.transaction(TOPIC) as session:
        return add_record(session, Member, asdict(cleaned))


def update_member(ledger: Ledger, member_id: int, data: MemberData) -> None:
    cleaned = _check(data)
    with ledger.transaction(TOPIC) as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("该党员已不存在，可能已被删除。")
        for name, value in asdict(cleaned).items():
            setattr(member, name, value)


def mark_left(ledger: Ledger, member_id: int, left_on: date) -> None:
    """标记“已离开”: no longer on the roster, history kept; the rest of the record as it is now."""
    with ledger.transaction(TOPIC) as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("该党员已不存在，可能已被删除。")
        member.active, member.left_date = False, left_on


def possible_duplicates(ledger: Ledger, data: MemberData, exclude_id: int | None = None) -> list[MemberRow]:
    """Members that may be the same person: same ID number, or same name (and birth date if known)."""
    name = (data.name or "").strip()
    number = idcard.normalise(data.id_number)
    with ledger.reading() as session:
        query = select(Member).where(Member.name == name)
        if number:
            query = select(Member).where((Member.id_number == number) | (Member.name == name))
        found = []
        for member in session.scalars(query):
            if member.id == exclude_id:
                continue
            same_number = bool(number) and member.id_number == number
            differing_birth = data.birth_date and member.birth_date and member.birth_date != data.birth_date
            if same_number or not differing_birth:
                found.append(_row(member))
        return found


def delete_member(ledger: Ledger, member_id: int) -> None:
    """Delete unless records refer to the person; cultivation plans go with them, class links clear."""
    refusing = blocking(references_to(ledger, Member.__tablename__, member_id))
    if refusing:
        listed = "、".join(str(r) for r in refusing)
        raise InUse(f"不能删除：还有{listed}引用此人。可以改为“已离开”，保留历史记录。")
    with ledger.transaction(TOPIC, Topic.SCHOOL_CLASS, Topic.CULTIVATION) as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("该党员已不存在，可能已被删除。")
        session.delete(member)


def members_by_name(ledger: Ledger) -> dict[str, list[MemberRow]]:
    """Name → members with that name, for importers matching people by name within the roster."""
    index: dict[str, list[MemberRow]] = {}
    for row in list_members(ledger):
        index.setdefault(row.name, []).append(row)
    return index
