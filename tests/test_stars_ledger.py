"""#21 done-when: the stars of the hand-counted ledger (tests/stars_ledger.py) match its table."""

from __future__ import annotations

from dataclasses import replace

import pytest
import stars_ledger
from evaluation_helpers import YEAR

from desktop_app.services.evaluations.queries import semester_sheet, year_results, year_star_counts
from desktop_app.services.evaluations.schemes import get_scheme, save_scheme
from desktop_app.services.records.queries import member_fulfilment, totals
from desktop_app.services.settings import semester_dates

pytestmark = pytest.mark.both_engines



@pytest.fixture
def ids(ledger):
    return stars_ledger.build(ledger)


def test_the_first_semesters_counts(ledger, ids):
    sheet = semester_sheet(ledger, YEAR, 1)
    period = semester_dates(ledger, YEAR).first
    counted = member_fulfilment(ledger, period)
    got = {name: (counted[mid].demo_lessons_done, counted[mid].demo_lessons_required,
                  counted[mid].visits_done, counted[mid].visits_required) for name, mid in ids.items()}
    assert got == {"陈静": (1, 2, 10, 10), "刘强": (2, 2, 3, 10), "王芳": (1, 1, 10, 10), "赵敏": (1, 1, 6, 6),
                   "孙磊": (2, 2, 8, 8), "周红": (2, 2, 10, 10)}
    assert (totals(ledger, period).demo_lessons, totals(ledger, period).observations) == (9, 11)
    assert {row.member_name: (row.result.total, row.star_label) for row in sheet.rows} == {
        name: expected[:2] for name, expected in stars_ledger.EXPECTED.items()}


def test_the_years_stars_match_the_hand_counted_table(ledger, ids):
    results = {r.member_name: r for r in year_results(ledger, YEAR)}
    assert {name: (r.second, r.score, r.star_label) for name, r in results.items()} == {
        name: (expected[2], expected[3], expected[4]) for name, expected in stars_ledger.EXPECTED.items()}
    assert [(r.member_name, r.rank) for r in year_results(ledger, YEAR)] == [
        ("孙磊", 1), ("王芳", 2), ("赵敏", 3), ("周红", 3), ("陈静", 5), ("刘强", 6)]  # a tie in pinyin order
    counts = year_star_counts(list(results.values()))
    assert [counts[level] for level in counts] == [4, 2, 0]


def test_the_exact_reading_takes_周红s_fifth_star(ledger, ids):
    save_scheme(ledger, replace(get_scheme(ledger, YEAR), rounding="exact"))
    results = {r.member_name: r for r in year_results(ledger, YEAR)}
    assert (results["周红"].score, results["周红"].star_label) == (pytest.approx(89.995), "四星级")
    assert results["陈静"].star_label == "四星级" and results["赵敏"].star_label == "五星级"
