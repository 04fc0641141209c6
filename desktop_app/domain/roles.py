"""Who may do what in a shared ledger: the secretary (书记) everything; a grade office (年级组) enters
听课 and 家访 records and changes or deletes only those it entered itself, and reads the rest.

Pure rules: the store asks them inside every write transaction, the window asks them to grey buttons.
"""

from __future__ import annotations

from enum import Enum

from desktop_app.domain.problems import UserError


class Role(str, Enum):
    SECRETARY = "secretary"
    GRADE_OFFICE = "grade_office"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.SECRETARY: "书记", Role.GRADE_OFFICE: "年级组"}

# The tables a grade office writes: 听课记录, 家访记录 and the students of its visits.
GRADE_OFFICE_TABLES = frozenset({"observation", "visit", "visit_student"})


class NotPermitted(UserError):
    """The logged-in user's role does not allow this write; nothing was changed."""


def is_secretary(role: Role | str | None) -> bool:
    """None is her own ledger file (no users, no login): the secretary's."""
    return role is None or Role(role) is Role.SECRETARY


def may_write_table(role: Role | str | None, table: str) -> bool:
    return is_secretary(role) or table in GRADE_OFFICE_TABLES


def refuse_table(role: Role | str | None, table: str, label: str) -> None:
    """NotPermitted naming the kind of record when `role` may not write `table` at all."""
    if not may_write_table(role, table):
        raise NotPermitted(f"年级组账号只能录入和修改自己的听课记录、家访记录，不能修改{label}。"
                           "如需修改，请联系书记。没有保存任何改动。")


def refuse_others_record(role: Role | str | None, user: str | None, entered_by: str | None, label: str,
                         *, deleting: bool = False) -> None:
    """NotPermitted when a grade office changes or deletes a record another user entered."""
    if is_secretary(role) or (entered_by is not None and entered_by == user):
        return
    what = "删除" if deleting else "修改"
    owner = f"“{entered_by}”" if entered_by else "书记"
    raise NotPermitted(f"此{label}是{owner}录入的，年级组账号只能{what}自己录入的记录。没有保存任何改动。")
