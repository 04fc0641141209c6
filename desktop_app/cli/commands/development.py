"""`development [--problems]`: each person's stage, next step and due date, or only the rules not kept."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop_app.cli.table import text_table
from desktop_app.services.development.queries import list_developments
from desktop_app.store.ledger import Ledger

_STATE = {"overdue": "已逾期", "soon": "30天内", "": ""}


def register(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser("development", help="列出发展党员：阶段、下一步与期限（--problems 只列问题）")
    command.add_argument("--problems", action="store_true", help="只列出未遵守的规定")
    command.set_defaults(func=run_development)


def run_development(args: argparse.Namespace, ledger_opener: Callable[[], Ledger]) -> int:
    rows = list_developments(ledger_opener())
    if args.problems:
        problems = [f"{r.name}：{b}" for r in rows for b in r.problems]
        print(f"发展党员未遵守的规定：{len(problems)} 项" if problems else "发展党员记录没有发现问题。")
        for line in problems:
            print(line)
        return 0
    print(f"发展党员（进行中 {len(rows)} 人）")
    table = [[r.name, r.status_label, r.stage.label, r.last_step.numbered if r.last_step else "—", r.next.what,
              r.next.due.isoformat() if r.next.due else "", _STATE[r.due_state], f"{len(r.problems)}" if r.problems else ""]
             for r in rows]
    for line in text_table(["姓名", "政治面貌", "阶段", "已到步骤", "下一步", "期限", "", "问题"], table, {7}):
        print(line)
    return 0
