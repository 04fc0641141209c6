"""`migrate-to postgresql+psycopg://…`: copy the data folder's ledger into an empty server database."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop_app.services.errors import UserError
from desktop_app.store.engine import is_database_url
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.transfer import copy_ledger

Opener = Callable[[], Ledger]


def register(sub: argparse._SubParsersAction) -> None:
    migrate = sub.add_parser("migrate-to", help="把数据文件夹里的台账复制到服务器上一个空的 PostgreSQL 数据库（逐表核对行数）")
    migrate.add_argument("url", help="目标数据库，如 postgresql+psycopg://用户:密码@主机/数据库")
    migrate.set_defaults(func=run_migrate_to)


def run_migrate_to(args: argparse.Namespace, ledger_opener: Opener) -> int:
    if args.database_url:
        raise UserError("migrate-to 从数据文件夹里的台账文件复制：请用 --data-dir 指定来源，不要同时给 --database-url。")
    if not is_database_url(args.url):
        raise UserError(f"“{args.url}”不是 PostgreSQL 数据库地址，应以 postgresql+psycopg:// 开头。")
    source = ledger_opener()
    target = open_ledger(args.url)
    try:
        counts = copy_ledger(source, target)
    finally:
        target.close()
    print(f"已把台账复制到 {target.where}：{len(counts)} 张表，共 {sum(counts.values())} 行，逐表核对无误。")
    return 0
