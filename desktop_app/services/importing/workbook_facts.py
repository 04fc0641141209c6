"""Facts about an .xlsx read from its zip parts, before and beside any spreadsheet library.

Size guards (a few hundred KB can unpack to gigabytes, or declare ten million shared strings),
which sheets she can see, and which cells are merged. Kept apart from the cell reader so that
a faster reader can replace openpyxl without losing these checks.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from desktop_app.services.errors import UserError

MAX_PART_BYTES = 256 * 1024 * 1024  # one sheet or string table, unpacked
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # the whole workbook, unpacked
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024
MAX_SHARED_STRINGS = 1_000_000  # ten times what a 50,000-row roster needs
_CHUNK = 1024 * 1024
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_STRING_ITEM = re.compile(rb"<(?:\w+:)?si[\s>/]")


@dataclass(frozen=True)
class SheetEntry:
    name: str
    visible: bool
    part: str  # path of the sheet's XML inside the zip


def check_sizes(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to more than any real roster needs."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            biggest = max(infos, key=lambda info: info.file_size, default=None)
            if total > MAX_TOTAL_BYTES or (biggest and biggest.file_size > MAX_PART_BYTES):
                raise UserError(f"“{name}”解压后有 {total // (1024 * 1024)} MB，远超正常名册的大小，"
                                f"可能已损坏或是恶意文件，没有读取。请在 Excel 中另存为新文件，只保留要导入的工作表。")
            strings = next((i for i in infos if i.filename.lower() == "xl/sharedstrings.xml"), None)
            if strings is not None:
                _check_shared_strings(archive, strings, name)
    except zipfile.BadZipFile:
        raise UserError(f"“{name}”不是完整的 Excel 工作簿（文件已损坏），没有读取。") from None
    except OSError as exc:
        from desktop_app.store.reasons import about_file

        raise UserError(about_file("读取", path, exc)) from None


def _check_shared_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    too_many = UserError(f"“{name}”的共享文本表超过 {MAX_SHARED_STRINGS:,} 项，远超正常名册的大小，"
                         f"可能已损坏或是恶意文件，没有读取。")
    if info.file_size > MAX_SHARED_STRINGS_BYTES:
        raise too_many
    with archive.open(info) as stream:
        for count, _match in enumerate(_scan(stream, _STRING_ITEM), 1):
            if count > MAX_SHARED_STRINGS:
                raise too_many


def _scan(stream, pattern: re.Pattern):
    """Matches of `pattern` in an XML stream read in chunks (a tag cut by a chunk boundary waits for the next)."""
    tail = b""
    while chunk := stream.read(_CHUNK):
        data = tail + chunk
        cut = data.rfind(b"<")
        head, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
        yield from pattern.finditer(head)
    yield from pattern.finditer(tail)


def sheets(path: Path) -> list[SheetEntry]:
    """The workbook's sheets in tab order, with their visibility (hidden and veryHidden are not visible)."""
    with zipfile.ZipFile(path) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.findall("rel:Relationship", _NS)}
    entries = []
    for sheet in workbook.findall("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        entries.append(SheetEntry(sheet.get("name", ""), sheet.get("state", "visible") == "visible", part))
    return entries


def merged_ranges(path: Path, sheet_name: str) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 1-based, of each merged range in the sheet."""
    entry = next((s for s in sheets(path) if s.name == sheet_name), None)
    if entry is None:
        return []
    with zipfile.ZipFile(path) as archive, archive.open(entry.part) as stream:
        return [(int(m[2]), _column_number(m[1]), int(m[4]), _column_number(m[3])) for m in _scan(stream, _MERGE)]


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode("ascii"):
        number = number * 26 + ord(letter) - 64
    return number


def column_letter(number: int) -> str:
    """1 → A, 27 → AA: how Excel names a column."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_ERROR_MARK = re.compile(rb'\st="e"')


def error_cells(path: Path, sheet_name: str) -> dict[tuple[int, int], str]:
    """(row, column) → the error value Excel shows (#REF!, #N/A …) for each error cell of the sheet.

    Readers that turn error cells into blanks would let a broken formula pass as an empty cell;
    the sheet's XML is parsed only when it holds an error cell at all.
    """
    entry = next((s for s in sheets(path) if s.name == sheet_name), None)
    if entry is None:
        return {}
    with zipfile.ZipFile(path) as archive:
        with archive.open(entry.part) as stream:
            if not any(_scan(stream, _ERROR_MARK)):
                return {}
        found: dict[tuple[int, int], str] = {}
        with archive.open(entry.part) as stream:
            for _event, element in ElementTree.iterparse(stream):
                if element.tag.endswith("}c") and element.get("t") == "e":
                    ref = re.fullmatch(r"([A-Z]+)(\d+)", element.get("r", ""))
                    value = element.find("m:v", _NS)
                    if ref:
                        found[(int(ref[2]), _column_number(ref[1].encode()))] = value.text if value is not None else "#N/A"
                if element.tag.endswith("}row"):
                    element.clear()
    return found


def is_xlsx(path: Path) -> bool:
    """An Office Open XML workbook (.xlsx/.xlsm), not an .ods or .xlsb that is a zip archive too."""
    with zipfile.ZipFile(path) as archive:
        return "xl/workbook.xml" in archive.namelist()
