"""Per class: how many students phone visits, the 班主任's home visits and interviews reached,
and who has not been reached yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget,
)

from desktop_app.domain.quotas import ClassCoverage
from desktop_app.services.records.queries import class_coverage, students_not_reached, teacher_interview_coverage
from desktop_app.store.events import Topic
from desktop_app.ui.context import AppContext
from desktop_app.ui.records.period_bar import PeriodBar
from desktop_app.ui.widgets.lazy_page import LazyPage
from desktop_app.ui.widgets.record_table import (
    Column, ROW_ROLE, record_table, selected_rows,
)

TOPICS = {Topic.VISIT, Topic.STUDENT, Topic.SCHOOL_CLASS, Topic.MEMBER, Topic.SETTING}
KINDS = {"phone": "电话家访", "home": "班主任入户家访", "interview": "访谈学生"}


def _coverage_column(header: str, key: str) -> Column:
    return Column(header, lambda c: str(getattr(c, key)), sort_key=lambda c: getattr(c, key).shortfall,
                  highlight=lambda c: getattr(c, key).behind, align_right=True, width=130)


COLUMNS = [
    Column("班级", lambda c: c.class_name, width=110),
    Column("班主任", lambda c: c.head_teacher_name, width=80),
    Column("学生数", lambda c: c.size, align_right=True, width=60),
    _coverage_column("电话家访 已访/应访", "phone"),
    _coverage_column("入户家访 已访/应访", "home"),
    _coverage_column("访谈学生 已访/应访", "interview"),
]


class CoverageView(LazyPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.period_bar = PeriodBar(context.ledger, self, unit="semester")
        self.teachers_label = QLabel(self)
        self.model, self.proxy, self.view = record_table(COLUMNS, self)
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        self.kind_combo = QComboBox(self)
        for code, label in KINDS.items():
            self.kind_combo.addItem(f"未{label}的学生", code)
        self.missing_title = QLabel("选择左侧班级，查看尚未访到的学生", self)
        self.missing_list = QListWidget(self)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.kind_combo)
        side_layout.addWidget(self.missing_title)
        side_layout.addWidget(self.missing_list, 1)
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.period_bar)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.teachers_label)
        layout.addWidget(splitter, 1)
        note = QLabel("应访：电话家访覆盖全班，班主任入户家访不少于全班三分之一，访谈学生不少于八成（可在量化要求设置中修改）。", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.period_bar.changed.connect(lambda _p: self.reload())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show_missing())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_missing())
        context.watch(TOPICS, self._on_changed)
        context.reloaded.connect(lambda: self.period_bar.set_ledger(context.ledger))
        self.reload()

    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        self.reload()

    def _load(self) -> None:
        period = self.period_bar.period()
        chosen = self.selected_class()
        self.model.set_rows(class_coverage(self._context.ledger, period))
        teachers = teacher_interview_coverage(self._context.ledger, period)
        colour = "#b71c1c" if teachers.behind else "#1b5e20"
        self.teachers_label.setText(
            f"干部访谈教师：已访谈 <b style='color:{colour}'>{teachers}</b> 名教师（要求一对一访谈全体教师）")
        if chosen is not None:
            self.select_class(chosen.class_id)
        self._show_missing()

    def selected_class(self) -> ClassCoverage | None:
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def select_class(self, class_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).class_id == class_id:
                self.view.selectRow(row)
                return

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _show_missing(self) -> None:
        self.missing_list.clear()
        chosen = self.selected_class()
        if chosen is None:
            self.missing_title.setText("选择左侧班级，查看尚未访到的学生")
            return
        missing = students_not_reached(self._context.ledger, chosen.class_id, self.period_bar.period(),
                                       self.kind_combo.currentData())
        self.missing_title.setText(f"{chosen.class_name}：{len(missing)} 名学生尚未{KINDS[self.kind_combo.currentData()]}")
        self.missing_list.addItems([s.name for s in missing])
