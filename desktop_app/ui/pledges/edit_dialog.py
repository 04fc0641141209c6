"""Writing or editing a pledge: who, which kind and year, 对标, the items (one per line), date signed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)

from desktop_app.domain.pledges import (
    BRANCH_OWNER_LABEL, COMMON_STANDARDS, PledgeData, PledgeKind, PledgeStatus, content_items_from_text,
    content_text,
)
from desktop_app.services import pledges as svc
from desktop_app.store.events import Topic
from desktop_app.services.pledges import PledgeRow
from desktop_app.store.ledger import Ledger
from desktop_app.ui.pledges.common import nearby_school_years, ok_cancel
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_problems import ProblemBanner, run_or_show
from desktop_app.ui.widgets.member_picker import MemberPicker
from desktop_app.ui.widgets.form_dialog import FormDialog


class PledgeDialog(FormDialog):
    """New pledge when `pledge` is None; otherwise edits it. Saves through the services on OK."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None, *, pledge: PledgeRow | None = None,
                 school_year: str = "", member_id: int | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self._pledge = pledge
        self.saved_id: int | None = None
        self.setWindowTitle("修改承诺" if pledge else "写承诺")
        self.setMinimumWidth(520)

        self.kind = EnumCombo(PledgeKind, self)
        self.member = MemberPicker(ledger, self, include_left=pledge is not None)
        self.school_year = QComboBox(self)
        self.school_year.setEditable(True)
        year = pledge.school_year if pledge else school_year
        self.school_year.addItems(nearby_school_years(year))
        self.standard = QComboBox(self)
        self.standard.setEditable(True)
        self.standard.addItems(["", *COMMON_STANDARDS])
        self.standard.lineEdit().setPlaceholderText("如 五个模范、党员标兵，可留空")
        self.content = QPlainTextEdit(self)
        self.content.setPlaceholderText("每行一条承诺事项，例如：\n每学期上好一节示范课\n结对帮扶一名青年教师")
        self.content.setMinimumHeight(150)
        self.signed_date = OptionalDateEdit(self)

        form = QFormLayout()
        form.addRow("承诺类型", self.kind)
        form.addRow("承诺人", self.member)
        form.addRow("学年", self.school_year)
        form.addRow("对标", self.standard)
        form.addRow("承诺内容", self.content)
        form.addRow("签订日期", self.signed_date)
        self.problems = ProblemBanner(self)
        self.problems.register_form(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        if pledge and pledge.status != PledgeStatus.DRAFT.value:
            note = QLabel(f"此承诺状态为“{pledge.status_label}”，修改后的内容将替换已公示的内容。", self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "保存"))

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.kind.set_code(PledgeKind.POST.value)
        self.school_year.setCurrentText(year or self.school_year.itemText(0))
        if pledge:
            self.track(ledger, Topic.PLEDGE, pledge.id, lambda: self._show(svc.get_pledge(ledger, pledge.id)))
        elif member_id is not None:
            self.member.set_member_id(member_id)
        self._on_kind_changed()

    def _show(self, pledge: PledgeRow) -> None:
        self.kind.set_code(pledge.kind)
        self.school_year.setCurrentText(pledge.school_year)
        self.member.set_member_id(pledge.member_id)
        self.standard.setCurrentText(pledge.standard)
        self.content.setPlainText(content_text(pledge.content_items))
        self.signed_date.set_date(pledge.signed_date)
        self._on_kind_changed()

    def _on_kind_changed(self) -> None:
        is_branch = self.kind.currentData() == PledgeKind.BRANCH.value
        self.member.setEnabled(not is_branch)
        if is_branch:
            self.member.set_member_id(None)
            self.member.lineEdit().setPlaceholderText(BRANCH_OWNER_LABEL)
        else:
            self.member.lineEdit().setPlaceholderText("输入姓名查找")

    def data(self) -> PledgeData | None:
        """The entered pledge, or None after telling the user what is wrong with the form."""
        date_problem = self.signed_date.problem()
        problems = [p for p in (self.member.problem("承诺人"), date_problem and f"签订日期：{date_problem}") if p]
        self.problems.show_texts(problems)
        if problems:
            return None
        return PledgeData(
            member_id=None if self.kind.currentData() == PledgeKind.BRANCH.value else self.member.member_id(),
            kind=self.kind.currentData(),
            school_year=self.school_year.currentText().strip(),
            standard=self.standard.currentText().strip(),
            content_items=content_items_from_text(self.content.toPlainText()),
            signed_date=self.signed_date.date(),
        )

    def accept(self) -> None:
        data = self.data()
        if data is None:
            return
        if self._pledge is None:
            def save():
                self.saved_id = svc.write_pledge(self._ledger, data)
        else:
            def save():
                svc.update_pledge(self._ledger, self._pledge.id, data)
                self.saved_id = self._pledge.id
        if run_or_show(self.problems, self.windowTitle(), save):
            super().accept()
