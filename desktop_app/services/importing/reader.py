"""Opening an import workbook and finding its header row; file-level problems as UserError."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.services.errors import UserError
from desktop_app.services.importing import workbook_facts
from desktop_app.services.importing.calamine_book import CalamineBook
from desktop_app.services.importing.spec import Column, ImportSpec

HEADER_SEARCH_ROWS = 20  # a title or notes may sit above the header row
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE container: old .xls or an encrypted .xlsx
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
MAX_XLS_BYTES = 64 * 1024 * 1024  # an old .xls is not compressed: its size is what is read


def normalise_header(value: Any) -> str:
    """'出生日期*', ' 出生 日期 ', '姓名（必填）' → the bare header people mean."""
    if value is None:
        return ""
    result = re.sub(r"\s+", "", str(value))
    result = re.sub(r"[（(]必填[)）]", "", result)
    return result.strip("*＊").strip()


@dataclass
class SheetLayout:
    sheet_name: str
    header_row: int  # Excel row number of the header
    positions: dict[str, int]  # Column.key → 0-based column index in the sheet
    headers: dict[str, str]  # Column.key → the header text as written in the file
    ignored: list[str]  # headers the spec does not know
    total_rows: int | None  # rows below the header, as the sheet declares (may be None)


def check_file(path: Path) -> bool:
    """Refuse what cannot be a workbook we read; True for an old .xls (an OLE container)."""
    name = path.name
    if not path.exists():
        raise UserError(f"找不到文件“{name}”。")
    if path.is_dir():
        raise UserError(f"“{name}”是文件夹，不是 Excel 文件。")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _CFB_MAGIC:  # the stream directory may sit anywhere in the container
                rest = handle.read(MAX_XLS_BYTES + 1)
    except OSError as exc:
        raise UserError(f"无法读取文件“{name}”：{exc.strerror or exc}") from None
    if head == _CFB_MAGIC:
        if _ENCRYPTED_MARK in rest:
            raise UserError(f"“{name}”设有打开密码，无法读取。请在 Excel 中去掉密码后另存，再导入。")
        if len(rest) > MAX_XLS_BYTES:
            raise UserError(f"“{name}”超过 {MAX_XLS_BYTES // (1024 * 1024)} MB，远超正常名册的大小，没有读取。")
        return True
    if not zipfile.is_zipfile(path):
        raise UserError(f"“{name}”不是 Excel 工作簿（.xlsx、.xls）或 WPS 表格（.ods）。请选择用 Excel 或 WPS 保存的表格文件。")
    return False


def open_workbook(path: Path) -> CalamineBook:
    """The workbook read by python-calamine: .xlsx/.xlsm, old .xls, .xlsb and .ods alike.

    The format is told from the file's content, so a real .xlsx saved as 名册.xls is still read.
    """
    old_xls = check_file(path)
    if not old_xls:
        workbook_facts.check_sizes(path)  # before any library unpacks a part
    try:
        xlsx = not old_xls and workbook_facts.is_xlsx(path)
        return CalamineBook(path, (lambda name: workbook_facts.error_cells(path, name)) if xlsx else None)
    except PermissionError:
        raise UserError(f"无法读取“{path.name}”：文件正被其他程序占用或没有读取权限。") from None
    except Exception as exc:  # calamine raises its own kinds for a damaged file
        raise UserError(f"无法打开“{path.name}”：文件可能已损坏或不是 Excel 工作簿（{type(exc).__name__}）。") from None


def _match_headers(cells: tuple, spec: ImportSpec) -> tuple[dict[str, int], dict[str, str], list[str], list[str]]:
    """Positions and texts of the known headers, the unknown ones, and known ones written twice."""
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    duplicates: list[str] = []
    for index, value in enumerate(cells):
        text = normalise_header(value)
        if not text:
            continue
        column = _find_column(spec, text)
        if column is None:
            ignored.append(text)
        elif column.key in positions:
            duplicates.append(f"“{text}”（第 {workbook_facts.column_letter(positions[column.key] + 1)} 列和第 "
                              f"{workbook_facts.column_letter(index + 1)} 列都是{column.header}）")
        else:
            positions[column.key] = index
            headers[column.key] = text
    return positions, headers, ignored, duplicates


def _find_column(spec: ImportSpec, text: str) -> Column | None:
    for column in spec.columns:
        if text == column.header or text in column.aliases:
            return column
    return None


def sheet_order(workbook: CalamineBook, spec: ImportSpec) -> list[str]:
    """The sheets she sees, the one named for the kind first; hidden sheets are never read."""
    visible = workbook.visible_sheet_names()
    named = [name for name in visible if normalise_header(name) in {spec.sheet_title, spec.label, f"{spec.label}名单"}]
    return named + [name for name in visible if name not in named]


def find_layout(workbook, spec: ImportSpec, file_name: str, sheet_names: list[str] | None = None) -> SheetLayout:
    """The first sheet (of `sheet_names`, default all) and row holding every required header.

    Else a UserError naming what is missing; a required header written twice is refused too.
    """
    required = {c.key for c in spec.required_columns}
    best: tuple[int, str, set[str]] | None = None  # (found count, sheet, found keys)
    any_content = False
    names = workbook.sheetnames if sheet_names is None else sheet_names
    for sheet in (workbook[name] for name in names):
        for offset, cells in enumerate(sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)):
            if not any(v is not None and str(v).strip() for v in cells):
                continue
            any_content = True
            positions, headers, ignored, duplicates = _match_headers(cells, spec)
            if required <= positions.keys():
                if duplicates:
                    raise UserError(f"“{file_name}”工作表“{sheet.title}”第 {offset + 1} 行的表头重复："
                                    f"{'；'.join(duplicates)}，无法确定该用哪一列。请删去或改名多余的列后再导入。")
                header_row = offset + 1
                max_row = sheet.max_row
                return SheetLayout(sheet.title, header_row, positions, headers, ignored,
                                   (max_row - header_row) if max_row else None)
            if best is None or len(positions) > best[0]:
                best = (len(positions), sheet.title, set(positions))
    if not any_content:
        raise UserError(f"“{file_name}”中没有内容：工作表是空的（隐藏的工作表不读）。")
    found = best[2] if best else set()
    missing = [c.template_header for c in spec.required_columns if c.key not in found]
    expected = "、".join(c.template_header for c in spec.columns)
    raise UserError(
        f"“{file_name}”缺少必填列：{'、'.join(missing)}。"
        f"请在前{HEADER_SEARCH_ROWS}行中放置表头行（{spec.label}导入的列：{expected}），可先下载导入模板。"
    )


def data_rows(workbook, layout: SheetLayout, merges: list[tuple[int, int, int, int]] = ()
              ) -> Iterator[tuple[int, tuple]]:
    """(Excel row number, cell values) for each row below the header.

    A cell merged down over several rows (a class written once for its students) counts for each
    of those rows; a merge across two of the columns read is refused: which column holds it?
    """
    sheet = workbook[layout.sheet_name]
    start = layout.header_row + 1
    down = _merged_down(merges, layout, start)
    tops: dict[tuple[int, int], object] = {}  # (column, first row) → the merged cell's value
    for offset, cells in enumerate(sheet.iter_rows(min_row=start, values_only=True)):
        row = start + offset
        if down:
            cells = _fill_merged(list(cells), row, down, tops)
        yield row, cells


def _merged_down(merges, layout: SheetLayout, start: int) -> dict[int, list[tuple[int, int]]]:
    """0-based column → [(first row, last row)] of the vertical merges in the data; UserError for others."""
    read = {index: layout.headers[key] for key, index in layout.positions.items()}
    down: dict[int, list[tuple[int, int]]] = {}
    for first_row, first_col, last_row, last_col in merges:
        if first_row < start:
            continue  # a title or the header merged over columns or rows: not data
        columns = [read[c - 1] for c in range(first_col, last_col + 1) if c - 1 in read]
        if len(columns) > 1:
            raise UserError(f"工作表“{layout.sheet_name}”第 {first_row}–{last_row} 行中，"
                            f"{'、'.join(f'〔{c}〕' for c in columns)}几列的单元格合并在一起，无法判断各列的内容。"
                            f"请在 Excel 中取消合并、把内容填回各列后再导入。")
        read_column = next((c - 1 for c in range(first_col, last_col + 1) if c - 1 in read), None)
        if read_column is not None and last_row > first_row:
            down.setdefault(read_column, []).append((first_row, last_row))
    return down


def _fill_merged(cells: list, row: int, down: dict[int, list[tuple[int, int]]], tops: dict) -> tuple:
    for column, spans in down.items():
        for first, last in spans:
            if row == first:
                tops[(column, first)] = cells[column] if column < len(cells) else None
            elif first < row <= last:
                cells.extend([None] * (column + 1 - len(cells)))
                cells[column] = tops.get((column, first))
    return tuple(cells)
