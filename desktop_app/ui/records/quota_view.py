"""Done / required per person for a week, month or semester, the ones behind marked red."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.collation import sorted_by_name
from desktop_app.domain.records import VisitKind
from desktop_app.services.records.queries import MemberFulfilment, member_fulfilment
from desktop_app.ui.context import AppContext
from desktop_app.ui.records.period_bar import PeriodBar
from desktop_app.ui.widgets.record_table import Column, record_table

TOPICS = {"observation", "visit", "member", "cultivation", "setting"}


def _tally_column(header: str, tally, width: int = 110) -> Column:
    return Column(header, lambda f: str(tally(f)), sort_key=lambda f: tally(f).done - tally(f).required,
                  highlight=lambda f: tally(f).behind, align_right=True, width=width)


OBSERVATION_COLUMNS = [
    Column("姓名", lambda f: f.name, width=90),
    Column("岗位", lambda f: f.posts_label, width=180),
    _tally_column("听课 完成/应完成", lambda f: f.observations, 130),
    _tally_column("示范课 完成/应完成", lambda f: f.demo_lessons, 140),
    Column("要求依据", lambda f: "；".join(f.explain[:2] + f.explain[3:])),
]

VISIT_COLUMNS = [
    Column("姓名", lambda f: f.name, width=90),
    Column("岗位", lambda f: f.posts_label, width=180),
    _tally_column("家访 完成/应完成", lambda f: f.visits, 130),
    Column("计入方式", lambda f: VisitKind.label_of(f.visit_kind) or "各类访问", width=90),
    Column("要求依据", lambda f: "；".join(f.explain[2:])),
]


class QuotaView(QWidget):
    """`mode` is "observations" (听课 and 示范课) or "visits"."""

    def __init__(self, context: AppContext, mode: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._stale = True
        self._mode = mode
        self.period_bar = PeriodBar(context.ledger, self, unit="week" if mode == "observations" else "month")
        self.behind_only = QCheckBox("只看未完成", self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("查找姓名、岗位")
        self.search.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.model, self.proxy, self.view = record_table(OBSERVATION_COLUMNS if mode == "observations" else VISIT_COLUMNS, self)
        bar = QHBoxLayout()
        bar.addWidget(self.period_bar)
        bar.addWidget(self.behind_only)
        bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.period_bar.changed.connect(lambda _p: self.reload())
        self.behind_only.toggled.connect(lambda _on: self._apply_predicate())
        self.search.textChanged.connect(self.proxy.set_search_text)
        context.changed.connect(self._on_changed)
        context.reloaded.connect(lambda: self.period_bar.set_ledger(context.ledger))
        self._apply_predicate()
        self.reload()

    def _tally(self, f: MemberFulfilment):
        return (f.observations, f.demo_lessons) if self._mode == "observations" else (f.visits,)

    def _apply_predicate(self) -> None:
        behind_only = self.behind_only.isChecked()

        def shown(f: MemberFulfilment) -> bool:
            tallies = self._tally(f)
            if not any(t.required or t.done for t in tallies):
                return False
            return not behind_only or any(t.behind for t in tallies)

        self.proxy.set_predicate(shown)
        self._summarise()

    def reload(self) -> None:
        """Reload now if shown, else when next shown (the tabs build every page at once)."""
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        rows = member_fulfilment(self._context.ledger, self.period_bar.period())
        self.model.set_rows(sorted_by_name(rows.values(), key=lambda f: f.name))
        self._summarise()

    def _summarise(self) -> None:
        rows = [f for f in self.model.rows() if any(t.required or t.done for t in self._tally(f))]
        behind = [f for f in rows if any(t.behind for t in self._tally(f))]
        self.summary.setText(f"{self.period_bar.period().label}：有要求的 {len(rows)} 人，未完成 {len(behind)} 人"
                             "（红色为未完成；按学校的量化要求、学期和假期折算）")

    def _on_changed(self, topics: set[str]) -> None:
        if topics & TOPICS:
            self.reload()
