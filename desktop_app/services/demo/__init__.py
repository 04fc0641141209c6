"""A realistic sample school for a new user (`python -m desktop_app demo`).

Each record kind has its own module here with `add_demo(ledger, rng)`; they run in the order of
DEMO_KINDS, so later kinds can use the people made by earlier ones.
"""

from __future__ import annotations

import random

from desktop_app.services.demo import (
    development, evaluations, meetings, people, pledges, prints, records, rectifications,
)
from desktop_app.services.errors import UserError
from desktop_app.store.backup import rotating_backup
from desktop_app.store.ledger import Ledger
from desktop_app.store.schema import restore_file

DEMO_KINDS = (people, pledges, records, rectifications, evaluations, meetings, development, prints)


def kind_name(module) -> str:
    return module.__name__.rpartition(".")[2]


def fill_demo(ledger: Ledger, seed: int = 2025) -> list[str]:
    """Fill the ledger with the sample school; returns the kinds that were added."""
    rng = random.Random(seed)
    for module in DEMO_KINDS:
        module.add_demo(ledger, rng)
    return [kind_name(module) for module in DEMO_KINDS]


def fill_empty_ledger(ledger: Ledger) -> list[str]:
    """载入示例学校: only into a ledger without people; on failure the ledger is put back empty."""
    if people.has_people(ledger):
        raise UserError("台账中已有人员信息，示例学校只能填入空台账。要看示例，请另用一个新的数据文件夹（命令行 --data-dir）。")
    if ledger.on_server:  # no file to put back: say what is left
        try:
            return fill_demo(ledger)
        except Exception as exc:
            raise UserError(f"示例数据没有填完（已填入的部分留在数据库里），请换一个新的空数据库再试：{exc}") from exc
    # Each record kind commits on its own; keep the empty ledger so a failure leaves no half school.
    empty = rotating_backup(ledger.db_path, ledger.data_dir, "pre-demo", keep=1)
    try:
        return fill_demo(ledger)
    except Exception as exc:
        ledger.close()
        restore_file(empty, ledger.db_path)
        raise UserError(f"示例数据没有填完，台账已恢复为空：{exc}") from exc
    finally:
        empty.unlink(missing_ok=True)
