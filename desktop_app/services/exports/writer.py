"""Saving a workbook without ever leaving a half-written file behind."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from desktop_app.services.files import atomic_output


def save_workbook(workbook: Workbook, path: Path) -> Path:
    """Write to a temp file next to the target, fsync, then rename; UserError naming the file on failure."""
    with atomic_output(path) as partial:
        workbook.save(partial)
    return Path(path)
