"""Deleting a member deliberately: say what goes with them, or offer 已离开 when records refer to them."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop_app.services import members as member_service
from desktop_app.services.errors import InUse, UserError
from desktop_app.services.references import Reference, blocking, references_to
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages


def consequences(references: list[Reference]) -> list[str]:
    """What deleting also does, in the user's words, from the references that do not refuse."""
    lines = []
    for ref in references:
        if ref.ondelete == "CASCADE":
            lines.append(f"将同时删除此人的{ref.label} {ref.count} 条")
        elif ref.ondelete == "SET NULL":
            if ref.table == "school_class":
                lines.append(f"{ref.count} 个班级的班主任将被清空")
            else:
                lines.append(f"{ref.label} {ref.count} 条中的此人将被清空")
    return lines


def delete_member_asking(parent: QWidget, ledger: Ledger, row: member_service.MemberRow) -> bool:
    """Ask, then delete (or mark as left when records refer to the person). True if anything changed."""
    references = references_to(ledger, "member", row.id)
    refusing = blocking(references)
    if refusing:
        listed = "、".join(str(r) for r in refusing)
        return _offer_mark_left(parent, ledger, row, f"不能删除“{row.name}”：还有{listed}引用此人。")
    text = f"确定删除“{row.name}”吗？此操作不能撤销。"
    extra = consequences(references)
    if extra:
        text += "\n\n" + "\n".join(f"· {line}" for line in extra)
    if not messages.confirm(parent, "删除党员", text, danger=True):
        return False
    try:
        member_service.delete_member(ledger, row.id)
    except InUse as exc:  # records were added meanwhile
        return _offer_mark_left(parent, ledger, row, str(exc))
    except UserError as exc:
        messages.refuse(parent, "未能删除", exc)
        return False
    return True


def _offer_mark_left(parent: QWidget, ledger: Ledger, row: member_service.MemberRow, reason: str) -> bool:
    if not row.active:
        messages.warn(parent, "不能删除", reason + "\n此人已标记为“已离开”，历史记录会保留。")
        return False
    question = reason + "\n\n要改为标记“已离开”吗？（不再在册，历史记录保留）"
    if not messages.confirm(parent, "不能删除", question):
        return False
    try:
        member_service.mark_left(ledger, row.id, date.today())
    except UserError as exc:
        messages.refuse(parent, "未能标记为已离开", exc)
        return False
    return True
