"""首次使用向导: on an empty ledger, the school and branch names (required) and this school year's
semesters, then the roster: 导入党员名册 with its template, or 载入示例学校 to look around first.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox, QGridLayout, QGroupBox, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from desktop_app.domain.calendar import Period, SemesterDates, school_year_of
from desktop_app.domain.problems import FieldProblem
from desktop_app.services import settings
from desktop_app.services.roster import has_people
from desktop_app.ui.school_fields import DATE_FIELDS, name_fields, semester_date_edits
from desktop_app.ui.widgets.form_dialog import FittedDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, run_or_show

TITLE = "首次使用向导"


def ledger_is_new(ledger) -> bool:
    """Nothing entered yet: no school name and no people."""
    return not settings.school_profile(ledger).school_name and not has_people(ledger)


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class FirstRunGuide(FittedDialog):
    def __init__(self, main_window, today: date | None = None):
        super().__init__(main_window)
        self._window = main_window
        self._ledger = main_window.context.ledger
        self.year = school_year_of(today or date.today())
        self.setWindowTitle(TITLE)
        self.problems = ProblemBanner(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._school_page())
        self.pages.addWidget(self._roster_page())
        self.buttons = QDialogButtonBox(self)
        self.next_button = self.buttons.addButton("下一步", QDialogButtonBox.AcceptRole)
        self.later_button = self.buttons.addButton("以后再说", QDialogButtonBox.RejectRole)
        self.next_button.clicked.connect(self.save_school)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # --- step 1: school, branch, semesters -------------------------------------------
    def _school_page(self) -> QWidget:
        page = QWidget(self)
        names, self.school_name, self.branch_name = name_fields(
            page, self.problems, "学校与党支部（必填，印在标题栏、报表和打印件上）")
        semesters = QGroupBox(f"{self.year}学年的学期（按校历修改，听课、家访的要求按在校日计算）", page)
        self.date_edits = semester_date_edits(page, self.problems, QGridLayout(semesters), first_row=0)
        dates = settings.semester_dates(self._ledger, self.year)
        for label, number, end in DATE_FIELDS:
            period = dates.semester(number)
            self.date_edits[label].set_date(period.start if end == "start" else period.end)
        layout = QVBoxLayout(page)
        layout.addWidget(_label("欢迎使用党建台账。先填写学校和党支部，确认本学年的学期日期，"
                                "下一步再导入党员名册。以后可在“设置 › 学校与学期”中修改。", page))
        layout.addWidget(names)
        layout.addWidget(semesters)
        layout.addStretch(1)
        return page

    def _semesters(self) -> tuple[SemesterDates | None, list[FieldProblem]]:
        days, problems = {}, []
        for label, edit in self.date_edits.items():
            try:
                days[label] = edit.date()
            except ValueError as exc:
                problems.append(FieldProblem(label, str(exc)))
                continue
            if days[label] is None:
                problems.append(FieldProblem(label, "必须填写"))
        if problems:
            return None, problems
        dates = SemesterDates(self.year, Period(days["第一学期开始"], days["第一学期结束"], f"{self.year}学年第一学期"),
                              Period(days["第二学期开始"], days["第二学期结束"], f"{self.year}学年第二学期"))
        reason = settings.validate_semester_dates(dates)
        return (None, [FieldProblem("学期", reason)]) if reason else (dates, [])

    def save_school(self) -> None:
        if self.pages.currentIndex() != 0:
            self.accept()
            return
        dates, problems = self._semesters()
        problems = settings.profile_problems(self.school_name.text(), self.branch_name.text()) + problems
        if problems:
            self.problems.show_problems(problems)
            return

        def save() -> None:
            settings.save_semester_dates(self._ledger, dates)
            settings.save_school_profile(self._ledger, settings.SchoolProfile(self.school_name.text(),
                                                                              self.branch_name.text()))
        if run_or_show(self.problems, TITLE, save):
            self.pages.setCurrentIndex(1)
            self.next_button.setText("完成")
            self.later_button.hide()

    # --- step 2: the roster --------------------------------------------------------
    def _roster_page(self) -> QWidget:
        page = QWidget(self)
        self.template_button = QPushButton("下载党员名册模板…", page)
        self.import_button = QPushButton("导入党员名册…", page)
        self.demo_button = QPushButton("载入示例学校", page)
        self.template_button.clicked.connect(self.save_template)
        self.import_button.clicked.connect(self.import_roster)
        self.demo_button.clicked.connect(self.load_demo)
        roster = QGroupBox("第二步：党员名册", page)
        grid = QGridLayout(roster)
        grid.addWidget(_label("1. 下载模板，在 Excel 中每人填一行（姓名、政治面貌、岗位等）。", page), 0, 0)
        grid.addWidget(self.template_button, 0, 1)
        grid.addWidget(_label("2. 导入填好的名册：先预览，确认无误才写入。", page), 1, 0)
        grid.addWidget(self.import_button, 1, 1)
        grid.setColumnStretch(0, 1)
        demo = QGroupBox("想先看看？", page)
        demo_layout = QGridLayout(demo)
        demo_layout.addWidget(_label("载入一所虚构的示例学校（36名教职工、班级学生、听课家访、承诺、考核），"
                                     "各页都有内容可看。正式使用时请在新的数据文件夹中开始。", page), 0, 0)
        demo_layout.addWidget(self.demo_button, 0, 1)
        demo_layout.setColumnStretch(0, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(roster)
        layout.addWidget(demo)
        layout.addWidget(_label("随时可按 F1 打开使用说明。", page))
        layout.addStretch(1)
        return page

    def save_template(self) -> None:
        from desktop_app.ui.importing.dialog import save_template_dialog

        save_template_dialog(self, "members")

    def import_roster(self) -> None:
        from desktop_app.ui.importing.dialog import open_import_dialog

        self.accept()
        open_import_dialog(self._window, "members")

    def load_demo(self) -> None:
        from desktop_app.ui.maintenance_actions import load_demo

        if load_demo(self._window):
            self.accept()

def open_first_run_guide(main_window, today: date | None = None) -> FirstRunGuide:
    guide = FirstRunGuide(main_window, today)
    guide.setAttribute(Qt.WA_DeleteOnClose)
    guide.open()
    return guide
