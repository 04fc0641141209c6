"""Computed indicators from real records: pledge review grades, observations, 示范课, visits."""

from __future__ import annotations

from datetime import date

from records_school import make_school

from desktop_app.domain.evaluation import fmt, points
from desktop_app.domain.pledges import PledgeData, Publication, Review
from desktop_app.services import pledges
from desktop_app.services.evaluations.commands import approve, unlock
from desktop_app.services.evaluations.locks import locks_for
from desktop_app.services.evaluations.queries import semester_sheet
from desktop_app.services.records.observations import ObservationData, add_observation
from desktop_app.services.records.queries import member_fulfilment
from desktop_app.services.settings import semester_dates

YEAR = "2025-2026"


def _reviewed_pledge(ledger, member_id: int, grade: str) -> int:
    pid = pledges.write_pledge(ledger, PledgeData(member_id, "post", YEAR, "五个模范", ["每学期上好一节示范课"],
                                                  date(2025, 9, 5)))
    pledges.publish(ledger, pid, Publication(date(2025, 9, 10), date(2025, 9, 20), ["notice_board"]))
    pledges.start_fulfilment(ledger, [pid])
    pledges.record_review(ledger, pid, Review(grade, "members_meeting", date(2026, 1, 10)))
    return pid


def test_indicators_are_computed_from_the_records(ledger):
    school = make_school(ledger)
    principal, teacher = school.members["王校长"], school.members["张老师"]
    _reviewed_pledge(ledger, teacher, "fairly_good")
    sheet = semester_sheet(ledger, YEAR, 1)
    assert {r.member_name for r in sheet.rows} == {"王校长", "李主任", "张老师"}  # party members only
    facts = member_fulfilment(ledger, semester_dates(ledger, YEAR).first)

    row = sheet.row_of(principal)
    observed = row.scores[3]  # 听课, 10 points
    done, required = facts[principal].observations_done, facts[principal].observations_required
    assert observed.computed and required > 0
    assert observed.points == points(min(done / required, 1) * 10)
    assert observed.explanation == f"听课 {done}/{required} 节 → {fmt(observed.points)}/10"

    pledge = sheet.row_of(teacher).scores[6]  # 承诺践诺, 10 points; 较好 → 85%
    assert (pledge.points, pledge.explanation, pledge.computed) == (8.5, "践诺评议“较好” → 8.5/10", True)
    principal_pledge = row.scores[6]  # no reviewed pledge: entered by hand
    assert principal_pledge.explanation == "承诺践诺（暂无记录，手工录入）" and not principal_pledge.computed
    assert "由记录计算：听课" in sheet.source_note


def test_approved_semester_keeps_its_computed_values_when_records_change(ledger):
    school = make_school(ledger)
    principal, teacher = school.members["王校长"], school.members["张老师"]
    before = semester_sheet(ledger, YEAR, 1).row_of(principal).scores[3]
    approve(ledger, YEAR, 1, date(2026, 1, 20), "支部党员大会")
    for day in (15, 16, 17):
        add_observation(ledger, ObservationData(date=date(2025, 10, day), observer_id=principal, teacher_id=teacher,
                                                lesson_no=1, subject="语文", lesson_type="drop_in"))
    assert semester_sheet(ledger, YEAR, 1).row_of(principal).scores[3] == before  # frozen
    unlock(ledger, locks_for(ledger, YEAR)[0].id, "补录十月听课记录")
    after = semester_sheet(ledger, YEAR, 1).row_of(principal).scores[3]
    assert after.points > before.points  # recomputed from the records again
