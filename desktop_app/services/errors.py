"""Errors the services raise for the user to read (messages in Chinese)."""

from __future__ import annotations

from desktop_app.domain.problems import FieldProblem, UserError

__all__ = ["FieldProblem", "InUse", "NotFound", "UserError", "ValidationError"]


class ValidationError(UserError):
    def __init__(self, problems: list[FieldProblem]):
        self.problems = problems
        super().__init__("；".join(str(p) for p in problems))


class NotFound(UserError):
    pass


class InUse(UserError):
    """The record is referred to by others and cannot be deleted as it is."""
