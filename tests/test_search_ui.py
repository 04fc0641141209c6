"""The search window as she uses it: Ctrl+K, type, Enter opens the record selected in its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from desktop_app.services.demo import fill_demo
from desktop_app.services.search import SearchKind
from desktop_app.ui.search.dialog import SearchDialog
from desktop_app.ui.widgets.record_table import ROW_ROLE
from tests.conftest import save_screenshot


def _menu_action(window, text: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().startswith(text):
                return action
    raise AssertionError(f"no menu action {text}")


def _selected_id(view: QAbstractItemView) -> int:
    rows = view.selectionModel().selectedRows()
    assert len(rows) == 1
    return rows[0].data(ROW_ROLE).id


def _selected_in(screen, kind: SearchKind) -> int:
    if kind is SearchKind.CULTIVATION:
        return _selected_id(screen.plans.view)
    if kind is SearchKind.MEMBER:
        return _selected_id(screen.roster.view)
    if kind is SearchKind.SCHOOL_CLASS:
        return screen.current_class_id()
    if kind is SearchKind.STUDENT:
        return _selected_id(screen.view)
    if kind is SearchKind.PLEDGE:
        return _selected_id(screen.pledge_view)
    if kind in (SearchKind.OBSERVATION, SearchKind.VISIT):
        return _selected_id(screen.records.view)
    if kind in (SearchKind.MEETING, SearchKind.TALK):
        return _selected_id((screen.talks if kind is SearchKind.TALK else screen.meetings).view)
    if kind is SearchKind.DEVELOPMENT:
        return _selected_id(screen.view)
    view = screen.suggestions if kind is SearchKind.SUGGESTION else screen.rectifications
    return _selected_id(view.table)


def test_ctrl_k_finds_and_enter_opens_each_kind_selected_in_its_tab(main_window, ledger, qtbot):
    fill_demo(ledger)
    action = _menu_action(main_window, "全局搜索")
    assert action.shortcut().toString() == "Ctrl+K"
    action.trigger()
    dialog = main_window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.resize(1092, 560)
    opened = set()
    people_in_talks_and_development = _names_in(ledger, "heart_to_heart_talk", "talker_id") + _names_in(
        ledger, "development", "member_id")
    for query in (*people_in_talks_and_development, "王", "李", "张", "整改", "示范课", "家长", "承诺", "班", "办公室", "教务处", "党员大会", "谈心", "入党", "支部委员会"):
        dialog.set_query(query)
        for hit in dialog.hits_shown():
            if hit.kind in opened:
                continue
            screen = main_window.open_record(hit)
            assert main_window.tabs.currentWidget().screen is screen
            assert _selected_in(screen, hit.kind) == hit.record_id, (query, hit)
            opened.add(hit.kind)
    assert opened == set(SearchKind), f"kinds never opened: {set(SearchKind) - opened}"
    dialog.set_query("王")
    save_screenshot(dialog, "search_dialog")


def test_typing_in_the_corner_box_and_enter_open_the_first_result(main_window, ledger, qtbot):
    fill_demo(ledger)
    member = next(h for h in _first_member_hits(main_window, ledger))
    main_window.search_box.setText(member)
    qtbot.keyClick(main_window.search_box, Qt.Key_Return)
    dialog = main_window.findChild(SearchDialog)
    assert dialog.hits_shown()[0].kind is SearchKind.MEMBER
    qtbot.keyClick(dialog.query, Qt.Key_Return)
    assert main_window.tabs.currentWidget().spec.key == "members"
    assert _selected_id(main_window.tab_page("members").roster.view) == dialog.hits_shown()[0].record_id
    assert not dialog.isVisible()  # it does not cover the record it opened
    qtbot.keyClick(main_window, Qt.Key_K, Qt.ControlModifier)
    assert dialog.isVisible() and dialog.query.text() == member  # back as she left it


def test_no_result_says_so_and_short_queries_are_explained(main_window, ledger):
    dialog = SearchDialog(lambda: ledger, main_window)
    dialog.set_query("无此")
    assert dialog.hits_shown() == []
    assert "3 个字以上" in dialog.status.text()


def _names_in(ledger, table: str, column: str) -> list[str]:
    """Names of the people a demo table refers to (read with sqlite3: the test's own look at the file)."""
    import sqlite3

    conn = sqlite3.connect(ledger.db_path)
    try:
        return [r[0] for r in conn.execute(
            f"SELECT m.name FROM {table} t JOIN member m ON m.id = t.{column} ORDER BY t.id LIMIT 1")]
    finally:
        conn.close()


def _first_member_hits(window, ledger):
    from desktop_app.services.members import list_members

    yield list_members(ledger)[0].name
