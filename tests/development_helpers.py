"""A small branch for the 发展党员 tests: an applicant, three full members, dates of a whole procedure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.development.record import Publication, Vote
from desktop_app.domain.development.steps import Step
from desktop_app.domain.people import MemberData
from desktop_app.services.development.mapping import DevelopmentInput, PersonRef
from desktop_app.services.members import add_member

TODAY = date(2026, 12, 1)


@dataclass
class Branch:
    applicant: int
    secretary: int
    contact: int
    introducer: int
    activist_member: int  # an 入党积极分子: not a 正式党员


def make_branch(ledger) -> Branch:
    return Branch(
        applicant=add_member(ledger, MemberData(name="刘洋", political_status="non_party", birth_date=date(1995, 4, 2))),
        secretary=add_member(ledger, MemberData(name="陈静")),
        contact=add_member(ledger, MemberData(name="王芳")),
        introducer=add_member(ledger, MemberData(name="李强")),
        activist_member=add_member(ledger, MemberData(name="赵敏", political_status="activist")),
    )


FULL_DATES = {
    Step.APPLY: date(2023, 3, 1), Step.TALK: date(2023, 3, 20), Step.ACTIVIST: date(2023, 5, 10),
    Step.ACTIVIST_FILED: date(2023, 5, 20), Step.CONTACTS: date(2023, 5, 20), Step.ASSESSMENT: date(2023, 11, 1),
    Step.TARGET: date(2024, 5, 15), Step.TARGET_FILED: date(2024, 5, 25), Step.INTRODUCERS: date(2024, 5, 25),
    Step.POLITICAL_REVIEW: date(2024, 6, 5), Step.TRAINING: date(2024, 6, 10), Step.COMMITTEE_REVIEW: date(2024, 6, 20),
    Step.PRE_REVIEW: date(2024, 7, 1), Step.VOLUNTEER_FORM: date(2024, 7, 5), Step.ASSEMBLY: date(2024, 7, 10),
    Step.HIGHER_TALK: date(2024, 7, 20), Step.APPROVAL: date(2024, 8, 30), Step.APPROVAL_FILED: date(2024, 9, 10),
    Step.GROUP_ASSIGNED: date(2024, 9, 10), Step.OATH: date(2024, 9, 15), Step.PROBATION_EDUCATION: date(2025, 1, 10),
    Step.FULL_APPLY: date(2025, 6, 20), Step.FULL_ASSEMBLY: date(2025, 7, 15), Step.FULL_APPROVAL: date(2025, 8, 20),
    Step.ARCHIVED: date(2025, 9, 1),
}


def procedure(branch: Branch, up_to: Step, **changes) -> DevelopmentInput:
    """A by-the-rules record of the applicant up to and including `up_to`."""
    data = DevelopmentInput(
        member_id=branch.applicant,
        dates={s: d for s, d in FULL_DATES.items() if s <= up_to},
        assessments=[d for d in (date(2023, 11, 1), date(2024, 4, 20)) if up_to >= Step.ASSESSMENT],
        interviewer=PersonRef("陈静", branch.secretary) if up_to >= Step.TALK else None,
        contacts=[PersonRef("王芳", branch.contact)] if up_to >= Step.CONTACTS else [],
        introducers=[PersonRef("王芳", branch.contact), PersonRef("李强", branch.introducer)]
        if up_to >= Step.INTRODUCERS else [],
        training_end=date(2024, 6, 12) if up_to >= Step.TRAINING else None,
        training_hours=24 if up_to >= Step.TRAINING else None,
        target_publication=Publication(date(2024, 6, 21), date(2024, 6, 27)) if up_to >= Step.PRE_REVIEW else Publication(),
        admission_vote=Vote(20, 18, 18) if up_to >= Step.ASSEMBLY else Vote(),
        full_vote=Vote(20, 17, 17) if up_to >= Step.FULL_ASSEMBLY else Vote(),
        full_publication=Publication(date(2025, 7, 16), date(2025, 7, 22)) if up_to >= Step.FULL_APPROVAL else Publication(),
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data
