"""党员名册: the table of members with search, filters, sorting and add/edit/delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain import idcard
from desktop_app.domain.collation import sorted_by_name
from desktop_app.domain.vocab import PoliticalStatus, Post
from desktop_app.services.members import MemberRow, list_members
from desktop_app.ui.context import AppContext
from desktop_app.ui.members.delete import delete_member_asking
from desktop_app.ui.members.dialog import MemberDialog
from desktop_app.ui.widgets.record_table import (
    Column, ROW_ROLE, bring_into_view, display_text, loaded_row, record_table, select_record, selected_rows,
)
from desktop_app.ui.widgets.role_gate import write_gate
from desktop_app.ui.widgets.table_actions import record_buttons

ALL = "全部"
NO_GROUP = "（未分组）"
PARTY = "党员（含预备）"
ACTIVE, LEFT = "在册", "已离开"


ROSTER_COLUMNS = (
    Column("姓名", lambda r: r.name, width=80),
    Column("性别", lambda r: r.gender_label, width=44),
    Column("出生日期", lambda r: r.birth_date, width=90),
    Column("政治面貌", lambda r: r.status_label, sort_key=lambda r: list(PoliticalStatus).index(
        PoliticalStatus(r.political_status)), width=96),
    Column("党小组", lambda r: r.party_group, width=90),
    Column("部门", lambda r: r.department, width=100),
    Column("岗位", lambda r: r.posts_label, width=130),
    Column("任教学科", lambda r: r.subject, width=64),
    Column("骨干称号", lambda r: "、".join(r.backbone_titles), width=100),
    Column("联系电话", lambda r: r.phone, width=104),
    Column("身份证号", lambda r: idcard.mask(r.id_number) if r.id_number else "", width=140),
    Column("状态", lambda r: ACTIVE if r.active else LEFT, width=54, highlight=lambda r: not r.active),
)


class RosterPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model, self.proxy, self.view = record_table(ROSTER_COLUMNS, self, export_title="党员名册")
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)  # edit and delete act on one record

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("搜索姓名、部门、电话、身份证号…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filters)
        self.status_filter = self._combo([ALL, PARTY, *PoliticalStatus.labels()])
        self.group_filter = self._combo([ALL])
        self.post_filter = self._combo([ALL, *Post.labels()])
        self.active_filter = self._combo([ACTIVE, LEFT, ALL])
        self.count_label = QLabel(self)
        self.buttons = record_buttons(self, self.view, add=self.add_member, edit=self.edit_selected,
                                      delete=self.delete_selected, noun="党员",
                                      gate=write_gate(context, "member", "党员名册"))

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        for label, combo in (("政治面貌", self.status_filter), ("党小组", self.group_filter),
                             ("岗位", self.post_filter), ("状态", self.active_filter)):
            top.addWidget(QLabel(label, self))
            top.addWidget(combo)
        bottom = self.buttons.bar(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.reload()

    def _combo(self, items: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItems(items)
        combo.currentIndexChanged.connect(self._apply_filters)
        return combo

    # --- data ---------------------------------------------------------------
    def reload(self) -> None:
        rows = sorted_by_name(list_members(self.context.ledger), key=lambda r: r.name)
        self.model.set_rows(rows)
        groups = sorted({r.party_group for r in rows if r.party_group})
        chosen = self.group_filter.currentText()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItems([ALL, *groups, NO_GROUP])
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findText(chosen)))
        self.group_filter.blockSignals(False)
        self._apply_filters()

    def _combo_tests(self) -> list[tuple[QComboBox, Callable[[MemberRow], bool]]]:
        """Each filter combo with whether its current choice lets a row through."""
        status, group = self.status_filter.currentText(), self.group_filter.currentText()
        post, active = self.post_filter.currentText(), self.active_filter.currentText()
        post_code = Post.from_label(post).value if post != ALL else None
        return [
            (self.status_filter, lambda r: status == ALL or (
                r.is_party_member if status == PARTY else r.status_label == status)),
            (self.group_filter, lambda r: group == ALL or (
                not r.party_group if group == NO_GROUP else r.party_group == group)),
            (self.post_filter, lambda r: post_code is None or post_code in r.posts),
            (self.active_filter, lambda r: active == ALL or r.active == (active == ACTIVE)),
        ]

    def _accepts(self, row: MemberRow, tests: list[Callable[[MemberRow], bool]]) -> bool:
        needle = self.search.text().strip().casefold()
        if needle and not _matches(row, needle, self.model.columns):
            return False
        return all(test(row) for test in tests)

    def _apply_filters(self) -> None:
        tests = [test for _combo, test in self._combo_tests()]
        self.proxy.set_predicate(lambda row: self._accepts(row, tests))
        self.count_label.setText(f"共 {self.model.rowCount()} 人，显示 {self.proxy.rowCount()} 人")

    def visible_rows(self) -> list[MemberRow]:
        return self.proxy.visible_rows()

    def show_filtered(self, *, status: str | None = None, party_group: str | None = None,
                      post: str | None = None, active: bool | None = True, text: str = "") -> None:
        """Show members matching the criteria (codes or labels); others reset to 全部."""
        self.search.setText(text)
        self.status_filter.setCurrentText(_label(PoliticalStatus, status) if status else ALL)
        if status == "party":
            self.status_filter.setCurrentText(PARTY)
        self.group_filter.setCurrentText(party_group or ALL)
        self.post_filter.setCurrentText(_label(Post, post) if post else ALL)
        self.active_filter.setCurrentText(ALL if active is None else ACTIVE if active else LEFT)
        self._apply_filters()

    # --- actions ------------------------------------------------------------
    def _current(self) -> MemberRow | None:
        rows = selected_rows(self.view)
        if rows:
            return rows[0]
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def add_member(self) -> None:
        dialog = MemberDialog(self.context.ledger, None, self)
        if dialog.exec():
            self.bring_into_view(dialog.saved_id)

    def edit_selected(self) -> None:
        row = self._current()
        if row is None:
            return
        dialog = MemberDialog(self.context.ledger, row.id, self)
        if dialog.exec():
            self.bring_into_view(row.id)

    def delete_selected(self) -> None:
        row = self._current()
        if row is not None:
            delete_member_asking(self, self.context.ledger, row)

    def select_member(self, member_id: int | None) -> bool:
        return member_id is not None and select_record(self.view, member_id)

    def bring_into_view(self, member_id: int | None) -> bool:
        """After saving: set each filter that hides the member back to 全部 (or clear the search)."""
        row = loaded_row(self.model, member_id)
        if row is None:
            return False
        hiding = [combo for combo, test in self._combo_tests() if not test(row)]
        widenings = [lambda combo=combo: combo.setCurrentText(ALL) for combo in hiding]
        return bring_into_view(self.view, member_id, [*widenings, self.search.clear])


def _matches(row: MemberRow, needle: str, columns: list[Column]) -> bool:
    """Search over the shown columns, and the full ID number (the table shows it masked)."""
    if row.id_number and needle.upper() in row.id_number:
        return True
    return any(needle in display_text(column.value(row)).casefold() for column in columns)


def _label(enum, code_or_label: str) -> str:
    try:
        return enum.from_label(code_or_label).label
    except ValueError:
        return code_or_label
