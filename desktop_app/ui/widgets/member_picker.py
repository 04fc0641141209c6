"""Choosing a member (党员/教职工) by typing part of a name.

`MemberPicker` is an editable combo box over `services.members.list_members`. Typing filters
a completion list by "contains" (typing 明 offers 张晓明 and 李明), listed in pinyin order; when two people share a
name each is shown as "姓名（部门）" so the user can tell them apart. It returns member ids.

Usage::

    picker = MemberPicker(ledger, parent)                 # active members only
    picker = MemberPicker(ledger, parent, include_left=True,
                          predicate=lambda row: row.is_party_member)
    picker.set_member_id(12)       # shows that person (even one who has left, if asked for)
    picker.member_id()             # int, or None when blank or not a known member
    picker.problem("班主任")        # None, or "班主任：找不到名为“王五”的人员" for typed nonsense
    picker.memberChanged.connect(lambda member_id: ...)   # id or None
    picker.reload()                # after members changed (e.g. when Topic.MEMBER changed)
    picker.quick_add_action        # the "+" in the field: 新增人员 (name + 政治面貌, 群众 by default)

A typed text resolves to a member when it equals a shown entry, or a name held by exactly one
listed person. In tests set the text with `picker.setEditText("张晓明")` (or `set_member_id`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from desktop_app.domain.collation import sorted_by_name
from desktop_app.services.members import MemberRow, list_members
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.quick_add import add_quick_add_action

ID_ROLE = Qt.UserRole + 10


def display_names(rows: list[MemberRow]) -> dict[int, str]:
    """Member id → the text to show: the name, or "姓名（部门）" where names repeat."""
    counts = Counter(row.name for row in rows)
    shown: dict[int, str] = {}
    for row in rows:
        text = row.name
        if counts[row.name] > 1:
            text = f"{row.name}（{row.department or '未填部门'}）"
        shown[row.id] = text
    repeats = Counter(shown.values())
    for row in rows:  # same name and same department: fall back to the birth year or the id
        if repeats[shown[row.id]] > 1:
            extra = f"{row.birth_date.year}年生" if row.birth_date else f"编号{row.id}"
            shown[row.id] = f"{row.name}（{row.department or '未填部门'}，{extra}）"
    return shown


class MemberPicker(QComboBox):
    memberChanged = Signal(object)  # member id or None

    def __init__(self, ledger: Ledger | None = None, parent: QWidget | None = None, *,
                 include_left: bool = False, predicate: Callable[[MemberRow], bool] | None = None,
                 placeholder: str = "输入姓名查找", quick_add: bool = True):
        super().__init__(parent)
        self._ledger = ledger
        self._include_left = include_left
        self._predicate = predicate
        self._all: dict[int, MemberRow] = {}
        self._last_emitted: int | None = None
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.lineEdit().setPlaceholderText(placeholder)
        self.lineEdit().setClearButtonEnabled(True)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.setCompleter(completer)
        self.editTextChanged.connect(self._emit_if_changed)
        self.currentIndexChanged.connect(self._emit_if_changed)
        self.quick_add_action = None
        if quick_add:  # a picker that chooses who did something may add someone not yet on the roster
            self.quick_add_action = add_quick_add_action(self)
        if ledger is not None:
            self.reload()

    @property
    def ledger(self) -> Ledger | None:
        return self._ledger

    # --- loading ------------------------------------------------------------
    def set_ledger(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self.reload()

    def reload(self) -> None:
        """Re-read the members, keeping the current choice when that person still exists."""
        if self._ledger is None:
            return
        self.set_rows(list_members(self._ledger, include_left=True))

    def set_rows(self, rows: list[MemberRow]) -> None:
        keep = self.member_id()
        typed = self.currentText() if keep is None else ""
        self._all = {row.id: row for row in rows}
        self._fill(extra_id=keep)
        if keep is not None and keep in self._all:
            self.set_member_id(keep)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(typed)

    def _listed(self, row: MemberRow, extra_id: int | None) -> bool:
        if row.id == extra_id:
            return True
        if not row.active and not self._include_left:
            return False
        return self._predicate is None or self._predicate(row)

    def _fill(self, extra_id: int | None = None) -> None:
        rows = sorted_by_name((row for row in self._all.values() if self._listed(row, extra_id)), key=lambda r: r.name)
        shown = display_names(rows)
        self.blockSignals(True)
        self.clear()
        for row in rows:
            suffix = "（已离开）" if not row.active else ""
            self.addItem(shown[row.id] + suffix)
            self.setItemData(self.count() - 1, row.id, ID_ROLE)
        self.setCurrentIndex(-1)
        self.blockSignals(False)

    # --- value --------------------------------------------------------------
    def member_id(self) -> int | None:
        text = self.currentText().strip()
        if not text:
            return None
        found = self.findText(text, Qt.MatchExactly)
        if found >= 0:
            return self.itemData(found, ID_ROLE)
        named = [self.itemData(i, ID_ROLE) for i in range(self.count())
                 if self._all.get(self.itemData(i, ID_ROLE)) and self._all[self.itemData(i, ID_ROLE)].name == text]
        return named[0] if len(named) == 1 else None

    def member(self) -> MemberRow | None:
        member_id = self.member_id()
        return self._all.get(member_id) if member_id is not None else None

    def set_member_id(self, member_id: int | None) -> None:
        if member_id is None:
            self.setCurrentIndex(-1)
            self.setEditText("")
            return
        index = self.findData(member_id, ID_ROLE)
        if index < 0 and member_id in self._all:
            self._fill(extra_id=member_id)
            index = self.findData(member_id, ID_ROLE)
        self.setCurrentIndex(index)

    def problem(self, field_label: str) -> str | None:
        """A message naming the field when text is typed that is not a listed member."""
        text = self.currentText().strip()
        if not text or self.member_id() is not None:
            return None
        same_name = sum(1 for i in range(self.count()) if self._all.get(self.itemData(i, ID_ROLE))
                        and self._all[self.itemData(i, ID_ROLE)].name == text)
        if same_name > 1:
            return f"{field_label}：有{same_name}人名为“{text}”，请从列表中选择（带部门的那一项）"
        return f"{field_label}：找不到名为“{text}”的人员"

    def _emit_if_changed(self, *_args) -> None:
        current = self.member_id()
        if current != self._last_emitted:
            self._last_emitted = current
            self.memberChanged.emit(current)
