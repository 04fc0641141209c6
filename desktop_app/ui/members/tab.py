"""The 党员 tab: 党员名册 (the roster) and 培养计划 (双培双促进) as two sub-tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.search import SearchKind
from desktop_app.store.events import Topic
from desktop_app.ui.context import AppContext
from desktop_app.ui.members.cultivation_panel import CultivationPanel
from desktop_app.ui.members.roster import RosterPanel
from desktop_app.ui.widgets.record_table import select_record

ROSTER_TOPICS = {Topic.MEMBER}
PLAN_TOPICS = {Topic.MEMBER, Topic.CULTIVATION}


class MembersTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.roster = RosterPanel(context, self)
        self.plans = CultivationPanel(context, self)
        self.sections = QTabWidget(self)
        self.sections.addTab(self.roster, "党员名册")
        self.sections.addTab(self.plans, "培养计划（双培双促进）")
        layout = QVBoxLayout(self)
        layout.addWidget(self.sections)
        context.watch(ROSTER_TOPICS | PLAN_TOPICS, self._on_changed)
        context.reloaded.connect(self.reload)

    def reload(self) -> None:
        self.roster.reload()
        self.plans.reload()

    def _on_changed(self, topics: frozenset[Topic]) -> None:
        if topics & ROSTER_TOPICS:
            self.roster.reload()
        if topics & PLAN_TOPICS:
            self.plans.reload()

    def show_filtered(self, *, view: str = "roster", **criteria) -> None:
        """Dashboard click-through: view="cultivation" opens the plans; else the roster filtered by
        status / party_group / post (codes or labels), active (True, False or None for all) and text."""
        if view == "cultivation":
            self.sections.setCurrentWidget(self.plans)
            return
        self.sections.setCurrentWidget(self.roster)
        self.roster.show_filtered(**criteria)

    def show_record(self, kind: SearchKind, record_id: int, when=None) -> bool:
        """A search result: the person in the whole roster, or the plan among all plans."""
        if kind is SearchKind.CULTIVATION:
            self.sections.setCurrentWidget(self.plans)
            self.plans.search.clear()
            return select_record(self.plans.view, record_id)
        self.show_filtered(active=None)
        return self.roster.select_member(record_id)
