"""A record filter that keeps each row's searchable text, so typing in the search box of a
semester's visits (thousands of rows) filters without formatting every cell again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.ui.widgets.record_table import RecordFilterProxy, display_text


class CachedSearchProxy(RecordFilterProxy):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._test: Callable[[Any], bool] | None = None
        self._haystacks: list[str] | None = None

    def setSourceModel(self, model) -> None:  # noqa: N802
        super().setSourceModel(model)
        model.modelReset.connect(self._forget)

    def _forget(self) -> None:
        self._haystacks = None

    def set_search_text(self, text: str) -> None:
        self._text = text.strip().casefold()
        super().set_search_text(text)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._test = predicate
        super().set_predicate(predicate)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self._test and not self._test(model.row_at(source_row)):
            return False
        if not self._text:
            return True
        if self._haystacks is None:
            self._haystacks = ["\x1f".join(display_text(c.value(row)) for c in model.columns).casefold()
                               for row in model.rows()]
        return self._text in self._haystacks[source_row]
