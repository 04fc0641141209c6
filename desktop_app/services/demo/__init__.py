"""A realistic sample school for a new user (`python -m desktop_app demo`).

Each record kind adds its own module here with `add_demo(ledger, rng)`; they run in order,
so later kinds can use the people made by earlier ones.
"""

from __future__ import annotations

import random

from desktop_app.optional import optional_module
from desktop_app.store.ledger import Ledger

DEMO_MODULES = ("people", "pledges", "records", "rectifications", "evaluations", "meetings", "development", "prints")


def fill_demo(ledger: Ledger, seed: int = 2025) -> list[str]:
    """Fill the ledger with the sample school; returns the kinds that were added."""
    rng = random.Random(seed)
    added = []
    for name in DEMO_MODULES:
        module = optional_module(f"{__name__}.{name}")
        if module is None:
            continue
        module.add_demo(ledger, rng)
        added.append(name)
    return added
