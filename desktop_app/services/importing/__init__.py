"""Excel import shared by every record kind: spec → preview (nothing written) → commit (one transaction).

    from desktop_app.services import importing
    result = importing.preview(ledger, "members", path)      # ImportPreview: good_rows, bad_rows
    importing.commit(ledger, result, skip_bad_rows=False)    # all good rows, or none
    importing.write_error_report(result, "错误行.xlsx")
    importing.write_template("members", "党员导入模板.xlsx")
"""

from desktop_app.services.importing.engine import (
    ADD, UPDATE, BadRow, GoodRow, ImportCancelled, ImportPreview, ImportResult, RowProblem, commit, preview,
)
from desktop_app.services.importing.registry import KINDS, available_kinds, load_spec


def write_template(kind: str, path):
    """See workbooks.write_template (imported on use: openpyxl is slow to load at start-up)."""
    from desktop_app.services.importing.workbooks import write_template as write

    return write(kind, path)


def write_error_report(preview_: ImportPreview, path):
    """See workbooks.write_error_report."""
    from desktop_app.services.importing.workbooks import write_error_report as write

    return write(preview_, path)


__all__ = [
    "ADD", "UPDATE", "BadRow", "GoodRow", "ImportCancelled", "ImportPreview", "ImportResult", "KINDS",
    "RowProblem", "available_kinds", "commit", "load_spec", "preview", "write_error_report", "write_template",
]
