"""The 考核 tab: 学期考核, 学年结果, 五个好, 荣誉 and 审批记录 for one school year."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.calendar import school_year_label, school_year_of
from desktop_app.services.evaluations.locks import locks_for
from desktop_app.services.evaluations.queries import evaluated_years
from desktop_app.services.edits import expecting
from desktop_app.services.evaluations.schemes import save_scheme, scheme_to_edit
from desktop_app.services.evaluations.sources import FactsCache
from desktop_app.services.settings import configured_school_years
from desktop_app.store.events import Topic
from desktop_app.ui.context import AppContext
from desktop_app.ui.evaluations.audit_panel import AuditPanel
from desktop_app.ui.evaluations.branch_panel import BranchPanel
from desktop_app.ui.evaluations.honours_panel import HonoursPanel
from desktop_app.ui.evaluations.scheme_dialog import SchemeDialog
from desktop_app.ui.evaluations.semester_panel import SemesterPanel
from desktop_app.ui.evaluations.year_panel import YearPanel

# Scores follow pledges, observations, visits and meetings until a result is approved.
RELOAD_TOPICS = {Topic.EVALUATION, Topic.HONOUR, Topic.MEMBER, Topic.SCHOOL_CLASS, Topic.PLEDGE, Topic.OBSERVATION,
                 Topic.VISIT, Topic.MEETING, Topic.SETTING}
# Changes that alter what the records say (the facts behind computed indicators).
RECORD_TOPICS = RELOAD_TOPICS - {Topic.EVALUATION, Topic.HONOUR}


def year_choices(ledger, today: date | None = None) -> list[str]:
    """Configured years and the current one, plus the year before (evaluations often look back)."""
    current = school_year_of(today or date.today())
    years = set(configured_school_years(ledger, today)) | {school_year_label(int(current[:4]) - 1)}
    years |= evaluated_years(ledger)
    return sorted(years, reverse=True)


class EvaluationsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.year_box = QComboBox(self)
        self.year_box.setEditable(False)
        self.scheme_button = QPushButton("考核方案…", self)
        self.scheme_button.clicked.connect(self.edit_scheme)
        self.semester_panel = SemesterPanel(context, self)
        self.year_panel = YearPanel(context, self)
        self.branch_panel = BranchPanel(context, self)
        self.honours_panel = HonoursPanel(context, self)
        self.audit_panel = AuditPanel(context, self)
        self.panels = (self.semester_panel, self.year_panel, self.branch_panel, self.honours_panel, self.audit_panel)
        self.cache = FactsCache()
        self.semester_panel.cache = self.year_panel.cache = self.cache
        self._stale: set[QWidget] = set()
        self.sections = QTabWidget(self)
        for panel, title in zip(self.panels, ("学期考核", "学年结果与星级", "五个好自评", "荣誉", "审批记录"), strict=True):
            self.sections.addTab(panel, title)
        top = QHBoxLayout()
        top.addWidget(QLabel("学年"))
        top.addWidget(self.year_box)
        top.addStretch(1)
        top.addWidget(self.scheme_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)
        self._fill_years()
        self.year_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.sections.currentChanged.connect(lambda _i: self._refresh_current())
        context.watch(RELOAD_TOPICS, self._on_changed)
        context.reloaded.connect(self._on_reloaded)
        self.reload()

    def _fill_years(self) -> None:
        keep = self.year_box.currentText()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        years = year_choices(self.context.ledger)
        if keep and keep not in years:
            years = sorted({*years, keep}, reverse=True)
        self.year_box.addItems(years)
        current = keep or school_year_of(date.today())
        self.year_box.setCurrentIndex(max(0, self.year_box.findText(current)))
        self.year_box.blockSignals(False)

    @property
    def school_year(self) -> str:
        return self.year_box.currentText()

    def set_year(self, school_year: str) -> None:
        if self.year_box.findText(school_year) < 0:
            self.year_box.addItem(school_year)
        self.year_box.setCurrentText(school_year)

    def reload(self) -> None:
        """Refresh the section on show now; the others when they are next shown (each costs a computation)."""
        self._stale = set(self.panels)
        self._refresh_current()

    def _on_reloaded(self) -> None:
        self.cache.clear()
        self._fill_years()
        self.reload()

    def _refresh_current(self) -> None:
        panel = self.sections.currentWidget()
        if panel in self._stale:
            self._stale.discard(panel)
            panel.set_year(self.school_year)

    def _on_changed(self, topics: frozenset[Topic]) -> None:
        if topics & RECORD_TOPICS:
            self.cache.clear()
        if topics & {Topic.SETTING, Topic.EVALUATION, Topic.HONOUR}:
            self._fill_years()
        self.reload()

    def edit_scheme(self) -> None:
        locks = locks_for(self.context.ledger, self.school_year)
        locked_text = locks[0].label if locks else ""
        shown, loaded = scheme_to_edit(self.context.ledger, self.school_year)

        def save(scheme) -> None:  # over the scheme as shown, or refused when it changed since
            with expecting(*([loaded] if loaded else [])):
                save_scheme(self.context.ledger, scheme)

        SchemeDialog(shown, save, locked_text, self).exec()

    def show_filtered(self, *, view: str = "semester", school_year: str | None = None, **_criteria) -> None:
        """Dashboard click-through: view = semester | year | branch | honours | audit."""
        if school_year:
            self.set_year(school_year)
        order = ("semester", "year", "branch", "honours", "audit")
        if view in order:
            self.sections.setCurrentIndex(order.index(view))
