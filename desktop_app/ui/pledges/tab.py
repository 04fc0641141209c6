"""The 承诺 tab: a school year's pledges with filters, the "未承诺" list, and the actions on them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget,
    QVBoxLayout, QWidget,
)

from desktop_app.domain.calendar import school_year_of
from desktop_app.domain.pledges import PledgeKind, PledgeStatus, delete_refusal, edit_refusal, move_refusal
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services import pledges as svc
from desktop_app.services.members import list_members
from desktop_app.services.pledges import PledgeRow
from desktop_app.store.events import Topic
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.pledges.common import nearby_school_years
from desktop_app.ui.pledges.edit_dialog import PledgeDialog
from desktop_app.ui.pledges.publish_dialog import PublishDialog
from desktop_app.ui.pledges.review_dialog import BatchReviewDialog, ReviewDialog
from desktop_app.ui.pledges.tables import (
    NOT_PLEDGED_COLUMNS, PLEDGE_COLUMNS, detail_html, reselect,
)
from desktop_app.ui.pledges.year_dialog import StartYearDialog
from desktop_app.ui.widgets.enum_combo import EnumCombo, select_code
from desktop_app.ui.widgets.record_table import bring_into_view, record_table, select_record, selected_rows
from desktop_app.ui.widgets.refusals import run_service

ALL = "全部"
WIDER_STATUSES = tuple(s.value for s in PoliticalStatus if s is not PoliticalStatus.NON_PARTY)


class PledgesTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._build_filters()
        self.pledge_model, self.pledge_proxy, self.pledge_view = record_table(PLEDGE_COLUMNS, self)
        self.member_model, self.member_proxy, self.member_view = record_table(NOT_PLEDGED_COLUMNS, self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(60)

        pledges_page = QWidget(self)
        page = QVBoxLayout(pledges_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(self._pledge_actions())
        page.addWidget(self.pledge_view, 1)
        page.addWidget(self.detail)
        members_page = QWidget(self)
        page = QVBoxLayout(members_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(self._member_actions())
        page.addWidget(self.member_view, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(pledges_page)
        self.pages.addWidget(members_page)

        layout = QVBoxLayout(self)
        layout.addLayout(self._filters_row)
        layout.addLayout(self._views_row())
        layout.addWidget(self.pages, 1)

        self.pledge_view.selectionModel().selectionChanged.connect(self._show_detail)
        self.pledge_view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.member_view.doubleClicked.connect(lambda _index: self.write_for_selected_member())
        context.watch({svc.TOPIC, Topic.MEMBER}, self._on_changed)
        context.reloaded.connect(self.reload)
        self.reload()

    # --- layout ------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.year = QComboBox(self)
        self.kind = EnumCombo(PledgeKind, self, blank=ALL)
        self.status = EnumCombo(PledgeStatus, self, blank=ALL)
        self.group = QComboBox(self)
        self.group.setMinimumContentsLength(6)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("搜索姓名、内容、对标…")
        self.search.setClearButtonEnabled(True)
        row = QHBoxLayout()
        for label, widget in (("学年", self.year), ("类型", self.kind), ("状态", self.status), ("党小组", self.group)):
            row.addWidget(QLabel(label, self))
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        self._filters_row = row
        self.year.currentIndexChanged.connect(self._load_rows)
        for combo in (self.kind, self.status, self.group):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)

    def _views_row(self) -> QHBoxLayout:
        self.show_pledges = QPushButton("承诺列表", self)
        self.show_not_pledged = QPushButton("未承诺", self)
        self.views = QButtonGroup(self)
        for number, button in enumerate((self.show_pledges, self.show_not_pledged)):
            button.setCheckable(True)
            self.views.addButton(button, number)
        self.show_pledges.setChecked(True)
        self.views.idClicked.connect(self.pages.setCurrentIndex)
        row = QHBoxLayout()
        row.addWidget(self.show_pledges)
        row.addWidget(self.show_not_pledged)
        self.status_counts = QLabel(self)
        row.addSpacing(16)
        row.addWidget(self.status_counts)
        row.addStretch(1)
        self.start_year_button = self._button("开始新学年…", self.start_year, row,
                                              "为全体党员创建本学年的草拟承诺，可沿用上一学年的内容")
        self.import_button = self._button("从Excel导入…", self.import_from_excel, row,
                                          "导入承诺一览表：姓名、学年、承诺类型、对标、承诺内容、公示与评议")
        return row

    def _button(self, text: str, slot, row: QHBoxLayout, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    def _pledge_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.write_button = self._button("写承诺…", self.write_new, row)
        self.edit_button = self._button("修改…", self.edit_selected, row)
        self.publish_button = self._button("公示…", self.publish_selected, row, "公示所选承诺（可多选）")
        self.fulfil_button = self._button("标记践诺中", self.start_fulfilment, row, "公示期满，进入践诺")
        self.review_button = self._button("评议…", self.review_selected, row,
                                          "选一份：逐项评议；选多份：一次会议批量评议")
        self.reopen_button = self._button("重新打开", self.reopen_selected, row, "已评议的承诺重新打开以便修改或重新评议")
        self.withdraw_button = self._button("撤回公示", self.withdraw_selected, row)
        self.delete_button = self._button("删除草稿", self.delete_selected, row)
        row.addStretch(1)
        return row

    def _member_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.not_pledged_note = QLabel(self)
        row.addWidget(self.not_pledged_note)
        self.wider = QCheckBox("包括发展对象和入党积极分子", self)
        self.wider.toggled.connect(self._load_not_pledged)
        row.addWidget(self.wider)
        row.addStretch(1)
        self.write_for_button = self._button("为其写承诺…", self.write_for_selected_member, row)
        return row

    # --- data ----------------------------------------------------------------------
    @property
    def school_year(self) -> str:
        return self.year.currentText() or school_year_of(date.today())

    def reload(self) -> None:
        current = self.year.currentText() or school_year_of(date.today())
        years = nearby_school_years(current, *svc.pledge_years(self.context.ledger))
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItems(years)
        self.year.setCurrentText(current)
        self.year.blockSignals(False)
        group = self.group.currentData()
        groups = sorted({m.party_group for m in list_members(self.context.ledger) if m.party_group})
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(ALL, None)
        for name in groups:
            self.group.addItem(name, name)
        select_code(self.group, group)
        self.group.blockSignals(False)
        self._load_rows()

    def _load_rows(self) -> None:
        keep = [r.id for r in self.selected()]
        self.pledge_model.set_rows(svc.list_pledges(self.context.ledger, self.school_year))
        reselect(self.pledge_view, keep)
        self._load_not_pledged()
        self._apply_filters()

    def _load_not_pledged(self) -> None:
        statuses = WIDER_STATUSES if self.wider.isChecked() else svc.queries.PARTY_STATUSES
        rows = svc.not_yet_pledged(self.context.ledger, self.school_year, statuses)
        self.member_model.set_rows(rows)
        self.not_pledged_note.setText(f"{self.school_year}学年尚未作出承诺的人员：")
        self._update_counts()

    def _apply_filters(self) -> None:
        kind, status, group = self.kind.currentData(), self.status.currentData(), self.group.currentData()

        def keep(row: PledgeRow) -> bool:
            return ((kind is None or row.kind == kind) and (status is None or row.status == status)
                    and (group is None or row.party_group == group))

        self.pledge_proxy.set_predicate(keep)
        self.pledge_proxy.set_search_text(self.search.text())
        self.member_proxy.set_predicate(lambda m: group is None or m.party_group == group)
        self.member_proxy.set_search_text(self.search.text())
        self._update_counts()
        self._show_detail()

    def _update_counts(self) -> None:
        rows = self.pledge_model.rows()
        self.status_counts.setText("　".join(
            f"{status.label} {sum(r.status == status.value for r in rows)}" for status in PledgeStatus))
        self.show_pledges.setText(f"承诺列表（{self.pledge_proxy.rowCount()}）")
        self.show_not_pledged.setText(f"未承诺（{self.member_proxy.rowCount()}）")

    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        self.reload()

    def show_filtered(self, status: str | None = None, school_year: str | None = None,
                      kind: str | None = None, not_pledged: bool = False, **_ignored) -> None:
        """Dashboard click-through: codes or labels for status and kind."""
        if school_year:
            self.show_year(school_year)
        self.status.set_code(PledgeStatus.from_label(status).value if status else None)
        self.kind.set_code(PledgeKind.from_label(kind).value if kind else None)
        self.search.clear()
        button = self.show_not_pledged if not_pledged else self.show_pledges
        button.click()

    # --- selection -----------------------------------------------------------------
    def selected(self) -> list[PledgeRow]:
        return selected_rows(self.pledge_view)

    def _need_selection(self, title: str, *, single: bool = False) -> list[PledgeRow]:
        rows = self.selected()
        if not rows:
            messages.warn(self, title, "请先在列表中选择承诺。")
        elif single and len(rows) > 1:
            messages.warn(self, title, "请只选择一份承诺。")
            return []
        return rows

    def _refused(self, title: str, rows: list[PledgeRow], reason_of) -> bool:
        """Show why the action cannot be done for some of the rows; True when refused."""
        reasons = [f"{r.owner_name}的{r.kind_label}：{reason}" for r in rows if (reason := reason_of(r))]
        if reasons:
            messages.error(self, title, "\n".join(reasons))
        return bool(reasons)

    def _show_detail(self, *_args) -> None:
        rows = self.selected()
        self.detail.setText(detail_html(rows[0]) if len(rows) == 1 else
                            (f"已选择 {len(rows)} 份承诺" if rows else "选择一份承诺可在此查看详情。"))

    def _open(self, dialog) -> None:
        dialog.open()

    # --- actions -------------------------------------------------------------------
    def _open_pledge(self, dialog: PledgeDialog) -> None:
        dialog.accepted.connect(lambda: self.bring_into_view(dialog.saved_id))
        self._open(dialog)

    def bring_into_view(self, pledge_id: int | None) -> bool:
        """After saving: the pledge's school year, then each filter that hides it back to 全部,
        then no search; the pledge selected in the 承诺列表."""
        if pledge_id is None:
            return False
        row = svc.get_pledge(self.context.ledger, pledge_id)

        def to_year() -> None:
            if row.school_year != self.school_year:
                self.show_year(row.school_year)

        def widen(combo: QComboBox, code) -> Callable[[], None]:
            return lambda: None if combo.currentData() in (None, code) else combo.setCurrentIndex(0)

        return bring_into_view(self.pledge_view, pledge_id, (
            to_year, widen(self.kind, row.kind), widen(self.status, row.status),
            widen(self.group, row.party_group), self.search.clear))

    def show_year(self, school_year: str) -> None:
        if self.year.findText(school_year) < 0:
            self.year.addItem(school_year)
        self.year.setCurrentText(school_year)

    def write_new(self, member_id: int | None = None) -> None:
        self._open_pledge(PledgeDialog(self.context.ledger, self, school_year=self.school_year, member_id=member_id))

    def write_for_selected_member(self) -> None:
        members = selected_rows(self.member_view)
        if len(members) != 1:
            messages.warn(self, "写承诺", "请在未承诺名单中选择一人。")
            return
        self.write_new(members[0].id)

    def edit_selected(self) -> None:
        rows = self._need_selection("修改承诺", single=True)
        if rows and not self._refused("修改承诺", rows, lambda r: edit_refusal(r.status)):
            self._open_pledge(PledgeDialog(self.context.ledger, self, pledge=rows[0]))

    def publish_selected(self) -> None:
        rows = self._need_selection("公示承诺")
        if rows and not self._refused("公示承诺", rows, lambda r: move_refusal(r.status, PledgeStatus.PUBLISHED)):
            self._open(PublishDialog(self.context.ledger, rows, self))

    def start_fulfilment(self) -> None:
        rows = self._need_selection("标记践诺中")
        if rows:
            run_service(self, "标记践诺中", lambda: svc.start_fulfilment(self.context.ledger, [r.id for r in rows]))

    def review_selected(self) -> None:
        rows = self._need_selection("践诺评议")
        if not rows or self._refused("践诺评议", rows, lambda r: move_refusal(r.status, PledgeStatus.REVIEWED)):
            return
        if len(rows) == 1:
            self._open(ReviewDialog(self.context.ledger, rows[0], self))
        else:
            self._open(BatchReviewDialog(self.context.ledger, rows, self))

    def reopen_selected(self) -> None:
        rows = self._need_selection("重新打开", single=True)
        if not rows:
            return
        row = rows[0]
        if messages.confirm(self, "重新打开", f"重新打开{row.owner_name}的{row.kind_label}？\n"
                            f"已记录的评议（{row.grade_label or '无'}）将被清除，需要重新评议。"):
            run_service(self, "重新打开", lambda: svc.reopen(self.context.ledger, row.id))

    def withdraw_selected(self) -> None:
        rows = self._need_selection("撤回公示", single=True)
        if rows and not self._refused("撤回公示", rows, lambda r: move_refusal(r.status, PledgeStatus.DRAFT)):
            run_service(self, "撤回公示", lambda: svc.withdraw_publication(self.context.ledger, rows[0].id))

    def delete_selected(self) -> None:
        rows = self._need_selection("删除草稿")
        if not rows or self._refused("删除草稿", rows, lambda r: delete_refusal(r.status)):
            return
        if messages.confirm(self, "删除草稿", f"删除所选的 {len(rows)} 份草拟承诺？", danger=True):
            run_service(self, "删除草稿", lambda: svc.delete_drafts(self.context.ledger, [r.id for r in rows]))

    def import_from_excel(self) -> None:
        from desktop_app.ui.importing.dialog import ImportDialog

        self._open(ImportDialog(self.context, self, "pledges"))

    def start_year(self) -> None:
        self._open(StartYearDialog(self.context.ledger, self, school_year=self.school_year))


    def show_record(self, kind, record_id: int, when=None) -> bool:
        """A search result: the pledge's school year, no other filter, the pledge selected."""
        self.show_filtered(school_year=svc.get_pledge(self.context.ledger, record_id).school_year)
        self.group.setCurrentIndex(0)
        return select_record(self.pledge_view, record_id)
