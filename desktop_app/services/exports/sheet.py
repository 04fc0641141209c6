"""One print-ready worksheet: title rows, a frozen and filtered header, fitted widths, A4 setup.

User text never becomes a formula: strings are stored as strings, and those starting with
= + - @ also get Excel's quote prefix so that editing the cell keeps them text.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = 'yyyy"年"m"月"d"日"'
FOOTER = "第 &P 页，共 &N 页"
# Text that Excel (or a CSV re-import) could take for a formula or that hides what follows.
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
ALERT_FONT = Font(color="B71C1C", bold=True)
LINE_HEIGHT = 15  # points per wrapped line (Excel does not size rows of files it did not lay out)

# Named styles are registered once per workbook; giving a cell a named style is far cheaper
# in openpyxl than setting border, font and number format cell by cell.
_STYLES = {
    "台账-文字": dict(border=_BORDER, alignment=Alignment(vertical="top")),
    "台账-换行": dict(border=_BORDER, alignment=Alignment(vertical="top", wrap_text=True)),
    "台账-日期": dict(border=_BORDER, number_format=DATE_FORMAT, alignment=Alignment(vertical="top")),
    "台账-警示": dict(border=_BORDER, font=ALERT_FONT, alignment=Alignment(vertical="top")),
    "台账-警示换行": dict(border=_BORDER, font=ALERT_FONT, alignment=Alignment(vertical="top", wrap_text=True)),
    "台账-警示日期": dict(border=_BORDER, font=ALERT_FONT, number_format=DATE_FORMAT, alignment=Alignment(vertical="top")),
}


def _style_arrays(sheet: Worksheet) -> dict:
    """Each data style, registered in the workbook once, as the style array a new cell takes.

    Naming the style cell by cell (`cell.style = name`) looks the name up in the workbook's list
    every time; handing each new cell the style's array gives it the very same style, at a
    fraction of the cost on a sheet of thousands of cells."""
    book = sheet.parent
    existing = set(book.named_styles)
    arrays = {}
    for name, parts in _STYLES.items():
        if name not in existing:
            book.add_named_style(NamedStyle(name=name, **parts))
        probe = Cell(sheet)
        probe.style = name
        arrays[name] = probe._style  # openpyxl's per-cell style record (pinned openpyxl 3.1.5)
    return arrays


def _data_style(value: Any, alert: bool, wrapped: bool) -> str:
    if isinstance(value, (date, datetime)):
        return "台账-警示日期" if alert else "台账-日期"
    if alert:
        return "台账-警示换行" if wrapped else "台账-警示"
    return "台账-换行" if wrapped else "台账-文字"


def _lines(value: Any, width: int) -> int:
    """How many lines a text takes in a column `width` characters wide."""
    if not isinstance(value, str) or not value:
        return 1
    return _text_lines(value, width)


@functools.lru_cache(maxsize=4096)
def _text_lines(text: str, width: int) -> int:
    # Rendered CJK glyphs are nearer 1.6 than 2 width units, so estimate lines on 0.8 of text_width.
    return sum(max(1, math.ceil(_line_width(part) * 0.8 / max(width, 1))) for part in text.split("\n"))


@dataclass(frozen=True)
class SheetColumn:
    header: str
    min_width: int = 6
    max_width: int = 30  # longer text wraps inside the column instead of widening the page


def text_width(value: Any) -> int:
    """Display width in Excel character units: CJK characters count double."""
    if value is None:
        return 0
    if isinstance(value, (date, datetime)):
        return 14
    return _text_width(str(value))


@functools.lru_cache(maxsize=4096)
def _text_width(text: str) -> int:
    """The widest line's width: the longest line in characters, as measured before."""
    longest = max(text.split("\n"), key=len) if text else ""
    return _line_width(longest)


@functools.lru_cache(maxsize=4096)
def _line_width(line: str) -> int:
    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def write_cell(sheet: Worksheet, row: int, column: int, value: Any, style: str | None = None):
    """Put a value in a cell; user text stays text; dates get the Chinese date format."""
    cell = sheet.cell(row=row, column=column)
    if style:
        cell.style = style  # first: a named style replaces every other style setting
    cell.value = value
    _keep_text(cell, value)
    if isinstance(value, (date, datetime)) and not style:
        cell.number_format = "yyyy-mm-dd hh:mm" if isinstance(value, datetime) else DATE_FORMAT
    return cell


def _keep_text(cell, value: Any) -> None:
    """A string stays a string (never a formula), and one Excel could read as a formula gets the quote prefix."""
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(_RISKY_START):
            cell.quotePrefix = True


def _styled_cell(sheet: Worksheet, value: Any, style_array) -> Cell:
    cell = Cell(sheet, value=value, style_array=style_array)
    _keep_text(cell, value)
    return cell


def write_table_sheet(
    sheet: Worksheet,
    title: str,
    columns: Sequence[SheetColumn | str],
    rows: Iterable[Sequence[Any]],
    *,
    subtitle: str = "",
    alert_rows: set[int] | None = None,
    landscape: bool = True,
) -> int:
    """Write title, header and rows; set up printing. Returns the number of data rows.

    `alert_rows` holds 0-based indexes of rows to mark (overdue, behind quota).
    """
    specs = [c if isinstance(c, SheetColumn) else SheetColumn(c) for c in columns]
    width = max(len(specs), 1)
    title_cell = write_cell(sheet, 1, 1, title)
    title_cell.font = Font(size=14, bold=True)
    title_cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.row_dimensions[1].height = 26
    subtitle_cell = write_cell(sheet, 2, 1, subtitle)
    subtitle_cell.font = Font(size=10, color="555555")
    if "\n" in subtitle:  # several lines (e.g. the scheme's counting rules): wrap and make room
        subtitle_cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = sum(1 + text_width(line) // 110 for line in subtitle.split("\n"))  # long lines wrap
        sheet.row_dimensions[2].height = 15 * lines
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    header_row = 3
    widths = [max(spec.min_width, text_width(spec.header) + 2) for spec in specs]
    for index, spec in enumerate(specs, start=1):
        cell = write_cell(sheet, header_row, index, spec.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
    rows = [list(values) for values in rows]
    for values in rows:
        for index, value in enumerate(values[:len(specs)]):
            widths[index] = max(widths[index], min(text_width(value) + 2, specs[index].max_width))
    for index, value in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = value
    alert_rows = alert_rows or set()
    arrays = _style_arrays(sheet)
    for count, values in enumerate(rows, start=1):
        excel_row = header_row + count
        alert = count - 1 in alert_rows
        lines = 1
        cells = []
        for index, value in enumerate(values):
            wrapped = 1  # numbers, dates and blanks take one line
            if isinstance(value, str) and index < len(widths):
                wrapped = _lines(value, widths[index] - 1)
                lines = max(lines, wrapped)
            cells.append(_styled_cell(sheet, value, arrays[_data_style(value, alert, wrapped > 1)]))
        sheet.append(cells)  # the next row: the header's, then each data row's
        if lines > 1:
            sheet.row_dimensions[excel_row].height = LINE_HEIGHT * lines
    count = len(rows)
    last_row = header_row + max(count, 0)
    last_col = get_column_letter(width)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    if count:
        sheet.auto_filter.ref = f"A{header_row}:{last_col}{last_row}"
    setup_print(sheet, header_row, landscape=landscape)
    return count


def setup_print(sheet: Worksheet, header_row: int, *, landscape: bool = True) -> None:
    sheet.print_title_rows = f"1:{header_row}"
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = FOOTER
