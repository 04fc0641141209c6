"""The report figures the workbooks print, counted in SQL, equal the same figures counted member by
member in plain Python, on a ledger of edge cases (tests/figures_oracle.py): mid-term 入校 and 入党,
members who left, 请假, holidays, 培养对象, 示范课 with several observers, inactive students."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event
from figures_oracle import (
    coverage_one_by_one, fill_edge_cases, fulfilment_one_by_one, pledge_counts_one_by_one,
    review_grades_one_by_one, times_observed_one_by_one, totals_one_by_one,
)

from desktop_app.domain.calendar import Period, month_period, quarter_period
from desktop_app.services.pledges.queries import counts_by_status, review_grades
from desktop_app.services.records.queries import class_coverage, member_fulfilment, times_observed, totals
from desktop_app.services.settings import semester_dates

PERIODS = {
    "school year": Period(date(2025, 9, 1), date(2026, 8, 31)),
    "third quarter 2025": quarter_period(2025, 3),
    "fourth quarter 2025": quarter_period(2025, 4),
    "October (holiday)": month_period(2025, 10),
    "May (joiners)": month_period(2026, 5),
    "one day": Period(date(2026, 3, 16), date(2026, 3, 16)),
}


@pytest.fixture(scope="module")
def edge_ledger(tmp_path_factory):
    from desktop_app.store.ledger import open_ledger

    ledger = open_ledger(tmp_path_factory.mktemp("edge") / "data")
    fill_edge_cases(ledger)
    yield ledger
    ledger.close()


def _periods(ledger) -> dict[str, Period]:
    dates = semester_dates(ledger, "2025-2026")
    return {**PERIODS, "first semester": dates.first, "second semester": dates.second}


def test_the_edge_case_ledger_has_its_edge_cases(edge_ledger):
    year = PERIODS["school year"]
    people = fulfilment_one_by_one(edge_ledger, year)
    explained = [f for f in people.values() if len(f.explain) == 4]
    assert explained, "records outside someone's time at school"
    assert any(f.demo_lessons_done for f in people.values())
    assert len({f.visits_required for f in people.values()}) > 5, "joined, left and leave change what is owed"
    assert 0 < len(member_fulfilment(edge_ledger, month_period(2025, 9))) < len(people), "some join later"


@pytest.mark.parametrize("name", [*PERIODS, "first semester", "second semester"])
def test_quota_fulfilment_equals_the_count_member_by_member(edge_ledger, name):
    period = _periods(edge_ledger)[name]
    assert member_fulfilment(edge_ledger, period) == fulfilment_one_by_one(edge_ledger, period)


def test_what_is_due_so_far_in_a_running_period_equals_the_count_member_by_member(edge_ledger):
    period, today = PERIODS["school year"], date(2026, 3, 10)
    assert member_fulfilment(edge_ledger, period, today) == fulfilment_one_by_one(edge_ledger, period, today)


@pytest.mark.parametrize("name", ["school year", "fourth quarter 2025", "first semester", "one day"])
def test_class_coverage_equals_the_count_class_by_class(edge_ledger, name):
    period = _periods(edge_ledger)[name]
    found = {cover.class_id: cover for cover in class_coverage(edge_ledger, period)}
    assert found == coverage_one_by_one(edge_ledger, period)
    if name == "school year":
        assert all(cover.home.done < cover.phone.done for cover in found.values())


@pytest.mark.parametrize("name", ["school year", "fourth quarter 2025", "one day"])
def test_totals_and_times_observed_equal_the_count_record_by_record(edge_ledger, name):
    period = _periods(edge_ledger)[name]
    assert totals(edge_ledger, period) == totals_one_by_one(edge_ledger, period)
    assert times_observed(edge_ledger, period) == times_observed_one_by_one(edge_ledger, period)


@pytest.mark.parametrize("year", ["2025-2026", "2024-2025", "2023-2024"])
def test_pledge_grades_and_counts_equal_the_count_pledge_by_pledge(edge_ledger, year):
    assert review_grades(edge_ledger, year) == review_grades_one_by_one(edge_ledger, year)
    assert counts_by_status(edge_ledger, year) == pledge_counts_one_by_one(edge_ledger, year)


def test_the_counts_by_member_are_read_from_the_covering_indexes(edge_ledger):
    """Revision 0014's indexes hold every column the grouped counts read: the wide record rows stay unread."""
    grouped = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT") and "GROUP BY" in statement:
            grouped.append((statement, parameters))

    event.listen(edge_ledger.engine, "before_cursor_execute", keep)
    try:
        member_fulfilment(edge_ledger, PERIODS["school year"])
    finally:
        event.remove(edge_ledger.engine, "before_cursor_execute", keep)
    with edge_ledger.engine.connect() as connection:
        plans = [" ".join(row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
                 for statement, parameters in grouped]
    assert any("COVERING INDEX ix_visit_date_figures" in plan for plan in plans), plans
    assert any("COVERING INDEX ix_observation_date_figures" in plan for plan in plans), plans
