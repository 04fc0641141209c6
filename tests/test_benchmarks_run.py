"""The benchmark's own pieces still run against the code (they are not otherwise exercised)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_plaque_benchmark_renders_both_ways():
    plaques = _load("plaques")
    batch = plaques.cards()[:2]
    (_seconds, ours_bytes), (_s, plain_bytes) = plaques.ours(batch), plaques.plain_reportlab(batch)
    assert ours_bytes > 1000 and plain_bytes > 1000
