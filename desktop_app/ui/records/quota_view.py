"""Done / required per person for a week, month or semester, the ones behind marked red."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.collation import sorted_by_name
from desktop_app.domain.records import VisitKind
from desktop_app.services.records.queries import (
    MemberFulfilment, QuotaTotals, is_behind, member_fulfilment, quota_rows, quota_totals,
)
from desktop_app.store.events import Topic
from desktop_app.ui.context import AppContext
from desktop_app.ui.records.period_bar import PeriodBar
from desktop_app.ui.widgets.lazy_page import LazyPage
from desktop_app.ui.widgets.record_table import Column, record_table

TOPICS = {Topic.OBSERVATION, Topic.VISIT, Topic.MEMBER, Topic.CULTIVATION, Topic.SETTING}


def _tally_text(f: MemberFulfilment, name: str) -> str:
    tally, full = getattr(f, name), getattr(f, f"{name}_required")
    return str(tally) if tally.required == full else f"{tally}（全期 {full}）"


def _tally_column(header: str, name: str, width: int = 110) -> Column:
    return Column(header, lambda f: _tally_text(f, name),
                  sort_key=lambda f: getattr(f, name).done - getattr(f, name).required,
                  highlight=lambda f: getattr(f, name).behind, align_right=True, width=width,
                  tooltip=lambda f: "应完成：截至今日按已过的在校日折算；括号内为整个期间的要求")


OBSERVATION_COLUMNS = [
    Column("姓名", lambda f: f.name, width=90),
    Column("岗位", lambda f: f.posts_label, width=180),
    _tally_column("听课 完成/应完成", "observations", 150),
    _tally_column("示范课 完成/应完成", "demo_lessons", 150),
    Column("要求依据", lambda f: "；".join(f.explain[:2] + f.explain[3:])),
]

VISIT_COLUMNS = [
    Column("姓名", lambda f: f.name, width=90),
    Column("岗位", lambda f: f.posts_label, width=180),
    _tally_column("家访 完成/应完成", "visits", 150),
    Column("计入方式", lambda f: VisitKind.label_of(f.visit_kind) or "各类访问", width=90),
    Column("要求依据", lambda f: "；".join(f.explain[2:])),
]


class QuotaView(LazyPage):
    """`mode` is "observations" (听课 and 示范课) or "visits"."""

    def __init__(self, context: AppContext, mode: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._mode = mode
        self.today: date | None = None  # the 工作台 may fix the day it judged "so far" on
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
        context.watch(TOPICS, self._on_changed)
        context.reloaded.connect(lambda: self.period_bar.set_ledger(context.ledger))
        self._apply_predicate()
        self.reload()

    def _apply_predicate(self) -> None:
        behind_only = self.behind_only.isChecked()
        listed = {f.member_id for f in quota_rows({f.member_id: f for f in self.model.rows()}, self._mode)}

        def shown(f: MemberFulfilment) -> bool:
            return f.member_id in listed and (not behind_only or is_behind(f, self._mode))

        self.proxy.set_predicate(shown)
        self._summarise()

    def _load(self) -> None:
        rows = member_fulfilment(self._context.ledger, self.period_bar.period(), self.today or date.today())
        self.model.set_rows(sorted_by_name(rows.values(), key=lambda f: f.name))
        self._apply_predicate()

    def totals(self) -> QuotaTotals:
        """The figures of the list as shown, summed as the 工作台 card sums them."""
        return quota_totals({f.member_id: f for f in self.model.rows()}, self._mode)

    def _summarise(self) -> None:
        t = self.totals()
        what = "听课" if self._mode == "observations" else "家访"
        running = t.due != t.required
        due = f"截至今日应完成 {t.due}/{t.required}" if running else f"应完成 {t.required}"
        self.summary.setText(
            f"{self.period_bar.period().label}：{what}完成 {t.done}，{due}；有要求的 {t.people} 人，"
            f"落后 {len(t.behind_names)} 人（红色：少于{'截至今日' if running else ''}应完成的数；"
            "按学校的量化要求、学期和假期折算）")

    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        self.reload()
