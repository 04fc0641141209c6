"""Evaluations through the services: sheet, year results, the seed school's year, locking, schemes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from evaluation_helpers import YEAR, add_members, enter_total

from desktop_app.domain.evaluation import Adjustment, star_counts_text, year_score
from desktop_app.domain.people import MemberData
from desktop_app.domain.scheme import StarLevel, Thresholds, default_scheme
from desktop_app.services.errors import InUse, UserError, ValidationError
from desktop_app.services.evaluations.commands import approve, record_semester, set_adjustments, set_entered, unlock
from desktop_app.services.evaluations.locks import audit_entries, locks_for
from desktop_app.services.evaluations.queries import semester_sheet, year_results, year_star_counts
from desktop_app.services.evaluations.schemes import get_scheme, save_scheme
from desktop_app.services.members import add_member, delete_member, get_member, update_member

pytestmark = pytest.mark.both_engines

# (第一学期, 第二学期, 加分 in the second semester): 13 five-star, 6 four-star, 12 below.
SEED_YEAR = [
    (95, 96, 0), (92, 90, 0), (90, 90, 0), (89, 91, 0), (89.99, 90.01, 0), (None, 93, 0), (98, None, 0),
    (91, 94, 0), (93, 92, 0), (88, 85, 8), (96, 97, 0), (94, 90, 0), (90.5, 91.5, 0),
    (89.98, 89.99, 0), (85, 80, 0), (80, 80, 0), (88, 78, 0), (None, 86, 0), (79.99, 80.01, 0),
    (75, 76, 0), (70, 70, 0), (69.99, 70, 0), (60, 65, 0), (78, 79, 0), (72, 74, 0),
    (65, 66, 0), (77, 71, 0), (58, 62, 0), (74, 73, 0), (68, 69, 0), (76, 70, 0),
]


def test_seed_school_year_gives_13_five_star_and_6_four_star(ledger):
    ids = add_members(ledger, 29) + add_members(ledger, 2, status="probationary")
    add_member(ledger, MemberData(name="郑积极", political_status="activist"))  # not evaluated by default
    scheme = get_scheme(ledger, YEAR)
    assert scheme == default_scheme(YEAR)
    for member_id, (first, second, bonus) in zip(ids, SEED_YEAR, strict=True):
        if first is not None:
            enter_total(ledger, scheme, member_id, 1, first)
        if second is not None:
            enter_total(ledger, scheme, member_id, 2, second, bonus=bonus)
    results = year_results(ledger, YEAR)
    assert len(results) == 31
    counts = year_star_counts(results)
    assert star_counts_text(counts) == "五星级 13 人，四星级 6 人，三星级 8 人"
    by_id = {r.member_id: r for r in results}
    assert by_id[ids[4]].score == 90 and by_id[ids[4]].star_level == StarLevel.FIVE.value  # 89.99 / 90.01
    assert by_id[ids[5]].first is None and by_id[ids[5]].score == 93  # only the second semester
    assert by_id[ids[6]].second is None and by_id[ids[6]].score == 98  # only the first
    assert by_id[ids[9]].second == 93 and by_id[ids[9]].score == 90.5  # 85 + 8 加分
    assert by_id[ids[13]].score == 89.99 and by_id[ids[13]].star_level == StarLevel.FOUR.value
    assert by_id[ids[21]].score == 70 and by_id[ids[21]].star_level == StarLevel.THREE.value  # 69.995 → 70
    assert results[0].member_id == ids[6] and results[0].rank == 1
    assert [r.rank for r in results if r.score == 90] == [11, 11, 11]  # 98 96.5 95.5 93 92.5 92.5 92 91 91 90.5, then three tie on 90


def test_sheet_totals_caps_and_fallback_explanations(ledger):
    (member,) = add_members(ledger, 1)
    set_entered(ledger, member, YEAR, 1, "politics", 14)
    set_entered(ledger, member, YEAR, 1, "teaching", 18.5)
    set_entered(ledger, member, YEAR, 1, "pledge", 8.5)
    set_adjustments(ledger, member, YEAR, 1, [Adjustment(6, "市级公开课"), Adjustment(5, "优秀班主任")],
                    [Adjustment(2, "缺席党员活动日")])
    row = semester_sheet(ledger, YEAR, 1).row_of(member)
    assert row.result.base == 41  # 14 + 18.5 + 8.5
    assert (row.result.bonus, row.result.deduction, row.result.total) == (10, 2, 49)  # 加分 capped at 10
    assert not row.result.complete
    pledge = row.scores[6]
    assert pledge.explanation == "承诺践诺（暂无记录，手工录入）"
    assert row.bonus_reasons == "市级公开课 6分；优秀班主任 5分"


def test_bad_input_is_refused_with_the_field_named_and_nothing_changes(ledger):
    (member,) = add_members(ledger, 1)
    with pytest.raises(ValidationError, match="“教育教学”应在 0 到 20 分之间"):
        record_semester(ledger, member, YEAR, 1, entered={"politics": 12, "teaching": 25})
    with pytest.raises(ValidationError, match="加分第1项：必须写明事由"):
        set_adjustments(ledger, member, YEAR, 1, [Adjustment(2, " ")], [])
    assert semester_sheet(ledger, YEAR, 1).row_of(member).result.total == 0


def test_locked_semester_refuses_edits_until_unlocked_with_a_reason(ledger):
    (member,) = add_members(ledger, 1)
    set_entered(ledger, member, YEAR, 1, "politics", 15)
    approve(ledger, YEAR, 1, date(2026, 1, 20), "支部党员大会")
    with pytest.raises(UserError, match="已于 2026-01-20 经支部党员大会审批锁定，不能修改"):
        set_entered(ledger, member, YEAR, 1, "politics", 10)
    set_entered(ledger, member, YEAR, 2, "politics", 13)  # the other semester stays open
    with pytest.raises(UserError, match="不能修改考核方案"):
        save_scheme(ledger, replace(get_scheme(ledger, YEAR), bonus_cap=5))
    with pytest.raises(ValidationError, match="解除原因"):
        unlock(ledger, locks_for(ledger, YEAR)[0].id, "  ")
    unlock(ledger, locks_for(ledger, YEAR)[0].id, "思想政治分数录入错误")
    set_entered(ledger, member, YEAR, 1, "politics", 10)
    assert semester_sheet(ledger, YEAR, 1).row_of(member).result.total == 10
    audit = audit_entries(ledger)
    assert [a.action for a in audit] == ["解除考核锁定", "考核审批"]
    assert audit[0].reason == "思想政治分数录入错误"
    assert audit[0].subject.startswith("2025-2026学年第一学期考核结果")


def test_year_approval_locks_both_semesters(ledger):
    (member,) = add_members(ledger, 1)
    approve(ledger, YEAR, None, date(2026, 7, 10), "支部委员会")
    for semester in (1, 2):
        assert semester_sheet(ledger, YEAR, semester).lock is not None
        with pytest.raises(UserError, match="全年考核结果已于 2026-07-10"):
            set_entered(ledger, member, YEAR, semester, "ethics", 12)
    with pytest.raises(UserError, match="已经审批锁定"):
        approve(ledger, YEAR, 1, date(2026, 7, 11), "支部委员会")


def test_approved_sheet_keeps_its_members(ledger):
    first, _second = add_members(ledger, 2)
    set_entered(ledger, first, YEAR, 1, "politics", 15)
    approve(ledger, YEAR, 1, date(2026, 1, 20), "支部党员大会")
    add_member(ledger, MemberData(name="新来的", political_status="full_member"))
    names = [r.member_name for r in semester_sheet(ledger, YEAR, 1).rows]
    assert "新来的" not in names and len(names) == 2
    assert "新来的" in [r.member_name for r in semester_sheet(ledger, YEAR, 2).rows]


def test_scheme_is_per_year_and_carried_forward(ledger):
    changed = replace(default_scheme(YEAR), thresholds=Thresholds(92, 85, 75))
    save_scheme(ledger, changed)
    assert get_scheme(ledger, YEAR).thresholds.five == 92
    assert get_scheme(ledger, "2026-2027").thresholds.five == 92  # carried forward
    assert get_scheme(ledger, "2024-2025").thresholds.five == 90  # earlier years keep the default
    with pytest.raises(ValidationError, match="合计应为 100 分"):
        save_scheme(ledger, replace(changed, indicators=changed.indicators[:-1]))


def test_activists_are_scored_when_the_scheme_says_so_but_never_starred(ledger):
    (activist,) = add_members(ledger, 1, status="activist")
    assert semester_sheet(ledger, YEAR, 1).rows == ()
    save_scheme(ledger, replace(default_scheme(YEAR), scored_only_statuses=("activist",)))
    enter_total(ledger, get_scheme(ledger, YEAR), activist, 1, 96)
    (result,) = year_results(ledger, YEAR)
    assert (result.score, result.star_level) == (96, None)


def test_a_member_with_scores_cannot_be_deleted(ledger):
    (member,) = add_members(ledger, 1)
    set_entered(ledger, member, YEAR, 1, "politics", 15)
    with pytest.raises(InUse, match="考核成绩 1 条"):
        delete_member(ledger, member)


def test_editing_an_earlier_years_scheme_leaves_an_approved_years_stars_unchanged(ledger):
    (member,) = add_members(ledger, 1)
    save_scheme(ledger, default_scheme("2024-2025"))  # 2025-2026 has no scheme of its own: it follows this one
    scheme = get_scheme(ledger, YEAR)
    enter_total(ledger, scheme, member, 1, 95)
    enter_total(ledger, scheme, member, 2, 85)
    approve(ledger, YEAR, None, date(2026, 7, 10), "支部党员大会")
    (before,) = year_results(ledger, YEAR)
    assert (before.score, before.star_level) == (90, StarLevel.FIVE.value)  # (95 + 85) / 2 = 90 ≥ 90

    edited = replace(default_scheme("2024-2025"), combination="weighted", first_weight=0.2,
                     thresholds=Thresholds(96, 86, 76))
    save_scheme(ledger, edited)
    assert year_score(edited, 95, 85) == 87  # 0.2 × 95 + 0.8 × 85 = 87, 四星级 under 96/86/76

    (after,) = year_results(ledger, YEAR)
    assert (after.score, after.star_level) == (90, StarLevel.FIVE.value)
    assert get_scheme(ledger, YEAR).thresholds == Thresholds(90, 80, 70)
    sheet = semester_sheet(ledger, YEAR, 2)
    assert sheet.row_of(member).star_label == "四星级"  # 85 under 90/80/70, not 三星级 under 96/86/76


def test_approving_one_semester_keeps_the_scheme_it_was_approved_under(ledger):
    (member,) = add_members(ledger, 1)
    save_scheme(ledger, default_scheme("2024-2025"))
    enter_total(ledger, get_scheme(ledger, YEAR), member, 1, 92)
    approve(ledger, YEAR, 1, date(2026, 1, 20), "支部委员会")
    save_scheme(ledger, replace(default_scheme("2024-2025"), thresholds=Thresholds(95, 85, 75)))
    assert semester_sheet(ledger, YEAR, 1).row_of(member).star_label == "五星级"  # 92 ≥ 90


def test_an_approved_year_keeps_the_political_status_it_was_approved_with(ledger):
    (member,) = add_members(ledger, 1, status="probationary")
    save_scheme(ledger, replace(default_scheme(YEAR), starred_statuses=("full_member",),
                                scored_only_statuses=("probationary",)))
    scheme = get_scheme(ledger, YEAR)
    enter_total(ledger, scheme, member, 1, 92)
    enter_total(ledger, scheme, member, 2, 94)
    approve(ledger, YEAR, None, date(2026, 7, 10), "支部党员大会")
    update_member(ledger, member, replace(get_member(ledger, member), political_status="full_member"))  # 转正

    (result,) = year_results(ledger, YEAR)
    assert (result.score, result.star_level, result.status_label) == (93, None, "中共预备党员")  # scored, not starred
    row = semester_sheet(ledger, YEAR, 2).row_of(member)
    assert (row.status_label, row.star_label) == ("中共预备党员", "")
    assert star_counts_text(year_star_counts(year_results(ledger, YEAR))) == "五星级 0 人，四星级 0 人，三星级 0 人"

    unlock(ledger, locks_for(ledger, YEAR)[0].id, "转正后重新评定")
    (result,) = year_results(ledger, YEAR)
    assert (result.score, result.star_level, result.status_label) == (93, StarLevel.FIVE.value, "中共党员")
