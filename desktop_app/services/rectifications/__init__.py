"""Suggestions (意见建议) and the rectification ledger (整改台账): queries, commands, collection from visits."""

from desktop_app.services.rectifications.collect import CollectResult, collect_from_visits
from desktop_app.services.rectifications.commands import (
    add_rectification,
    add_suggestion,
    complete_rectification,
    delete_rectification,
    delete_suggestion,
    get_rectification,
    get_suggestion,
    publish_rectification,
    reopen_rectification,
    start_rectification,
    update_rectification,
    update_suggestion,
)
from desktop_app.services.rectifications.queries import (
    LedgerSummary,
    RectificationRow,
    SuggestionRow,
    counts_by_status,
    list_rectifications,
    list_suggestions,
    overdue,
    rectification_row,
    summary,
)

__all__ = [
    "CollectResult", "collect_from_visits",
    "add_rectification", "add_suggestion", "complete_rectification", "delete_rectification",
    "delete_suggestion", "get_rectification", "get_suggestion", "publish_rectification",
    "reopen_rectification", "start_rectification", "update_rectification", "update_suggestion",
    "LedgerSummary", "RectificationRow", "SuggestionRow", "counts_by_status", "list_rectifications",
    "list_suggestions", "overdue", "rectification_row", "summary",
]
