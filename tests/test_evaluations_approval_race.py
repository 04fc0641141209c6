"""审批锁定 while a colleague saves: the frozen figures are the ledger's when the lock is written, and a
save that waited for the approval is then refused, on either engine."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from evaluation_helpers import YEAR, add_members

from desktop_app.domain.evaluation import Adjustment
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations import commands
from desktop_app.services.evaluations.queries import semester_sheet
from desktop_app.store.ledger import open_ledger


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request, data_dir):
    return request.getfixturevalue("pg_url") if request.param == "postgresql" else data_dir


def test_a_save_during_an_approval_waits_and_is_then_refused(shared, monkeypatch):
    approver, colleague = open_ledger(shared), open_ledger(shared)
    try:
        (member_id,) = add_members(approver, 1)
        inside, go, outcome = threading.Event(), threading.Event(), {}

        def paused_sheet(*args, **kwargs):  # the approval has its lock and is computing the figures
            inside.set()
            go.wait(10)
            return semester_sheet(*args, **kwargs)

        monkeypatch.setattr(commands, "semester_sheet", paused_sheet)
        approving = threading.Thread(target=commands.approve, args=(approver, YEAR, 1, date(2026, 1, 20), "支部党员大会"))
        approving.start()
        assert inside.wait(10)

        def save():
            try:
                commands.set_adjustments(colleague, member_id, YEAR, 1, [Adjustment(2, "区级优秀教师")], [])
                outcome["saved"] = True
            except UserError as exc:
                outcome["refused"] = str(exc)

        saving = threading.Thread(target=save)
        saving.start()
        time.sleep(0.5)
        assert saving.is_alive(), "the colleague's save went through while the approval computed its figures"
        go.set()
        approving.join(10)
        saving.join(10)
        assert "不能修改" in outcome.get("refused", ""), outcome
        row = next(r for r in semester_sheet(approver, YEAR, 1).rows if r.member_id == member_id)
        assert row.locked and row.bonuses == ()
    finally:
        approver.close()
        colleague.close()
