"""Opening an import workbook and finding its header row; file-level problems as UserError."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.services.errors import UserError
from desktop_app.services.importing.spec import Column, ImportSpec

HEADER_SEARCH_ROWS = 20  # a title or notes may sit above the header row
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE container: old .xls or an encrypted .xlsx
_OPENPYXL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")


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


def check_file(path: Path) -> None:
    name = path.name
    if not path.exists():
        raise UserError(f"找不到文件“{name}”。")
    if path.is_dir():
        raise UserError(f"“{name}”是文件夹，不是 Excel 文件。")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _CFB_MAGIC:  # the stream directory may sit anywhere in the container
                rest = handle.read(64 * 1024 * 1024)
    except OSError as exc:
        raise UserError(f"无法读取文件“{name}”：{exc.strerror or exc}") from None
    if head == _CFB_MAGIC:
        if _ENCRYPTED_MARK in rest:
            raise UserError(f"“{name}”设有打开密码，无法读取。请在 Excel 中去掉密码后另存，再导入。")
        raise UserError(f"“{name}”是旧版 Excel 97-2003（.xls）文件。请在 Excel 中“另存为”.xlsx 格式后再导入。")
    if not zipfile.is_zipfile(path):
        raise UserError(f"“{name}”不是 Excel 工作簿（.xlsx）。请选择用 Excel 保存的 .xlsx 文件。")


def open_workbook(path: Path):
    from openpyxl import load_workbook

    check_file(path)
    try:
        # openpyxl goes by the file's extension; a real .xlsx saved as 名册.xls or without an
        # extension is still read (check_file has seen it is a zip archive)
        source = path if path.suffix.lower() in _OPENPYXL_SUFFIXES else io.BytesIO(path.read_bytes())
        # keep_links=False: never follow links to other workbooks
        return load_workbook(source, read_only=True, data_only=True, keep_links=False)
    except PermissionError:
        raise UserError(f"无法读取“{path.name}”：文件正被其他程序占用或没有读取权限。") from None
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UserError(f"无法打开“{path.name}”：文件可能已损坏或不是 Excel 工作簿（{type(exc).__name__}）。") from None


def _match_headers(cells: tuple, spec: ImportSpec) -> tuple[dict[str, int], dict[str, str], list[str]]:
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    for index, value in enumerate(cells):
        text = normalise_header(value)
        if not text:
            continue
        column = _find_column(spec, text)
        if column is None or column.key in positions:
            ignored.append(text)
            continue
        positions[column.key] = index
        headers[column.key] = text
    return positions, headers, ignored


def _find_column(spec: ImportSpec, text: str) -> Column | None:
    for column in spec.columns:
        if text == column.header or text in column.aliases:
            return column
    return None


def find_layout(workbook, spec: ImportSpec, file_name: str) -> SheetLayout:
    """The first sheet and row holding every required header; else a UserError naming what is missing."""
    required = {c.key for c in spec.required_columns}
    best: tuple[int, str, set[str]] | None = None  # (found count, sheet, found keys)
    any_content = False
    for sheet in workbook.worksheets:
        for offset, cells in enumerate(sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)):
            if not any(v is not None and str(v).strip() for v in cells):
                continue
            any_content = True
            positions, headers, ignored = _match_headers(cells, spec)
            if required <= positions.keys():
                header_row = offset + 1
                max_row = sheet.max_row
                return SheetLayout(sheet.title, header_row, positions, headers, ignored,
                                   (max_row - header_row) if max_row else None)
            if best is None or len(positions) > best[0]:
                best = (len(positions), sheet.title, set(positions))
    if not any_content:
        raise UserError(f"“{file_name}”中没有内容：工作表是空的。")
    found = best[2] if best else set()
    missing = [c.template_header for c in spec.required_columns if c.key not in found]
    expected = "、".join(c.template_header for c in spec.columns)
    raise UserError(
        f"“{file_name}”缺少必填列：{'、'.join(missing)}。"
        f"请在前{HEADER_SEARCH_ROWS}行中放置表头行（{spec.label}导入的列：{expected}），可先下载导入模板。"
    )


def data_rows(workbook, layout: SheetLayout) -> Iterator[tuple[int, tuple]]:
    """(Excel row number, cell values) for each row below the header."""
    sheet = workbook[layout.sheet_name]
    start = layout.header_row + 1
    for offset, cells in enumerate(sheet.iter_rows(min_row=start, values_only=True)):
        yield start + offset, cells
