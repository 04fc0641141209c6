"""The 党员 tab as a whole: the roster's search, filters, sorting, keys and deliberate deletes."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot
from members_support import referring_table
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.cultivation import CultivationData
from desktop_app.domain.people import MemberData
from desktop_app.domain.school import ClassData
from desktop_app.services import classes, cultivation
from desktop_app.services.members import add_member, get_member, list_members
from desktop_app.ui.context import AppContext
from desktop_app.ui.members.tab import MembersTab
from tests.helpers.modal import when_dialog_opens

ROSTER = [
    # name, status, group, department, posts, titles, birth
    ("张晓明", "full_member", "第一党小组", "高二年级组", ["head_teacher", "subject_teacher"], ["教学骨干"], date(1985, 3, 2)),
    ("李明", "full_member", "第一党小组", "数学组", ["subject_leader", "subject_teacher"], ["学科带头人"], date(1979, 6, 18)),
    ("王芳", "probationary", "第二党小组", "语文组", ["subject_teacher"], [], date(1992, 11, 5)),
    ("陈静", "full_member", "第二党小组", "教务处", ["academic_affairs_head"], ["名师"], date(1975, 1, 20)),
    ("刘洋", "activist", None, "英语组", ["head_teacher", "subject_teacher"], ["教学能手"], date(1990, 4, 9)),
    ("赵敏", "non_party", None, "总务处", ["support_staff"], [], date(1988, 8, 8)),
    ("孙校长", "full_member", "第一党小组", "校长室", ["principal"], [], date(1970, 9, 1)),
    ("周红", "development_target", "第二党小组", "物理组", ["subject_teacher"], ["优秀班主任"], date(1987, 12, 12)),
]


def fill_roster(ledger) -> dict[str, int]:
    ids = {}
    for name, status, group, dept, posts, titles, birth in ROSTER:
        join = date(birth.year + 25, 7, 1) if status in ("full_member", "probationary") else None
        full = date(join.year + 1, 7, 1) if join and status == "full_member" else None
        ids[name] = add_member(ledger, MemberData(
            name=name, political_status=status, party_group=group, department=dept, posts=posts,
            backbone_titles=titles, birth_date=birth, join_date=join, full_member_date=full,
            gender="male" if name in ("张晓明", "李明", "刘洋", "孙校长") else "female",
            phone=f"1380000{len(ids):04d}", subject={"数学组": "数学", "语文组": "语文"}.get(dept)))
    return ids


@pytest.fixture
def tab(ui_app, ledger, qtbot):
    ids = fill_roster(ledger)
    context = AppContext(ledger)
    made = MembersTab(context)
    made.ids = ids
    qtbot.addWidget(made)
    made.resize(1180, 640)
    made.show()
    qtbot.waitExposed(made)
    return made


def names(panel) -> list[str]:
    return [row.name for row in panel.visible_rows()]


def test_roster_lists_members_with_masked_id_numbers(tab, ledger):
    roster = tab.roster
    assert roster.count_label.text() == "共 8 人，显示 8 人"
    from desktop_app.domain import idcard
    first17 = "11010519850302123"
    data = get_member(ledger, tab.ids["张晓明"])
    data.id_number = first17 + idcard.check_char(first17)
    from desktop_app.services.members import update_member
    update_member(ledger, tab.ids["张晓明"], data)  # the tab refreshes on its own
    row = names(roster).index("张晓明")
    shown = [roster.proxy.index(row, c).data() for c in range(roster.proxy.columnCount())]
    assert shown[0] == "张晓明" and "1101**********" + data.id_number[-4:] in shown
    assert data.id_number not in shown
    roster.search.setText(data.id_number[:10])  # found by the full number although it shows masked
    assert names(roster) == ["张晓明"]
    assert shown[-1] == "在册"
    save_screenshot(tab, "members_tab_roster")


def test_names_are_in_pinyin_order(tab, qtbot):
    pinyin = ["陈静", "李明", "刘洋", "孙校长", "王芳", "张晓明", "赵敏", "周红"]
    assert names(tab.roster) == pinyin  # 在册 by default: all eight
    tab.roster.view.sortByColumn(0, Qt.DescendingOrder)
    assert names(tab.roster) == pinyin[::-1]
    tab.roster.view.sortByColumn(0, Qt.AscendingOrder)
    assert names(tab.roster) == pinyin


def test_search_filters_as_you_type(tab):
    roster = tab.roster
    roster.search.setText("语文")
    assert names(roster) == ["王芳"]
    roster.search.setText("数学")  # department text
    assert names(roster) == ["李明"]
    roster.search.setText("13800000003")  # phone
    assert names(roster) == ["陈静"]
    roster.search.setText("")
    assert roster.count_label.text() == "共 8 人，显示 8 人"


def test_filters_by_status_group_post_and_left(tab, ledger):
    roster = tab.roster
    roster.status_filter.setCurrentText("党员（含预备）")
    assert sorted(names(roster)) == sorted(["张晓明", "李明", "王芳", "陈静", "孙校长"])
    roster.group_filter.setCurrentText("第二党小组")
    assert sorted(names(roster)) == ["王芳", "陈静"]
    assert roster.count_label.text() == "共 8 人，显示 2 人"
    roster.status_filter.setCurrentText("全部")
    roster.group_filter.setCurrentText("（未分组）")
    assert sorted(names(roster)) == sorted(["刘洋", "赵敏"])
    roster.group_filter.setCurrentText("全部")
    roster.post_filter.setCurrentText("班主任")
    assert sorted(names(roster)) == sorted(["张晓明", "刘洋"])
    roster.post_filter.setCurrentText("全部")
    data = get_member(ledger, tab.ids["赵敏"])
    data.active, data.left_date = False, date(2025, 7, 1)
    from desktop_app.services.members import update_member
    update_member(ledger, tab.ids["赵敏"], data)
    assert "赵敏" not in names(roster)  # 在册 is the default
    roster.active_filter.setCurrentText("已离开")
    assert names(roster) == ["赵敏"]


def test_clicking_headers_sorts(tab, qtbot):
    roster = tab.roster
    header = roster.view.horizontalHeader()
    birth_column = 2

    def click(column):
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=header.rect().center().__class__(x, 5))

    click(birth_column)
    births = [row.birth_date for row in roster.visible_rows()]
    assert births == sorted(births)
    click(birth_column)
    assert [row.birth_date for row in roster.visible_rows()] == sorted(births, reverse=True)
    click(3)  # 政治面貌 in the order of the vocabulary, not of the characters
    statuses = [row.political_status for row in roster.visible_rows()]
    assert statuses[0] == "full_member" and statuses[-1] == "non_party"


def test_show_filtered_for_click_through(tab):
    tab.show_filtered(status="probationary")
    assert names(tab.roster) == ["王芳"]
    tab.show_filtered(party_group="第一党小组", post="班主任")
    assert names(tab.roster) == ["张晓明"]
    tab.show_filtered(status="party", active=None)
    assert len(names(tab.roster)) == 5
    tab.show_filtered(view="cultivation")
    assert tab.sections.currentWidget() is tab.plans


def test_ctrl_n_adds_and_enter_edits(tab, ledger, qtbot):
    roster = tab.roster
    roster.view.setFocus()

    def fill(dialog):
        dialog.name_edit.setText("吴刚")
        dialog.status.setCurrentText("入党积极分子")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    when_dialog_opens(fill)
    qtbot.keyClick(roster.view, Qt.Key_N, Qt.ControlModifier)
    assert "吴刚" in names(roster)
    assert roster.count_label.text() == "共 9 人，显示 9 人"
    assert roster.view.selectionModel().selectedRows()[0].data() == "吴刚"  # the new one is selected

    def rename(dialog):
        assert dialog.name_edit.text() == "吴刚"
        dialog.name_edit.setText("吴钢")
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    roster.window().activateWindow()  # the closed dialog took the window focus with it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is roster.window())
    roster.view.setFocus()
    when_dialog_opens(rename)
    qtbot.keyClick(roster.view, Qt.Key_Return)
    assert "吴钢" in names(roster) and "吴刚" not in names(roster)


def test_delete_says_plans_go_and_class_loses_its_head_teacher(tab, ledger, qtbot, message_bridge):
    roster, person = tab.roster, tab.ids["刘洋"]
    cultivation.add_cultivation(ledger, CultivationData(kind="backbone_to_member", member_id=person,
                                                         mentor_id=tab.ids["陈静"]))
    classes.add_class(ledger, ClassData(name="高一(2)班", head_teacher_id=person))
    roster.select_member(person)
    roster.view.setFocus()
    message_bridge.answers = [False]
    qtbot.keyClick(roster.view, Qt.Key_Delete)
    asked = message_bridge.texts("confirm")[-1]
    assert "确定删除“刘洋”吗？" in asked
    assert "将同时删除此人的培养计划 1 条" in asked and "1 个班级的班主任将被清空" in asked
    assert "刘洋" in names(roster)
    message_bridge.answers = [True]
    qtbot.keyClick(roster.view, Qt.Key_Delete)
    assert "刘洋" not in names(roster)
    assert cultivation.list_cultivations(ledger) == []
    assert classes.list_classes(ledger)[0].head_teacher_name == ""


def test_delete_refused_offers_marking_as_left(tab, ledger, qtbot, message_bridge):
    roster, person = tab.roster, tab.ids["王芳"]
    with referring_table(ledger, "member", "听课记录") as refer:
        refer(person)
        roster.select_member(person)
        message_bridge.answers = [True]
        qtbot.mouseClick(roster.buttons.delete, Qt.LeftButton)
        asked = message_bridge.texts("confirm")[-1]
        assert asked.startswith("不能删除“王芳”：还有听课记录 1 条引用此人。") and "已离开" in asked
        saved = get_member(ledger, person)
        assert (saved.active, saved.left_date) == (False, date.today())
        assert "王芳" not in names(roster)  # 在册 only, by default
        roster.active_filter.setCurrentText("全部")
        roster.select_member(person)
        qtbot.mouseClick(roster.buttons.delete, Qt.LeftButton)  # already left: just told why
        assert "此人已标记为“已离开”" in message_bridge.texts("warn")[-1]
    assert len(list_members(ledger)) == 8


def test_edit_and_delete_need_a_selection(tab):
    roster = tab.roster
    roster.view.clearSelection()
    assert not roster.buttons.edit.isEnabled() and not roster.buttons.delete.isEnabled()
    roster.view.selectRow(0)
    assert roster.buttons.edit.isEnabled() and roster.buttons.delete.isEnabled()


def test_members_tab_in_main_window(main_window, ledger):
    fill_roster(ledger)
    tab = main_window.open_tab("members")
    assert isinstance(tab, MembersTab)
    assert tab.roster.count_label.text() == "共 8 人，显示 8 人"
    main_window.context.reloaded.emit()
    assert len(tab.roster.visible_rows()) == 8
    save_screenshot(main_window, "main_window_members")


def test_teacher_with_a_real_observation_is_kept_and_marked_left(tab, ledger, qtbot, message_bridge):
    from desktop_app.services.records.observations import ObservationData, add_observation

    teacher = tab.ids["李明"]
    add_observation(ledger, ObservationData(date=date(2025, 10, 9), observer_id=tab.ids["陈静"], teacher_id=teacher,
                                            subject="数学"))
    tab.roster.select_member(teacher)
    message_bridge.answers = [False]  # refused, and the user does not want 已离开 either
    qtbot.mouseClick(tab.roster.buttons.delete, Qt.LeftButton)
    assert message_bridge.texts("confirm")[-1].startswith("不能删除“李明”：还有听课记录 1 条引用此人。")
    assert get_member(ledger, teacher).active
    assert "李明" in names(tab.roster)
