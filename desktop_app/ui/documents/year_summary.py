"""导出 → 学年工作总结: choose the school year and where to save; the Word draft is written
by services.documents.year_summary with every figure counted from the ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from desktop_app.domain.calendar import school_year_of
from desktop_app.services.documents.year_summary import write_year_summary
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations.queries import evaluated_years
from desktop_app.services.pledges.queries import pledge_years
from desktop_app.services.settings import configured_school_years
from desktop_app.ui import messages

TITLE = "学年工作总结"


def summary_years(ledger) -> list[str]:
    return sorted(set(configured_school_years(ledger)) | set(pledge_years(ledger)) | evaluated_years(ledger),
                  reverse=True)


def export_year_summary(main_window: QWidget) -> Path | None:
    ledger = main_window.context.ledger
    years = summary_years(ledger)
    current = school_year_of(date.today())
    year, chosen = QInputDialog.getItem(main_window, TITLE, "学年：", years,
                                        years.index(current) if current in years else 0, False)
    if not chosen:
        return None
    path, _filter = QFileDialog.getSaveFileName(main_window, TITLE, f"{year}学年工作总结.docx", "Word 文档 (*.docx)")
    if not path:
        return None
    target = Path(path) if path.lower().endswith(".docx") else Path(path + ".docx")
    try:
        write_year_summary(ledger, year, target)
    except UserError as exc:
        messages.error(main_window, TITLE, str(exc))
        return None
    messages.info(main_window, TITLE, f"已导出 {year}学年工作总结（草稿）：\n{target}\n\n"
                                      "每个数字都是台账里的统计结果，各自成句，可在 Word 中修改完善。")
    return target
