"""The 班级学生 tab: classes (with head teacher and count) on the left, their students on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from desktop_app.domain.school import class_sort_key
from desktop_app.domain.vocab import StudentFlag
from desktop_app.services import classes as class_service
from desktop_app.services import students as student_service
from desktop_app.services.classes import ClassRow
from desktop_app.services.students import StudentRow
from desktop_app.store.events import Topic
from desktop_app.ui import messages
from desktop_app.services.search import SearchKind
from desktop_app.ui.context import AppContext
from desktop_app.ui.students.class_dialog import ClassDialog
from desktop_app.ui.students.student_dialog import StudentDialog
from desktop_app.ui.widgets.record_table import (
    Column, RecordFilterProxy, RecordTableModel, bring_into_view, loaded_row, make_table_view, record_table,
    select_record, selected_rows,
)
from desktop_app.ui.widgets.refusals import run_service
from desktop_app.ui.widgets.role_gate import gate_buttons, write_gate
from desktop_app.ui.widgets.table_actions import record_buttons

TOPICS = {Topic.SCHOOL_CLASS, Topic.STUDENT, Topic.MEMBER}
ALL_FLAGS = "全部学生"
ANY_FLAG = "任一重点类别"
ALL_CLASSES_ID = 0  # the "全部班级" line above the classes

CLASS_COLUMNS = (
    Column("班级", lambda r: r.name, width=96),
    Column("班主任", lambda r: r.head_teacher_name, width=70),
    Column("人数", lambda r: r.student_count, align_right=True),
)
STUDENT_COLUMNS = (
    Column("班级", lambda r: r.class_name, sort_key=lambda r: _class_order(r), width=90),
    Column("学号", lambda r: r.student_number, width=80),
    Column("姓名", lambda r: r.name, width=70),
    Column("性别", lambda r: r.gender_label, width=44),
    Column("重点类别", lambda r: r.flags_label, width=150),
    Column("家长姓名", lambda r: r.guardian_name, width=70),
    Column("联系电话", lambda r: r.phone, width=110),
    Column("家庭住址", lambda r: r.address, tooltip=lambda r: r.address or None, width=180),
    Column("状态", lambda r: "在读" if r.active else "不在读", highlight=lambda r: not r.active),
)


def _class_order(row: StudentRow) -> str:
    """class_sort_key as text: the table's proxy compares tuples by their displayed text."""
    rank, grade, numbers, name = class_sort_key(row.class_name, row.grade)
    return f"{rank:03d}|{grade}|{'.'.join(f'{n:06d}' for n in numbers)}|{name}"


class StudentsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self._build_classes(splitter))
        splitter.addWidget(self._build_students(splitter))
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.watch(TOPICS, self._on_changed)
        context.reloaded.connect(self.reload)
        self.reload()
        self.select_class(ALL_CLASSES_ID)

    # --- layout -------------------------------------------------------------
    def _build_classes(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        self.class_model = RecordTableModel(CLASS_COLUMNS, self)
        self.class_proxy = RecordFilterProxy(self)
        self.class_proxy.setSourceModel(self.class_model)
        self.class_view = make_table_view(self.class_proxy, box, export_title="班级")
        self.class_view.setSortingEnabled(False)
        self.class_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.class_view.selectionModel().selectionChanged.connect(lambda *_: self._apply_filters())
        self.class_view.doubleClicked.connect(lambda _index: self.edit_class())
        self.add_class_button = QPushButton("新增", box)
        self.edit_class_button = QPushButton("编辑", box)
        self.delete_class_button = QPushButton("删除", box)
        for button, tip in ((self.add_class_button, "新增班级"), (self.edit_class_button, "编辑所选班级（也可双击）"),
                            (self.delete_class_button, "删除所选班级")):
            button.setToolTip(tip)
        self.add_class_button.clicked.connect(self.add_class)
        self.edit_class_button.clicked.connect(self.edit_class)
        self.delete_class_button.clicked.connect(self.delete_class)
        gate_buttons(self.context, "school_class", "班级", self.add_class_button, self.edit_class_button,
                     self.delete_class_button)
        buttons = QHBoxLayout()
        for button in (self.add_class_button, self.edit_class_button, self.delete_class_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("班级", box))
        layout.addWidget(self.class_view, 1)
        layout.addLayout(buttons)
        return box

    def _build_students(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        self.model, self.proxy, self.view = record_table(STUDENT_COLUMNS, self, view_parent=box, export_title="学生名单")
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)  # edit and delete act on one record
        self.search = QLineEdit(box)
        self.search.setPlaceholderText("搜索姓名、学号、家长、电话…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filters)
        self.flag_filter = QComboBox(box)
        self.flag_filter.addItems([ALL_FLAGS, ANY_FLAG, *StudentFlag.labels()])
        self.flag_filter.currentIndexChanged.connect(self._apply_filters)
        self.count_label = QLabel(box)
        self.count_label.setMinimumWidth(120)  # a narrow window may cut the count, never widen the window
        self.buttons = record_buttons(box, self.view, add=self.add_student, edit=self.edit_student,
                                      delete=self.delete_student, noun="学生",
                                      gate=write_gate(self.context, "student", "班级学生"))
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(QLabel("重点类别", box))
        top.addWidget(self.flag_filter)
        bottom = self.buttons.bar(self.count_label)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        return box

    # --- data ---------------------------------------------------------------
    def reload(self) -> None:
        keep = self.current_class_id()
        classes = class_service.list_classes(self.context.ledger)
        students = student_service.list_students(self.context.ledger)
        everyone = ClassRow(id=ALL_CLASSES_ID, name="全部班级", grade="", head_teacher_id=None,
                            head_teacher_name="", student_count=len(students))
        self.class_model.set_rows([everyone, *classes])
        self.model.set_rows(students)
        self.select_class(keep if keep is not None else ALL_CLASSES_ID)

    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        self.reload()

    def current_class(self) -> ClassRow | None:
        rows = selected_rows(self.class_view)
        return rows[0] if rows else None

    def current_class_id(self) -> int | None:
        row = self.current_class()
        return row.id if row else None

    def select_class(self, class_id: int) -> None:
        for r, row in enumerate(self.class_proxy.visible_rows()):
            if row.id == class_id:
                self.class_view.selectionModel().select(
                    self.class_proxy.index(r, 0),
                    QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                self.class_view.setCurrentIndex(self.class_proxy.index(r, 0))
                break
        self._apply_filters()

    def _accepts(self, row: StudentRow) -> bool:
        class_id = self.current_class_id()
        if class_id not in (None, ALL_CLASSES_ID) and row.class_id != class_id:
            return False
        return self._flag_accepts(row)

    def _flag_accepts(self, row: StudentRow) -> bool:
        flag = self.flag_filter.currentText()
        if flag == ANY_FLAG:
            return bool(row.flags)
        return flag == ALL_FLAGS or StudentFlag.from_label(flag).value in row.flags

    def _apply_filters(self) -> None:
        self.proxy.set_search_text(self.search.text())
        self.proxy.set_predicate(self._accepts)
        chosen = self.current_class()
        where = chosen.name if chosen and chosen.id != ALL_CLASSES_ID else "全部班级"
        shown = self.proxy.rowCount()
        self.count_label.setText(f"{where}：共 {self._class_total()} 名学生，显示 {shown} 名")
        real_class = chosen is not None and chosen.id != ALL_CLASSES_ID
        self.edit_class_button.setEnabled(real_class)
        self.delete_class_button.setEnabled(real_class)

    def _class_total(self) -> int:
        chosen = self.current_class()
        return chosen.student_count if chosen else self.model.rowCount()

    def visible_rows(self) -> list[StudentRow]:
        return self.proxy.visible_rows()

    def show_filtered(self, *, class_id: int | None = None, class_name: str | None = None,
                      flag: str | None = None, text: str = "") -> None:
        """Click-through: one class (by id or name), a key-group flag (code, label or "any"), search text."""
        if class_name is not None:
            match = [r.id for r in self.class_model.rows() if r.name == class_name]
            class_id = match[0] if match else None
        self.search.setText(text)
        if flag == "any":
            self.flag_filter.setCurrentText(ANY_FLAG)
        else:
            self.flag_filter.setCurrentText(StudentFlag.from_label(flag).label if flag else ALL_FLAGS)
        self.select_class(class_id if class_id is not None else ALL_CLASSES_ID)

    # --- classes ------------------------------------------------------------
    def add_class(self) -> None:
        dialog = ClassDialog(self.context.ledger, None, self)
        if dialog.exec():
            self.select_class(dialog.saved_id)

    def edit_class(self) -> None:
        row = self.current_class()
        if row is not None and row.id != ALL_CLASSES_ID:
            ClassDialog(self.context.ledger, row.id, self).exec()

    def delete_class(self) -> None:
        row = self.current_class()
        if row is None or row.id == ALL_CLASSES_ID:
            return
        if row.student_count:
            text = (f"班级“{row.name}”还有 {row.student_count} 名学生。\n删除班级将同时删除这些学生的名单，"
                    "此操作不能撤销。\n\n仍要删除吗？")
        else:
            text = f"确定删除班级“{row.name}”吗？"
        if not messages.confirm(self, "删除班级", text, danger=True):
            return
        if run_service(self, "未能删除", lambda: class_service.delete_class(
                self.context.ledger, row.id, with_students=bool(row.student_count))):
            self.select_class(ALL_CLASSES_ID)

    # --- students -----------------------------------------------------------
    def _current_student(self) -> StudentRow | None:
        rows = selected_rows(self.view)
        return rows[0] if rows else None

    def add_student(self) -> None:
        if not class_service.list_classes(self.context.ledger):
            messages.info(self, "请先新增班级", "还没有班级。请先在左侧“新增班级”，再添加学生。")
            return
        class_id = self.current_class_id()
        dialog = StudentDialog(self.context.ledger, None, self,
                               class_id=None if class_id == ALL_CLASSES_ID else class_id)
        if dialog.exec():
            self.bring_into_view(dialog.saved_id)

    def edit_student(self) -> None:
        row = self._current_student()
        if row is not None and StudentDialog(self.context.ledger, row.id, self).exec():
            self.bring_into_view(row.id)

    def bring_into_view(self, student_id: int | None) -> bool:
        """After saving: show the student's class (when another is chosen), then the student's
        key groups (when the 重点类别 filter hides it), then clear the search."""
        row = loaded_row(self.model, student_id)
        if row is None:
            return False

        def to_class() -> None:
            if self.current_class_id() not in (ALL_CLASSES_ID, row.class_id):
                self.select_class(row.class_id)

        def all_flags() -> None:
            if not self._flag_accepts(row):
                self.flag_filter.setCurrentText(ALL_FLAGS)

        return bring_into_view(self.view, student_id, (to_class, all_flags, self.search.clear))

    def delete_student(self) -> None:
        row = self._current_student()
        if row is None:
            return
        if not messages.confirm(self, "删除学生", f"确定删除{row.class_name}学生“{row.name}”吗？此操作不能撤销。",
                                danger=True):
            return
        run_service(self, "未能删除", lambda: student_service.delete_student(self.context.ledger, row.id))

    def show_record(self, kind: SearchKind, record_id: int, when=None) -> bool:
        """A search result: the class selected, or the student among all classes."""
        if kind is SearchKind.SCHOOL_CLASS:
            self.show_filtered(class_id=record_id)
            return self.current_class_id() == record_id
        self.show_filtered()
        return select_record(self.view, record_id)
