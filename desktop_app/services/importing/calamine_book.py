"""Reading a workbook through python-calamine (Rust): .xlsx, .xlsm, old .xls, .xlsb and .ods.

It offers the small part of openpyxl's read-only interface the import reader uses (`sheetnames`,
`book[name]`, a sheet's `title`, `max_row` and `iter_rows(min_row=, max_row=, values_only=True)`),
with openpyxl's values: an empty cell is None, a whole number an int, a date a datetime.date.
Rows are numbered and cells placed as in Excel even when the used range starts below row 1 or
right of column A.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, time
from pathlib import Path

from python_calamine import CalamineWorkbook, SheetVisibleEnum

def _value(cell):
    if cell == "":
        return None
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 2**53:
        return int(cell)
    if isinstance(cell, datetime) and cell.time() == time(0):
        return cell.date()
    return cell


class CalamineSheet:
    def __init__(self, sheet, errors: dict[tuple[int, int], str] | None = None):
        self._sheet = sheet
        self._errors = errors or {}  # (row, column) → "#REF!": calamine reads error cells as blanks
        self.title: str = sheet.name
        first_row, self._first_col = sheet.start or (0, 0)
        self._first_row = first_row + 1  # Excel's number of the used range's first row
        self.max_row: int = first_row + sheet.height if sheet.height else 0

    def merges(self) -> list[tuple[int, int, int, int]]:
        """(first row, first column, last row, last column), 1-based, as workbook_facts gives them."""
        ranges = self._sheet.merged_cell_ranges or []
        return [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in ranges]

    def iter_rows(self, min_row: int = 1, max_row: int | None = None, values_only: bool = True) -> Iterator[tuple]:
        """Each row from `min_row` to `max_row` (Excel numbers) as a tuple of values."""
        last = max_row if max_row is not None else self.max_row
        for _number in range(min_row, min(self._first_row, last + 1)):
            yield ()  # above the used range: empty
        pad = [None] * self._first_col
        for offset, cells in enumerate(self._sheet.iter_rows()):
            number = self._first_row + offset
            if number > last:
                return
            if number >= min_row:
                values = pad + [_value(c) for c in cells]
                for (row, column), error in self._errors.items():
                    if row == number and column <= len(values):
                        values[column - 1] = error
                yield tuple(values)


class CalamineBook:
    def __init__(self, path: Path, error_cells: Callable[[str], dict[tuple[int, int], str]] | None = None):
        with open(path, "rb") as handle:  # from the content, not the file name's extension
            self._book = CalamineWorkbook.from_filelike(handle)
        self._error_cells = error_cells
        self.sheetnames: list[str] = list(self._book.sheet_names)
        self._sheets: dict[str, CalamineSheet] = {}

    def visible_sheet_names(self) -> list[str]:
        return [m.name for m in self._book.sheets_metadata if m.visible == SheetVisibleEnum.Visible]

    def __getitem__(self, name: str) -> CalamineSheet:
        if name not in self._sheets:
            errors = self._error_cells(name) if self._error_cells else None
            self._sheets[name] = CalamineSheet(self._book.get_sheet_by_name(name), errors)
        return self._sheets[name]

    def close(self) -> None:
        self._book.close()
