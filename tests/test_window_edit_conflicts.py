"""#12 item 4: a record changed after a dialog opened it is never silently overwritten.

Two ledgers are open on one data folder (two windows, or the window and an import). For every kind
of record a dialog edits, the second dialog saves first; the first dialog's 保存 is then refused
with 已被修改, and she chooses 继续编辑 (her text stays, the next 保存 writes it) or 重新载入.
"""

from __future__ import annotations

import importlib

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit
from sqlalchemy import text

from desktop_app.services import members as member_service
from desktop_app.services.demo import fill_demo
from desktop_app.services.edits import editable_kinds
from desktop_app.store.events import Topic
from desktop_app.store.ledger import open_ledger
from desktop_app.ui.widgets.edit_tracking import CONFLICT_TITLE
from desktop_app.ui.widgets.form_problems import ProblemBanner


def _dialog(path: str):
    """The dialog class at desktop_app.ui.<path>."""
    module, name = path.rsplit(".", 1)
    return getattr(importlib.import_module(f"desktop_app.ui.{module}"), name)


def _pledge(ledger, record_id, parent):
    from desktop_app.services.pledges import get_pledge
    return _dialog("pledges.edit_dialog.PledgeDialog")(ledger, parent, pledge=get_pledge(ledger, record_id))


def _honour(ledger, record_id, parent):
    from desktop_app.services.honours import HonourData
    return _dialog("evaluations.honour_dialog.HonourDialog")(ledger, HonourData(), record_id, parent)


def _usual(path: str):
    """A dialog opened as Dialog(ledger, record_id, parent)."""
    return lambda ledger, record_id, parent: _dialog(path)(ledger, record_id, parent)


def _by_keyword(path: str, keyword: str):
    """A dialog opened as Dialog(ledger, parent, <keyword>=record_id)."""
    return lambda ledger, record_id, parent: _dialog(path)(ledger, parent, **{keyword: record_id})


_member = _usual("members.dialog.MemberDialog")
_talk = _usual("meetings.talk_dialog.TalkDialog")
EDIT_DIALOGS = {
    Topic.MEMBER: _member,
    Topic.SCHOOL_CLASS: _usual("students.class_dialog.ClassDialog"),
    Topic.STUDENT: _usual("students.student_dialog.StudentDialog"),
    Topic.CULTIVATION: _usual("members.cultivation_dialog.CultivationDialog"),
    Topic.PLEDGE: _pledge,
    Topic.OBSERVATION: _usual("observations.dialog.ObservationDialog"),
    Topic.VISIT: _usual("visits.dialog.VisitDialog"),
    Topic.SUGGESTION: _by_keyword("rectifications.dialogs.SuggestionDialog", "suggestion_id"),
    Topic.RECTIFICATION: _by_keyword("rectifications.dialogs.RectificationDialog", "rectification_id"),
    Topic.MEETING: _usual("meetings.dialog.MeetingDialog"),
    Topic.HEART_TO_HEART_TALK: _talk,
    Topic.DEVELOPMENT: _usual("development.dialog.DevelopmentDialog"),
    Topic.HONOUR: _honour,
}


def test_every_kind_a_dialog_edits_is_covered_here():
    assert set(EDIT_DIALOGS) == set(editable_kinds())


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-conflicts")
    ledger = open_ledger(folder)
    fill_demo(ledger)
    ledger.close()
    return folder


@pytest.fixture
def two_ledgers(demo_folder, tmp_path):
    import shutil

    from desktop_app.paths import DB_FILENAME

    shutil.copy(demo_folder / DB_FILENAME, tmp_path / DB_FILENAME)
    first, second = open_ledger(tmp_path), open_ledger(tmp_path)
    yield first, second
    first.close()
    second.close()


EDITABLE = {  # records a dialog can save as they are
    Topic.PLEDGE: "status = 'draft'",  # a reviewed pledge is locked
    Topic.VISIT: "id IN (SELECT visit_id FROM visit_student)",  # some demo visits name no student
}


def _first_id(ledger, kind: Topic) -> int:
    where = EDITABLE.get(kind, "1 = 1")
    with ledger.reading() as session:
        found = session.execute(text(f"SELECT min(id) FROM {kind.value} WHERE {where}")).scalar()  # noqa: S608
    assert found, f"the demo school has no {kind.value}"
    return found


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click_save(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(QDialogButtonBox.Save) or box.button(QDialogButtonBox.Ok)
    qtbot.mouseClick(button, Qt.LeftButton)


def _change_something(dialog) -> None:
    """What the other person types: a line added to the first free-text box (a class has only its name)."""
    boxes = [box for box in dialog.findChildren(QPlainTextEdit) if box.isEnabled() and not box.isReadOnly()]
    if boxes:
        boxes[0].setPlainText(boxes[0].toPlainText() + "（另一台电脑补充）")
    else:
        dialog.name_edit.setText(dialog.name_edit.text() + "改")


def test_a_save_that_changes_nothing_is_no_change(two_ledgers, ui_app, qtbot, message_bridge):
    first, second = two_ledgers
    record_id = _first_id(first, Topic.MEMBER)
    mine = _shown(qtbot, _member(first, record_id, None))
    theirs = _shown(qtbot, _member(second, record_id, None))
    _click_save(qtbot, theirs)  # opened and saved as it was
    mine.phone.setText("13900000000")
    _click_save(qtbot, mine)
    assert not mine.isVisible() and not message_bridge.shown


def _errors(bridge) -> list[str]:
    return [f"{title}: {body}" for level, title, body in bridge.shown if level == "error"]


@pytest.mark.parametrize("kind", list(EDIT_DIALOGS), ids=lambda k: k.name.lower())
def test_the_later_save_of_an_older_copy_is_refused_then_kept_on_request(kind, two_ledgers, ui_app, qtbot,
                                                                         message_bridge):
    first, second = two_ledgers
    record_id = _first_id(first, kind)
    mine = _shown(qtbot, EDIT_DIALOGS[kind](first, record_id, None))
    theirs = _shown(qtbot, EDIT_DIALOGS[kind](second, record_id, None))

    _change_something(theirs)
    _click_save(qtbot, theirs)
    assert not theirs.isVisible(), (_errors(message_bridge), theirs.findChild(ProblemBanner).text())

    message_bridge.answers = [False]  # 继续编辑
    _click_save(qtbot, mine)
    assert mine.isVisible(), "the older copy was saved over the newer one"
    asked = [body for level, title, body in message_bridge.shown if level == "confirm" and title == CONFLICT_TITLE]
    assert len(asked) == 1 and "已被修改" in asked[0] and "重新载入" in asked[0]

    _click_save(qtbot, mine)  # she has been told: this 保存 writes her copy
    assert not mine.isVisible(), _errors(message_bridge)


def test_reload_shows_their_text_and_names_the_changed_field(two_ledgers, ui_app, qtbot, message_bridge):
    first, second = two_ledgers
    record_id = _first_id(first, Topic.MEMBER)
    mine = _shown(qtbot, _member(first, record_id, None))
    mine.phone.setText("13900000000")

    data = member_service.get_member(second, record_id)
    data.notes = "另一个窗口写的备注"
    member_service.update_member(second, record_id, data)

    message_bridge.answers = [True]  # 重新载入
    _click_save(qtbot, mine)
    save_screenshot(mine, "edit_conflict_reloaded")
    assert mine.isVisible()
    assert mine.notes.toPlainText() == "另一个窗口写的备注"
    assert mine.phone.text() != "13900000000"  # her unsaved text was given up, as she chose
    told = [body for level, _t, body in message_bridge.shown if level == "info"]
    assert told and "对方修改了：备注。" in told[-1] and "您放弃的修改：联系电话。" in told[-1]
    assert not mine.has_changes()

    mine.phone.setText("13900000000")
    _click_save(qtbot, mine)
    assert not mine.isVisible()
    saved = member_service.get_member(first, record_id)
    assert (saved.notes, saved.phone) == ("另一个窗口写的备注", "13900000000")


def test_a_record_deleted_meanwhile_is_said_and_her_text_stays(two_ledgers, ui_app, qtbot, message_bridge):
    first, second = two_ledgers
    record_id = _first_id(first, Topic.HEART_TO_HEART_TALK)
    mine = _shown(qtbot, _talk(first, record_id, None))
    from desktop_app.services.meetings.commands import delete_talks
    delete_talks(second, [record_id])
    _click_save(qtbot, mine)
    assert mine.isVisible()
    assert any("已被删除" in text for text in _errors(message_bridge))


def test_a_review_of_a_pledge_changed_meanwhile_is_asked_about(two_ledgers, ui_app, qtbot, message_bridge):
    from desktop_app.domain.pledges import PledgeData
    from desktop_app.services import pledges as pledge_service
    from desktop_app.ui.pledges.review_dialog import ReviewDialog

    first, second = two_ledgers
    with first.reading() as session:
        record_id = session.execute(text("SELECT min(id) FROM pledge WHERE status = 'in_progress'")).scalar()
    row = pledge_service.get_pledge(first, record_id)
    mine = _shown(qtbot, ReviewDialog(first, row))
    mine.grade.setCurrentIndex(1)

    changed = PledgeData(row.member_id, row.kind, row.school_year, row.standard,
                         [*row.content_items, "新增：每月一次读书分享"], row.signed_date)
    pledge_service.update_pledge(second, record_id, changed)

    message_bridge.answers = [True]  # 重新载入
    _click_save(qtbot, mine)
    assert mine.isVisible()
    assert "每月一次读书分享" in mine._content.text()
    assert any(title == CONFLICT_TITLE for level, title, _b in message_bridge.shown if level == "confirm")


def test_keep_editing_saves_over_only_the_change_she_was_told_of(two_ledgers, ui_app, qtbot, message_bridge,
                                                                 monkeypatch):
    from desktop_app.ui import messages

    first, second = two_ledgers
    record_id = _first_id(first, Topic.MEMBER)
    mine = _shown(qtbot, _member(first, record_id, None))
    mine.phone.setText("13900000000")
    _note(second, record_id, "第二个人的备注")

    asked = []

    def while_she_reads(parent, title, text, **_kw):  # a third person saves while the question is open
        asked.append(text)
        if len(asked) == 1:
            _note(second, record_id, "第三个人的备注")
        return False  # 继续编辑

    monkeypatch.setattr(messages, "confirm", while_she_reads)
    _click_save(qtbot, mine)
    _click_save(qtbot, mine)
    assert len(asked) == 2, "the third person's save was overwritten without a word"
    _click_save(qtbot, mine)
    assert not mine.isVisible()
    assert member_service.get_member(first, record_id).phone == "13900000000"


def test_a_visit_reloaded_unchanged_names_no_field(two_ledgers, ui_app, qtbot, message_bridge):
    first, second = two_ledgers
    record_id = _first_id(first, Topic.VISIT)
    mine = _shown(qtbot, _usual("visits.dialog.VisitDialog")(first, record_id, None))
    theirs = _shown(qtbot, _usual("visits.dialog.VisitDialog")(second, record_id, None))
    theirs.content.setPlainText("对方补充的内容")
    _click_save(qtbot, theirs)
    message_bridge.answers = [True]  # 重新载入
    _click_save(qtbot, mine)
    told = [body for level, _t, body in message_bridge.shown if level == "info"][-1]
    assert told.splitlines()[1] == "对方修改了：主要内容。", told


def _note(ledger, record_id, notes):
    data = member_service.get_member(ledger, record_id)
    data.notes = notes
    member_service.update_member(ledger, record_id, data)


def test_a_batch_review_over_a_pledge_changed_meanwhile_is_refused(two_ledgers, ui_app, qtbot, message_bridge):
    from desktop_app.domain.pledges import PledgeData
    from desktop_app.services import pledges as pledge_service
    from desktop_app.ui.pledges.review_dialog import BatchReviewDialog

    first, second = two_ledgers
    with first.reading() as session:
        ids = session.execute(text("SELECT id FROM pledge WHERE status = 'in_progress' ORDER BY id LIMIT 3")).scalars()
        rows = [pledge_service.get_pledge(first, pledge_id) for pledge_id in ids]
    mine = _shown(qtbot, BatchReviewDialog(first, rows))
    mine.set_all.setCurrentIndex(1)
    row = rows[1]
    pledge_service.update_pledge(second, row.id, PledgeData(row.member_id, row.kind, row.school_year, row.standard,
                                                            [*row.content_items, "新增一条"], row.signed_date))
    _click_save(qtbot, mine)
    assert mine.isVisible() and any("已被修改" in text for text in _errors(message_bridge))
    assert all(pledge_service.get_pledge(first, r.id).status == "in_progress" for r in rows)  # all or nothing
