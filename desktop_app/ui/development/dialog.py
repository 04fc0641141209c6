"""One person's 发展党员 record: the steps stage by stage, refusals on top, breaches listed below."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QPlainTextEdit, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from desktop_app.domain.problems import FieldProblem
from desktop_app.services import cultivation
from desktop_app.services.development import queries
from desktop_app.services.development.commands import OWNER_KIND, save_development
from desktop_app.services.development.mapping import DevelopmentInput
from desktop_app.store.ledger import Ledger
from desktop_app.ui.development.step_pages import StepPages
from desktop_app.ui.widgets.attachments_panel import AttachmentsPanel
from desktop_app.ui.widgets.form_problems import ProblemBanner, lay_out_form, save_or_show
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.store.events import Topic

BREACHES_MAX_HEIGHT = 96  # many breaches scroll; 保存 stays in sight
_BREACH_STYLE = "QLabel { background: #fff8e1; color: #6d4c00; border: 1px solid #ffe082; border-radius: 3px; padding: 4px; }"


class DevelopmentDialog(FormDialog):
    """Start a record (record_id None; optionally for `member_id`) or continue one; `saved_id` after accept."""

    def __init__(self, ledger: Ledger, record_id: int | None = None, parent: QWidget | None = None, *,
                 member_id: int | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.record_id = record_id
        self.saved_id: int | None = None
        self.setWindowTitle("发展党员全程纪实" if record_id else "新增发展党员记录")
        self.problems = ProblemBanner(self)
        self.member = MemberPicker(ledger, self, placeholder="申请人姓名")
        self.member.memberChanged.connect(self._fill_plans)
        self.plan = QComboBox(self)
        self.steps = StepPages(ledger, self, self.problems)
        self.steps.changed.connect(self.refresh_breaches)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("备注（材料存放、特殊情况说明等）")
        self.tabs = QTabWidget(self)
        for title, page in self.steps.pages:
            self.tabs.addTab(_scrolled(page), title)
        self.tabs.addTab(self.notes, "备注")
        self.attachments = AttachmentsPanel(ledger, OWNER_KIND, record_id, self)
        self.tabs.addTab(self.attachments, self.attachments.total_label())
        self.attachments.changed.connect(
            lambda: self.tabs.setTabText(self.tabs.indexOf(self.attachments), self.attachments.total_label()))
        self.breaches = QLabel(self)
        self.breaches.setWordWrap(True)
        self.breaches.setTextFormat(Qt.RichText)
        self.breaches.setStyleSheet(_BREACH_STYLE)
        head = QFormLayout()
        star = " <span style='color:#c62828'>*</span>"
        head.addRow(QLabel("姓名" + star), self.member)
        head.addRow("来自培养计划", self.plan)
        self.problems.register("姓名", self.member)
        body = QVBoxLayout()
        body.addLayout(head)
        body.addWidget(self.tabs, 1)
        breaches_area = QScrollArea(self)
        breaches_area.setWidgetResizable(True)
        breaches_area.setFrameShape(QScrollArea.NoFrame)
        breaches_area.setWidget(self.breaches)
        self.breaches_area = breaches_area
        body.addWidget(breaches_area)
        self.save_button = lay_out_form(self, self.problems, body, self.save)
        self.resize(820, 540)
        if record_id is not None:
            self.track(ledger, Topic.DEVELOPMENT, record_id, lambda: self._show(queries.get_development(ledger, record_id)))
        else:
            self.member.set_member_id(member_id)
            self._fill_plans(member_id)
        self.steps.changed.emit()  # the order of the steps and the breaches, for what was filled in

    def _show(self, row) -> None:
        self.member.set_member_id(row.member_id)
        self.member.setEnabled(False)
        self._fill_plans(row.member_id, row.data.cultivation_id)
        self.steps.fill(row.data)
        self.notes.setPlainText(row.data.notes or "")
        self.tabs.setCurrentIndex(list(type(row.stage)).index(row.stage))
        self.steps.changed.emit()

    def _fill_plans(self, member_id: int | None, chosen: int | None = None) -> None:
        self.plan.clear()
        self.plan.addItem("（无）", None)
        if member_id is not None:
            for plan in cultivation.list_cultivations(self._ledger, member_id):
                self.plan.addItem(f"{plan.kind_label}：{plan.target or plan.stage or plan.start_date or ''}", plan.id)
        self.plan.setCurrentIndex(max(0, self.plan.findData(chosen)))

    def data(self) -> tuple[DevelopmentInput, list[FieldProblem]]:
        data = DevelopmentInput(member_id=self.member.member_id(), cultivation_id=self.plan.currentData(),
                                notes=self.notes.toPlainText(), new_attachments=self.attachments.new_files(),
                                removed_attachment_ids=self.attachments.removed_ids())
        problems = [FieldProblem(label, reason) for label, reason in self.steps.read(data)]
        reason = self.member.problem("姓名")
        if reason:
            problems.append(FieldProblem("姓名", reason.split("：", 1)[1]))
        return data, problems

    def breach_texts(self) -> list[str]:
        return self._breach_texts

    def refresh_breaches(self) -> None:
        data, problems = self.data()
        self._breach_texts = [] if problems else [str(b) for b in queries.evaluate_input(self._ledger, data)]
        items = "".join(f"<li>{escape(text)}</li>" for text in self._breach_texts)
        self.breaches.setText(f"<b>未遵守的规定（可以保存，保存后列为问题）：</b><ul style='margin:0'>{items}</ul>")
        self.breaches_area.setVisible(bool(self._breach_texts))
        self._fit_breaches()

    def _fit_breaches(self) -> None:
        """As tall as the list, up to the area's maximum (then it scrolls)."""
        width = max(300, self.width() - 30)  # the dialog's margins; the area itself may not be laid out yet
        self.breaches_area.setFixedHeight(min(self.breaches.heightForWidth(width) + 2, BREACHES_MAX_HEIGHT))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_breaches()

    def save(self) -> None:
        data, problems = self.data()
        if problems:
            self.problems.show_problems(problems)
            return
        save_or_show(self, self.problems, "未能保存", lambda: self._write(data))

    def _write(self, data: DevelopmentInput) -> None:
        self.saved_id = save_development(self._ledger, self.record_id, data)


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    area.setWidget(page)
    return area
