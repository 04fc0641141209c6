"""`search TEXT`: every record that mentions the text, grouped by kind, newest first."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop_app.cli.table import text_table
from desktop_app.services.search import search
from desktop_app.store.ledger import Ledger


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("search", help="在全部记录中查找文字（姓名 1 个字即可，记录内容 3 个字以上）")
    parser.add_argument("text", metavar="文字", help="要查找的姓名、班级或记录中的文字")
    parser.add_argument("--per-kind", type=int, default=10, metavar="N", help="每类最多列出的条数（默认 10）")
    parser.set_defaults(func=run_search)


def run_search(args: argparse.Namespace, ledger_opener: Callable[[], Ledger]) -> int:
    groups = search(ledger_opener(), args.text, per_kind=max(1, args.per_kind))
    if not groups:
        hint = "；记录内容请输入 3 个字以上" if len(args.text.strip()) < 3 else ""
        print(f"没有找到含“{args.text.strip()}”的记录{hint}。")
        return 0
    for group in groups:
        shown = f"，列出最新 {len(group.hits)} 条" if group.total > len(group.hits) else ""
        print(f"{group.kind.label}（共 {group.total_text} 条{shown}）")
        rows = [[h.when.isoformat() if h.when else "", h.title, h.matched] for h in group.hits]
        for line in text_table(["日期", "记录", "匹配内容"], rows, set()):
            print("  " + line)
    return 0
