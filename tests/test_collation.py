"""People in pinyin order everywhere: the one helper, every table in the window, workbook and print rows."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop_app.domain import report_period
from desktop_app.domain.calendar import school_year_of
from desktop_app.domain.collation import NameOrder, name_key, sorted_by_name
from desktop_app.services.demo import fill_demo
from desktop_app.services.exports.quarterly import export_quarterly
from desktop_app.services.prints.sources import notice_rows, pledge_letters
from desktop_app.ui.tabs import TABS

# Code-point order would be 何 侯 冯 吕 (U+4F55 U+4FAF U+51AF U+5415).
CODE_POINT = ["何伟", "侯勇", "冯芳", "吕强", "张", "张三", "曾国藩", "陈静", "阿强"]


def test_pinyin_order_of_names():
    assert sorted_by_name(CODE_POINT) == ["阿强", "陈静", "冯芳", "何伟", "侯勇", "吕强", "曾国藩", "张", "张三"]


def test_surname_reading_and_letters():
    assert sorted_by_name(["张明", "曾明", "蔡明"]) == ["蔡明", "曾明", "张明"]  # 曾 as a surname is zēng
    assert sorted_by_name(["卢", "吕", "罗"]) == ["卢", "吕", "罗"]  # lu < lü < luo
    assert name_key(None) == name_key("") < name_key("阿")


def test_stroke_order_for_official_lists():
    # 王 4 strokes, 冯 5, 刘 6, 陈 7 (阝 counts 2 on the mainland), 张 7, 赵 9, 曾 12
    names = ["曾国藩", "赵敏", "张三", "陈静", "刘洋", "冯芳", "王芳"]
    assert sorted_by_name(names, order=NameOrder.STROKES) == ["王芳", "冯芳", "刘洋", "陈静", "张三", "赵敏", "曾国藩"]
    assert NameOrder.STROKES.label == "按姓氏笔画"


@pytest.fixture
def demo_ledger(ledger):
    fill_demo(ledger)
    return ledger


NAME_HEADERS = {"姓名", "承诺人", "听课人", "授课教师", "访问人", "培养对象", "帮扶人", "班主任", "家长姓名"}


def _column(view: QTableView, header: str) -> list[str]:
    model = view.model()
    col = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) == header)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def _name_columns(view: QTableView) -> list[str]:
    model = view.model()
    return [h for c in range(model.columnCount()) if (h := model.headerData(c, Qt.Horizontal)) in NAME_HEADERS]


def test_every_table_sorts_names_in_pinyin_order(demo_ledger, main_window, qtbot):
    checked = []
    for spec in TABS:
        main_window.open_tab(spec.key)
        for view in main_window.tab_page(spec.key).findChildren(QTableView):
            for header in _name_columns(view):
                if view.model().rowCount() < 2:
                    continue
                col = next(c for c in range(view.model().columnCount())
                           if view.model().headerData(c, Qt.Horizontal) == header)
                view.sortByColumn(col, Qt.AscendingOrder)
                names = [n for n in _column(view, header) if n]
                assert names == sorted_by_name(names), f"{spec.title} › {header}"
                checked.append(f"{spec.title}›{header}")
    # the lists the issue found in code-point order are among those checked
    assert {"党员›姓名", "承诺›承诺人", "听课›听课人", "家访›访问人", "考核›姓名"} <= set(checked), checked


def test_lists_open_in_pinyin_order(demo_ledger, main_window):
    """Before any header is clicked: the roster, 完成情况 and the 考核 sheet list people by pinyin."""
    for key in ("members", "observations", "evaluations"):
        main_window.open_tab(key)
        views = [v for v in main_window.tab_page(key).findChildren(QTableView) if "姓名" in _name_columns(v)]
        assert views, key
        for view in views:
            names = [n for n in _column(view, "姓名") if n]
            assert names == sorted_by_name(names), key


def test_workbook_and_print_rows_in_pinyin_order(demo_ledger, tmp_path):
    today = date.today()
    path = tmp_path / "q.xlsx"
    export_quarterly(demo_ledger, report_period.quarter(today.year, (today.month - 1) // 3 + 1), path)
    workbook = openpyxl.load_workbook(path)
    for title, group in (("听课统计", "听课（要求）"), ("家访统计", None)):
        sheet = workbook[title]
        header = [c.value for c in sheet[3]]
        rows = []
        for row in sheet.iter_rows(min_row=4, values_only=True):
            if not isinstance(row[0], int):  # the people table ends; 家访统计 goes on with classes
                break
            rows.append(row)
        for required in (True, False):  # 听课统计 lists those with a requirement first
            names = [row[header.index("姓名")] for row in rows
                     if group is None or bool(row[header.index(group)]) == required]
            assert names == sorted_by_name(names), title
        assert len(rows) > 5, title
    year = school_year_of(today)
    letters = [r.name for r in pledge_letters(demo_ledger, year)][1:]  # the branch's own letter comes first
    assert len(letters) > 5 and letters == sorted_by_name(letters)
    for order in NameOrder:  # the 公示 list: pinyin, or 姓氏笔画 as official lists may be
        people = [r.name for r in notice_rows(demo_ledger, year, order=order) if r.member_id is not None]
        assert len(people) > 5 and people == sorted_by_name(people, order=order), order
