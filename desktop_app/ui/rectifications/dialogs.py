"""Dialogs of the 整改 tab: a suggestion, a rectification, completing one and publishing one.

Each dialog saves through the services itself and stays open when the input is refused,
showing every problem with the field it concerns, so nothing typed is lost.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from desktop_app.domain.dates import format_date
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.rectifications import (
    RectificationData, RectificationStatus, SuggestionCategory, SuggestionData, SuggestionSource,
    guess_category,
)
from desktop_app.services import rectifications as service
from desktop_app.services.errors import ValidationError
from desktop_app.services.members import members_by_name
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_problems import ProblemBanner, save_or_show
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.store.events import Topic


def _text_box(parent: QWidget, placeholder: str, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def _date_problem(edit: OptionalDateEdit, label: str) -> tuple[date | None, FieldProblem | None]:
    try:
        return edit.date(), None
    except ValueError as exc:
        return None, FieldProblem(label, str(exc))


class _SavingDialog(FormDialog):
    """OK runs `save()`; a refusal is shown and the dialog stays open."""

    title_on_error = "无法保存"

    def __init__(self, ledger: Ledger, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.ledger = ledger
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.DontWrapRows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.problems = ProblemBanner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.saved_id: int | None = None

    def save(self) -> int | None:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def _on_ok(self) -> None:
        def write() -> None:
            self.saved_id = self.save()

        self.problems.register_form(self.form)
        save_or_show(self, self.problems, self.title_on_error, write)

    @staticmethod
    def _raise_if(problems: list[FieldProblem]) -> None:
        if problems:
            raise ValidationError(problems)


class SuggestionDialog(_SavingDialog):
    """新增/修改意见建议."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None, suggestion_id: int | None = None):
        super().__init__(ledger, "修改意见建议" if suggestion_id else "新增意见建议", parent)
        self.suggestion_id = suggestion_id
        self.content = _text_box(self, "家长、教师或学生提出的意见和建议", 90)
        self.category = EnumCombo(SuggestionCategory, self)
        self.source = EnumCombo(SuggestionSource, self)
        self.raised_by = QLineEdit(self)
        self.raised_by.setPlaceholderText("如 高一(2)班张小明家长、语文组教师")
        self.raised_on = OptionalDateEdit(self, placeholder="如 2025-10-08")
        self.recorder = MemberPicker(ledger, self, include_left=True, placeholder="记录人，可留空")
        self.form.addRow("意见内容*", self.content)
        self.form.addRow("类别*", self.category)
        self.form.addRow("来源*", self.source)
        self.form.addRow("提出人", self.raised_by)
        self.form.addRow("提出日期*", self.raised_on)
        self.form.addRow("记录人", self.recorder)
        self._origin = QLabel("由家访记录汇总而来", self)
        self.form.addRow("出处", self._origin)
        self.form.setRowVisible(self._origin, False)
        self._visit_id: int | None = None
        if suggestion_id:
            self.track(ledger, Topic.SUGGESTION, suggestion_id,
                       lambda: self._load(service.get_suggestion(ledger, suggestion_id)))
        else:
            self.category.set_code(SuggestionCategory.OTHER.value)
            self.source.set_code(SuggestionSource.DIRECT.value)
            self.raised_on.set_date(date.today())
            # Until the user picks a category, offer the one the words point to.
            self._category_picked = False
            self.category.activated.connect(self._on_category_picked)
            self.content.textChanged.connect(self._suggest_category)
        self.resize(520, self.sizeHint().height())

    def _on_category_picked(self, _index: int) -> None:
        self._category_picked = True

    def _suggest_category(self) -> None:
        if not self._category_picked:
            self.category.set_code(guess_category(self.content.toPlainText()).value)

    def _load(self, data: SuggestionData) -> None:
        self.content.setPlainText(data.content)
        self.category.set_code(data.category)
        self.source.set_code(data.source)
        self.raised_by.setText(data.raised_by or "")
        self.raised_on.set_date(data.raised_on)
        self.recorder.set_member_id(data.recorder_id)
        self._visit_id = data.visit_id
        self.form.setRowVisible(self._origin, bool(data.visit_id))

    def save(self) -> int:
        raised_on, date_problem = _date_problem(self.raised_on, "提出日期")
        problems = [p for p in (date_problem,) if p]
        recorder_problem = self.recorder.problem("记录人")
        if recorder_problem:
            field, _, message = recorder_problem.partition("：")
            problems.append(FieldProblem(field, message))
        self._raise_if(problems)
        data = SuggestionData(
            content=self.content.toPlainText(), category=self.category.currentData(),
            source=self.source.currentData(), raised_by=self.raised_by.text(), raised_on=raised_on,
            recorder_id=self.recorder.member_id(), visit_id=self._visit_id,
        )
        if self.suggestion_id:
            service.update_suggestion(self.ledger, self.suggestion_id, data)
            return self.suggestion_id
        return service.add_suggestion(self.ledger, data)


class RectificationDialog(_SavingDialog):
    """立整改 for a suggestion, or 修改整改 of an existing rectification."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None, *, suggestion_id: int | None = None,
                 rectification_id: int | None = None):
        super().__init__(ledger, "修改整改" if rectification_id else "立整改", parent)
        self.rectification_id = rectification_id
        self.suggestion_id = suggestion_id
        self.status = RectificationStatus.PENDING.value
        self.suggestion_text = QLabel(self)
        self.suggestion_text.setWordWrap(True)
        self.target = QLineEdit(self)
        self.target.setPlaceholderText("整改要达到的目标，可留空")
        self.measure = _text_box(self, "具体的整改措施（整改方式）")
        self.responsible_unit = QLineEdit(self)
        self.responsible_unit.setPlaceholderText("如 总务处、政教处")
        self.responsible = MemberPicker(ledger, self, include_left=True, placeholder="责任人，可输入名册外的姓名")
        self.deadline = OptionalDateEdit(self, placeholder="如 2025-12-31")
        self.status_label = QLabel(RectificationStatus.PENDING.label, self)
        self.completed_on = OptionalDateEdit(self)
        self.result = _text_box(self, "整改完成后的结果", 60)
        self.published_on = OptionalDateEdit(self)
        self.form.addRow("意见内容", self.suggestion_text)
        self.form.addRow("整改目标", self.target)
        self.form.addRow("整改措施*", self.measure)
        self.form.addRow("责任单位", self.responsible_unit)
        self.form.addRow("责任人", self.responsible)
        self.form.addRow("整改期限*", self.deadline)
        self.form.addRow("整改状态", self.status_label)
        self.form.addRow("完成日期", self.completed_on)
        self.form.addRow("整改结果", self.result)
        self.form.addRow("公示日期", self.published_on)
        if rectification_id:
            self.track(ledger, Topic.RECTIFICATION, rectification_id,
                       lambda: self._load(service.get_rectification(ledger, rectification_id)))
        else:
            self.suggestion_text.setText(service.get_suggestion(ledger, suggestion_id).content)
            self._follow_status()
        self.resize(560, self.sizeHint().height())

    def _follow_status(self) -> None:
        done = self.status == RectificationStatus.DONE.value
        for widget in (self.completed_on, self.result):
            widget.setEnabled(done)
            widget.setToolTip("" if done else "完成整改时填写（用“完成整改”按钮）")

    def _load(self, data: RectificationData) -> None:
        row = service.rectification_row(self.ledger, self.rectification_id)
        self.suggestion_id = row.suggestion_id
        self.suggestion_text.setText(row.suggestion)
        self.status = data.status
        self.status_label.setText(RectificationStatus.label_of(data.status))
        self.target.setText(data.target or "")
        self.measure.setPlainText(data.measure)
        self.responsible_unit.setText(data.responsible_unit or "")
        if data.responsible_member_id:
            self.responsible.set_member_id(data.responsible_member_id)
        else:
            self.responsible.setEditText(data.responsible_name or "")
        self.deadline.set_date(data.deadline)
        self.completed_on.set_date(data.completed_on)
        self.result.setPlainText(data.result or "")
        self.published_on.set_date(data.published_on)
        self._follow_status()

    def save(self) -> int:
        problems = []
        values = {}
        for name, label in (("deadline", "整改期限"), ("completed_on", "完成日期"), ("published_on", "公示日期")):
            values[name], problem = _date_problem(getattr(self, name), label)
            if problem:
                problems.append(problem)
        member_id = self.responsible.member_id()
        typed = self.responsible.currentText().strip()
        if member_id is None and typed:
            namesakes = len(members_by_name(self.ledger).get(typed, []))
            if namesakes > 1:  # a bare name shared by several people must be picked from the list
                problems.append(FieldProblem("责任人", f"有{namesakes}人名为“{typed}”，请从列表中选择（带部门的那一项）"))
        self._raise_if(problems)
        data = RectificationData(
            measure=self.measure.toPlainText(), target=self.target.text(),
            responsible_unit=self.responsible_unit.text(), responsible_member_id=member_id,
            responsible_name=None if member_id else self.responsible.currentText(),
            status=self.status, result=self.result.toPlainText(), **values,
        )
        if self.rectification_id:
            service.update_rectification(self.ledger, self.rectification_id, data)
            return self.rectification_id
        return service.add_rectification(self.ledger, self.suggestion_id, data)


class CompleteDialog(_SavingDialog):
    """完成整改: the completion date (today unless changed) and the result."""

    title_on_error = "无法完成整改"

    def __init__(self, ledger: Ledger, rectification_id: int, measure: str, parent: QWidget | None = None):
        super().__init__(ledger, "完成整改", parent)
        self.rectification_id = rectification_id
        shown = QLabel(measure, self)
        shown.setWordWrap(True)
        self.completed_on = OptionalDateEdit(self, placeholder="如 2025-12-20")
        self.completed_on.set_date(date.today())
        self.result = _text_box(self, "整改做了什么、效果如何", 80)
        self.form.addRow("整改措施", shown)
        self.form.addRow("完成日期*", self.completed_on)
        self.form.addRow("整改结果*", self.result)
        self.resize(480, self.sizeHint().height())

    def save(self) -> int:
        completed_on, problem = _date_problem(self.completed_on, "完成日期")
        self._raise_if([problem] if problem else [])
        service.complete_rectification(self.ledger, self.rectification_id, completed_on, self.result.toPlainText())
        return self.rectification_id


class PublishDialog(_SavingDialog):
    """公示: the day the rectification was posted for teachers and students."""

    title_on_error = "无法公示"

    def __init__(self, ledger: Ledger, rectification_id: int, published_on: date | None, parent: QWidget | None = None):
        super().__init__(ledger, "公示整改", parent)
        self.rectification_id = rectification_id
        self.published_on = OptionalDateEdit(self, placeholder="如 2025-12-20")
        self.published_on.set_date(published_on or date.today())
        note = QLabel("记录向师生公示（公示栏、校报、电子屏、网络）的日期。" if not published_on
                      else f"已于 {format_date(published_on)} 公示，可修改公示日期。", self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow("公示日期*", self.published_on)
        self.resize(420, self.sizeHint().height())

    def save(self) -> int:
        published_on, problem = _date_problem(self.published_on, "公示日期")
        self._raise_if([problem] if problem else [])
        service.publish_rectification(self.ledger, self.rectification_id, published_on)
        return self.rectification_id
