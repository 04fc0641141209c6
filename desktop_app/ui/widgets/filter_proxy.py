"""RecordFilterProxy without the deprecated `invalidateFilter()` (PySide6 6.12 warns on it).

`record_table.RecordFilterProxy` re-filters through `invalidateFilter()`, which PySide6 6.12
marks deprecated; with warnings as errors every search keystroke would fail a test. Until the
shared proxy changes, screens use this drop-in subclass: it routes the re-filter through
`beginFilterChange()` / `endFilterChange()` (Qt 6.9+), which re-evaluates every row.
"""

from __future__ import annotations

from desktop_app.ui.widgets.record_table import RecordFilterProxy


class FilterProxy(RecordFilterProxy):
    def invalidateFilter(self) -> None:  # noqa: N802 - overrides the Qt name
        self.beginFilterChange()
        self.endFilterChange()
