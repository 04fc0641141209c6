"""Hostile cells: invisible characters, error values, control characters, full-width digits,
hidden sheets, merged cells, duplicate headers and size bombs, for every kind in one place."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from import_helpers import make_id, write_book
from openpyxl import Workbook, load_workbook

from desktop_app.services import importing
from desktop_app.services.errors import UserError
from desktop_app.services.importing import workbook_facts
from desktop_app.services.members import list_members

HEADERS = ["姓名", "性别", "政治面貌", "身份证号", "备注"]


def as_text(path: Path) -> Path:
    """Every string cell stored as text (as Excel stores what she typed), not as a formula."""
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("#"):
                    cell.data_type = "s"
    book.save(path)
    return path


def problems_by_name(checked) -> dict[int, str]:
    return {bad.row: bad.reason for bad in checked.bad_rows}


def test_invisible_characters_are_removed_and_a_name_of_only_those_is_refused(ledger, tmp_path):
    book = write_book(tmp_path / "名册.xlsx", [
        HEADERS,
        ["\u200b", "男", "中共党员", None, None],
        ["王\u200b芳", "女", "中共党员", None, None],
        ["\ufeff李四", "男", "中共党员", None, None],
        ["赵\u202e六", "男", "中共党员", None, None],
    ])
    checked = importing.preview(ledger, "members", book)
    assert problems_by_name(checked) == {2: "姓名：只有看不见的字符（如零宽空格），没有实际内容"}
    importing.commit(ledger, checked, skip_bad_rows=True)
    assert sorted(m.name for m in list_members(ledger)) == sorted(["王芳", "李四", "赵六"])


def test_excel_error_values_and_control_characters_in_names_are_refused(ledger, tmp_path):
    book = write_book(tmp_path / "名册.xlsx", [
        HEADERS,
        ["#REF!", "男", "中共党员", None, None],
        ["#N/A", "男", "中共党员", None, None],
        ["张\n三", "男", "中共党员", None, None],
        ["李\t四", "男", "中共党员", None, None],
        ["王\r五", "男", "中共党员", None, None],
        ["赵_x0001_六", "男", "中共党员", None, None],
        ["周七", "男", "中共党员", None, "第一行\n第二行"],
    ])
    sheet_book = load_workbook(book)
    for row in (2, 3):
        sheet_book.active.cell(row=row, column=1).data_type = "e"  # as Excel stores a broken formula's result
    sheet_book.save(book)
    checked = importing.preview(ledger, "members", as_text(book))
    reasons = problems_by_name(checked)
    assert "Excel 的错误值“#REF!”" in reasons[2] and "Excel 的错误值“#N/A”" in reasons[3]
    assert all("不能包含换行或制表符" in reasons[row] for row in (4, 5, 6))
    assert "控制字符（U+0001）" in reasons[7]
    assert [g.row for g in checked.good_rows] == [8]  # a line break in 备注 is fine


def test_full_width_id_digits_are_stored_as_ascii_and_a_reimport_updates_the_same_member(ledger, tmp_path):
    number = make_id("19850312")
    wide = number.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    first = write_book(tmp_path / "全角.xlsx", [HEADERS, ["张晓明", "男", "中共党员", wide, None]])
    checked = importing.preview(ledger, "members", as_text(first))
    assert not checked.bad_rows
    importing.commit(ledger, checked)
    again = write_book(tmp_path / "半角.xlsx", [HEADERS, ["张晓明", "男", "中共党员", number, "再次导入"]])
    checked = importing.preview(ledger, "members", as_text(again))
    assert checked.to_update == 1 and checked.to_add == 0
    importing.commit(ledger, checked)
    assert [m.id_number for m in list_members(ledger)] == [number]


def test_the_visible_sheet_is_read_not_a_hidden_first_one(ledger, tmp_path):
    book = Workbook()
    hidden = book.active
    hidden.title = "旧名单"
    hidden.append(HEADERS)
    hidden.append(["隐藏的人", "男", "中共党员", None, None])
    hidden.sheet_state = "hidden"
    shown = book.create_sheet("名单")
    shown.append(HEADERS)
    shown.append(["看得见的人", "女", "中共党员", None, None])
    book.save(tmp_path / "名册.xlsx")
    checked = importing.preview(ledger, "members", tmp_path / "名册.xlsx")
    assert checked.sheet_name == "名单"
    assert [g.summary for g in checked.good_rows][0].startswith("看得见的人")


def test_vertically_merged_cells_count_for_every_row_they_cover(ledger, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for name in ("甲", "乙", "丙"):
        sheet.append([name, "男", "中共党员" if name == "甲" else None, None, None])
    sheet.merge_cells("C2:C4")
    book.save(tmp_path / "合并.xlsx")
    checked = importing.preview(ledger, "members", tmp_path / "合并.xlsx")
    assert not checked.bad_rows
    importing.commit(ledger, checked)
    assert {m.name: m.political_status for m in list_members(ledger)} == {n: "full_member" for n in "甲乙丙"}


def test_cells_merged_across_two_read_columns_are_refused_naming_them(ledger, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["甲", "男", "中共党员", None, None])
    sheet.merge_cells("A2:B2")
    book.save(tmp_path / "合并.xlsx")
    with pytest.raises(UserError, match="〔姓名〕、〔性别〕几列的单元格合并在一起"):
        importing.preview(ledger, "members", tmp_path / "合并.xlsx")


def test_duplicate_headers_are_named_as_duplicates(ledger, tmp_path):
    book = write_book(tmp_path / "重复.xlsx", [["姓名", "政治面貌", "党员姓名"], ["甲", "中共党员", "乙"]])
    with pytest.raises(UserError, match="表头重复：“党员姓名”（第 A 列和第 C 列都是姓名）"):
        importing.preview(ledger, "members", book)


def _with_shared_strings(path: Path, items: int) -> Path:
    """A small workbook whose string table declares `items` entries (a few hundred KB zipped)."""
    bomb = path.with_name("炸弹.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info, source.read(info))
        target.writestr("xl/sharedStrings.xml",
                        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                        + b"<si><t>x</t></si>" * items + b"</sst>")
    return bomb


def test_a_workbook_with_millions_of_shared_strings_is_refused_before_parsing(ledger, tmp_path):
    source = Workbook()
    source.active.append(HEADERS)
    source.active.append(["甲", "男", "中共党员", None, None])
    source.save(tmp_path / "名册.xlsx")
    # openpyxl writes inline strings: add a string table as Excel would have
    with zipfile.ZipFile(tmp_path / "名册.xlsx", "a") as archive:
        archive.writestr("xl/sharedStrings.xml", b"<sst/>")
    bomb = _with_shared_strings(tmp_path / "名册.xlsx", workbook_facts.MAX_SHARED_STRINGS + 1)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(UserError, match="共享文本表超过 1,000,000 项"):
        importing.preview(ledger, "members", bomb)


def test_a_part_that_unpacks_too_big_is_refused_before_parsing(ledger, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_facts, "MAX_PART_BYTES", 4 * 1024 * 1024)
    book = write_book(tmp_path / "名册.xlsx", [HEADERS, ["甲", "男", "中共党员", None, None]])
    padded = tmp_path / "大.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(padded, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (5 * 1024 * 1024))
            target.writestr(info, data)
    assert padded.stat().st_size < 100 * 1024
    with pytest.raises(UserError, match="解压后有 .* MB，远超正常名册的大小"):
        importing.preview(ledger, "members", padded)
