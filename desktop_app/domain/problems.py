"""A rule's complaint about one field, in the user's words: what every layer hands up to the form."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    field: str  # the Chinese field label, as the user sees it
    message: str

    def __str__(self) -> str:
        return f"{self.field}：{self.message}"


class UserError(Exception):
    """Something the user asked for cannot be done as asked; nothing was changed.
    (Defined here so the store's role check can refuse with it; services.errors re-exports it.)"""
