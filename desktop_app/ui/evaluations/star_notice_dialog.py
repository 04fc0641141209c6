"""星级评定结果公示: the 公示期 and 落款 date, then the list saved as Word (to edit and stamp) or PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.services.errors import ValidationError
from desktop_app.services.evaluations.star_notice import StarNotice, star_notice, write_star_notice_docx
from desktop_app.services.prints.options import load_options
from desktop_app.services.prints.star_notice import write_star_notice_pdf
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.widgets.date_edit import OptionalDateEdit, read_dates
from desktop_app.ui.widgets.form_problems import ProblemBanner, run_or_show
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.refusals import run_service

PUBLICATION_DAYS = 5  # a 公示 usually runs five working days


class StarNoticeDialog(FormDialog):
    """关闭 (like Esc and ✕) asks 放弃修改？ when the dates were changed and the notice not saved since."""

    def __init__(self, ledger: Ledger, school_year: str, today: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger, self.school_year = ledger, school_year
        today = today or date.today()
        self.setWindowTitle(f"{school_year}学年 星级评定结果公示")
        self.problems = ProblemBanner(self)
        self.start, self.end, self.signed = (OptionalDateEdit(self) for _ in range(3))
        self.start.set_date(today)
        self.end.set_date(today + timedelta(days=PUBLICATION_DAYS + 1))  # five working days span a weekend
        self.signed.set_date(today)
        for label, widget in (("公示开始", self.start), ("公示结束", self.end), ("落款日期", self.signed)):
            self.problems.register(label, widget)
        form = QFormLayout()
        form.addRow("公示开始", self.start)
        form.addRow("公示结束", self.end)
        form.addRow("落款日期", self.signed)
        note = QLabel("名单为学年星级党员（五星级在前），附考核方案的计分规则。Word 版可修改后盖章张贴；"
                      "审批前公示的，正文写作“拟评定”。", self)
        note.setWordWrap(True)
        self.word_button = QPushButton("保存为 Word…", self)
        self.pdf_button = QPushButton("保存为 PDF…", self)
        close = QPushButton("关闭", self)
        self.word_button.clicked.connect(lambda: self.save_word())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.word_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.resize(520, 240)

    def notice(self) -> StarNotice:
        dates, problems = read_dates([("公示开始", self.start), ("公示结束", self.end), ("落款日期", self.signed)],
                                     required=True)
        if problems:
            raise ValidationError(problems)
        return star_notice(self._ledger, self.school_year, *dates)

    def _save(self, title: str, suffix: str, pattern: str, write, path: Path | None) -> Path | None:
        made: list[StarNotice] = []
        if not run_or_show(self.problems, "不能生成公示", lambda: made.append(self.notice())):
            return None
        notice = made[0]
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, title, f"{self.school_year}学年星级评定结果公示{suffix}", pattern)
            path = Path(chosen) if chosen else None
        if path and run_service(self, "未能保存", lambda: write(notice, path)):
            self.mark_clean()  # the dates are in the saved notice
            messages.info(self, "已保存", f"公示已保存到：\n{path}")
            return path
        return None

    def save_word(self, path: Path | None = None) -> Path | None:
        return self._save("保存公示（Word）", ".docx", "Word 文档 (*.docx)", write_star_notice_docx, path)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        fonts = load_options(self._ledger).fonts()
        return self._save("保存公示（PDF）", ".pdf", "PDF 文件 (*.pdf)",
                          lambda notice, target: write_star_notice_pdf(notice, target, fonts), path)
