"""The add/edit dialog for one member: every field of MemberData, checked before saving."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.domain import idcard
from desktop_app.domain.dates import format_date
from desktop_app.domain.people import MemberData, validate_member
from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import (
    COMMON_BACKBONE_TITLES, COMMON_EDUCATION_LEVELS, Gender, PoliticalStatus, Post, split_list,
)
from desktop_app.services import members as member_service
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.members.leaves_dialog import LeavesDialog
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.enum_combo import EnumCombo, SuggestCombo
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.form_problems import ProblemBanner, save_or_show
from desktop_app.store.events import Topic

COMMON_ETHNICITIES = ("汉族", "回族", "满族", "蒙古族", "壮族", "苗族", "土家族", "彝族", "藏族", "维吾尔族")


def _required(label: str) -> str:
    return f"{label} <span style='color:#c62828'>*</span>"


class MemberDialog(FormDialog):
    """Add a member (member_id None) or edit one. After accept, `saved_id` is the member's id."""

    def __init__(self, ledger: Ledger, member_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.member_id = member_id
        self.saved_id: int | None = None
        self.setWindowTitle("编辑党员信息" if member_id else "新增党员")
        self._build()
        self._load_suggestions()
        if member_id is not None:
            self.track(ledger, Topic.MEMBER, member_id,
                       lambda: self.set_data(member_service.get_member(ledger, member_id)))
        else:
            self.set_data(MemberData())
        self.name_edit.setFocus()

    # --- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.problems = ProblemBanner(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(50)
        self.gender = EnumCombo(Gender, self, blank="（未填）")
        self.birth_date = OptionalDateEdit(self, allow_year_month=True)
        self.ethnicity = SuggestCombo(COMMON_ETHNICITIES, self, placeholder="如 汉族")
        self.education = SuggestCombo(COMMON_EDUCATION_LEVELS, self, placeholder="如 本科")
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText("18位，末位可为X")
        self.id_number.editingFinished.connect(self._fill_from_id_number)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText("手机或座机")
        self.status = EnumCombo(PoliticalStatus, self)
        self.join_date = OptionalDateEdit(self)
        self.full_member_date = OptionalDateEdit(self)
        self.party_group = SuggestCombo((), self, placeholder="如 第一党小组")
        self.department = SuggestCombo((), self, placeholder="如 高二年级组、语文组")
        self.subject = SuggestCombo((), self, placeholder="如 语文")
        self.school_start_date = OptionalDateEdit(self, placeholder="到本校工作的日期")

        person = QGroupBox("基本信息", self)
        left = QFormLayout(person)
        left.addRow(QLabel(_required("姓名")), self.name_edit)
        left.addRow("性别", self.gender)
        left.addRow("出生日期", self.birth_date)
        left.addRow("民族", self.ethnicity)
        left.addRow("学历", self.education)
        left.addRow("身份证号", self.id_number)
        left.addRow("联系电话", self.phone)
        party = QGroupBox("党籍与工作", self)
        right = QFormLayout(party)
        right.addRow(QLabel(_required("政治面貌")), self.status)
        right.addRow("入党日期", self.join_date)
        right.addRow("转正日期", self.full_member_date)
        right.addRow("党小组", self.party_group)
        right.addRow("部门", self.department)
        right.addRow("任教学科", self.subject)
        right.addRow("入校日期", self.school_start_date)

        self.post_boxes: dict[str, QCheckBox] = {}
        posts = QGroupBox("岗位（可多选）", self)
        grid = QGridLayout(posts)
        for i, post in enumerate(Post):
            box = QCheckBox(post.label, posts)
            self.post_boxes[post.value] = box
            grid.addWidget(box, i // 4, i % 4)

        self.title_boxes: dict[str, QCheckBox] = {}
        titles = QGroupBox("骨干称号（可多选）", self)
        title_grid = QGridLayout(titles)
        for i, title in enumerate(COMMON_BACKBONE_TITLES):
            box = QCheckBox(title, titles)
            self.title_boxes[title] = box
            title_grid.addWidget(box, 0, i)
        self.other_titles = QLineEdit(titles)
        self.other_titles.setPlaceholderText("其他称号，如 市级骨干教师；多个用“、”分隔")
        title_grid.addWidget(QLabel("其他", titles), 1, 0)
        title_grid.addWidget(self.other_titles, 1, 1, 1, len(COMMON_BACKBONE_TITLES) - 1)

        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText("备注")
        self.notes.setFixedHeight(48)
        self.notes.setTabChangesFocus(True)
        self.left_box = QCheckBox("已离开（不再在册）", self)
        self.left_date = OptionalDateEdit(self, placeholder="如 2025-08-31")
        self.left_box.toggled.connect(self._on_left_toggled)
        leaving = QHBoxLayout()
        leaving.addWidget(self.left_box)
        leaving.addWidget(QLabel("离开日期", self))
        leaving.addWidget(self.left_date)
        leaving.addStretch(1)
        self.leaves_button = QPushButton("请假记录…", self)
        self.leaves_button.setToolTip("产假、外出培训等请假期间不计听课、家访和示范课任务")
        self.leaves_button.setEnabled(self.member_id is not None)
        if self.member_id is None:
            self.leaves_button.setToolTip("保存后可登记请假")
        self.leaves_button.clicked.connect(self._open_leaves)
        leaving.addWidget(self.leaves_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText("保存")
        self.buttons.button(QDialogButtonBox.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(person, 1)
        columns.addWidget(party, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(columns)
        layout.addWidget(posts)
        layout.addWidget(titles)
        layout.addWidget(QLabel("备注", self))
        layout.addWidget(self.notes)
        layout.addLayout(leaving)
        hint = QLabel("带 <span style='color:#c62828'>*</span> 的为必填项；日期可写作 2024-09-01、2024/9/1 或 2024年9月1日。", self)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        for label, widget in (
            ("姓名", self.name_edit), ("性别", self.gender), ("出生日期", self.birth_date),
            ("民族", self.ethnicity), ("学历", self.education), ("身份证号", self.id_number),
            ("联系电话", self.phone), ("政治面貌", self.status), ("入党日期", self.join_date),
            ("转正日期", self.full_member_date), ("党小组", self.party_group), ("部门", self.department),
            ("任教学科", self.subject), ("入校日期", self.school_start_date), ("岗位", posts), ("骨干称号", titles), ("备注", self.notes),
            ("离开日期", self.left_date),
        ):
            self.problems.register(label, widget)
        order = [self.name_edit, self.gender, self.birth_date, self.ethnicity, self.education, self.id_number,
                 self.phone, self.status, self.join_date, self.full_member_date, self.party_group,
                 self.department, self.subject, self.school_start_date, *self.post_boxes.values(), *self.title_boxes.values(),
                 self.other_titles, self.notes, self.left_box, self.left_date, self.leaves_button,
                 self.save_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.resize(680, 0)  # room for the date hints; fit_to_screen takes the height from the form

    def _load_suggestions(self) -> None:
        rows = member_service.list_members(self._ledger)
        self.party_group.set_suggestions(sorted({r.party_group for r in rows if r.party_group}))
        self.department.set_suggestions(sorted({r.department for r in rows if r.department}))
        self.subject.set_suggestions(sorted({r.subject for r in rows if r.subject}))

    # --- values -------------------------------------------------------------
    def set_data(self, data: MemberData) -> None:
        self.name_edit.setText(data.name or "")
        self.gender.set_code(data.gender)
        self.birth_date.set_date(data.birth_date)
        self.ethnicity.set_value(data.ethnicity)
        self.education.set_value(data.education)
        self.id_number.setText(data.id_number or "")
        self.phone.setText(data.phone or "")
        self.status.set_code(data.political_status)
        self.join_date.set_date(data.join_date)
        self.full_member_date.set_date(data.full_member_date)
        self.party_group.set_value(data.party_group)
        self.department.set_value(data.department)
        self.subject.set_value(data.subject)
        self.school_start_date.set_date(data.school_start_date)
        for code, box in self.post_boxes.items():
            box.setChecked(code in data.posts)
        others = []
        for title in data.backbone_titles:
            if title in self.title_boxes:
                self.title_boxes[title].setChecked(True)
            else:
                others.append(title)
        self.other_titles.setText("、".join(others))
        self.notes.setPlainText(data.notes or "")
        self.left_box.setChecked(not data.active)
        self.left_date.set_date(data.left_date)
        self._on_left_toggled(not data.active)

    def data(self) -> tuple[MemberData, list[FieldProblem]]:
        """The form as MemberData, and the problems of dates that could not be read."""
        problems: list[FieldProblem] = []

        def read(label: str, edit: OptionalDateEdit) -> date | None:
            try:
                return edit.date()
            except ValueError as exc:
                problems.append(FieldProblem(label, str(exc)))
                return None

        titles = [t for t, box in self.title_boxes.items() if box.isChecked()]
        titles += [t for t in split_list(self.other_titles.text()) if t not in titles]
        data = MemberData(
            name=self.name_edit.text().strip(), political_status=self.status.code(),
            gender=self.gender.code(), birth_date=read("出生日期", self.birth_date),
            ethnicity=self.ethnicity.value(), education=self.education.value(),
            join_date=read("入党日期", self.join_date), full_member_date=read("转正日期", self.full_member_date),
            party_group=self.party_group.value(), department=self.department.value(),
            posts=[code for code, box in self.post_boxes.items() if box.isChecked()],
            subject=self.subject.value(), backbone_titles=titles,
            phone=self.phone.text().strip() or None, id_number=self.id_number.text().strip() or None,
            notes=self.notes.toPlainText().strip() or None, active=not self.left_box.isChecked(),
            left_date=read("离开日期", self.left_date) if self.left_box.isChecked() else None,
            school_start_date=read("入校日期", self.school_start_date),
        )
        return data, problems

    # --- behaviour ----------------------------------------------------------
    def _on_left_toggled(self, has_left: bool) -> None:
        self.left_date.setEnabled(has_left)
        if has_left and not self.left_date.text().strip():
            self.left_date.set_date(date.today())

    def _open_leaves(self) -> None:
        LeavesDialog(self._ledger, self.member_id, self.name_edit.text().strip(), self).exec()

    def _fill_from_id_number(self) -> None:
        """A valid ID number already says the birth date and gender: fill them if still blank."""
        number = idcard.normalise(self.id_number.text())
        if not number or idcard.validate(number):
            return
        if not self.birth_date.text().strip():
            self.birth_date.set_date(idcard.birth_date_of(number))
        if self.gender.code() is None:
            self.gender.set_code(Gender.MALE.value if int(number[16]) % 2 else Gender.FEMALE.value)

    def save(self) -> None:
        data, problems = self.data()
        problems += validate_member(data)
        if problems:
            self.problems.show_problems(problems)
            return
        self.problems.clear_problems()
        duplicates = member_service.possible_duplicates(self._ledger, data, exclude_id=self.member_id)
        if duplicates and not messages.confirm(self, "可能重复", _duplicate_text(duplicates)):
            return
        save_or_show(self, self.problems, "未能保存", lambda: self._write(data))

    def _write(self, data: MemberData) -> None:
        if self.member_id is None:
            self.saved_id = member_service.add_member(self._ledger, data)
        else:
            member_service.update_member(self._ledger, self.member_id, data)
            self.saved_id = self.member_id


def _duplicate_text(rows: list[member_service.MemberRow]) -> str:
    described = []
    for row in rows[:5]:
        details = [d for d in (row.department, row.status_label,
                               f"{format_date(row.birth_date)}出生" if row.birth_date else "",
                               f"身份证 {idcard.mask(row.id_number)}" if row.id_number else "") if d]
        described.append(f"· {row.name}（{'，'.join(details)}）")
    return "可能重复：台账中已有\n" + "\n".join(described) + "\n\n仍要保存吗？"
