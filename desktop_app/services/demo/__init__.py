"""A realistic sample school for a new user (`python -m desktop_app demo`).

Each record kind adds its own module here with `add_demo(ledger, rng)`; they run in order,
so later kinds can use the people made by earlier ones.
"""

from __future__ import annotations

import importlib
import random

from desktop_app.store.ledger import Ledger

DEMO_MODULES = ("people", "pledges", "records", "rectifications", "evaluations")


def fill_demo(ledger: Ledger, seed: int = 2025) -> list[str]:
    """Fill the ledger with the sample school; returns the kinds that were added."""
    rng = random.Random(seed)
    added = []
    for name in DEMO_MODULES:
        module_name = f"{__name__}.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        module.add_demo(ledger, rng)
        added.append(name)
    return added
