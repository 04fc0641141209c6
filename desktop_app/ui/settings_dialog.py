"""设置 → 学校与学期: school and branch names, each school year's semester dates, backups kept.

Everything is saved together in one transaction, and only when every field is valid.
Semester dates are edited one school year at a time; edits to several years are kept until
saving, so switching the year selector never loses what was typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout,
    QWidget,
)

from desktop_app.domain.calendar import Period, SemesterDates, default_semesters, school_year_label, school_year_of, school_year_start
from desktop_app.domain.dates import format_date, parse_date
from desktop_app.domain.problems import FieldProblem
from desktop_app.services import settings
from desktop_app.services.backups import startup_backups_kept
from desktop_app.store.ledger import Ledger
from desktop_app.ui.school_fields import DATE_FIELDS, name_fields, semester_date_edits
from desktop_app.ui.widgets.form_problems import ProblemBanner
from desktop_app.ui.widgets.form_dialog import FormDialog



def open_settings_dialog(main_window) -> bool:  # noqa: ANN001 - MainWindow, kept import-free
    dialog = SettingsDialog(main_window.context.ledger, main_window)
    return dialog.exec() == QDialog.Accepted


class SettingsDialog(FormDialog):
    def __init__(self, ledger: Ledger, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.setWindowTitle("学校与学期设置")
        self._today = today or date.today()
        self._stored = dict(settings.get_value(ledger, settings.SEMESTERS, {}) or {})
        self._texts: dict[str, dict[str, str]] = {}  # year → field label → text typed
        self._shown_year: str | None = None
        self._build()
        self._load()

    # --- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.problems = ProblemBanner(self)
        school, self.school_name, self.branch_name = name_fields(self, self.problems, "学校与党支部")

        self.year = QComboBox(self)
        self.year.currentIndexChanged.connect(self._on_year_changed)
        self.year_note = QLabel(self)
        self.year_note.setStyleSheet("color: #666;")
        semesters = QGroupBox("学年与学期", self)
        grid = QGridLayout(semesters)
        grid.addWidget(QLabel("学年", self), 0, 0)
        grid.addWidget(self.year, 0, 1, 1, 3)
        for column, heading in ((1, "开始日期"), (3, "结束日期")):
            grid.addWidget(QLabel(heading, self), 1, column)
        self.date_edits = semester_date_edits(self, self.problems, grid, first_row=2)
        grid.addWidget(self.year_note, 4, 0, 1, 4)

        self.backup_keep = QSpinBox(self)
        self.backup_keep.setRange(1, 100)
        self.backup_keep.setSuffix(" 份")
        backups = QGroupBox("自动备份", self)
        backup_form = QFormLayout(backups)
        backup_form.addRow("启动时自动备份，保留最近", self.backup_keep)
        hint = QLabel("备份保存在数据文件夹的 backups 中；更早的启动备份会被自动删除。", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        backup_form.addRow(hint)
        self.problems.register("自动备份份数", self.backup_keep)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addWidget(school)
        layout.addWidget(semesters)
        layout.addWidget(backups)
        layout.addWidget(self.buttons)
        # No fixed minimum on the dialog itself, so it grows when the problem list appears.
        self.school_name.setMinimumWidth(360)

    # --- values -------------------------------------------------------------
    def _load(self) -> None:
        profile = settings.school_profile(self._ledger)
        self.school_name.setText(profile.school_name)
        self.branch_name.setText(profile.branch_name)
        self.backup_keep.setValue(startup_backups_kept(self._ledger))
        current = school_year_of(self._today)
        start = school_year_start(current)
        years = set(self._stored) | {school_year_label(start + offset) for offset in (-1, 0, 1)}
        self.year.blockSignals(True)
        for label in sorted(years, reverse=True):
            self.year.addItem(f"{label}学年", label)
        self.year.setCurrentIndex(self.year.findData(current))
        self.year.blockSignals(False)
        self._show_year(current)

    def selected_year(self) -> str:
        return self.year.currentData()

    def set_year(self, label: str) -> None:
        self.year.setCurrentIndex(self.year.findData(label))

    def _on_year_changed(self, _index: int) -> None:
        self._show_year(self.selected_year())

    def _show_year(self, label: str) -> None:
        if self._shown_year is not None:
            self._texts[self._shown_year] = {name: edit.text() for name, edit in self.date_edits.items()}
        texts = self._texts.get(label) or self._initial_texts(label)
        for name, edit in self.date_edits.items():
            edit.setText(texts[name])
        self._shown_year = label
        self.year_note.setText(
            "该学年的学期日期已设置。" if label in self._stored
            else "该学年尚未设置，下面是默认日期，保存后生效。"
        )

    def _initial_texts(self, label: str) -> dict[str, str]:
        dates = settings.semester_dates(self._ledger, label) if label in self._stored else default_semesters(label)
        return {name: format_date(getattr(dates.semester(number), end)) for name, number, end in DATE_FIELDS}

    def _edited_years(self) -> dict[str, dict[str, str]]:
        """Every year whose four texts differ from its stored (or default) dates."""
        self._texts[self._shown_year] = {name: edit.text() for name, edit in self.date_edits.items()}
        return {year: texts for year, texts in self._texts.items() if texts != self._initial_texts(year)}

    def _semester_problems(self, year: str, texts: dict[str, str]) -> tuple[SemesterDates | None, list[FieldProblem]]:
        days: dict[str, date] = {}
        problems = []
        first_year = school_year_start(year)
        for name, _number, _end in DATE_FIELDS:
            edit_problem = None
            try:
                day = parse_date(texts[name])
                if day is None:
                    edit_problem = "必须填写"
                elif day.year not in (first_year, first_year + 1):
                    edit_problem = f"应在{first_year}年或{first_year + 1}年之内"
                else:
                    days[name] = day
            except ValueError as exc:
                edit_problem = str(exc)
            if edit_problem:
                problems.append(FieldProblem(name, f"{year}学年：{edit_problem}"))
        if problems:
            return None, problems
        dates = SemesterDates(
            year,
            Period(days["第一学期开始"], days["第一学期结束"], f"{year}学年第一学期"),
            Period(days["第二学期开始"], days["第二学期结束"], f"{year}学年第二学期"),
        )
        reason = settings.validate_semester_dates(dates)
        if reason:
            if dates.first.end < dates.first.start:
                field = "第一学期结束"
            elif dates.second.end < dates.second.start:
                field = "第二学期结束"
            else:
                field = "第二学期开始"
            return None, [FieldProblem(field, reason)]
        return dates, []

    def save(self) -> None:
        problems = settings.profile_problems(self.school_name.text(), self.branch_name.text())
        if problems:
            self.problems.show_problems(problems)
            return
        semesters = dict(self._stored)
        for year, texts in sorted(self._edited_years().items()):
            dates, year_problems = self._semester_problems(year, texts)
            if year_problems:
                if year != self.selected_year():
                    self.set_year(year)  # show the year the problem is in
                problems = year_problems
                break
            semesters[year] = {
                "first": [dates.first.start.isoformat(), dates.first.end.isoformat()],
                "second": [dates.second.start.isoformat(), dates.second.end.isoformat()],
            }
        if problems:
            self.problems.show_problems(problems)
            return
        self.problems.clear_problems()
        settings.set_values(self._ledger, {
            settings.SCHOOL_NAME: self.school_name.text().strip(),
            settings.BRANCH_NAME: self.branch_name.text().strip(),
            settings.SEMESTERS: semesters,
            settings.BACKUP_KEEP: self.backup_keep.value(),
        })
        self.accept()
