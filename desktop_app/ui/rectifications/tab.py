"""The 整改 tab: suggestions collected from visits or entered directly, and the rectification
ledger they lead to, followed from 待整改 through 整改中 to 已完成 and 公示."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.calendar import Period
from desktop_app.domain.rectifications import RectificationStatus, SuggestionCategory
from desktop_app.services import rectifications as service
from desktop_app.store.events import Topic
from desktop_app.ui import messages
from desktop_app.services.search import SearchKind
from desktop_app.ui.context import AppContext
from desktop_app.ui.rectifications.dialogs import (
    CompleteDialog, PublishDialog, RectificationDialog, SuggestionDialog,
)
from desktop_app.ui.rectifications.views import ALL, OVERDUE, LedgerView, RectificationsView, SuggestionsView
from desktop_app.ui.widgets.record_table import select_record
from desktop_app.ui.widgets.refusals import run_service

WATCHED = {Topic.SUGGESTION, Topic.RECTIFICATION, Topic.MEMBER, Topic.VISIT, Topic.SETTING}
PENDING, DONE = RectificationStatus.PENDING.value, RectificationStatus.DONE.value


def _code(enum, text: str) -> str:
    """The code for a label or code; other text (e.g. 未立整改's "none") passes through."""
    try:
        return enum.from_label(text).value
    except ValueError:
        return text


class RectificationsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.views = QTabWidget(self)
        self.suggestions = SuggestionsView(context.ledger, self.views)
        self.rectifications = RectificationsView(context.ledger, self.views)
        self.views.addTab(self.suggestions, "意见建议")
        self.views.addTab(self.rectifications, "整改台账")
        layout = QVBoxLayout(self)
        layout.addWidget(self.views)
        self._build_buttons()
        context.watch(WATCHED, self._on_changed)
        context.reloaded.connect(self._on_reloaded)
        self.reload()

    def _build_buttons(self) -> None:
        s, r = self.suggestions, self.rectifications
        self.add_suggestion_button = s.add_button("新增意见", self.add_suggestion)
        self.edit_suggestion_button = s.add_button("修改", self.edit_suggestion)
        self.delete_suggestion_button = s.add_button("删除", self.delete_suggestion)
        self.rectify_button = s.add_button("立整改…", self.rectify)
        self.collect_button = s.add_button("从家访记录汇总", self.collect, stretch_before=True)
        s.activated.connect(self.edit_suggestion)
        s.selection_changed.connect(self._update_suggestion_buttons)

        self.edit_rectification_button = r.add_button("修改", self.edit_rectification)
        self.start_button = r.add_button("开始整改", self.start)
        self.complete_button = r.add_button("完成整改…", self.complete)
        self.publish_button = r.add_button("公示…", self.publish)
        self.reopen_button = r.add_button("重新整改", self.reopen)
        self.delete_rectification_button = r.add_button("删除整改", self.delete_rectification, stretch_before=True)
        r.activated.connect(self.edit_rectification)
        r.selection_changed.connect(self._update_rectification_buttons)

    # --- refresh ----------------------------------------------------------
    def reload(self) -> None:
        self.suggestions.reload()
        self.rectifications.reload()

    def _on_changed(self, topics: frozenset[Topic]) -> None:
        if Topic.SETTING in topics:
            self.suggestions.fill_periods()
            self.rectifications.fill_periods()
        self.reload()

    def _on_reloaded(self) -> None:
        for view in (self.suggestions, self.rectifications):
            view.ledger = self.context.ledger
            view.fill_periods()
        self.reload()

    def show_filtered(self, *, overdue: bool = False, status: str | None = None, category: str | None = None,
                      period: Period | None = None, view: str | None = None) -> None:
        """Dashboard click-through: status is a RectificationStatus code (or label); overdue=True
        shows the overdue ones; view="suggestions" opens the 意见建议 view instead."""
        target = self.suggestions if view == "suggestions" else self.rectifications
        self.views.setCurrentWidget(target)
        if period is not None:
            target.set_period(period)
        if status:
            status = _code(RectificationStatus, status)
        if category:
            category = _code(SuggestionCategory, category)
        target.set_filters(status=OVERDUE if overdue else (status or ALL), category=category or ALL, search="")

    def show_record(self, kind: SearchKind, record_id: int, when=None) -> bool:
        """A search result: every period and status, the suggestion or rectification selected."""
        view = self.suggestions if kind is SearchKind.SUGGESTION else self.rectifications
        self.views.setCurrentWidget(view)
        view.set_period(None)
        view.set_filters(status=ALL, category=ALL, search="")
        return select_record(view.table, record_id)

    # --- helpers ----------------------------------------------------------
    def _open(self, dialog: QDialog, view: LedgerView, record_id: int | None = None) -> QDialog:
        """Open window-modal without blocking; the tables reload from the change signal once it saves,
        then `view` shows the saved record (`record_id`, else the one the dialog saved) and selects it."""
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.accepted.connect(lambda: view.bring_into_view(record_id or dialog.saved_id))
        dialog.open()
        return dialog

    def _one(self, view) -> object | None:
        rows = view.selected()
        return rows[0] if len(rows) == 1 else None

    # --- suggestions ------------------------------------------------------
    def _update_suggestion_buttons(self) -> None:
        row = self._one(self.suggestions)
        self.edit_suggestion_button.setEnabled(row is not None)
        self.delete_suggestion_button.setEnabled(row is not None)
        self.rectify_button.setEnabled(row is not None and row.rectification_id is None)

    def add_suggestion(self) -> None:
        self._open(SuggestionDialog(self.context.ledger, self), self.suggestions)

    def edit_suggestion(self) -> None:
        row = self._one(self.suggestions)
        if row is not None:
            self._open(SuggestionDialog(self.context.ledger, self, row.id), self.suggestions)

    def delete_suggestion(self) -> None:
        row = self._one(self.suggestions)
        if row is None:
            return
        text = f"删除这条意见建议？\n\n{row.content}"
        if row.rectification_id is not None:
            text += f"\n\n它的整改（{row.status_label}）也会一并删除。"
        if messages.confirm(self, "删除意见建议", text, danger=True):
            run_service(self, "无法删除", lambda: service.delete_suggestion(self.context.ledger, row.id))

    def rectify(self) -> None:
        row = self._one(self.suggestions)
        if row is None:
            return
        if row.rectification_id is not None:
            messages.info(self, "立整改", "这条意见建议已经立了整改，请在“整改台账”中查看。")
            return
        self._open(RectificationDialog(self.context.ledger, self, suggestion_id=row.id), self.suggestions, row.id)

    def collect(self) -> None:
        period = self.suggestions.period.currentData()
        result = None

        def run() -> None:
            nonlocal result
            result = service.collect_from_visits(self.context.ledger, period)

        if run_service(self, "无法汇总", run):
            where = self.suggestions.period.currentText()
            messages.info(self, "从家访记录汇总", f"{where}：{result.message}")
            self.views.setCurrentWidget(self.suggestions)

    # --- rectifications ---------------------------------------------------
    def _update_rectification_buttons(self) -> None:
        row = self._one(self.rectifications)
        status = row.status if row else None
        self.edit_rectification_button.setEnabled(row is not None)
        self.start_button.setEnabled(status == PENDING)
        self.complete_button.setEnabled(status is not None and status != DONE)
        self.publish_button.setEnabled(row is not None)
        self.reopen_button.setEnabled(status == DONE)
        self.delete_rectification_button.setEnabled(row is not None)

    def edit_rectification(self) -> None:
        row = self._one(self.rectifications)
        if row is not None:
            self._open(RectificationDialog(self.context.ledger, self, rectification_id=row.id), self.rectifications)

    def start(self) -> None:
        row = self._one(self.rectifications)
        if row is not None:
            run_service(self, "无法开始整改", lambda: service.start_rectification(self.context.ledger, row.id))

    def complete(self) -> None:
        row = self._one(self.rectifications)
        if row is not None:
            self._open(CompleteDialog(self.context.ledger, row.id, row.measure, self), self.rectifications)

    def publish(self) -> None:
        row = self._one(self.rectifications)
        if row is not None:
            self._open(PublishDialog(self.context.ledger, row.id, row.published_on, self), self.rectifications)

    def reopen(self) -> None:
        row = self._one(self.rectifications)
        if row is None:
            return
        if messages.confirm(self, "重新整改", f"把这条已完成的整改改回“整改中”？完成日期将被清除。\n\n{row.measure}"):
            run_service(self, "无法重新整改", lambda: service.reopen_rectification(self.context.ledger, row.id))

    def delete_rectification(self) -> None:
        row = self._one(self.rectifications)
        if row is None:
            return
        if messages.confirm(self, "删除整改", f"删除这条整改？意见建议本身会保留。\n\n{row.measure}", danger=True):
            run_service(self, "无法删除", lambda: service.delete_rectification(self.context.ledger, row.id))
