"""What the logged-in role may not change, as a button's reason (rules in domain/roles.py)."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.domain.roles import may_write_table


def write_gate(context, table: str, noun: str) -> Callable[[], str | None]:  # noqa: ANN001 - AppContext
    """For record_buttons(gate=…): None while the ledger's role may write `table`, else why not."""

    def refusal() -> str | None:
        if may_write_table(context.ledger.role, table):
            return None
        return f"年级组账号只能查看{noun}，不能新增、编辑或删除；如需修改请联系书记。"

    return refusal
