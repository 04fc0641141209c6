"""Typing something that is not a number (nan, inf, words) into an evaluation cell: a message, no change."""

from __future__ import annotations

from dataclasses import replace

import pytest
from evaluation_helpers import YEAR
from test_evaluations_ui import cell, tab  # noqa: F401  (tab is a fixture)

from desktop_app.domain.evaluation import Adjustment, check_entered
from desktop_app.domain.scheme import default_scheme, validate_scheme
from desktop_app.services.errors import ValidationError
from desktop_app.services.evaluations.branch import branch_assessment
from desktop_app.services.evaluations.commands import record_semester, set_adjustments, set_entered
from desktop_app.services.evaluations.queries import semester_sheet
from desktop_app.ui import messages
from desktop_app.ui.evaluations.scheme_dialog import SchemeDialog


@pytest.mark.parametrize("typed", ["nan", "inf", "-Infinity", "1e999", "十五"])
def test_a_score_cell_refuses_what_is_not_a_number(tab, ledger, message_bridge, typed):
    panel = tab.semester_panel
    member = panel.model.row_at(0)
    set_entered(ledger, member.member_id, YEAR, 1, "politics", 14)
    index = cell(panel, member.member_name, "思想政治")
    assert index.data() == "14"

    assert panel.proxy.setData(index, typed) is False
    assert message_bridge.texts("error")[-1] == f"“思想政治”应填数字，输入的是“{typed}”"
    assert cell(panel, member.member_name, "思想政治").data() == "14"
    assert semester_sheet(ledger, YEAR, 1).row_of(member.member_id).scores[0].points == 14


def test_a_branch_score_cell_refuses_nan(tab, ledger, message_bridge):
    tab.sections.setCurrentWidget(tab.branch_panel)
    model = tab.branch_panel.model
    assert model.setData(model.index(0, 2), "nan") is False
    assert message_bridge.texts("error")[-1] == "“领导班子好自评得分”应填数字，输入的是“nan”"
    assert branch_assessment(ledger, YEAR)[0].score is None


def test_the_scheme_editor_refuses_a_maximum_that_is_not_a_number(qtbot, ui_app, message_bridge):
    saved = []
    dialog = SchemeDialog(default_scheme(YEAR), saved.append)
    qtbot.addWidget(dialog)
    model = dialog.indicators
    for typed, message in (("nan", "“思想政治的满分”应填数字，输入的是“nan”"),
                           ("", "“思想政治的满分”必须填写"),
                           ("120", "“思想政治的满分”应在 0 到 100 分之间，输入的是 120")):
        assert model.setData(model.index(0, 1), typed) is False
        assert message_bridge.texts("error")[-1] == message
    assert model.index(0, 1).data() == "15"
    assert dialog.total_label.text() == "各项满分合计 100 分"


def test_the_services_refuse_non_finite_points(ledger, tab):
    member = tab.semester_panel.model.row_at(0).member_id
    with pytest.raises(ValidationError, match="“思想政治”应填数字"):
        record_semester(ledger, member, YEAR, 1, entered={"politics": float("nan")})
    with pytest.raises(ValidationError, match="加分第1项：分值必须大于 0"):
        set_adjustments(ledger, member, YEAR, 1, [Adjustment(float("inf"), "市级公开课")], [])
    row = semester_sheet(ledger, YEAR, 1).row_of(member)
    assert row.scores[0].points is None and row.bonuses == ()


def test_domain_rules_refuse_non_finite_values():
    scheme = default_scheme(YEAR)
    assert check_entered(scheme.indicator("teaching"), float("nan")) == "“教育教学”应填数字，输入的是“nan”"
    assert check_entered(scheme.indicator("teaching"), float("inf")) == "“教育教学”应填数字，输入的是“inf”"
    assert check_entered(scheme.indicator("teaching"), 20) is None
    bad = replace(scheme, bonus_cap=float("nan"))
    assert [str(p) for p in validate_scheme(bad)] == ["加减分上限：不能为负数"]


def test_branch_messages_belong_to_the_table(tab, monkeypatch, message_bridge):
    parents = []
    show = messages.error
    monkeypatch.setattr(messages, "error", lambda parent, title, text: (parents.append(parent), show(parent, title, text)))
    tab.sections.setCurrentWidget(tab.branch_panel)
    model = tab.branch_panel.model
    model.setData(model.index(0, 2), "很好")
    model.setData(model.index(0, 2), "25")  # over 20: refused by the service
    assert message_bridge.texts("error")[-1] == "领导班子好：“领导班子好”应在 0 到 20 分之间，输入的是 25"
    assert parents == [tab.branch_panel.view, tab.branch_panel.view]
