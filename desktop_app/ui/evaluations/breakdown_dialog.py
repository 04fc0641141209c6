"""星级明细: pick a member, see how each indicator, 加分/减分 and both semesters make the star;
print all members (PDF) or export them (Excel)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from desktop_app.domain.evaluation import score_text
from desktop_app.services.evaluations.breakdown import (
    DETAIL_HEADERS, StarBreakdown, breakdown_rules, detail_rows, star_breakdowns,
)
from desktop_app.services.evaluations.sources import FactsCache
from desktop_app.services.exports.star_details import export_star_details
from desktop_app.services.prints.options import load_options
from desktop_app.services.prints.star_details import write_star_details_pdf
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.refusals import run_service


def breakdown_html(b: StarBreakdown, rules: list[str]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in DETAIL_HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>"
                   for row in detail_rows(b))
    group = f"，{escape(b.party_group)}" if b.party_group else ""
    star = escape(b.star or "未评星级")
    listed = "".join(f"<li>{escape(line)}</li>" for line in rules)
    return (f"<h3>{escape(b.name)}（{escape(b.status_label)}{group}）　学年 {score_text(b.year_score) or '—'} 分　"
            f"<span style='color:#b71c1c'>{star}</span></h3>"
            f"<p>{escape(b.year_working)}；{escape(b.threshold)}</p>"
            f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"
            f"<p><b>计分规则</b></p><ol>{listed}</ol>")


class BreakdownDialog(FormDialog):
    """Nothing here is typed (the member list and the page are for reading), so closing never asks;
    as a FormDialog it keeps that promise should an input be added."""

    def __init__(self, ledger: Ledger, school_year: str, member_id: int | None = None,
                 cache: FactsCache | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger, self.school_year = ledger, school_year
        self.setWindowTitle(f"{school_year}学年 星级明细")
        self.breakdowns = star_breakdowns(ledger, school_year, cache)
        self.rules = breakdown_rules(ledger, school_year)
        self.members = QListWidget(self)
        self.members.setMaximumWidth(190)
        for b in self.breakdowns:
            item = QListWidgetItem(f"{f'{b.rank}. ' if b.rank else '（未排名）'}{b.name}　{b.star or '—'}")
            item.setData(Qt.UserRole, b.member_id)
            self.members.addItem(item)
        self.text = QTextBrowser(self)
        self.members.currentRowChanged.connect(self._show)
        self.print_button = QPushButton("打印明细（PDF）…", self)
        self.export_button = QPushButton("导出明细（Excel）…", self)
        close = QPushButton("关闭", self)
        self.print_button.clicked.connect(lambda: self.print_pdf())
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        close.clicked.connect(self.accept)
        for button in (self.print_button, self.export_button):
            button.setEnabled(bool(self.breakdowns))
        columns = QHBoxLayout()
        columns.addWidget(self.members)
        columns.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.resize(1000, 540)
        ids = [b.member_id for b in self.breakdowns]
        if ids:
            self.members.setCurrentRow(ids.index(member_id) if member_id in ids else 0)
        else:
            self.text.setPlainText(f"{school_year}学年还没有考核成绩。")

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.breakdowns):
            self.text.setHtml(breakdown_html(self.breakdowns[row], self.rules))

    def _ask(self, title: str, suffix: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, f"{self.school_year}学年星级明细{suffix}", pattern)
        return Path(chosen) if chosen else None

    def print_pdf(self, path: Path | None = None) -> Path | None:
        path = path or self._ask("保存星级明细", ".pdf", "PDF 文件 (*.pdf)")
        if path and run_service(self, "未能生成", lambda: write_star_details_pdf(
                self._ledger, self.school_year, path, load_options(self._ledger).fonts())):
            messages.info(self, "已保存", f"星级明细已保存到：\n{path}")
            return path
        return None

    def export_xlsx(self, path: Path | None = None) -> Path | None:
        path = path or self._ask("导出星级明细", ".xlsx", "Excel 工作簿 (*.xlsx)")
        if path and run_service(self, "未能导出", lambda: export_star_details(self._ledger, self.school_year, path)):
            messages.info(self, "已导出", f"星级明细已导出到：\n{path}")
            return path
        return None
