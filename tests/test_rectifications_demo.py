"""The sample school's suggestions and rectification ledger."""

from __future__ import annotations

import random
from datetime import date

from desktop_app.domain.rectifications import RectificationData, validate_rectification
from desktop_app.services import rectifications as rect
from desktop_app.services.demo import people
from desktop_app.services.demo import rectifications as demo


def test_demo_fills_every_state_with_valid_rows(ledger):
    today = date.today()
    people.add_demo(ledger, random.Random(1))
    demo.add_demo(ledger, random.Random(1))
    suggestions = rect.list_suggestions(ledger)
    rows = rect.list_rectifications(ledger)
    assert len(suggestions) == 50
    assert 20 <= len(rows) < 30  # one per distinct opinion; some still wait (未立整改)
    assert len({row.suggestion.removesuffix("（再次反映）") for row in rows}) == len(rows)
    assert all(count > 0 for count in rect.counts_by_status(ledger).values())
    assert rect.overdue(ledger, today)
    assert any(row.published_on for row in rows)
    for row in rows:
        data = RectificationData(
            measure=row.measure, responsible_unit=row.responsible_unit, responsible_name=row.responsible_name,
            deadline=row.deadline, status=row.status, completed_on=row.completed_on, result=row.result,
            published_on=row.published_on,
        )
        assert validate_rectification(data, today, row.raised_on) == [], row
    demo.add_demo(ledger, random.Random(2))  # a second run adds nothing
    assert len(rect.list_suggestions(ledger)) == 50


def test_demo_collects_the_sample_visits_suggestions_first(ledger):
    from desktop_app.services.demo import records

    people.add_demo(ledger, random.Random(1))
    records.add_demo(ledger, random.Random(1))
    demo.add_demo(ledger, random.Random(1))
    suggestions = rect.list_suggestions(ledger)
    from_visits = [s for s in suggestions if s.visit_id is not None]
    assert from_visits and len(suggestions) - len(from_visits) >= demo.MIN_DIRECT
    assert rect.collect_from_visits(ledger).created == 0  # all collected already
    assert any(row.raised_on and row.suggestion in demo.VISIT_MEASURES for row in rect.list_rectifications(ledger))
