"""The school and branch names and the semester dates, as 设置 › 学校与学期 and the 首次使用向导 both ask."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.form_problems import ProblemBanner

MAX_NAME = 60
DATE_FIELDS = (("第一学期开始", 1, "start"), ("第一学期结束", 1, "end"),
               ("第二学期开始", 2, "start"), ("第二学期结束", 2, "end"))


def name_fields(parent: QWidget, banner: ProblemBanner, title: str) -> tuple[QGroupBox, QLineEdit, QLineEdit]:
    """学校名称 and 党支部名称 (both required) in a group; their problems go to `banner`."""
    school_name = QLineEdit(parent)
    school_name.setMaxLength(MAX_NAME)
    school_name.setPlaceholderText("例如：××市第一中学")
    branch_name = QLineEdit(parent)
    branch_name.setMaxLength(MAX_NAME)
    branch_name.setPlaceholderText("例如：××中学党支部")
    group = QGroupBox(title, parent)
    form = QFormLayout(group)
    form.addRow("学校名称 *", school_name)
    form.addRow("党支部名称 *", branch_name)
    banner.register_form(form)
    return group, school_name, branch_name


def semester_date_edits(parent: QWidget, banner: ProblemBanner, grid: QGridLayout, first_row: int
                        ) -> dict[str, OptionalDateEdit]:
    """第一学期/第二学期 start 至 end, one row each from `first_row`; the edits by field label."""
    edits: dict[str, OptionalDateEdit] = {}
    for label, number, end in DATE_FIELDS:
        edit = OptionalDateEdit(parent, placeholder="如 2025-09-01")
        edits[label] = edit
        banner.register(label, edit)
        row = first_row + number - 1
        if end == "start":
            grid.addWidget(QLabel("第一学期" if number == 1 else "第二学期", parent), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(QLabel("至", parent), row, 2)
        else:
            grid.addWidget(edit, row, 3)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return edits
