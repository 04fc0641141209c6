"""Workbooks the importer hands out: the blank template and the report of bad rows."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.services.exports.sheet import write_cell
from desktop_app.services.exports.writer import save_workbook
from desktop_app.services.importing.registry import load_spec

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_FONT = Font(bold=True)
REASON_FILL = PatternFill("solid", fgColor="FDECEA")
TOP = Alignment(vertical="top")
REASON_WIDTH = 60
TEMPLATE_ROWS = 1000  # rows the drop-downs cover


def text_width(value: Any) -> int:
    """Columns have no autofit: count East Asian wide characters twice, plus a margin."""
    if isinstance(value, datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, date) else str(value if value is not None else "")
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text) + 2


def _print_setup(sheet) -> None:
    """Landscape A4, all columns on one page width, header row repeated."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def write_template(kind: str, path: str | Path) -> Path:
    """A workbook with the kind's headers (required marked *), an example row and drop-downs."""
    spec = load_spec(kind)
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec.sheet_title or spec.label
    for index, column in enumerate(spec.columns, 1):
        cell = sheet.cell(row=1, column=index, value=column.template_header)
        cell.font = REQUIRED_FONT if column.required else HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        if column.note or column.aliases:
            lines = [column.note] if column.note else []
            if column.aliases:
                lines.append("也可写作：" + "、".join(column.aliases))
            cell.comment = Comment("\n".join(lines), "党建台账", width=260, height=110)
        example = sheet.cell(row=2, column=index, value=column.example if column.example != "" else None)
        example.font = Font(color="808080", italic=True)
        example.number_format = "@"  # text: keeps ID and phone numbers intact
        letter = get_column_letter(index)
        for row in range(3, TEMPLATE_ROWS + 2):
            sheet.cell(row=row, column=index).number_format = "@"
        width = max(text_width(column.template_header), text_width(column.example), 8)
        sheet.column_dimensions[letter].width = min(width + 2, 40)
        if column.choices:
            listed = ",".join(column.choices)
            if len(listed) < 250:  # Excel's limit for an inline list
                validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True,
                                            showErrorMessage=False)
                validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
                sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    _print_setup(sheet)
    notes = workbook.create_sheet("填写说明")
    lines = [
        f"{spec.label}导入模板填写说明",
        "1. 第一行是表头，请勿修改；带 * 的列必须填写。",
        "2. 第二行（灰色斜体）是示例，可以直接改成真实数据；原样留着的示例行在导入时会被跳过。",
        "3. 日期可写作 2024-09-01、2024/9/1 或 2024年9月1日，也可用 Excel 日期格式。",
        "4. 再次导入同一文件会更新已有记录，不会重复添加。",
        *spec.notes,
        "",
        "各列说明：",
        *(f"{c.template_header}：{c.note or ('必填' if c.required else '选填')}" for c in spec.columns),
    ]
    for row, line in enumerate(lines, 1):
        notes.cell(row=row, column=1, value=line)
    notes["A1"].font = Font(bold=True, size=14)
    notes.column_dimensions["A"].width = 90
    save_workbook(workbook, path)
    return path


def write_error_report(preview, path: str | Path) -> Path:
    """The bad rows as the user wrote them, with the reasons: fix and import this file again."""
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "错误行"
    headers = ["原行号", *preview.headers.values(), "错误原因"]
    for index, header in enumerate(headers, 1):
        cell = write_cell(sheet, 1, index, header)  # the file's own headers are user text too
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    widths = [text_width(h) for h in headers]
    for row, bad in enumerate(preview.bad_rows, 2):
        values = [bad.row, *(bad.values.get(key) for key in preview.headers), bad.reason]
        for index, value in enumerate(values, 1):
            cell = write_cell(sheet, row, index, value)
            cell.alignment = TOP
            if isinstance(value, (date, datetime)):
                cell.number_format = "yyyy-mm-dd"
            widths[index - 1] = max(widths[index - 1], text_width(value))
        reason = sheet.cell(row=row, column=len(values))
        reason.fill = REASON_FILL
        reason.alignment = Alignment(wrap_text=True, vertical="top")
        lines = -(-text_width(bad.reason) // REASON_WIDTH)  # ceiling: not every viewer fits rows itself
        if lines > 1:
            sheet.row_dimensions[row].height = 15 * lines
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 1, REASON_WIDTH)
    sheet.freeze_panes = "B2"
    _print_setup(sheet)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(preview.bad_rows) + 1, 1)}"
    save_workbook(workbook, path)
    return path
