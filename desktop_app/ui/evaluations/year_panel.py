"""学年结果: both semesters, the year's result, star level and rank; approving the year; stars → honours."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.evaluation import score_text, star_counts_text
from desktop_app.domain.scheme_rules import scheme_rules
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations import commands
from desktop_app.services.evaluations.queries import is_year_locked, year_results, year_star_counts
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.evaluations.sources import FactsCache
from desktop_app.services.honours import honours_from_stars
from desktop_app.services.settings import school_profile
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.evaluations.breakdown_dialog import BreakdownDialog
from desktop_app.ui.evaluations.lock_dialogs import ApproveDialog
from desktop_app.ui.evaluations.star_notice_dialog import StarNoticeDialog
from desktop_app.ui.widgets.record_table import Column, record_table, selected_rows

COLUMNS = [
    Column("名次", lambda r: r.rank, align_right=True, width=50),
    Column("姓名", lambda r: r.member_name, width=90),
    Column("政治面貌", lambda r: r.status_label, width=100),
    Column("党小组", lambda r: r.party_group, width=100),
    Column("第一学期", lambda r: score_text(r.first) or "—", sort_key=lambda r: r.first, align_right=True, width=80),
    Column("第二学期", lambda r: score_text(r.second) or "—", sort_key=lambda r: r.second, align_right=True, width=80),
    Column("学年成绩", lambda r: score_text(r.score), sort_key=lambda r: r.score, align_right=True, width=80,
           tooltip=lambda r: "只有一个学期的成绩（合成方式见下方计分规则）" if (r.first is None) != (r.second is None) else None),
    Column("星级", lambda r: r.star_label, sort_key=lambda r: r.star_level or "z", width=80,
           highlight=lambda r: r.star_level == "five"),
]


class YearPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.cache = FactsCache()  # the tab shares its own and clears it when records change
        self.school_year = ""
        self.model, self.proxy, self.view = record_table(COLUMNS, self)
        self.status = QLabel(self)
        self.counts = QLabel(self)
        self.counts.setStyleSheet("QLabel { font-size: 15px; font-weight: bold; color: #b71c1c; }")
        self.rules = QLabel(self)
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("QLabel { color: #555; }")
        self.approve_button = QPushButton("审批全年…", self)
        self.approve_button.clicked.connect(self.approve)
        self.honours_button = QPushButton("星级 → 荣誉", self)
        self.honours_button.setToolTip("把已审批学年的五星级、四星级、三星级党员登记到荣誉册（重复执行不会重复登记）")
        self.honours_button.clicked.connect(self.make_honours)
        self.details_button = QPushButton("星级明细…", self)
        self.details_button.setToolTip("每人每项指标的记录数、应完成数、得分，加减分事由，学期与学年得分和达到的分数线；可打印、导出")
        self.details_button.clicked.connect(self.show_details)
        self.view.doubleClicked.connect(lambda _index: self.show_details())
        self.notice_button = QPushButton("结果公示…", self)
        self.notice_button.setToolTip("星级评定结果公示（Word、PDF），审批前张贴")
        self.notice_button.clicked.connect(self.make_notice)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(self.details_button)
        top.addWidget(self.notice_button)
        top.addWidget(self.approve_button)
        top.addWidget(self.honours_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.rules)

    def set_year(self, school_year: str) -> None:
        self.school_year = school_year
        self.reload()

    def reload(self) -> None:
        if not self.school_year:
            return
        results = year_results(self.context.ledger, self.school_year, self.cache)
        self.model.set_rows(results)
        self.counts.setText(f"{self.school_year}学年　共 {len(results)} 人：{star_counts_text(year_star_counts(results))}")
        lock = is_year_locked(self.context.ledger, self.school_year)
        self.approve_button.setEnabled(lock is None)
        self.honours_button.setEnabled(lock is not None)
        self.status.setText(f"【已锁定】{lock.label}。" if lock else "尚未审批，成绩会随记录变化。")
        rules = scheme_rules(get_scheme(self.context.ledger, self.school_year))
        self.rules.setText("计分规则：" + "；".join(f"{n}. {line}" for n, line in enumerate(rules, start=1)))

    def approve(self) -> None:
        def run(semester, day, meeting):
            commands.approve(self.context.ledger, self.school_year, semester, day, meeting)

        dialog = ApproveDialog(self.school_year, 1, run, self)
        dialog.scope.setCurrentIndex(2)
        dialog.exec()

    def selected_member(self) -> int | None:
        chosen = selected_rows(self.view)
        return chosen[0].member_id if chosen else None

    def show_details(self) -> None:
        BreakdownDialog(self.context.ledger, self.school_year, self.selected_member(), self.cache, self).exec()

    def make_notice(self) -> None:
        StarNoticeDialog(self.context.ledger, self.school_year, parent=self).exec()

    def make_honours(self) -> None:
        lock = is_year_locked(self.context.ledger, self.school_year)
        issuer = school_profile(self.context.ledger).branch_title
        try:
            added = honours_from_stars(self.context.ledger, self.school_year, issuer, lock.approved_on if lock else None)
        except UserError as exc:
            messages.refuse(self, "星级荣誉", exc)
            return
        messages.info(self, "星级荣誉", f"已登记 {added} 项星级荣誉。" if added else "星级荣誉都已登记过，没有新增。")
