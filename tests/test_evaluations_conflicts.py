"""加分/减分 replace the whole list: saving over a list that changed since the sheet showed it is refused."""

from __future__ import annotations

import pytest
from evaluation_helpers import YEAR, add_members

from desktop_app.domain.evaluation import Adjustment
from desktop_app.services.edits import EditConflict, expecting
from desktop_app.services.evaluations.commands import set_adjustments
from desktop_app.services.evaluations.queries import semester_sheet
from desktop_app.store.ledger import open_ledger


def _row(ledger, member_id):
    return next(r for r in semester_sheet(ledger, YEAR, 1).rows if r.member_id == member_id)


def test_items_saved_elsewhere_since_the_sheet_was_read_are_not_overwritten(data_dir):
    window, importer = open_ledger(data_dir), open_ledger(data_dir)
    try:
        (member_id,) = add_members(window, 1)
        set_adjustments(window, member_id, YEAR, 1, [Adjustment(2, "区级优秀教师")], [])
        shown = _row(window, member_id)
        set_adjustments(importer, member_id, YEAR, 1, [*shown.bonuses, Adjustment(1, "市级公开课")], [])
        with pytest.raises(EditConflict), expecting(shown.loaded):
            set_adjustments(window, member_id, YEAR, 1, [Adjustment(3, "区级优秀教师")], [])
        assert [a.reason for a in _row(window, member_id).bonuses] == ["区级优秀教师", "市级公开课"]
        with expecting(_row(window, member_id).loaded):  # read again: her change goes over the new list
            set_adjustments(window, member_id, YEAR, 1, [Adjustment(3, "区级优秀教师")], [])
    finally:
        window.close()
        importer.close()


def test_a_scheme_saved_elsewhere_since_it_was_opened_is_not_overwritten(data_dir):
    from dataclasses import replace

    from desktop_app.services.evaluations.schemes import get_scheme, save_scheme, scheme_to_edit

    window, other = open_ledger(data_dir), open_ledger(data_dir)
    try:
        save_scheme(window, get_scheme(window, YEAR))  # the year has its own scheme
        shown, loaded = scheme_to_edit(window, YEAR)
        save_scheme(other, replace(shown, bonus_cap=shown.bonus_cap + 1))
        with pytest.raises(EditConflict), expecting(loaded):
            save_scheme(window, replace(shown, deduction_cap=shown.deduction_cap + 1))
        assert get_scheme(window, YEAR).bonus_cap == shown.bonus_cap + 1
    finally:
        window.close()
        other.close()
