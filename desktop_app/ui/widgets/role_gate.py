"""What the logged-in role may not change, as a button's reason (rules in domain/roles.py).

The store refuses such writes regardless; the buttons only say so before she tries.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton

from desktop_app.domain.roles import may_write_table


def write_gate(context, table: str, noun: str) -> Callable[[], str | None]:  # noqa: ANN001 - AppContext
    """For record_buttons(gate=…): None while the ledger's role may write `table`, else why not."""

    def refusal() -> str | None:
        if may_write_table(context.ledger.role, table):
            return None
        return f"年级组账号只能查看{noun}，不能新增、编辑或删除；如需修改请联系书记。"

    return refusal


class _KeptDisabled(QObject):
    """Keeps a button disabled (whatever its screen's selection logic says) while the gate refuses."""

    def __init__(self, button: QAbstractButton, gate: Callable[[], str | None]):
        super().__init__(button)
        self._button, self._gate, self._tip = button, gate, button.toolTip()
        self._held = False  # disabled by the gate, not by its screen
        button.installEventFilter(self)
        self.follow()

    def follow(self) -> None:
        refused = self._gate()
        self._button.setToolTip(refused or self._tip)
        if refused and self._button.isEnabled():
            self._held = True
            self._button.setEnabled(False)
        elif not refused and self._held:
            self._held = False
            self._button.setEnabled(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.EnabledChange and self._button.isEnabled() and self._gate():
            self._held = True
            self._button.setEnabled(False)
        return False


def gate_buttons(context, table: str, noun: str, *buttons: QAbstractButton) -> None:  # noqa: ANN001
    """Buttons outside record_buttons (a class list, a settings button): disabled with the reason while
    the ledger's role may not write `table`, looked at again when the ledger is replaced (a login)."""
    gate = write_gate(context, table, noun)
    for button in buttons:
        context.reloaded.connect(_KeptDisabled(button, gate).follow)
