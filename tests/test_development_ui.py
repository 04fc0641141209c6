"""The 发展党员 tab and dialog driven through their real buttons."""

from __future__ import annotations

import pytest
from conftest import save_screenshot, shown_dialog
from PySide6.QtCore import Qt

from desktop_app.domain.development.steps import Step
from desktop_app.services.development.commands import save_development
from desktop_app.services.members import get_member
from desktop_app.ui.context import AppContext
from desktop_app.ui.development.tab import DevelopmentTab
from tests.development_helpers import FULL_DATES, make_branch, procedure


@pytest.fixture
def tab(ui_app, ledger, qtbot):
    widget = DevelopmentTab(AppContext(ledger))
    qtbot.addWidget(widget)
    widget.resize(1092, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot, button):
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.LeftButton)


def column(tab, number: int) -> list[str]:
    return [tab.proxy.index(r, number).data() for r in range(tab.proxy.rowCount())]


def edit_first(tab, qtbot, ledger=None, data=None):
    """Save `data` (when given) through the service, then open the first person's dialog from the tab."""
    if data is not None:
        save_development(ledger, None, data)
        tab.reload()
    tab.view.selectRow(0)
    click(qtbot, tab.buttons.edit)
    return shown_dialog(tab)


def enter(dialog, *steps: Step) -> None:
    for step in steps:
        dialog.steps.dates[step].line_edit.setText(FULL_DATES[step].isoformat())


def test_entering_steps_in_order_moves_the_person_on(tab, ledger, qtbot):
    branch = make_branch(ledger)
    click(qtbot, tab.buttons.add)
    dialog = shown_dialog(tab)
    dialog.member.setEditText("刘洋")
    enter(dialog, Step.APPLY, Step.TALK)
    dialog.steps.interviewer.setEditText("陈静")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert column(tab, 0) == ["刘洋"] and column(tab, 3) == ["（2）党组织派人谈话"]

    dialog = edit_first(tab, qtbot)
    enter(dialog, Step.ACTIVIST, Step.ACTIVIST_FILED, Step.CONTACTS, Step.ASSESSMENT, Step.TARGET)
    dialog.steps.contacts[0].setEditText("王芳")
    dialog.steps.assessments.setText("2023-11-01、2024-04-20")
    assert dialog.breach_texts() == []
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert column(tab, 1) == ["发展对象"]
    assert get_member(ledger, branch.applicant).political_status == "development_target"


def test_an_impossible_date_is_refused_in_the_dialog(tab, ledger, qtbot):
    branch = make_branch(ledger)
    dialog = edit_first(tab, qtbot, ledger, procedure(branch, Step.ACTIVIST))
    dialog.steps.dates[Step.TARGET].line_edit.setText("2023-05-01")  # before 确定积极分子 on 10 May 2023
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.problems.texts() == [
        "（7）确定发展对象：日期 2023-05-01 早于（3）推荐和确定入党积极分子的 2023-05-10"]
    assert get_member(ledger, branch.applicant).political_status == "activist"


def test_a_breach_is_listed_with_the_rule_and_saved(tab, ledger, qtbot):
    branch = make_branch(ledger)
    dialog = edit_first(tab, qtbot, ledger, procedure(branch, Step.TALK))
    dialog.steps.dates[Step.TALK].line_edit.setText("2023-04-05")  # 申请 on 1 March
    assert dialog.breach_texts() == [
        "（2）党组织派人谈话：申请后 35 天才谈话（规定：组织应在收到入党申请书后一个月内派人同申请人谈话）"]
    save_screenshot(dialog, "development_dialog_breach")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert column(tab, 6) == ["1 项"]
    tab.view.selectRow(0)
    assert "一个月内派人同申请人谈话" in tab.problems.text()
    save_screenshot(tab, "development_tab")


def test_status_changes_at_steps_17_and_24(tab, ledger, qtbot):
    branch = make_branch(ledger)
    dialog = edit_first(tab, qtbot, ledger, procedure(branch, Step.HIGHER_TALK))
    enter(dialog, Step.APPROVAL)
    click(qtbot, dialog.save_button)
    person = get_member(ledger, branch.applicant)
    assert (person.political_status, str(person.join_date)) == ("probationary", "2024-07-10")

    dialog = edit_first(tab, qtbot)
    assert dialog.tabs.currentIndex() == 3  # opens on the stage reached
    enter(dialog, Step.APPROVAL_FILED, Step.GROUP_ASSIGNED, Step.OATH, Step.PROBATION_EDUCATION, Step.FULL_APPLY,
          Step.FULL_ASSEMBLY, Step.FULL_APPROVAL)
    for spin, value in ((dialog.steps.full_vote.entitled, 20), (dialog.steps.full_vote.present, 17),
                        (dialog.steps.full_vote.in_favour, 17)):
        spin.setValue(value)
    dialog.tabs.setCurrentIndex(4)
    save_screenshot(dialog, "development_dialog_probation")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    person = get_member(ledger, branch.applicant)
    assert (person.political_status, str(person.full_member_date)) == ("full_member", "2025-07-10")
    assert column(tab, 1) == ["中共党员"]


def test_the_dialog_fits_her_screen_with_many_breaches(tab, ledger, qtbot):
    branch = make_branch(ledger)
    data = procedure(branch, Step.ASSEMBLY, contacts=[], introducers=[])
    data.dates[Step.TALK] = data.dates[Step.APPLY].replace(month=5)  # late 谈话
    dialog = edit_first(tab, qtbot, ledger, data)
    dialog.steps.admission_vote.present.setValue(10)  # exactly half of 20
    dialog.steps.admission_vote.in_favour.setValue(10)
    assert len(dialog.breach_texts()) >= 4
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1092 and hint.height() <= 580
    dialog.resize(1092, 580)
    assert dialog.save_button.isVisible()
    assert dialog.rect().contains(dialog.save_button.mapTo(dialog, dialog.save_button.rect().bottomRight()))


def test_import_opens_on_the_development_kind(tab, qtbot):
    click(qtbot, tab.import_button)
    assert shown_dialog(tab).kind_combo.currentData() == "development"
    shown_dialog(tab).reject()


def test_a_step_waits_for_the_milestone_it_depends_on(tab, ledger, qtbot, message_bridge):
    make_branch(ledger)
    click(qtbot, tab.buttons.add)
    dialog = shown_dialog(tab)
    dates = dialog.steps.dates
    assert dates[Step.APPLY].isEnabled() and not dates[Step.TALK].isEnabled()
    assert dates[Step.TALK].toolTip() == "请先填写（1）递交入党申请书"
    dates[Step.APPLY].line_edit.setText("2023-03-01")
    assert dates[Step.TALK].isEnabled() and not dates[Step.ACTIVIST_FILED].isEnabled()
    message_bridge.answers.append(True)  # 放弃修改？ yes
    dialog.reject()


def test_a_new_record_links_the_persons_cultivation_plan(tab, ledger, qtbot):
    from desktop_app.domain.cultivation import CultivationData
    from desktop_app.services.cultivation import add_cultivation
    from desktop_app.services.development.queries import list_developments

    branch = make_branch(ledger)
    plan = add_cultivation(ledger, CultivationData(kind="backbone_to_member", member_id=branch.applicant,
                                                   mentor_id=branch.secretary, target="两年内成为入党积极分子"))
    click(qtbot, tab.buttons.add)
    dialog = shown_dialog(tab)
    assert dialog.plan.currentText() == "（无）"
    dialog.member.setEditText("刘洋")
    dialog.plan.setCurrentIndex(dialog.plan.findData(plan))
    enter(dialog, Step.APPLY)
    click(qtbot, dialog.save_button)
    assert [r.data.cultivation_id for r in list_developments(ledger)] == [plan]


def test_ending_a_record_takes_the_person_off_the_list(tab, ledger, qtbot):
    branch = make_branch(ledger)
    save_development(ledger, None, procedure(branch, Step.TALK))
    tab.reload()
    tab.view.selectRow(0)
    click(qtbot, tab.close_button)
    dialog = shown_dialog(tab)
    click(qtbot, dialog.save_button)
    assert dialog.problems.texts() == ["终止原因：必须填写"]
    dialog.reason.setText("本人撤回申请")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert column(tab, 0) == []


def test_scans_attached_in_the_dialog_are_kept(tab, ledger, qtbot, tmp_path):
    from desktop_app.services.attachments import attachments_of
    from desktop_app.services.development.commands import OWNER_KIND

    branch = make_branch(ledger)
    scan = tmp_path / "入党申请书.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned application")
    dialog = edit_first(tab, qtbot, ledger, procedure(branch, Step.TALK))
    dialog.attachments.add_paths([scan])
    assert dialog.tabs.tabText(dialog.tabs.indexOf(dialog.attachments)) == "附件（1）"
    click(qtbot, dialog.save_button)
    record = tab.rows()[0].id
    assert [a.filename for a in attachments_of(ledger, OWNER_KIND, record)] == ["入党申请书.pdf"]
