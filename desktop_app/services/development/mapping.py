"""One mapping between the stored development record, the form's input and the domain's data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.development.record import DevelopmentData, Person, Publication, Vote
from desktop_app.domain.development.steps import Step
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.attachments import NewAttachment
from desktop_app.store.models import Member
from desktop_app.store.models.development import Development


@dataclass(frozen=True)
class PersonRef:
    """Someone a step names: a member of the ledger, or only a name (imported, not in the roster)."""

    name: str
    member_id: int | None = None

    def to_json(self) -> dict:
        return {"member_id": self.member_id, "name": self.name}

    @classmethod
    def from_json(cls, data: dict | None) -> PersonRef | None:
        return cls(name=data.get("name") or "", member_id=data.get("member_id")) if data else None


@dataclass
class DevelopmentInput:
    """Everything the dialog and the importer can set on a record."""

    member_id: int | None = None
    cultivation_id: int | None = None
    dates: dict[Step, date] = field(default_factory=dict)
    assessments: list[date] = field(default_factory=list)
    interviewer: PersonRef | None = None
    contacts: list[PersonRef] = field(default_factory=list)
    introducers: list[PersonRef] = field(default_factory=list)
    training_end: date | None = None
    training_hours: float | None = None
    target_publication: Publication = field(default_factory=Publication)
    full_publication: Publication = field(default_factory=Publication)
    admission_vote: Vote = field(default_factory=Vote)
    full_vote: Vote = field(default_factory=Vote)
    extension_months: int | None = None
    extension_reason: str | None = None
    notes: str | None = None
    new_attachments: list[NewAttachment] = field(default_factory=list)  # scans waiting for 保存
    removed_attachment_ids: list[int] = field(default_factory=list)


_COLUMNS = ("member_id", "cultivation_id", "training_end", "training_hours", "extension_months",
            "extension_reason", "notes")


def input_of(record: Development) -> DevelopmentInput:
    return DevelopmentInput(
        dates={Step(int(k)): date.fromisoformat(v) for k, v in (record.step_dates or {}).items()},
        assessments=sorted(date.fromisoformat(d) for d in record.assessments or []),
        interviewer=PersonRef.from_json(record.interviewer),
        contacts=[PersonRef.from_json(p) for p in record.contacts or []],
        introducers=[PersonRef.from_json(p) for p in record.introducers or []],
        target_publication=Publication(record.target_publication_start, record.target_publication_end),
        full_publication=Publication(record.full_publication_start, record.full_publication_end),
        admission_vote=Vote(record.admission_entitled, record.admission_present, record.admission_in_favour),
        full_vote=Vote(record.full_entitled, record.full_present, record.full_in_favour),
        **{name: getattr(record, name) for name in _COLUMNS},
    )


def write_input(record: Development, data: DevelopmentInput) -> None:
    for name in _COLUMNS:
        setattr(record, name, getattr(data, name))
    record.notes = (data.notes or "").strip() or None
    record.extension_reason = (data.extension_reason or "").strip() or None
    record.step_dates = {str(int(step)): day.isoformat() for step, day in sorted(data.dates.items())}
    record.assessments = [d.isoformat() for d in sorted(data.assessments)]
    record.interviewer = data.interviewer.to_json() if data.interviewer else None
    record.contacts = [p.to_json() for p in data.contacts]
    record.introducers = [p.to_json() for p in data.introducers]
    record.target_publication_start, record.target_publication_end = data.target_publication.start, data.target_publication.end
    record.full_publication_start, record.full_publication_end = data.full_publication.start, data.full_publication.end
    vote = data.admission_vote
    record.admission_entitled, record.admission_present, record.admission_in_favour = vote.entitled, vote.present, vote.in_favour
    vote = data.full_vote
    record.full_entitled, record.full_present, record.full_in_favour = vote.entitled, vote.present, vote.in_favour


def domain_data(data: DevelopmentInput, members: dict[int, Member], birth_date: date | None) -> DevelopmentData:
    """The domain's view; a named member counts as 正式党员 by his or her 政治面貌 in the ledger."""

    def person(ref: PersonRef) -> Person:
        member = members.get(ref.member_id) if ref.member_id is not None else None
        full = member is None or member.political_status == PoliticalStatus.FULL_MEMBER.value
        return Person(member.name if member else ref.name, full_member=full)

    return DevelopmentData(
        dates=dict(data.dates), birth_date=birth_date,
        interviewer=person(data.interviewer) if data.interviewer else None,
        contacts=[person(p) for p in data.contacts], introducers=[person(p) for p in data.introducers],
        assessments=list(data.assessments), training_end=data.training_end, training_hours=data.training_hours,
        target_publication=data.target_publication, full_publication=data.full_publication,
        admission_vote=data.admission_vote, full_vote=data.full_vote, extension_months=data.extension_months,
    )


def named_member_ids(data: DevelopmentInput) -> set[int]:
    refs = [data.interviewer, *data.contacts, *data.introducers]
    return {ref.member_id for ref in refs if ref is not None and ref.member_id is not None}
