"""Recording 践诺评议: one pledge, or a meeting's review of many (one body and date, a grade each)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QScrollArea, QVBoxLayout, QWidget,
)

from desktop_app.domain.pledges import Review, ReviewBody, ReviewGrade
from desktop_app.services import pledges as svc
from desktop_app.services.pledges import PledgeRow, ReviewEntry
from desktop_app.store.ledger import Ledger
from desktop_app.ui.pledges.common import ok_cancel
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, run_or_show
from desktop_app.services.edits import expecting, opened
from desktop_app.store.events import Topic

CHOOSE = "请选择"
EXPLANATION_HINT = "评议为“一般”或“差”时必填"
EXPLANATION_HINT_SHORT = "一般/差时必填"


def _needs_explanation(grade_code: str | None) -> bool:
    return bool(grade_code) and ReviewGrade(grade_code).needs_explanation


class _MeetingFields:
    """The reviewing body and date, shared by both dialogs."""

    def __init__(self, dialog: QDialog, today: date | None):
        self.body = EnumCombo(ReviewBody, dialog, blank=CHOOSE)
        self.body.setCurrentIndex(1)  # 党员大会, the usual year-end review
        self.review_date = OptionalDateEdit(dialog, placeholder="如 2026-07-03")
        self.review_date.set_date(today or date.today())

    def date_problem(self) -> str | None:
        problem = self.review_date.problem()
        return f"评议日期：{problem}" if problem else None


class ReviewDialog(FormDialog):
    def __init__(self, ledger: Ledger, row: PledgeRow, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self._row = row
        self.setWindowTitle("践诺评议")
        self.setMinimumWidth(480)
        self.grade = EnumCombo(ReviewGrade, self, blank=CHOOSE)
        self.meeting = _MeetingFields(self, today)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText("评议意见，可留空")
        self.explanation = QPlainTextEdit(self)
        self.explanation.setPlaceholderText(EXPLANATION_HINT)
        self.explanation.setFixedHeight(80)
        self.explanation_label = QLabel("未践诺说明", self)
        who = self._who = QLabel(self)
        content = self._content = QLabel(self)
        content.setWordWrap(True)

        form = QFormLayout()
        form.addRow("承诺", who)
        form.addRow("承诺内容", content)
        form.addRow("评议等次", self.grade)
        form.addRow("评议主体", self.meeting.body)
        form.addRow("评议日期", self.meeting.review_date)
        form.addRow("评议意见", self.comment)
        form.addRow(self.explanation_label, self.explanation)
        self.problems = ProblemBanner(self)
        self.problems.register_form(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "记录评议"))
        self.grade.currentIndexChanged.connect(self._on_grade_changed)
        self._on_grade_changed()
        # The review is of the pledge as it is in the ledger now, and is refused if it changes meanwhile.
        self.track(ledger, Topic.PLEDGE, row.id, lambda: self._show(svc.get_pledge(ledger, row.id)))

    def _show(self, row: PledgeRow) -> None:
        self._who.setText(f"{row.owner_name} · {row.kind_label} · {row.school_year}学年")
        self._content.setText("；".join(row.content_items) or "（无承诺内容）")

    def _on_grade_changed(self) -> None:
        needed = _needs_explanation(self.grade.currentData())
        self.explanation_label.setText("未践诺说明 *" if needed else "未践诺说明")

    def accept(self) -> None:
        problem = self.meeting.date_problem()
        self.problems.show_texts([problem] if problem else [])
        if problem:
            return
        review = Review(self.grade.currentData(), self.meeting.body.currentData(), self.meeting.review_date.date(),
                        self.comment.text(), self.explanation.toPlainText())
        if run_or_show(self.problems, self.windowTitle(), lambda: svc.record_review(self._ledger, self._row.id, review)):
            super().accept()


class BatchReviewDialog(FormDialog):
    """One line per pledge with its grade (and explanation for 一般/差); one body and date for all."""

    def __init__(self, ledger: Ledger, rows: list[PledgeRow], parent: QWidget | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self._ledger = ledger
        # Each pledge as the ledger has it now (its version read first): the reviews are refused if
        # one changes before 记录评议.
        self._loaded = [opened(ledger, Topic.PLEDGE, row.id) for row in rows]
        self._rows = rows = [svc.get_pledge(ledger, row.id) for row in rows]
        self.setWindowTitle(f"批量评议（{len(rows)} 份承诺）")
        self.resize(900, 520)
        self.meeting = _MeetingFields(self, today)
        self.set_all = EnumCombo(ReviewGrade, self, blank="—")
        self.set_all.currentIndexChanged.connect(self._apply_to_all)

        top = QHBoxLayout()
        for label, widget in (("评议主体", self.meeting.body), ("评议日期", self.meeting.review_date),
                              ("全部设为", self.set_all)):
            top.addWidget(QLabel(label, self))
            top.addWidget(widget)
        top.addStretch(1)

        self.grades: list[QComboBox] = []
        self.explanations: list[QLineEdit] = []
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        for column, header in enumerate(("承诺人", "承诺类型", "承诺内容", "评议等次", "未践诺说明")):
            title = QLabel(f"<b>{header}</b>", grid_host)
            grid.addWidget(title, 0, column)
        for number, row in enumerate(rows, 1):
            grid.addWidget(QLabel(row.owner_name, grid_host), number, 0)
            grid.addWidget(QLabel(row.kind_label, grid_host), number, 1)
            content = QLabel(_short(row.content_summary), grid_host)
            content.setToolTip("\n".join(row.content_items))
            grid.addWidget(content, number, 2)
            grade = EnumCombo(ReviewGrade, grid_host, blank=CHOOSE)
            explanation = QLineEdit(grid_host)
            explanation.setPlaceholderText(EXPLANATION_HINT_SHORT)
            explanation.setMinimumWidth(220)
            grade.currentIndexChanged.connect(lambda _i, g=grade, e=explanation: self._on_grade(g, e))
            self._on_grade(grade, explanation)
            grid.addWidget(grade, number, 3)
            grid.addWidget(explanation, number, 4)
            self.grades.append(grade)
            self.explanations.append(explanation)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(rows) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(grid_host)

        self.problems = ProblemBanner(self)
        self.problems.register("评议日期", self.meeting.review_date)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(ok_cancel(self, "记录评议"))

    @staticmethod
    def _on_grade(grade: QComboBox, explanation: QLineEdit) -> None:
        explanation.setEnabled(_needs_explanation(grade.currentData()))

    def _apply_to_all(self) -> None:
        code = self.set_all.currentData()
        if code is None:
            return
        for grade in self.grades:
            grade.setCurrentIndex(grade.findData(code))

    def entries(self) -> list[ReviewEntry]:
        return [
            ReviewEntry(row.id, grade.currentData(),
                        explanation=explanation.text() if _needs_explanation(grade.currentData()) else "")
            for row, grade, explanation in zip(self._rows, self.grades, self.explanations)
        ]

    def accept(self) -> None:
        problem = self.meeting.date_problem()
        self.problems.show_texts([problem] if problem else [])
        if problem:
            return
        entries = self.entries()
        body, day = self.meeting.body.currentData(), self.meeting.review_date.date()
        def review() -> None:
            with expecting(*self._loaded):
                svc.record_reviews(self._ledger, entries, body, day)

        if run_or_show(self.problems, self.windowTitle(), review):
            super().accept()


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

