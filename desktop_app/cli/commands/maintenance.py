"""`backup -o FILE`, `restore FILE`, `check [FILE]`, `demo`: looking after the ledger file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from desktop_app.paths import DB_FILENAME, resolve_data_dir
from desktop_app.services import backups
from desktop_app.services.errors import UserError
from desktop_app.store.backup import integrity_problems, is_sqlite_file, rotating_backup
from desktop_app.store.ledger import Ledger
from desktop_app.store.schema import LedgerError, check_not_too_new, current_revision, restore_file

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
    # Read-only: opening through ledger_opener would upgrade (write) the file first.
    path = args.file or resolve_data_dir(args.data_dir) / DB_FILENAME
    if not path.is_file():
        raise UserError(f"找不到文件“{path}”。")
    revision = None
    if not is_sqlite_file(path):
        problems = ["不是 SQLite 数据库文件（文件头已损坏或不是台账文件）"]
    else:
        problems = integrity_problems(path)
        if not problems:
            try:
                revision = current_revision(path)
                check_not_too_new(revision)
            except LedgerError as exc:
                problems = [str(exc)]
    if not problems:
        version = f"（数据版本 {revision}）" if revision else "（空台账）"
        print(f"正常：{path}{version}")
        return 0
    print(f"发现问题：{path}")
    for problem in problems:
        print(f"  - {problem}")
    return 1


def run_demo(args: argparse.Namespace, ledger_opener: Opener) -> int:
    from desktop_app.services.demo import fill_demo
    from desktop_app.services.demo.people import has_people

    ledger = ledger_opener()
    if has_people(ledger):
        raise UserError("台账中已有人员信息，示例数据只能填入空台账。请用 --data-dir 指定一个新的数据文件夹再试。")
    # Each record kind commits on its own; keep the empty ledger so a failure leaves no half school.
    empty = rotating_backup(ledger.db_path, ledger.data_dir, "pre-demo", keep=1)
    try:
        added = fill_demo(ledger)
    except Exception as exc:
        ledger.close()
        restore_file(empty, ledger.db_path)
        raise UserError(f"示例数据没有填完，台账已恢复为空：{exc}") from exc
    finally:
        empty.unlink(missing_ok=True)
    print(f"已填入示例学校（{'、'.join(added)}）：{ledger.db_path}")
    return 0
