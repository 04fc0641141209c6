"""`backup -o FILE`, `restore FILE`, `check [FILE]`, `demo`: looking after the ledger file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from desktop_app.paths import DB_FILENAME, resolve_data_dir
from desktop_app.services import backups
from desktop_app.services.checks import check_ledger_file
from desktop_app.store.ledger import Ledger, server_revision
from desktop_app.store.schema import check_not_too_new

Opener = Callable[[], Ledger]


def register(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="把台账备份到一个文件")
    backup.add_argument("-o", "--output", required=True, type=Path, help="备份文件路径（.sqlite3）")
    backup.set_defaults(func=run_backup)

    restore = sub.add_parser("restore", help="用备份文件恢复台账（先校验，并为当前台账做安全备份）")
    restore.add_argument("file", type=Path, help="备份文件")
    restore.set_defaults(func=run_restore)

    check = sub.add_parser("check", help="检查台账文件是否完好（完整性与外键）")
    check.add_argument("file", type=Path, nargs="?", help="要检查的文件（默认为当前台账）")
    check.set_defaults(func=run_check)

    demo = sub.add_parser("demo", help="在空台账中填入一所示例学校，便于熟悉程序")
    demo.set_defaults(func=run_demo)


def run_backup(args: argparse.Namespace, ledger_opener: Opener) -> int:
    written = backups.backup_now(ledger_opener(), args.output)
    print(f"已备份到：{written}")
    return 0


def run_restore(args: argparse.Namespace, _ledger_opener: Opener) -> int:
    # Not through ledger_opener: restoring must work even when the current file cannot be opened.
    ledger, result = backups.restore(resolve_data_dir(args.data_dir), args.file)
    ledger.close()
    print(f"已用“{result.source}”恢复台账。")
    if result.safety_backup:
        print(f"恢复前的台账已另存为安全备份：{result.safety_backup}")
    return 0


def run_check(args: argparse.Namespace, _ledger_opener: Opener) -> int:
    if args.database_url:
        return _check_server(args.database_url)
    # Read-only: opening through ledger_opener would upgrade (write) the file first.
    result = check_ledger_file(args.file or resolve_data_dir(args.data_dir) / DB_FILENAME)
    print(result.summary())
    return 0 if result.ok else 1


def _check_server(url: str) -> int:
    """A server ledger: reachable, and its data version known to this program (nothing is changed)."""
    where, revision = server_revision(url)
    check_not_too_new(revision)
    print(f"正常：{where}{f'（数据版本 {revision}）' if revision else '（空数据库）'}")
    return 0


def run_demo(args: argparse.Namespace, ledger_opener: Opener) -> int:
    from desktop_app.services.demo import fill_empty_ledger

    ledger = ledger_opener()
    added = fill_empty_ledger(ledger)
    print(f"已填入示例学校（{'、'.join(added)}）：{ledger.db_path or ledger.where}")
    return 0
