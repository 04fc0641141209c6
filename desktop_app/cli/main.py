"""`python -m desktop_app [--data-dir DIR] COMMAND …`; with no command the window starts.

Each command module in COMMAND_MODULES has `register(subparsers)` that adds its parsers and
sets `func(args, ledger_opener) -> int`. Exit codes: 0 ok, 1 the work could not be done
(a Chinese message says why), 2 bad usage.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from desktop_app import APP_NAME
from desktop_app.logging_setup import setup_logging
from desktop_app.optional import optional_module
from desktop_app.paths import DB_FILENAME, keep_files_private, resolve_data_dir
from desktop_app.services.backups import clear_data_folder_leftovers
from desktop_app.services.errors import UserError
from desktop_app.store.backup import BackupError
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.reasons import about_file
from desktop_app.store.schema import LedgerError

COMMAND_MODULES = (
    "desktop_app.cli.commands.importing",  # import KIND FILE, template KIND
    "desktop_app.cli.commands.maintenance",  # backup, restore, check, demo
    "desktop_app.cli.commands.evaluations",  # evaluate
    "desktop_app.cli.commands.prints",  # print
    "desktop_app.cli.commands.exports",  # export
    "desktop_app.cli.commands.development",  # development [--problems]
    "desktop_app.cli.commands.meetings",  # meetings
    "desktop_app.cli.commands.search",  # search TEXT
    "desktop_app.cli.commands.server",  # migrate-to
)

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数错误：{message}\n")


# Commands that copy the SQLite file itself: a server ledger is backed up by the server's tools.
FILE_ONLY_COMMANDS = {"backup", "restore"}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m desktop_app", description=f"{APP_NAME} 命令行")
    parser.add_argument("--data-dir", help="数据文件夹（也可用环境变量 BRANCH_LEDGER_DATA_DIR 指定）")
    parser.add_argument("--database-url", help="服务器上的共用台账，如 postgresql+psycopg://用户@主机/数据库（代替数据文件夹）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMAND_MODULES:
        module = optional_module(module_name)
        if module is None:
            continue
        module.register(sub)
    return parser


def _console_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    known_commands = set(parser._subparsers._group_actions[0].choices) if parser._subparsers else set()
    if not any(arg in known_commands for arg in argv) and not {"-h", "--help"} & set(argv):
        from desktop_app.app import main as gui_main

        return gui_main(argv)
    _console_utf8()
    args = parser.parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    keep_files_private()
    setup_logging(data_dir)
    if data_dir.is_dir():
        clear_data_folder_leftovers(data_dir)
    opened: list[Ledger] = []

    def ledger_opener() -> Ledger:
        if not opened:
            opened.append(open_ledger(args.database_url or data_dir))
        return opened[0]

    if args.database_url and args.command in FILE_ONLY_COMMANDS:
        print(f"错误：{args.command} 只用于本机的台账文件；服务器上的台账（PostgreSQL）请由数据库管理员用 pg_dump 备份、"
              "用 pg_restore 恢复。", file=sys.stderr)
        return 1

    func: Callable[[argparse.Namespace, Callable[[], Ledger]], int] = args.func
    try:
        return func(args, ledger_opener)
    except (UserError, LedgerError, BackupError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        print(f"错误：{about_file('读写', data_dir / DB_FILENAME, exc)}", file=sys.stderr)
        return 1
    finally:
        for ledger in opened:
            ledger.close()


if __name__ == "__main__":
    sys.exit(main())
