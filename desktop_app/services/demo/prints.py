"""The sample school's print history: last year's certificates were printed once (numbers and a log entry)."""

from __future__ import annotations

import random

from desktop_app.services.honours import list_honours
from desktop_app.services.prints import jobs
from desktop_app.store.ledger import Ledger


def add_demo(ledger: Ledger, rng: random.Random) -> None:  # noqa: ARG001 (the demo modules' signature)
    years = sorted({h.school_year for h in list_honours(ledger)})
    if not years:
        return
    year = years[0]
    batch = jobs.load_batch(ledger, "certificates", year)
    items = jobs.prepare(ledger, batch, batch.items)
    jobs.record(ledger, batch, items, "printer", "办公室打印机")
