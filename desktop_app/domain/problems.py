"""A rule's complaint about one field, in the user's words: what every layer hands up to the form."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    field: str  # the Chinese field label, as the user sees it
    message: str

    def __str__(self) -> str:
        return f"{self.field}：{self.message}"
