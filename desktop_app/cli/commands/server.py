"""`migrate-to TARGET`: copy a whole ledger into an empty one, to a server database or back into a folder."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from desktop_app.services.backups import opened_backup
from desktop_app.services.errors import UserError
from desktop_app.store.engine import is_database_url
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.transfer import copy_ledger

Opener = Callable[[], Ledger]


def register(sub: argparse._SubParsersAction) -> None:
    migrate = sub.add_parser("migrate-to", help="把整个台账复制到一处空的台账（逐表核对行数）：数据文件夹 → 服务器上的 "
                                                "PostgreSQL 数据库，或服务器（--database-url）→ 本机的数据文件夹")
    migrate.add_argument("target", help="目标：postgresql+psycopg://用户@主机/数据库，或一个数据文件夹")
    migrate.add_argument("--from", dest="source_file", type=Path,
                         help="来源改为一个台账备份文件（.sqlite3，例如服务器台账的备份）")
    migrate.set_defaults(func=run_migrate_to)


def run_migrate_to(args: argparse.Namespace, ledger_opener: Opener) -> int:
    with opened_backup(args.source_file) if args.source_file else nullcontext(ledger_opener()) as source:
        if not source.on_server and not is_database_url(args.target):
            raise UserError("来源和目标都是本机的台账文件：复制台账文件请用 backup 和 restore；"
                            "migrate-to 用于迁到服务器（postgresql+psycopg://…）或从服务器迁回。")
        target = open_ledger(args.target)
        try:
            counts = copy_ledger(source, target)
        finally:
            target.close()
    print(f"已把台账复制到 {target.where}：{len(counts)} 张表，共 {sum(counts.values())} 行，逐表核对无误。")
    return 0
