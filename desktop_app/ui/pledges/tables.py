"""The columns of the pledge list and the 未承诺 list, and the detail text of one pledge."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from desktop_app.domain.pledges import PledgeStatus
from desktop_app.services.pledges import PledgeRow
from desktop_app.ui.widgets.record_table import ROW_ROLE, Column

_STATUS_ORDER = {s.value: n for n, s in enumerate(PledgeStatus)}

PLEDGE_COLUMNS = (
    Column("承诺人", lambda r: r.owner_name, width=80),
    Column("党小组", lambda r: r.party_group, width=90),
    Column("承诺类型", lambda r: r.kind_label, width=72),
    Column("对标", lambda r: r.standard, width=118),
    Column("承诺内容", lambda r: r.content_summary, width=250,
           tooltip=lambda r: "\n".join(f"{n}. {item}" for n, item in enumerate(r.content_items, 1)) or None),
    Column("状态", lambda r: r.status_label, sort_key=lambda r: _STATUS_ORDER.get(r.status, 9), width=60),
    Column("公示期", lambda r: r.publication_label, sort_key=lambda r: r.published_from, width=168),
    Column("公示方式", lambda r: r.places_label, width=100),
    Column("评议等次", lambda r: r.grade_label, width=66, highlight=lambda r: r.needs_explanation,
           tooltip=lambda r: r.review_explanation or None),
    Column("评议主体", lambda r: r.body_label, width=84),
    Column("评议日期", lambda r: r.review_date, width=90),
)

NOT_PLEDGED_COLUMNS = (
    Column("姓名", lambda m: m.name, width=100),
    Column("政治面貌", lambda m: m.status_label, width=110),
    Column("党小组", lambda m: m.party_group, width=110),
    Column("部门", lambda m: m.department, width=120),
    Column("岗位", lambda m: m.posts_label, width=200),
)


def reselect(view: QTableView, ids: list[int]) -> None:
    """Select again the rows with these ids after a reload."""
    if not ids:
        return
    wanted = set(ids)
    selection = view.selectionModel()
    model = view.model()
    for number in range(model.rowCount()):
        index = model.index(number, 0)
        if index.data(ROW_ROLE).id in wanted:
            selection.select(index, QItemSelectionModel.Select | QItemSelectionModel.Rows)


def detail_html(row: PledgeRow) -> str:
    lines = [f"<b>{escape(row.owner_name)} · {escape(row.kind_label)} · {escape(row.school_year)}学年"
             f" · {escape(row.status_label)}</b>"]
    if row.standard:
        lines.append(f"对标：{escape(row.standard)}")
    items = "；".join(f"{n}. {escape(item)}" for n, item in enumerate(row.content_items, 1))
    lines.append(f"承诺内容：{items or '（尚未填写）'}")
    if row.published_from:
        lines.append(f"公示：{escape(row.publication_label)}，{escape(row.places_label)}")
    if row.review_grade:
        review = f"评议：{escape(row.grade_label)}（{escape(row.body_label)}，{row.review_date.isoformat()}）"
        if row.review_comment:
            review += f" {escape(row.review_comment)}"
        if row.review_explanation:
            review += f"；未践诺说明：{escape(row.review_explanation)}"
        lines.append(review)
    return "<br>".join(lines)

