"""Workbooks for the import tests, built with openpyxl in a temp folder."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from desktop_app.domain import idcard


def make_id(birth: str, serial: str = "001") -> str:
    """A valid 18-digit ID number for birth 'YYYYMMDD' (area code 110105)."""
    first17 = f"110105{birth}{serial}"
    return first17 + idcard.check_char(first17)


def write_book(path: Path, rows: list[list], title: str | None = None, sheet: str = "Sheet1") -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path
