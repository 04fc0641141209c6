"""The dialog's five pages, one per stage: a date per step and, beside some steps, what they name."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain.development.record import Publication
from desktop_app.domain.development.rules import EXTENSION_MONTHS
from desktop_app.domain.development.steps import STEPS, Stage, Step, stage_steps
from desktop_app.services.development.mapping import DevelopmentInput
from desktop_app.store.ledger import Ledger
from desktop_app.ui.development.fields import DateListField, PersonField, VoteField, optional_hours, set_spin, spin_value
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.form_problems import ProblemBanner


STAGE_TITLES = {Stage.APPLICATION: "申请入党", Stage.ACTIVIST: "积极分子", Stage.TARGET: "发展对象",
                Stage.ADMISSION: "接收预备党员", Stage.PROBATION: "考察和转正"}


def _pair(parent: QWidget, *widgets: QWidget, between: str = "至") -> QWidget:
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        if index:
            row.addWidget(QLabel(between, box))
        row.addWidget(widget, 1)
    return box


class StepPages(QObject):
    """Owns every input of the steps; `pages` are added to the dialog's tabs; `changed` on any edit."""

    changed = Signal()

    def __init__(self, ledger: Ledger, parent: QWidget, banner: ProblemBanner):
        super().__init__(parent)
        self.dates = {step: OptionalDateEdit(parent, placeholder="日期，可留空") for step in Step}
        self.interviewer = PersonField(ledger, parent, "谈话人")
        self.contacts = [PersonField(ledger, parent, f"培养联系人{i}") for i in (1, 2)]
        self.introducers = [PersonField(ledger, parent, f"入党介绍人{i}") for i in (1, 2)]
        self.assessments = DateListField(parent)
        self.training_end = OptionalDateEdit(parent, placeholder="结束日期")
        self.training_hours = optional_hours(parent)
        self.target_publication = (OptionalDateEdit(parent, placeholder="公示开始"),
                                   OptionalDateEdit(parent, placeholder="公示结束"))
        self.full_publication = (OptionalDateEdit(parent, placeholder="公示开始"),
                                 OptionalDateEdit(parent, placeholder="公示结束"))
        self.admission_vote, self.full_vote = VoteField(parent), VoteField(parent)
        self.extension = QComboBox(parent)
        self.extension.addItem("不延长", None)
        for months in EXTENSION_MONTHS:
            self.extension.addItem(f"延长 {months} 个月", months)
        self.extension_reason = QLineEdit(parent)
        self.extension_reason.setPlaceholderText("延长原因")
        extras = {
            Step.TALK: [("谈话人", self.interviewer)],
            Step.CONTACTS: [("培养联系人", _pair(parent, *self.contacts, between="、"))],
            Step.ASSESSMENT: [("历次考察", self.assessments)],
            Step.INTRODUCERS: [("入党介绍人", _pair(parent, *self.introducers, between="、"))],
            Step.TRAINING: [("培训结束·学时", _pair(parent, self.training_end, self.training_hours, between=""))],
            Step.PRE_REVIEW: [("发展对象公示", _pair(parent, *self.target_publication))],
            Step.ASSEMBLY: [("表决（有表决权）", self.admission_vote)],
            Step.PROBATION_EDUCATION: [("延长预备期", _pair(parent, self.extension, self.extension_reason, between=""))],
            Step.FULL_ASSEMBLY: [("表决（有表决权）", self.full_vote)],
            Step.FULL_APPROVAL: [("转正公示", _pair(parent, *self.full_publication))],
        }
        self.pages: list[tuple[str, QWidget]] = []
        for number, stage in enumerate(Stage, start=1):
            page = QWidget(parent)
            form = QFormLayout(page)
            for step in stage_steps(stage):
                form.addRow(step.numbered, self.dates[step])
                banner.register(step.numbered, self.dates[step])
                for label, widget in extras.get(step, []):
                    form.addRow(f"　　{label}", widget)
            self.pages.append((f"{number}. {STAGE_TITLES[stage]}", page))
        for edit in [*self.dates.values(), self.training_end, *self.target_publication, *self.full_publication]:
            edit.changed.connect(self.changed)
        for field in (self.interviewer, *self.contacts, *self.introducers):
            field.memberChanged.connect(lambda *_: self.changed.emit())
        self.changed.connect(self._follow_order)
        for signal in (self.assessments.textChanged, self.training_hours.valueChanged, self.admission_vote.changed,
                       self.full_vote.changed, self.extension.currentIndexChanged):
            signal.connect(lambda *_: self.changed.emit())

    def _follow_order(self) -> None:
        """A blank step waits for the milestone it depends on: the steps are entered in order."""
        for step, edit in self.dates.items():
            needed = STEPS[step].requires
            ready = needed is None or bool(self.dates[needed].line_edit.text().strip()) or bool(edit.line_edit.text())
            edit.setEnabled(ready)
            edit.setToolTip("" if ready else f"请先填写{needed.numbered}")

    def fill(self, data: DevelopmentInput) -> None:
        for step, edit in self.dates.items():
            edit.set_date(data.dates.get(step))
        self.interviewer.set_ref(data.interviewer)
        for fields, refs in ((self.contacts, data.contacts), (self.introducers, data.introducers)):
            for index, field in enumerate(fields):
                field.set_ref(refs[index] if index < len(refs) else None)
        self.assessments.set_dates(data.assessments)
        self.training_end.set_date(data.training_end)
        set_spin(self.training_hours, data.training_hours)
        for edits, publication in ((self.target_publication, data.target_publication),
                                   (self.full_publication, data.full_publication)):
            edits[0].set_date(publication.start)
            edits[1].set_date(publication.end)
        self.admission_vote.set_vote(data.admission_vote)
        self.full_vote.set_vote(data.full_vote)
        self.extension.setCurrentIndex(max(0, self.extension.findData(data.extension_months)))
        self.extension_reason.setText(data.extension_reason or "")

    def read(self, data: DevelopmentInput) -> list[tuple[str, str]]:
        """Fill `data` from the inputs; returns (field, reason) for what is typed but unreadable."""
        problems: list[tuple[str, str]] = []

        def day(label: str, edit: OptionalDateEdit):
            try:
                return edit.date()
            except ValueError as exc:
                problems.append((label, str(exc)))
                return None

        data.dates = {step: d for step, edit in self.dates.items() if (d := day(step.numbered, edit))}
        try:
            data.assessments = self.assessments.dates()
        except ValueError as exc:
            problems.append((Step.ASSESSMENT.numbered, f"历次考察：{exc}"))
        data.interviewer = self.interviewer.ref()
        data.contacts = [r for f in self.contacts if (r := f.ref())]
        data.introducers = [r for f in self.introducers if (r := f.ref())]
        for label, field in [("谈话人", self.interviewer), *(("培养联系人", f) for f in self.contacts),
                             *(("入党介绍人", f) for f in self.introducers)]:
            reason = field.problem(label)
            if reason:
                problems.append((label, reason.split("：", 1)[1]))
        data.training_end = day(Step.TRAINING.numbered, self.training_end)
        data.training_hours = spin_value(self.training_hours)
        data.target_publication = Publication(day(Step.PRE_REVIEW.numbered, self.target_publication[0]),
                                              day(Step.PRE_REVIEW.numbered, self.target_publication[1]))
        data.full_publication = Publication(day(Step.FULL_APPROVAL.numbered, self.full_publication[0]),
                                            day(Step.FULL_APPROVAL.numbered, self.full_publication[1]))
        data.admission_vote = self.admission_vote.vote()
        data.full_vote = self.full_vote.vote()
        data.extension_months = self.extension.currentData()
        data.extension_reason = self.extension_reason.text()
        return problems
