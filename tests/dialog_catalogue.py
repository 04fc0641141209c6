"""Every dialog of the window, as a factory the fit test opens on the demo school.

Add yours with `@dialog_case("name")`: a function (ledger, window) -> the dialog, unshown.
`confirm` names the attribute of the button that does the work when it is not the 保存/确定 of a
QDialogButtonBox (e.g. "import_button"). tests/test_window_fit.py checks that every QDialog
subclass in desktop_app.ui has a case, so a new dialog cannot skip the 1366×768 check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DialogCase:
    name: str
    open: Callable  # (ledger, main_window) -> QDialog
    confirm: str | None = None


CASES: dict[str, DialogCase] = {}


def dialog_case(name: str, confirm: str | None = None):
    def register(factory):
        assert name not in CASES, f"two dialog cases named {name}"
        CASES[name] = DialogCase(name, factory, confirm)
        return factory
    return register


def _first(rows, what: str):
    assert rows, f"the demo school has no {what}"
    return rows[0]


def _year(ledger) -> str:
    from desktop_app.services.pledges.queries import list_pledges

    return _first(list_pledges(ledger), "pledges").school_year


# --- people --------------------------------------------------------------------------------
@dialog_case("MemberDialog")
def _member(ledger, window):
    from desktop_app.services.members import list_members
    from desktop_app.ui.members.dialog import MemberDialog

    return MemberDialog(ledger, _first(list_members(ledger), "members").id, window)


@dialog_case("CultivationDialog")
def _cultivation(ledger, window):
    from desktop_app.ui.members.cultivation_dialog import CultivationDialog

    return CultivationDialog(ledger, None, window)


@dialog_case("ClassDialog")
def _class(ledger, window):
    from desktop_app.services.classes import list_classes
    from desktop_app.ui.students.class_dialog import ClassDialog

    return ClassDialog(ledger, _first(list_classes(ledger), "classes").id, window)


@dialog_case("StudentDialog")
def _student(ledger, window):
    from desktop_app.services.students import list_students
    from desktop_app.ui.students.student_dialog import StudentDialog

    return StudentDialog(ledger, _first(list_students(ledger), "students").id, window)


# --- pledges -------------------------------------------------------------------------------
@dialog_case("PledgeDialog")
def _pledge(ledger, window):
    from desktop_app.services.pledges.queries import list_pledges
    from desktop_app.ui.pledges.edit_dialog import PledgeDialog

    return PledgeDialog(ledger, window, pledge=_first(list_pledges(ledger), "pledges"))


@dialog_case("StartYearDialog")
def _start_year(ledger, window):
    from desktop_app.ui.pledges.year_dialog import StartYearDialog

    return StartYearDialog(ledger, window, _year(ledger))


@dialog_case("pledges.PublishDialog")
def _publish_pledges(ledger, window):
    from desktop_app.services.pledges.queries import list_pledges
    from desktop_app.ui.pledges.publish_dialog import PublishDialog

    return PublishDialog(ledger, list_pledges(ledger)[:5], window)


@dialog_case("ReviewDialog")
def _review(ledger, window):
    from desktop_app.services.pledges.queries import list_pledges
    from desktop_app.ui.pledges.review_dialog import ReviewDialog

    return ReviewDialog(ledger, _first(list_pledges(ledger), "pledges"), window)


@dialog_case("BatchReviewDialog")
def _batch_review(ledger, window):
    from desktop_app.services.pledges.queries import list_pledges
    from desktop_app.ui.pledges.review_dialog import BatchReviewDialog

    return BatchReviewDialog(ledger, list_pledges(ledger)[:30], window)


# --- 听课 / 家访 ---------------------------------------------------------------------------
@dialog_case("ObservationDialog")
def _observation(ledger, window):
    from desktop_app.ui.observations.dialog import ObservationDialog

    return ObservationDialog(ledger, None, window)


@dialog_case("VisitDialog")
def _visit(ledger, window):
    from desktop_app.ui.visits.dialog import VisitDialog

    dialog = VisitDialog(ledger, None, window)
    dialog.kind.set_code("home")  # the kind with the most boxes
    return dialog


@dialog_case("QuotaSettingsDialog")
def _quotas(ledger, window):
    from desktop_app.ui.records.quota_settings_dialog import QuotaSettingsDialog

    return QuotaSettingsDialog(ledger, window)


# --- 整改 ----------------------------------------------------------------------------------
def _rectification(ledger):
    from desktop_app.services.rectifications.queries import list_rectifications

    return _first(list_rectifications(ledger), "rectifications")


@dialog_case("SuggestionDialog")
def _suggestion(ledger, window):
    from desktop_app.ui.rectifications.dialogs import SuggestionDialog

    return SuggestionDialog(ledger, window)


@dialog_case("RectificationDialog")
def _rectify(ledger, window):
    from desktop_app.ui.rectifications.dialogs import RectificationDialog

    return RectificationDialog(ledger, window, rectification_id=_rectification(ledger).id)


@dialog_case("CompleteDialog")
def _complete(ledger, window):
    from desktop_app.ui.rectifications.dialogs import CompleteDialog

    row = _rectification(ledger)
    return CompleteDialog(ledger, row.id, row.measure, window)


@dialog_case("rectifications.PublishDialog")
def _publish_rectification(ledger, window):
    from desktop_app.ui.rectifications.dialogs import PublishDialog

    return PublishDialog(ledger, _rectification(ledger).id, None, window)


# --- 考核 ----------------------------------------------------------------------------------
@dialog_case("SchemeDialog")
def _scheme(ledger, window):
    from desktop_app.services.evaluations.schemes import get_scheme
    from desktop_app.ui.evaluations.scheme_dialog import SchemeDialog

    return SchemeDialog(get_scheme(ledger, _year(ledger)), lambda scheme: None, "", window)


@dialog_case("HonourDialog")
def _honour(ledger, window):
    from desktop_app.services.honours import HonourData
    from desktop_app.ui.evaluations.honour_dialog import HonourDialog

    return HonourDialog(ledger, HonourData(school_year=_year(ledger), issuer="校党委"), None, window)


@dialog_case("ApproveDialog")
def _approve(ledger, window):
    from desktop_app.ui.evaluations.lock_dialogs import ApproveDialog

    return ApproveDialog(_year(ledger), 1, lambda *args: None, window)


@dialog_case("UnlockDialog")
def _unlock(ledger, window):
    from desktop_app.ui.evaluations.lock_dialogs import UnlockDialog

    return UnlockDialog(f"{_year(ledger)}学年第一学期已审批", lambda *args: None, window)


@dialog_case("AdjustmentsDialog")
def _adjust(ledger, window):
    from desktop_app.services.evaluations.schemes import get_scheme
    from desktop_app.ui.evaluations.adjust_dialog import AdjustmentsDialog

    year = _year(ledger)
    return AdjustmentsDialog("张晓明", f"{year}学年第一学期", get_scheme(ledger, year), [], [], lambda b, d: None, window)


# --- 发展党员 ------------------------------------------------------------------------------
@dialog_case("DevelopmentDialog")
def _development(ledger, window):
    from desktop_app.ui.development.dialog import DevelopmentDialog

    return DevelopmentDialog(ledger, None, window)


@dialog_case("CloseDialog")
def _close_development(ledger, window):
    from desktop_app.services.development.queries import list_developments
    from desktop_app.ui.development.close_dialog import CloseDialog

    return CloseDialog(ledger, _first(list_developments(ledger), "发展党员 records"), window)


# --- the ledger file, settings, import and export ------------------------------------------
@dialog_case("SettingsDialog")
def _settings(ledger, window):
    from desktop_app.ui.settings_dialog import SettingsDialog

    return SettingsDialog(ledger, window)


@dialog_case("FirstRunGuide")
def _first_run(ledger, window):
    from desktop_app.ui.first_run import FirstRunGuide

    return FirstRunGuide(window)


@dialog_case("HelpWindow")
def _help(ledger, window):
    from desktop_app.ui.help_window import HelpWindow

    return HelpWindow(window)


@dialog_case("QuickAddDialog")
def _quick_add(ledger, window):
    from desktop_app.ui.widgets.quick_add import QuickAddDialog

    return QuickAddDialog(ledger, "王老师", window)


@dialog_case("ImportDialog", confirm="import_button")
def _import(ledger, window):
    from desktop_app.ui.importing.dialog import ImportDialog

    return ImportDialog(window.context, window)


@dialog_case("ReportDialog", confirm="export_button")
def _report(ledger, window):
    from desktop_app.ui.exports.report_dialog import ReportDialog

    return ReportDialog(window.context, "quarter", window)


@dialog_case("RestoreDialog")
def _restore(ledger, window):
    from desktop_app.ui.backup_actions import RestoreDialog

    return RestoreDialog(ledger.data_dir, window)


@dialog_case("RecoveryDialog")
def _recovery(ledger, window):
    from desktop_app.ui.startup_recovery import RecoveryDialog

    return RecoveryDialog(ledger.data_dir, "数据文件已损坏：file is not a database", window)


@dialog_case("SearchDialog", confirm="query")
def _search(ledger, window):
    from desktop_app.ui.search.dialog import SearchDialog

    return SearchDialog(lambda: ledger, window)


# --- 组织生活 ------------------------------------------------------------------------------
@dialog_case("MeetingDialog")
def _meeting(ledger, window):
    from desktop_app.ui.meetings.dialog import MeetingDialog

    return MeetingDialog(ledger, None, window)


@dialog_case("TalkDialog")
def _talk(ledger, window):
    from desktop_app.ui.meetings.talk_dialog import TalkDialog

    return TalkDialog(ledger, None, window)


@dialog_case("MeetingSettingsDialog")
def _meeting_settings(ledger, window):
    from desktop_app.ui.meetings.settings_dialog import MeetingSettingsDialog

    return MeetingSettingsDialog(ledger, window)


# --- 印制 ----------------------------------------------------------------------------------
@dialog_case("CitationTemplatesDialog")
def _citation_templates(ledger, window):
    from desktop_app.ui.prints.templates_dialog import CitationTemplatesDialog

    return CitationTemplatesDialog(ledger, ["优秀共产党员", "五星级党员"], window)


@dialog_case("PrintLogDialog")
def _print_log(ledger, window):
    from desktop_app.ui.prints.log_dialog import PrintLogDialog

    return PrintLogDialog(ledger, window)


# --- 星级 breakdown and notice, 请假, 套打 stock ---------------------------------------------
@dialog_case("BreakdownDialog", confirm="print_button")
def _breakdown(ledger, window):
    from desktop_app.ui.evaluations.breakdown_dialog import BreakdownDialog

    return BreakdownDialog(ledger, _year(ledger), None, None, window)


@dialog_case("StarNoticeDialog", confirm="word_button")
def _star_notice(ledger, window):
    from desktop_app.ui.evaluations.star_notice_dialog import StarNoticeDialog

    return StarNoticeDialog(ledger, _year(ledger), parent=window)


@dialog_case("LeavesDialog")
def _leaves(ledger, window):
    from desktop_app.services.members import list_members
    from desktop_app.ui.members.leaves_dialog import LeavesDialog

    member = _first(list_members(ledger), "members")
    return LeavesDialog(ledger, member.id, member.name, window)


@dialog_case("StockDialog")
def _stock(ledger, window):
    from desktop_app.ui.prints.stock_dialog import StockDialog

    return StockDialog(ledger, "", window)


# --- 连接服务器台账 ------------------------------------------------------------------------------
@dialog_case("ServerConnectionDialog", confirm="connect_button")
def _server_connection(ledger, window):
    from desktop_app.services.server_connection import ServerConnection
    from desktop_app.ui.server_dialog import ServerConnectionDialog

    known = ServerConnection("192.168.1.10", 5432, "dangjian", "初二年级组")
    return ServerConnectionDialog(window.context.folder, known, window, cancel_text="本次使用本机台账")


# --- 登录 and 用户管理 (server ledgers) -----------------------------------------------------------
@dialog_case("LoginDialog", confirm="login_button")
def _login(ledger, window):
    from desktop_app.ui.login_dialog import LoginDialog

    return LoginDialog(ledger, window)  # the demo has no accounts: the secretary's first account


@dialog_case("UsersDialog")
def _users(ledger, window):
    from desktop_app.ui.users_dialog import UsersDialog

    return UsersDialog(ledger, window)


@dialog_case("AccountDialog")
def _account(ledger, window):
    from desktop_app.ui.users_dialog import AccountDialog

    return AccountDialog(ledger, None, window)
