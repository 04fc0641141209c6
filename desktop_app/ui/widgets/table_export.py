"""「导出Excel…」 for any record table: exactly the rows shown, in the order shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QTableView

from desktop_app.services.errors import UserError
from desktop_app.ui import messages
from desktop_app.ui.widgets.record_table import RecordFilterProxy, RecordTableModel, display_text


def _cell(value):
    if isinstance(value, (int, float, date)) and not isinstance(value, bool):
        return value
    return display_text(value)


def table_contents(view: QTableView) -> tuple[list[str], list[list]]:
    proxy = view.model()
    assert isinstance(proxy, RecordFilterProxy)
    model = proxy.sourceModel()
    assert isinstance(model, RecordTableModel)
    visible = [i for i, _c in enumerate(model.columns) if not view.isColumnHidden(i)]
    headers = [model.columns[i].header for i in visible]
    rows = [[_cell(model.columns[i].value(row)) for i in visible] for row in proxy.visible_rows()]
    return headers, rows


def export_view(view: QTableView, title: str, path: Path | None = None) -> Path | None:
    """Ask where to save (unless `path` is given) and write the table; returns the file or None."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(view, "导出Excel", f"{title}.xlsx", "Excel 工作簿 (*.xlsx)")
        if not chosen:
            return None
        path = Path(chosen)
    headers, rows = table_contents(view)
    from desktop_app.services.exports.table_export import export_table  # openpyxl: not before the first paint

    try:
        export_table(path, title, headers, rows)
    except UserError as exc:
        messages.refuse(view, "导出失败", exc)
        return None
    messages.info(view, "已导出", f"已导出 {len(rows)} 行到：\n{path}")
    return path


def add_export_menu(view: QTableView, title: str) -> None:
    view.setContextMenuPolicy(Qt.CustomContextMenu)

    def show_menu(position):
        menu = QMenu(view)
        action = QAction("导出为Excel…", menu)
        action.triggered.connect(lambda: export_view(view, title))
        menu.addAction(action)
        menu.exec(view.viewport().mapToGlobal(position))

    view.customContextMenuRequested.connect(show_menu)
