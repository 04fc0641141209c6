"""`python -m desktop_app [--data-dir DIR] COMMAND …`; with no word at all the window starts.

Each command module in COMMAND_MODULES has `register(subparsers)` that adds its parsers and
sets `func(args, ledger_opener) -> int`. Exit codes: 0 ok, 1 the work could not be done
(a Chinese message says why), 2 bad usage (an unknown command says 未知命令 and lists them).
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
from desktop_app.cli.commands import (
    development, evaluations, exports, importing, maintenance, meetings, prints, search, server,
)
from desktop_app.paths import DB_FILENAME, keep_files_private, resolve_data_dir
from desktop_app.services.files import clear_data_folder_leftovers
from desktop_app.services.errors import UserError
from desktop_app.store.backup import BackupError
from desktop_app.store.ledger import Ledger, open_ledger
from desktop_app.store.reasons import about_file
from desktop_app.store.schema import LedgerError

COMMAND_MODULES = (
    importing,  # import KIND FILE, template KIND
    maintenance,  # backup, restore, check, demo
    evaluations,  # evaluate
    prints,  # print
    exports,  # export
    development,  # development [--problems]
    meetings,  # meetings
    search,  # search TEXT
    server,  # migrate-to
)
# Options (ours and Qt's) whose value is the next word, not a command.
WINDOW_OPTIONS_WITH_VALUE = frozenset({
    "--data-dir", "--database-url", "--quit-after", "-platform", "-platformpluginpath", "-platformtheme", "-plugin",
    "-style", "-stylesheet", "-session", "-display", "-geometry", "-qwindowgeometry", "-qwindowtitle", "-qwindowicon",
})

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数错误：{message}\n")


# Commands that copy the SQLite file itself: a server ledger is backed up by the server's tools.
FILE_ONLY_COMMANDS = {"restore"}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m desktop_app", description=f"{APP_NAME} 命令行")
    parser.add_argument("--data-dir", help="数据文件夹（也可用环境变量 BRANCH_LEDGER_DATA_DIR 指定）")
    parser.add_argument("--database-url", help="服务器上的共用台账，如 postgresql+psycopg://用户@主机/数据库（代替数据文件夹）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    return list(parser._subparsers._group_actions[0].choices)


def first_word(argv: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value: the command."""
    words = iter(argv)
    for arg in words:
        if arg in WINDOW_OPTIONS_WITH_VALUE:
            next(words, None)
        elif not arg.startswith("-"):
            return arg
    return None


def _console_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    command = first_word(argv)
    if command is None and not {"-h", "--help"} & set(argv):
        from desktop_app.app import main as gui_main

        return gui_main(argv)
    _console_utf8()
    if command is not None and command not in command_names(parser):
        print(f"未知命令：{command}\n可用的命令：{'、'.join(command_names(parser))}\n"
              f"不带命令运行即打开窗口；查看用法：{parser.prog} --help", file=sys.stderr)
        return 2
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
        print(f"错误：{args.command} 用备份文件替换本机的台账文件，服务器上的台账（PostgreSQL）不能被整个替换，没有改动。"
              "要把备份放到服务器上，请用一个空的数据库：migrate-to postgresql+psycopg://… --from 备份文件。", file=sys.stderr)
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
