"""Any record table, exported as the user sees it (filtered and sorted)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from desktop_app.services.exports.sheet import write_table_sheet
from desktop_app.services.exports.writer import save_workbook


def export_table(path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                 *, subtitle: str | None = None) -> int:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_name(title)
    count = write_table_sheet(sheet, title, headers, rows,
                              subtitle=subtitle if subtitle is not None else f"导出日期：{date.today():%Y年%m月%d日}")
    save_workbook(workbook, Path(path))
    return count


def _sheet_name(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in '[]:*?/\\')
    return (cleaned or "导出")[:31]
